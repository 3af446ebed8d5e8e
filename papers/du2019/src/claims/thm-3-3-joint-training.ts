import { wilsonInterval } from '@repro/concentration';
import type { Claim } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { gfTraces } from './select.js';

const ALPHA = 0.05;
const LOG_TOL = 1e-6;

export const thm33JointTraining: Claim<Du2019Config, Du2019Trace> = {
  id: 'du2019.thm3.3',
  source: 'Theorem 3.3, arXiv:1810.02054 (width requirement unverified: lost with the display math)',
  statement: 'Training both layers by gradient flow gives the same e^{−λ0 t} rate with probability ≥ 1 − δ (the extra Gram term G is PSD and only helps).',
  evidence: 'unverified',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['gfJoint'],
  check(traces, cfg) {
    const runs = gfTraces(traces).flatMap((g) => g.joint);
    if (runs.length === 0) throw new Error('no joint-training runs');
    const k = runs.filter((r) => r.maxExcess <= LOG_TOL).length;
    const claimed = 1 - cfg.delta;
    const [lo, hi] = wilsonInterval(k, runs.length, ALPHA);
    return {
      status: hi >= claimed ? 'pass' : 'fail',
      observed: { successes: k, runs: runs.length, frequency: k / runs.length, ciLow: lo, ciHigh: hi, worstLogExcess: Math.max(...runs.map((r) => r.maxExcess)) },
      expected: `fraction of joint (W, a) runs with max_k [ln(L(k)/L(0)) + λ0 kη] ≤ 1e-6 is ≥ ${claimed}; η = 0.05/λ_max(H∞ + K∞)`,
      tolerance: { kind: 'probability', claimed, alpha: ALPHA },
    };
  },
};
