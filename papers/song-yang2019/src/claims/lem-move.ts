import { allOf, checkAllClose, checkBound } from '@repro/harness';
import { FIRST_STEP_RTOL, mainRuns, moveRadius } from './main-run.js';
import type { SongYang2019Claim } from './select.js';

export const lemMove: SongYang2019Claim = {
  id: 'song-yang2019.lem.move',
  source: 'LN3 Lemma 8 (restating du2019 Corollary 4.1), arXiv:1906.03593',
  statement: 'If the rate bound holds up to iteration k, every neuron stays within D = 4√n‖y − u(0)‖/(√m λ) of its initialization at k + 1.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['main'],
  catches: ['grad-factor', 'gram-indicator'],
  check(traces) {
    const runs = mainRuns(traces);
    // The lemma's bound (slack ≈ 27 here) stays reported, but a factor-2 bug passes it. The tight part is the identity the
    // lemma's path-length argument sums: one GD step moves W by η∇L with ‖∇_W L‖_F² = eᵀH(W)e exactly (the gradient of
    // ½‖y − u‖² w.r.t. w_r is m^{−1/2} a_r Σ_i e_i 1{w_rᵀx_i ≥ 0} x_i, so Σ_r ‖·‖² = eᵀHe), checked on the first step.
    return allOf(
      {
        bound: checkBound(runs.map((t) => Math.max(...t.maxDistance) / moveRadius(t)), 1, 'le'),
        stepLength: checkAllClose(
          runs.map((t) => t.firstStep.movedSq),
          runs.map((t) => t.eta ** 2 * t.firstStep.eHe),
          FIRST_STEP_RTOL,
          0,
        ),
      },
      { radiusD: moveRadius(runs[0] as (typeof runs)[number]) },
    );
  },
};
