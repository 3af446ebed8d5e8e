import { allOf, checkAllClose, checkBound, need } from '@repro/harness';
import { erf, normalQuantile } from '@repro/concentration';
import { ALPHA, partName, type SongYang2019Claim } from './select.js';

const SQRT_2PI = Math.sqrt(2 * Math.PI);

export const lemAntic: SongYang2019Claim = {
  id: 'song-yang2019.lem.antic',
  source: 'LN3 eq. (6) (anti-concentration of w̃ᵀx; shared with du2019 Lemma 3.2(a)), arXiv:1906.03593',
  statement: 'The event A_ir (neuron r can flip on x_i within distance R) holds iff |w̃_rᵀx_i| < R, and P(A_ir) ≤ 2R/√(2π).',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['perturb'],
  catches: ['init-variance', 'flip-radius'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const t = need(traces, 'perturb')[0];
    if (t === undefined) throw new Error('no perturb trace');
    const cases = t.geometries.flatMap((g) => g.radii.map((R, ri) => ({ g: g.name, R, f: g.flagFraction[ri] as { mean: number; se: number } })));
    // (exact) z-tests of the flag fraction against the exact P(A_ir) = erf(R/√2), Bonferroni over the cases: a false failure
    // at most ALPHA of the time. Pooled over m·T neurons (smoke 2·10⁵), the SE is ~1e-4 of a fraction of 0.04–0.4, so a
    // variance or radius bug of 5 % moves z by tens: the power is ≈ 1.
    const z = normalQuantile(1 - ALPHA / (2 * cases.length));
    const zScores = cases.map((c) => (c.f.mean - erf(c.R / Math.SQRT2)) / c.f.se);
    // (bound) the bound is on a probability and nearly tight for small R (erf(R/√2)/(2R/√(2π)) → 1), so the sampled
    // fraction is tested against it one-sided: z = (fraction − 2R/√(2π))/SE ≤ z_{1−α/k} (Bonferroni), not fraction ≤ bound.
    const zOne = normalQuantile(1 - ALPHA / cases.length);
    const extra: Record<string, number> = { zCritTwoSided: z, zCritOneSided: zOne };
    for (const c of cases) {
      extra[`flagFraction_${c.g}_${partName(`R${c.R}`)}`] = c.f.mean;
      extra[`exactOverBound_${c.g}_${partName(`R${c.R}`)}`] = erf(c.R / Math.SQRT2) / ((2 * c.R) / SQRT_2PI);
    }
    return allOf(
      {
        exact: checkAllClose(zScores, zScores.map(() => 0), 0, z),
        bound: checkBound(cases.map((c) => (c.f.mean - (2 * c.R) / SQRT_2PI) / c.f.se), zOne, 'le'),
      },
      extra,
    );
  },
};
