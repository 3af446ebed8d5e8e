import { meanSd } from '@repro/concentration';
import type { Claim } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { need } from './select.js';

/** |mean − exact| ≤ 4 SE: two-sided false-failure rate ≈ 6e-5 under the CLT. */
const SE_MULTIPLE = 4;

export const initResidual: Claim<Du2019Config, Du2019Trace> = {
  id: 'du2019.init.residual',
  source: 'Proof of Theorem 3.2 (E‖y − u(0)‖² = O(n)), arXiv:1810.02054; exact value derived in the card',
  statement: 'At initialization E‖y − u(0)‖² = ‖y‖² + n/2, which is O(n), so ‖y − u(0)‖² = O(n/δ) by Markov.',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['init'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const t = need(traces, 'init')[0];
    if (t === undefined) throw new Error('no init trace');
    const s = meanSd(t.residualSq);
    const exact = t.yNormSq + t.n / 2;
    const atol = SE_MULTIPLE * s.se;
    return {
      status: Math.abs(s.mean - exact) <= atol ? 'pass' : 'fail',
      observed: { mean: s.mean, se: s.se, exact, zScore: (s.mean - exact) / s.se, trials: s.n },
      expected: `mean of ‖y − u(0)‖² over ${s.n} initializations = ‖y‖² + n/2 within ${SE_MULTIPLE} standard errors`,
      tolerance: { kind: 'allclose', rtol: 0, atol },
    };
  },
};
