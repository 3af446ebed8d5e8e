import { hardMarginSvm, matrix } from '@repro/linalg';
import type { Soudry2017Config } from '../config.js';
import { directionGap } from '../model/geometry.js';
import { logGrid, negDeriv } from '../model/linear.js';
import type { TightTrace } from '../trace.js';

/**
 * The tightness example (App. B; discrete version [DER]): exp loss, a single point z = (1, 0), w(0) = (0, 1), η = 1. Then
 * w₁ ← w₁ + e^{−w₁} (a scalar recursion) and w₂ stays 1, so the direction gap ≈ w₂/w₁ ≈ 1/ln t: the O(1/ln t) rate is attained.
 */
export function tight(cfg: Soudry2017Config): TightTrace {
  const wHat = Array.from(hardMarginSvm(matrix(1, 2, [1, 0])).w);
  const times = logGrid(cfg.tightSteps, cfg.recordPerDecade, cfg.tightSteps);
  const w2 = 1;
  let w1 = 0;
  const out: TightTrace = { t: [], w1: [], w2, gap: [], wHat };
  let next = 0;
  for (let t = 1; t <= cfg.tightSteps; t++) {
    w1 += negDeriv('exp', w1); // = e^{−w₁}
    if (times[next] === t) {
      out.t.push(t);
      out.w1.push(w1);
      out.gap.push(directionGap([w1, w2], wHat));
      next++;
    }
  }
  return out;
}
