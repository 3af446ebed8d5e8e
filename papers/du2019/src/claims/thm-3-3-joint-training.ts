import type { Claim } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { gfProbabilityVerdict } from './gf-probability.js';
import { gfTraces } from './select.js';

export const thm33JointTraining: Claim<Du2019Config, Du2019Trace> = {
  id: 'du2019.thm3.3',
  source: 'Theorem 3.3, arXiv:1810.02054 (width requirement unverified: lost with the display math)',
  statement: 'Training both layers by gradient flow gives the same e^{−λ0 t} rate with probability ≥ 1 − δ (the extra Gram term G is PSD and only helps).',
  evidence: 'unverified',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['gfJoint'],
  check(traces, cfg) {
    return gfProbabilityVerdict(gfTraces(traces).flatMap((g) => g.joint), cfg.delta, '; joint (W, a) runs, η = 0.05/λ_max(H∞ + K∞)');
  },
};
