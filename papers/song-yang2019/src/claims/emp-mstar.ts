import { checkRate, type Claim } from '@repro/harness';
import type { SongYang2019Config } from '../config.js';
import type { SongYang2019Trace } from '../trace.js';
import { combine, need, widthExponent } from './select.js';

/** Card pass range: slope < 2 so the quadratic claim is not contradicted; m* cannot shrink with n, hence 0. */
const SLOPE_RANGE: readonly [number, number] = [0, 2];
/** Theory exponents the measured one is compared with (order in n only). */
export const THEORY_EXPONENTS = { songYang: 4, du2019: 6, title: 2 } as const;

export const empMstar: Claim<SongYang2019Config, SongYang2019Trace> = {
  id: 'song-yang2019.emp.mstar',
  source: 'Project experiment [card OURS]; not a claim of the paper',
  statement: 'The smallest width at which GD (η = 1/λ_max) reaches L ≤ 1e-4·L(0) within ⌈30/(ηλ)⌉ steps in most seeds grows like n^s with s < 2, far below the n⁴ (this paper) and n⁶ (du2019) sufficient widths.',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['mstar'],
  check(traces) {
    const rows = need(traces, 'mstar').map((t) => t.rows);
    const fits = widthExponent(rows);
    const parts = fits.map((f) =>
      f.fit === null || f.missing.length > 0
        ? { tag: `d${f.d}`, v: { status: 'fail' as const, observed: { missing: f.missing.length }, expected: '', tolerance: { kind: 'rate' as const, range: SLOPE_RANGE }, note: `m* not found (or < 3 points) for n ∈ {${f.missing.join(', ')}}` } }
        : { tag: `d${f.d}`, v: checkRate(f.fit, SLOPE_RANGE) },
    );
    const desc = fits
      .filter((f) => f.fit !== null)
      .map((f) => `d=${f.d}: m* = ${f.mStar.map((m, i) => `${m.toFixed(1)}@n${f.ns[i]}`).join(', ')}; exponent ${f.fit?.slope.toFixed(3)} (95% CI ${f.fit?.slopeCi[0].toFixed(2)} … ${f.fit?.slopeCi[1].toFixed(2)}) vs n² (title), n⁴ (this paper), n⁶ (du2019)`);
    return combine(parts, { expected: `fitted exponent of m*(n) in [${SLOPE_RANGE.join(', ')}] for every d`, tolerance: { kind: 'rate', range: SLOPE_RANGE } }, desc.join(' | '));
  },
};
