import type { Verdict } from '@repro/harness';
import { first, fmt, last, valueAt, type SoudryClaim } from './select.js';

/** [NOTES.md §5] the last-decade slope within 5% of P = mean_V max(0, −ŵᵀz_k). */
const REL = 0.05;

/**
 * NOTES.md (val-loss): the per-decade slope S of the mean validation loss vs ln t approaches P from below, the deficit 1 − S/P
 * shrinking from decade to decade. pass: |S_T/P − 1| ≤ REL; inconclusive: S_T/P < 1 − REL but the deficit shrank from the
 * decade before (converging as predicted, not yet within REL at this horizon); fail: S_T/P > 1 + REL, or a deficit > REL that
 * did not shrink.
 */
export function checkSlopeApproach(ratio: number, prevRatio: number): Verdict {
  const observed = { ratio, prevRatio, rel: REL };
  const expected = `|S_T/P − 1| ≤ ${REL} (pass); S_T/P < ${1 - REL} with a shrinking deficit is inconclusive; otherwise fail`;
  const tolerance = { kind: 'allclose', rtol: REL, atol: 0 } as const;
  if (Math.abs(ratio - 1) <= REL) return { status: 'pass', observed, expected, tolerance };
  if (ratio < 1 - REL && 1 - ratio < 1 - prevRatio)
    return { status: 'inconclusive', observed, expected, tolerance, note: `S_T/P = ${fmt(ratio)} below ${1 - REL}, deficit shrinking (${fmt(1 - prevRatio, 3)} → ${fmt(1 - ratio, 3)}): the horizon cannot tell` };
  return { status: 'fail', observed, expected, tolerance, note: ratio > 1 + REL ? `S_T/P = ${fmt(ratio)} overshoots by more than ${REL}` : `S_T/P = ${fmt(ratio)} and the deficit did not shrink (${fmt(1 - prevRatio, 3)} → ${fmt(1 - ratio, 3)})` };
}

export const valLossClaim: SoudryClaim = {
  id: 'soudry2017.val-loss',
  source: '§3 discussion and Figure 3 caption, arXiv:1710.10345; slope derived in NOTES.md §2',
  statement: 'If ŵ misclassifies some validation points, the validation loss grows like ln t, with slope mean_V max(0, −ŵᵀz_k).',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['valLoss'],
  catches: ['poly-tail'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const v = first(traces, 'valLoss');
    const T = last(v.t);
    const slope = (a: number, b: number): number => (valueAt(v.t, v.valLoss, b) - valueAt(v.t, v.valLoss, a)) / Math.log(b / a);
    const sT = slope(T / 10, T);
    const sPrev = slope(T / 100, T / 10);
    const r = checkSlopeApproach(sT / v.predictedSlope, sPrev / v.predictedSlope);
    return {
      ...r,
      observed: { ...r.observed, slope: sT, prevSlope: sPrev, predicted: v.predictedSlope, valErrorAtT: last(v.valError), svmValError: v.svmValError, tLAtT: T * last(v.trainLoss), normWHatSqOverEta: v.wHatNormSq / v.eta },
      expected: `last-decade slope S_T = (L_val(T) − L_val(T/10))/ln 10 vs P = ${fmt(v.predictedSlope)} (T = ${T.toExponential(0)}): ${r.expected}`,
      note: `${r.note !== undefined ? `${r.note}; ` : ''}validation error ${fmt(v.valError[0] as number, 3)} → ${fmt(last(v.valError), 3)} (reported, not gated)`,
    };
  },
};
