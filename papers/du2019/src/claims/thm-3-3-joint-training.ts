import { gfProbabilityVerdict } from './gf-probability.js';
import { gfTraces, type Du2019Claim } from './select.js';

export const thm33JointTraining: Du2019Claim = {
  id: 'du2019.thm3.3',
  source: 'Theorem 3.3, arXiv:1810.02054 (width requirement unverified: lost with the display math)',
  statement: 'Training both layers by gradient flow gives the same e^{−λ0 t} rate with probability ≥ 1 − δ (the extra Gram term G is PSD and only helps).',
  evidence: 'unverified',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['gfJoint'],
  catches: ['loss-mean', 'output-scale'],
  check(traces, cfg) {
    const v = gfProbabilityVerdict(
      gfTraces(traces).flatMap((g) => g.joint),
      cfg.delta,
    );
    const why = 'joint (W, a) runs, η = 0.05/λ_max(H∞ + K∞)';
    return { ...v, note: v.note === undefined ? why : `${v.note}; ${why}` };
  },
};
