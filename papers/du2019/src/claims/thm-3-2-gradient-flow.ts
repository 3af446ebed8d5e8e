import { wilsonInterval } from '@repro/concentration';
import type { Claim } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { gfTraces } from './select.js';

const ALPHA = 0.05;
/** ln(L/L0) + λ0 t ≤ 1e-6: the exponential bound with float32 rounding of L far below the margin. */
const LOG_TOL = 1e-6;

export const thm32GradientFlow: Claim<Du2019Config, Du2019Trace> = {
  id: 'du2019.thm3.2',
  source: 'Theorem 3.2, arXiv:1810.02054',
  statement: 'Under gradient flow on the first layer, ‖y − u(t)‖² ≤ e^{−λ0 t}‖y − u(0)‖² for all t, with probability ≥ 1 − δ over the initialization.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['gf'],
  check(traces, cfg) {
    const runs = gfTraces(traces).flatMap((g) => g.runs);
    const k = runs.filter((r) => r.maxExcess <= LOG_TOL).length;
    const claimed = 1 - cfg.delta;
    const [lo, hi] = wilsonInterval(k, runs.length, ALPHA);
    return {
      status: hi >= claimed ? 'pass' : 'fail',
      observed: { successes: k, runs: runs.length, frequency: k / runs.length, ciLow: lo, ciHigh: hi, worstLogExcess: Math.max(...runs.map((r) => r.maxExcess)) },
      expected: `fraction of runs with max_k [ln(L(k)/L(0)) + λ0 kη] ≤ 1e-6 is ≥ ${claimed} (Wilson ${(1 - ALPHA) * 100}% CI not entirely below)`,
      tolerance: { kind: 'probability', claimed, alpha: ALPHA },
      note: 'every practical width is far below the theorem’s m = Ω(n⁶/(λ0⁴δ³)): this checks the conclusion outside the hypothesis',
    };
  },
};
