import type { Claim } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { gfTraces } from './select.js';

/** Relative slack allowed on an exact inequality: float32 rounding of L(k) (≈1e-7) is far below it in log space. */
const BOUND_RTOL = 1e-6;

export const lem33GfRateAndDistance: Claim<Du2019Config, Du2019Trace> = {
  id: 'du2019.lem3.3',
  source: 'Lemma 3.3, arXiv:1810.02054 (R′ with the factor 2 its proof supports; see the card)',
  statement:
    'While λ_min(H(s)) ≥ λ0/2, the loss decays at least like e^{−λ0 t} and every neuron stays within R′ = 2√n‖y − u(0)‖/(√m λ0) of its initialization.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['gf'],
  check(traces) {
    const all = gfTraces(traces);
    const runs = all.flatMap((g) => g.runs.map((r) => ({ r, g })));
    if (runs.length === 0) throw new Error('GF suite has no runs');
    const maxRatio = Math.exp(Math.max(...runs.map(({ r }) => r.maxExcess)));
    // (ii) only where the lemma's hypothesis held at every logged time.
    const eligible = runs.filter(({ r }) => r.lambdaRatios.length > 0 && r.lambdaRatios.every((x) => x >= 0.5));
    const distRatio = eligible.map(({ r, g }) => {
      const rPrime = (2 * Math.sqrt(g.n) * r.residual0) / (Math.sqrt(r.m) * g.lambda0);
      return r.maxDistance / rPrime;
    });
    const worstDist = distRatio.length > 0 ? Math.max(...distRatio) : Number.NaN;
    const okRate = maxRatio <= 1 + BOUND_RTOL;
    const okDist = eligible.length > 0 && worstDist <= 1 + BOUND_RTOL;
    return {
      status: okRate && okDist ? 'pass' : 'fail',
      observed: {
        maxLossOverExpBound: maxRatio,
        rateSlack: 1 / maxRatio,
        maxDistanceOverRPrime: worstDist,
        slackRPrime: 1 / worstDist,
        slackRPrimeLectureNotes: 0.5 / worstDist,
        eligibleRuns: eligible.length,
        runs: runs.length,
      },
      expected: 'max_k L(k)/(e^{−λ0 kη} L(0)) ≤ 1 on every run; max_r ‖w_r(t) − w_r(0)‖ ≤ R′ on runs with λ_min(H) ≥ λ0/2 at every logged t',
      tolerance: { kind: 'bound', side: 'le' },
      note:
        'GD with η = 0.05/λ_max(H∞) stands in for gradient flow (t = kη); slackRPrimeLectureNotes uses R′ without the factor 2 as printed in LN3/LN6',
    };
  },
};
