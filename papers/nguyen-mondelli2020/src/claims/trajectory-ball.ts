import { checkBound, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Trace } from '../trace.js';
import { gdRuns, pathAndBound } from './select.js';

/** The proof keeps σ_min(F_1^k) and σ_min(W_l^k) (l ≥ 3) above this fraction of their initial values [card §2]. */
const INVARIANT_FRACTION = 0.5;

export const trajectoryBall: Claim<Nm20Config, Nm20Trace> = {
  id: 'nm20.trajectory-ball',
  source: 'Theorem 3.2 proof, arXiv:2002.07867 [card §3, D]',
  statement:
    'The weights stay in a ball around θ_0: the GD path length Σ_kη‖∇Φ_k‖ is at most 2√(2Φ_0/μ̂), and at n_1 = N² σ_min(F_1^k) and σ_min(W_l^k) (l ≥ 3) stay above half their initial values.',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['gd'],
  check(traces) {
    const runs = gdRuns(traces);
    const ratios = runs.map(({ run }) => {
      const { path, bound } = pathAndBound(run);
      return path / bound;
    });
    const pathV = checkBound(ratios, 1, 'le');
    const N = runs[0]?.tr.N ?? Number.NaN;
    const enforced = runs.filter(({ run }) => run.n1 >= N * N);
    const minInv = (rs: typeof runs): number =>
      Math.min(...rs.map(({ run }) => Math.min(Math.min(...run.sigmaF1) / (run.sigmaF1[0] as number), Math.min(...run.minWRatio))));
    const enforcedMin = enforced.length > 0 ? minInv(enforced) : Number.NaN;
    const loggedMin = runs.length > enforced.length ? minInv(runs.filter(({ run }) => run.n1 < N * N)) : Number.NaN;
    const invOk = enforced.length === 0 || enforcedMin >= INVARIANT_FRACTION;
    const ok = pathV.status === 'pass' && invOk;
    const notes: string[] = [];
    if (pathV.note) notes.push(pathV.note);
    if (!invOk) notes.push(`at n_1 = N² an invariant fell to ${enforcedMin.toPrecision(4)} of its initial value (< ${INVARIANT_FRACTION})`);
    if (enforced.length === 0) notes.push('no run with n_1 ≥ N²: invariants only logged');
    notes.push(`invariants below n_1 = N² (logged, not enforced): min fraction ${Number.isNaN(loggedMin) ? 'n/a' : loggedMin.toPrecision(4)}`);
    return {
      status: ok ? 'pass' : 'fail',
      observed: {
        maxPathOverBound: Math.max(...ratios),
        slack: 1 / Math.max(...ratios),
        minInvariantFractionAtN2: enforcedMin,
        minInvariantFractionBelowN2: loggedMin,
        maxNormGrowth: Math.max(...runs.map(({ run }) => Math.max(...run.maxNormRatio))),
      },
      expected: `path length ≤ 2√(2Φ_0/μ̂) on every run; at n_1 ≥ N² every invariant ≥ ${INVARIANT_FRACTION} of its initial value`,
      tolerance: { kind: 'bound', side: 'le' },
      note: notes.join('; '),
    };
  },
};
