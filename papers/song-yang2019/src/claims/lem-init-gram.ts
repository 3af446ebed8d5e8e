import { checkRate, type Claim } from '@repro/harness';
import { logLogSlope } from '@repro/concentration';
import type { SongYang2019Config } from '../config.js';
import type { SongYang2019Trace } from '../trace.js';
import { combine, need, widthExponent } from './select.js';

/** Card pass range: slope of log m* against log n ≤ 1.3 (Chernoff form ≈ 1, Hoeffding route ≈ 2); m* cannot shrink with n, hence 0. */
const SLOPE_RANGE: readonly [number, number] = [0, 1.3];

export const lemInitGram: Claim<SongYang2019Config, SongYang2019Trace> = {
  id: 'song-yang2019.lem.init-gram',
  source: 'LN3 Lemma 1 (restating du2019 Lemma 3.1; whether the paper uses a matrix-Chernoff version is unverified), arXiv:1906.03593',
  statement: 'If m = Ω(λ⁻²n² log(n/δ)), then with probability ≥ 1 − δ, ‖H(0) − H^cts‖_F ≤ λ/4 and λ_min(H(0)) ≥ ¾λ; empirically the width needed for λ_min(H(0)) ≥ ¾λ grows about linearly in n.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['initGram'],
  check(traces) {
    const all = need(traces, 'initGram');
    const rows = all.map((perD) => perD.flatMap((t) => t.rows.map((r) => ({ ...r, d: t.d }))));
    const fits = widthExponent(rows);
    const parts = fits.map((f) => {
      if (f.fit === null || f.missing.length > 0)
        return { tag: `d${f.d}`, v: { status: 'fail' as const, observed: { missing: f.missing.length }, expected: '', tolerance: { kind: 'rate' as const, range: SLOPE_RANGE }, note: `no m* on the grid for n ∈ {${f.missing.join(', ')}}` } };
      return { tag: `d${f.d}`, v: checkRate(f.fit, SLOPE_RANGE) };
    });
    // Context for the verdict: the Chernoff width 2‖X‖²ln(n/δ)/(ε²λ) scales like ‖X‖²/λ, so λ(n) falling at fixed d steepens m*(n).
    const first = all[0] ?? [];
    const ctxNotes = first.map((t) => {
      const ok = t.rows.filter((r) => r.mStar !== null);
      const chern = ok.length >= 2 ? logLogSlope(ok.map((r) => r.n), ok.map((r) => r.xNorm2Sq / r.lambda)).slope : Number.NaN;
      return `d=${t.d}: m* = ${t.rows.map((r) => `${r.mStar ?? '—'}@n${r.n}`).join(', ')}; λ = ${t.rows.map((r) => r.lambda.toPrecision(3)).join(', ')}; slope of ‖X‖₂²/λ vs n (Chernoff scale) = ${chern.toPrecision(3)}`;
    });
    const v = combine(parts, { expected: `slope of log m* vs log n in [${SLOPE_RANGE.join(', ')}] for every d (grid 8, 16, …; λ_min(H(0)) ≥ ¾λ in ≥ 9/10 draws)`, tolerance: { kind: 'rate', range: SLOPE_RANGE } }, ctxNotes.join(' | '));
    return v;
  },
};
