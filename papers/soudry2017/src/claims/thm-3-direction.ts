import { allOf } from '@repro/harness';
import { olsFit } from '@repro/concentration';
import { checkGapRuns, fig1GdRun, fmt, gapConvergence, gapRun, replicatesOf, type SoudryClaim } from './select.js';

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
  seeds: 'every', // one harness seed at a time; its replicates are aggregated by NOTES.md §9's rule
  check(traces) {
    // [NOTES.md §9]: one Figure-1 GD run per replicate, the direction and the margin gap judged over all runs.
    const per = replicatesOf(traces).map((rep) => {
      const { run } = fig1GdRun([rep]);
      const T = run.t[run.t.length - 1] as number;
      const from = T / 10 ** WINDOW_DECADES;
      return { run, T, from, dir: gapConvergence(run.t, run.dirGap, from, T), mg: gapConvergence(run.t, run.marginGap, from, T) };
    });
    const r0 = per[0];
    if (r0 === undefined) throw new Error('no Figure-1 run');
    const { run, T, from, dir, mg } = r0;
    const tail = run.t.map((t, i) => ({ t, i })).filter(({ t }) => t >= from);
    const fit = olsFit(
      tail.map(({ t }) => Math.log(Math.log(t))),
      tail.map(({ i }) => Math.log(run.dirGap[i] as number)),
    );
    const v = allOf(
      { direction: checkGapRuns(per.map((p) => gapRun(p.dir)), 'the direction gap'), margin: checkGapRuns(per.map((p) => gapRun(p.mg)), 'the margin gap') },
      {
        angleGapAtT: run.angleGap[run.angleGap.length - 1] as number,
        dirGapTimesLnT: (run.dirGap[run.dirGap.length - 1] as number) * Math.log(T),
        marginGapAtT: run.marginGap[run.marginGap.length - 1] as number,
        dirGapSlopeVsLnLnT: fit.slope,
      },
    );
    const list = (xs: number[]): string => xs.map((x) => fmt(x, 3)).join(', ');
    const perRun = per.length > 1 ? `; per replicate (direction / margin: new high, envelope ratio): ${per.map((p, i) => `${i}: ${p.dir.lastSup < p.dir.maxEarlierSup ? 'no' : 'NEW HIGH'} ${fmt(p.dir.growth, 3)} / ${p.mg.lastSup < p.mg.maxEarlierSup ? 'no' : 'NEW HIGH'} ${fmt(p.mg.growth, 3)}`).join(' · ')}` : '';
    const sups = `replicate 0, decade sups from ${from.toExponential(0)} — direction gap: ${list(dir.sups)}; ·ln t: ${list(dir.scaledSups)}; margin gap: ${list(mg.sups)}; ·ln t: ${list(mg.scaledSups)}${perRun}`;
    return { ...v, note: v.note === undefined ? sups : `${v.note}; ${sups}` };
  },
};
