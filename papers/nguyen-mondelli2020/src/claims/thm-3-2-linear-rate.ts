import { checkBound, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Trace } from '../trace.js';
import { EPS_F64, gdRuns, maxRatioToPlRate } from './select.js';

export const thm32LinearRate: Claim<Nm20Config, Nm20Trace> = {
  id: 'nm20.thm3.2-linear-rate',
  source: 'Theorem 3.2, arXiv:2002.07867 [card §3, rate form D]',
  statement: 'GD contracts the loss at least geometrically at the PL rate: Φ_k ≤ Π_{j<k}(1 − ημ_j)Φ_0, with μ_j the PL constant at step j.',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['gd'],
  check(traces) {
    const runs = gdRuns(traces).filter(({ run }) => run.descentOk);
    const ratios = runs.map(({ tr, run }) => maxRatioToPlRate(run, tr.floor));
    const v = checkBound(ratios, 1 + EPS_F64, 'le');
    const final = runs.map(({ run }) => (run.loss.at(-1) as number) / (run.loss[0] as number));
    return {
      ...v,
      observed: { ...v.observed, maxRatio: Math.max(...ratios), runsChecked: runs.length, worstFinalLossRatio: Math.max(...final), maxHalvings: Math.max(...runs.map(({ run }) => run.halvings)) },
      expected: `max_k Φ_k/(Π_{j<k}(1 − ημ_j)Φ_0) ≤ 1 + ${EPS_F64} on every run meeting the descent precondition`,
    };
  },
};
