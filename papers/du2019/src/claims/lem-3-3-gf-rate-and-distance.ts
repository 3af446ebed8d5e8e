import { logLogSlope } from '@repro/concentration';
import { allOf, checkBound, checkCondition, checkRate } from '@repro/harness';
import { gfTraces, type Du2019Claim } from './select.js';

/** Distance ∝ m^{−1/2} (the R′ scaling; the band for every m^{−1/2} quantity) [NOTES.md §3]. */
const DIST_SLOPE: readonly [number, number] = [-0.65, -0.35];

export const lem33GfRateAndDistance: Du2019Claim = {
  id: 'du2019.lem3.3',
  source: 'Lemma 3.3, arXiv:1810.02054 (R′ with the factor 2 its proof supports; see NOTES.md §2)',
  statement:
    'While λ_min(H(s)) ≥ λ0/2, the loss decays at least like e^{−λ0 t} and every neuron stays within R′ = 2√n‖y − u(0)‖/(√m λ0) of its initialization.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['gf'],
  catches: ['loss-mean', 'output-scale'],
  check(traces) {
    const all = gfTraces(traces);
    const runs = all.flatMap((g) => g.runs.map((r) => ({ r, g })));
    if (runs.length === 0) throw new Error('GF suite has no runs');
    // (ii) only where the lemma's hypothesis held at every logged time.
    const eligible = runs.filter(({ r }) => r.lambdaRatios.length > 0 && r.lambdaRatios.every((x) => x >= 0.5));
    const distRatio = eligible.map(({ r, g }) => r.maxDistance / ((2 * Math.sqrt(g.n) * r.residual0) / (Math.sqrt(r.m) * g.lambda0)));
    const worstDist = distRatio.length > 0 ? Math.max(...distRatio) : Number.NaN;
    const v = allOf(
      {
        // (i) exp(max_k [ln(L(k)/L(0)) + λ0 kη]) ≤ 1 on every run.
        rate: checkBound(Math.exp(Math.max(...runs.map(({ r }) => r.maxExcess))), 1, 'le'),
        // (ii) loose (slack ≈ 40): the R′ radius, on the eligible runs.
        radius: eligible.length > 0 ? checkBound(distRatio, 1, 'le') : checkCondition(false, { eligibleRuns: 0 }, 'some run with λ_min(H) ≥ λ0/2 throughout', 'no eligible run'),
        // tight: the m^{−1/2} scaling of R′ in the measured distance, fitted over every run (not seed means).
        distanceRate: checkRate(
          logLogSlope(
            runs.map(({ r }) => r.m),
            runs.map(({ r }) => r.maxDistance),
          ),
          DIST_SLOPE,
        ),
      },
      { slackRPrimeLectureNotes: 0.5 / worstDist, eligibleRuns: eligible.length, runs: runs.length },
    );
    const why = 'GD with η = 0.05/λ_max(H∞) stands in for gradient flow (t = kη); slackRPrimeLectureNotes uses R′ without the factor 2 as printed in LN3/LN6';
    return { ...v, note: v.note === undefined ? why : `${v.note}; ${why}` };
  },
};
