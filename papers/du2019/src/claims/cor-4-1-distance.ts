import { logLogSlope } from '@repro/concentration';
import type { Claim } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { MIN_WIDE, fig1Runs, last, perWidth, thm41Runs } from './select.js';

const BOUND_RTOL = 1e-6;
/** Distance ∝ m^{−1/2} (card band). */
const SLOPE: readonly [number, number] = [-0.65, -0.35];

/** 4√n‖y − u(0)‖/(√m λ0): the Corollary 4.1 radius. */
export function cor41Radius(n: number, m: number, residual0: number, lambda0: number): number {
  return (4 * Math.sqrt(n) * residual0) / (Math.sqrt(m) * lambda0);
}

export const cor41Distance: Claim<Du2019Config, Du2019Trace> = {
  id: 'du2019.cor4.1',
  source: 'Corollary 4.1, arXiv:1810.02054',
  statement: 'Under Condition 4.1 every neuron stays within 4√n‖y − u(0)‖/(√m λ0) of its initialization, a radius shrinking like m^{−1/2}.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['thm41', 'fig1'],
  check(traces) {
    const a = thm41Runs(traces);
    const ratiosA = a.map((t) => Math.max(...t.maxDistance) / cor41Radius(t.n, t.m, t.residual0, t.lambda0));
    const ratiosB = fig1Runs(traces)
      .filter(({ run }) => run.m >= MIN_WIDE)
      .map(({ tr, run }) => Math.max(...run.maxDistance) / cor41Radius(tr.n, run.m, run.residual0, tr.lambda0));
    const worstA = Math.max(...ratiosA);
    const worstB = Math.max(...ratiosB);
    const rows = perWidth(traces, (r) => last(r.maxDistance)).filter((r) => r.m >= MIN_WIDE);
    const fit = logLogSlope(
      rows.map((r) => r.m),
      rows.map((r) => r.mean),
    );
    const okBound = worstA <= 1 + BOUND_RTOL && worstB <= 1 + BOUND_RTOL;
    const okRate = fit.slope >= SLOPE[0] && fit.slope <= SLOPE[1];
    return {
      status: okBound && okRate ? 'pass' : 'fail',
      observed: {
        maxDistanceOverRadiusA: worstA,
        slackA: 1 / worstA,
        maxDistanceOverRadiusB: worstB,
        slackB: 1 / worstB,
        slope: fit.slope,
        slopeCiLow: fit.slopeCi[0],
        slopeCiHigh: fit.slopeCi[1],
      },
      expected: `max_r ‖w_r(k) − w_r(0)‖ ≤ 4√n‖y − u(0)‖/(√m λ0) on run A and Figure-1 runs (m ≥ ${MIN_WIDE}); slope of final distance vs m in [${SLOPE.join(', ')}]`,
      tolerance: { kind: 'bound', side: 'le' },
    };
  },
};
