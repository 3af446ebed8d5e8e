import { checkAllClose } from '@repro/harness';
import { meanSd } from '@repro/concentration';
import { need, type Du2019Claim } from './select.js';

/** |mean − exact| ≤ 4 SE: two-sided false-failure rate ≈ 6e-5 under the CLT (T ≥ 200 draws). */
const SE_MULTIPLE = 4;

export const initResidual: Du2019Claim = {
  id: 'du2019.init.residual',
  source: 'Proof of Theorem 3.2 (E‖y − u(0)‖² = O(n)), arXiv:1810.02054; exact value derived in NOTES.md §2',
  statement: 'At initialization E‖y − u(0)‖² = ‖y‖² + n/2, which is O(n), so ‖y − u(0)‖² = O(n/δ) by Markov.',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['init'],
  catches: ['output-scale', 'init-variance'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const t = need(traces, 'init')[0];
    if (t === undefined) throw new Error('no init trace');
    const s = meanSd(t.residualSq);
    const exact = t.yNormSq + t.n / 2;
    const v = checkAllClose(s.mean, exact, 0, SE_MULTIPLE * s.se);
    return { ...v, observed: { mean: s.mean, se: s.se, exact, zScore: (s.mean - exact) / s.se, trials: s.n } };
  },
};
