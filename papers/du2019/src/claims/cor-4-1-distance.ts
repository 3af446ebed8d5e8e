import { logLogSlope } from '@repro/concentration';
import { allOf, checkBound, checkRate } from '@repro/harness';
import { MIN_WIDE, fig1Runs, thm41Runs, type Du2019Claim } from './select.js';

/** Distance ∝ m^{−1/2} [NOTES.md §3]. */
const SLOPE: readonly [number, number] = [-0.65, -0.35];

/** 4√n‖y − u(0)‖/(√m λ0): the Corollary 4.1 radius. */
export function cor41Radius(n: number, m: number, residual0: number, lambda0: number): number {
  return (4 * Math.sqrt(n) * residual0) / (Math.sqrt(m) * lambda0);
}

export const cor41Distance: Du2019Claim = {
  id: 'du2019.cor4.1',
  source: 'Corollary 4.1, arXiv:1810.02054',
  statement: 'Under Condition 4.1 every neuron stays within 4√n‖y − u(0)‖/(√m λ0) of its initialization, a radius shrinking like m^{−1/2}.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['thm41', 'fig1'],
  catches: ['output-scale'],
  check(traces) {
    const wide = fig1Runs(traces).filter(({ run }) => run.m >= MIN_WIDE);
    return allOf({
      // loose (slack ≈ 35 on A, ≈ 300 on B): the radius itself.
      radiusA: checkBound(
        thm41Runs(traces).map((t) => Math.max(...t.maxDistance) / cor41Radius(t.n, t.m, t.residual0, t.lambda0)),
        1,
        'le',
      ),
      radiusB: checkBound(
        wide.map(({ tr, run }) => Math.max(...run.maxDistance) / cor41Radius(tr.n, run.m, run.residual0, tr.lambda0)),
        1,
        'le',
      ),
      // tight: the radius' m^{−1/2} in the measured final distance, fitted over every run with m ≥ 100.
      distanceRate: checkRate(
        logLogSlope(
          wide.map(({ run }) => run.m),
          wide.map(({ run }) => run.maxDistance.at(-1) ?? Number.NaN),
        ),
        SLOPE,
      ),
    });
  },
};
