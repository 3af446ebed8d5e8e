import { checkRate, type Claim } from '@repro/harness';
import type { Soudry2017Config } from '../config.js';
import type { Soudry2017Trace } from '../trace.js';
import { first, fmt, last, valueAt } from './select.js';

/** Card: the last-decade slope of the mean validation loss vs ln t within 5% of mean_V max(0, −ŵᵀz_k). */
const REL = 0.05;

export const valLossClaim: Claim<Soudry2017Config, Soudry2017Trace> = {
  id: 'soudry2017.val-loss',
  source: '§3 discussion and Figure 3 caption, arXiv:1710.10345; slope derived in the paper card',
  statement: 'If ŵ misclassifies some validation points, the validation loss grows like ln t, with slope mean_V max(0, −ŵᵀz_k).',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['valLoss'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const v = first(traces, 'valLoss');
    const T = last(v.t);
    const slope = (valueAt(v.t, v.valLoss, T) - valueAt(v.t, v.valLoss, T / 10)) / Math.LN10;
    const range: [number, number] = [v.predictedSlope * (1 - REL), v.predictedSlope * (1 + REL)];
    const r = checkRate({ slope }, range);
    return {
      ...r,
      observed: { ...r.observed, predicted: v.predictedSlope, ratio: slope / v.predictedSlope, valErrorAtT: last(v.valError), svmValError: v.svmValError, tLAtT: T * last(v.trainLoss), normWHatSqOverEta: v.wHatNormSq / v.eta },
      expected: `(L_val(T) − L_val(T/10))/ln 10 within ${REL * 100}% of the predicted ${fmt(v.predictedSlope)} (T = ${T.toExponential(0)})`,
      note: `validation error ${fmt(v.valError[0] as number, 3)} → ${fmt(last(v.valError), 3)} (reported, not gated)`,
    };
  },
};
