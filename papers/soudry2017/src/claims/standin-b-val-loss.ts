import { allOf, checkCondition } from '@repro/harness';
import { decades, first, fmt, last, valueAt, type SoudryClaim } from './select.js';

export const standinBValLoss: SoudryClaim = {
  id: 'soudry2017.standinB-val-loss',
  source: 'Figure 3 (validation loss eventually increasing), arXiv:1710.10345; CPU stand-in B (NOTES.md §8 item 3)',
  statement: 'Stand-in for Figure 3 with every layer trained: after its minimum the validation loss keeps increasing while the training loss still falls (validation error reported only).',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['standinB'],
  observational:
    'a qualitative signature: once the network separates its training set its outputs keep growing, and the validation loss of misclassified points grows with them, for every loss with an unbounded tail and any step — none of the planted faults (nor another plausible bug short of stopping training) removes it',
  seeds: 'every', // reads one trace: checked on each seed alone (harness); replicates: perReplicate
  check(traces) {
    const s = first(traces, 'standinB');
    let iMin = 0;
    for (let i = 1; i < s.valLoss.length; i++) if ((s.valLoss[i] as number) < (s.valLoss[iMin] as number)) iMin = i;
    const tMin = s.step[iMin] as number;
    const T = last(s.step);
    const pts = [tMin, ...decades(tMin * 1.0000001, T).filter((t) => s.step.includes(t))];
    if (pts[pts.length - 1] !== T) pts.push(T);
    const vals = pts.map((t) => valueAt(s.step, s.valLoss, t));
    let drops = 0;
    for (let i = 1; i < vals.length; i++) if (!((vals[i] as number) > (vals[i - 1] as number))) drops++;
    return {
      ...allOf(
        {
          minimumBeforeT: checkCondition(iMin < s.step.length - 1 && vals.length >= 2, { stepAtMin: tMin, pointsAfterMin: vals.length }, 'the minimum of the validation loss lies before T'),
          rising: checkCondition(drops === 0, { decadesNotRising: drops }, 'the mean validation loss rises from its minimum at every later power of ten of the step count, and at T'),
        },
        { valLossMin: s.valLoss[iMin] as number, valLossAtT: last(s.valLoss), valErrorAtMin: s.valError[iMin] as number, valErrorAtT: last(s.valError), trainLossAtT: last(s.trainLoss) },
      ),
      note: `validation loss at steps ${pts.join(', ')}: ${vals.map((x) => fmt(x)).join(', ')}; validation error ${fmt(s.valError[iMin] as number, 3)} at the minimum → ${fmt(last(s.valError), 3)} at T (reported)`,
    };
  },
};
