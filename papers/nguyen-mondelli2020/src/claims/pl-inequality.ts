import { checkBound, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Experiment, Nm20Trace } from '../trace.js';
import { EPS_F64, aboveFloor, gdRuns } from './select.js';

export const plInequality: Claim<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nm20.pl-inequality',
  source: 'Lemma 4.1 / §4 (PL-type inequality), arXiv:2002.07867 (our form: NOTES.md §2)',
  statement:
    'With a wide first layer (n_1 ≥ N) followed by a pyramid, ‖∇Φ‖² ≥ ‖∇_{W_2}Φ‖² ≥ γ^{2(L−2)}σ_min(F_1)²Π_{l≥3}σ_min(W_l)²·2Φ at every point of the GD trajectory.',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['gd'],
  catches: ['loss-mean'],
  check(traces) {
    const runs = gdRuns(traces);
    let minRatio = Number.POSITIVE_INFINITY;
    let points = 0;
    let worst = '';
    for (const { tr, run } of runs)
      for (const k of aboveFloor(run, tr.floor)) {
        const r = (run.gradW2Sq[k] as number) / (2 * (run.mu[k] as number) * (run.loss[k] as number));
        points++;
        if (r < minRatio) {
          minRatio = r;
          worst = `n1=${run.n1} L=${run.L} γ=${run.gamma} seed ${run.seed} step ${k}`;
        }
      }
    const v = checkBound(minRatio, 1 - EPS_F64, 'ge');
    return {
      ...v,
      observed: { ...v.observed, minLhsOverRhs: minRatio, points, runs: runs.length },
      expected: `min over runs and steps of ‖∇_{W_2}Φ_k‖²/(2μ_kΦ_k) ≥ 1 − ${EPS_F64}`,
      note: `${v.note ? `${v.note}; ` : ''}tightest at ${worst}`,
    };
  },
};
