import { gfProbabilityVerdict } from './gf-probability.js';
import { gfTraces, type Du2019Claim } from './select.js';

export const thm32GradientFlow: Du2019Claim = {
  id: 'du2019.thm3.2',
  source: 'Theorem 3.2, arXiv:1810.02054',
  statement: 'Under gradient flow on the first layer, ‖y − u(t)‖² ≤ e^{−λ0 t}‖y − u(0)‖² for all t, with probability ≥ 1 − δ over the initialization.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['gf'],
  catches: ['loss-mean', 'output-scale'],
  check(traces, cfg) {
    const v = gfProbabilityVerdict(
      gfTraces(traces).flatMap((g) => g.runs),
      cfg.delta,
    );
    const why = 'every practical width is far below the theorem’s m = Ω(n⁶/(λ0⁴δ³)): this checks the conclusion outside the hypothesis';
    return { ...v, note: v.note === undefined ? why : `${v.note}; ${why}` };
  },
};
