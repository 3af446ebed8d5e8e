import type { Claim } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { gfProbabilityVerdict } from './gf-probability.js';
import { gfTraces } from './select.js';

export const thm32GradientFlow: Claim<Du2019Config, Du2019Trace> = {
  id: 'du2019.thm3.2',
  source: 'Theorem 3.2, arXiv:1810.02054',
  statement: 'Under gradient flow on the first layer, ‖y − u(t)‖² ≤ e^{−λ0 t}‖y − u(0)‖² for all t, with probability ≥ 1 − δ over the initialization.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['gf'],
  check(traces, cfg) {
    return {
      ...gfProbabilityVerdict(gfTraces(traces).flatMap((g) => g.runs), cfg.delta, ''),
      note: 'every practical width is far below the theorem’s m = Ω(n⁶/(λ0⁴δ³)): this checks the conclusion outside the hypothesis',
    };
  },
};
