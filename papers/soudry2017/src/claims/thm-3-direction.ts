import { allOf } from '@repro/harness';
import { olsFit } from '@repro/concentration';
import { checkGapConvergence, fig1GdRun, fmt, gapConvergence, type SoudryClaim } from './select.js';

/** NOTES.md: the window is the last three decades [T/1000, T] (10²–10⁵ in smoke, 10³–10⁶ in the paper profile). */
const WINDOW_DECADES = 3;

export const thm3Direction: SoudryClaim = {
  id: 'soudry2017.thm3-direction',
  source: 'Theorem 3, arXiv:1710.10345',
  statement: 'The normalized GD iterate converges to the max-margin direction: the direction gap and the normalized-margin gap shrink as O(1/ln t) (O(ln ln t/ln t) for every data set).',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['fig1'],
  catches: ['svm-rotated', 'poly-tail', 'norm-l1', 'label-flip'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const { run } = fig1GdRun(traces);
    const T = run.t[run.t.length - 1] as number;
    const from = T / 10 ** WINDOW_DECADES;
    const dir = gapConvergence(run.t, run.dirGap, from, T);
    const mg = gapConvergence(run.t, run.marginGap, from, T);
    const tail = run.t.map((t, i) => ({ t, i })).filter(({ t }) => t >= from);
    const fit = olsFit(
      tail.map(({ t }) => Math.log(Math.log(t))),
      tail.map(({ i }) => Math.log(run.dirGap[i] as number)),
    );
    const v = allOf(
      { direction: checkGapConvergence(dir, 'the direction gap'), margin: checkGapConvergence(mg, 'the margin gap') },
      {
        angleGapAtT: run.angleGap[run.angleGap.length - 1] as number,
        dirGapTimesLnT: (run.dirGap[run.dirGap.length - 1] as number) * Math.log(T),
        marginGapAtT: run.marginGap[run.marginGap.length - 1] as number,
        dirGapSlopeVsLnLnT: fit.slope,
      },
    );
    const list = (xs: number[]): string => xs.map((x) => fmt(x, 3)).join(', ');
    const sups = `decade sups from ${from.toExponential(0)} — direction gap: ${list(dir.sups)}; ·ln t: ${list(dir.scaledSups)}; margin gap: ${list(mg.sups)}; ·ln t: ${list(mg.scaledSups)}`;
    return { ...v, note: v.note === undefined ? sups : `${v.note}; ${sups}` };
  },
};
