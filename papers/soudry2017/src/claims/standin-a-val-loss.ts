import { allOf, checkCondition } from '@repro/harness';
import { decades, first, fmt, last, valueAt, type SoudryClaim } from './select.js';

export const standinAValLoss: SoudryClaim = {
  id: 'soudry2017.standinA-val-loss',
  source: 'Figure 3 (validation loss eventually increasing), arXiv:1710.10345; CPU stand-in A (NOTES.md §7)',
  statement: 'Stand-in for Figure 3: after its minimum the validation loss keeps increasing while the training loss still falls (validation error reported only).',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['standin'],
  observational:
    'a qualitative signature: the validation loss of any classifier whose norm keeps growing rises once misclassified validation points dominate, for every loss with an unbounded tail and any step — none of the planted faults (nor another plausible bug short of stopping training) removes it',
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const s = first(traces, 'standin');
    let iMin = 0;
    for (let i = 1; i < s.valLoss.length; i++) if ((s.valLoss[i] as number) < (s.valLoss[iMin] as number)) iMin = i;
    const tMin = s.t[iMin] as number;
    const T = last(s.t);
    // Decades after the minimum (plus T): the validation loss must rise from each to the next.
    const pts = [tMin, ...decades(tMin * 1.0000001, T)];
    if (pts[pts.length - 1] !== T) pts.push(T);
    const vals = pts.map((t) => valueAt(s.t, s.valLoss, t));
    let drops = 0;
    for (let i = 1; i < vals.length; i++) if (!((vals[i] as number) > (vals[i - 1] as number))) drops++;
    return {
      ...allOf(
        {
          minimumBeforeT: checkCondition(iMin < s.t.length - 1 && vals.length >= 3, { tAtMin: tMin, pointsAfterMin: vals.length }, 'the minimum of the validation loss lies before T, with at least two decades after it'),
          rising: checkCondition(drops === 0, { decadesNotRising: drops }, 'the mean validation loss rises from its minimum at every later decade up to T'),
        },
        { valLossMin: s.valLoss[iMin] as number, valLossAtT: last(s.valLoss), valErrorAtMin: s.valError[iMin] as number, valErrorAtT: last(s.valError) },
      ),
      note: `validation loss at ${pts.map((t) => t.toExponential(1)).join(', ')}: ${vals.map((x) => fmt(x)).join(', ')}; validation error ${fmt(s.valError[iMin] as number, 3)} at the minimum → ${fmt(last(s.valError), 3)} at T (reported)`,
    };
  },
};
