import { checkAllClose, checkBound, type Claim } from '@repro/harness';
import { erf, normalQuantile } from '@repro/concentration';
import type { SongYang2019Config } from '../config.js';
import type { SongYang2019Trace } from '../trace.js';
import { ALPHA, combine, need } from './select.js';

const SQRT_2PI = Math.sqrt(2 * Math.PI);

export const lemAntic: Claim<SongYang2019Config, SongYang2019Trace> = {
  id: 'song-yang2019.lem.antic',
  source: 'LN3 eq. (6) (anti-concentration of w̃ᵀx; shared with du2019 Lemma 3.2(a)), arXiv:1906.03593',
  statement: 'The event A_ir (neuron r can flip on x_i within distance R) holds iff |w̃_rᵀx_i| < R, and P(A_ir) ≤ 2R/√(2π).',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['perturb'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const t = need(traces, 'perturb')[0];
    if (t === undefined) throw new Error('no perturb trace');
    const cases = t.geometries.flatMap((g) => g.radii.map((R, ri) => ({ g: g.name, R, f: g.flagFraction[ri] as { mean: number; se: number } })));
    // Bonferroni over the cases: family-wise false-failure rate ≤ ALPHA for the z-tests of the exact probability erf(R/√2).
    const z = normalQuantile(1 - ALPHA / (2 * cases.length));
    const zScores = cases.map((c) => (c.f.mean - erf(c.R / Math.SQRT2)) / c.f.se);
    const exact = checkAllClose(zScores, zScores.map(() => 0), 0, z);
    const ratios = cases.map((c) => erf(c.R / Math.SQRT2) / ((2 * c.R) / SQRT_2PI));
    // The bound is on a probability and nearly tight for small R (erf(R/√2)/(2R/√(2π)) → 1), so the sampled fraction is
    // tested against it one-sided: z = (fraction − 2R/√(2π))/SE ≤ z_{1−α/k} (Bonferroni), not fraction ≤ bound.
    const zOne = normalQuantile(1 - ALPHA / cases.length);
    const bound = checkBound(cases.map((c) => (c.f.mean - (2 * c.R) / SQRT_2PI) / c.f.se), zOne, 'le');
    const v = combine(
      [
        { tag: 'exact', v: exact },
        { tag: 'bound', v: bound },
      ],
      { expected: `flag fraction = erf(R/√2) within ±${z.toFixed(2)} SE (Bonferroni over ${cases.length} cases) and not significantly above 2R/√(2π) (one-sided z ≤ ${zOne.toFixed(2)})`, tolerance: { kind: 'probability', claimed: 1 - ALPHA, alpha: ALPHA } },
    );
    cases.forEach((c, i) => {
      v.observed[`flagFraction_${c.g}_R${c.R}`] = c.f.mean;
      v.observed[`exactOverBound_${c.g}_R${c.R}`] = ratios[i] as number;
    });
    return v;
  },
};
