import { allOf } from '@repro/harness';
import { assertFinite, checkGapRuns, fmt, gapConvergence, gapRun, last, replicatesOf, type SoudryClaim } from './select.js';

/** NOTES.md: same window as thm3-direction, [T/1000, T] epochs. */
const WINDOW_DECADES = 3;
/** 1 − cos < 1e-4 [NOTES.md §5] at the last epoch: a constant of one draw, reported, not gated. */
const CARD_ANGLE_BOUND = 1e-4;

export const sgdClaim: SoudryClaim = {
  id: 'soudry2017.sgd',
  source: 'Appendix E, arXiv:1710.10345 (proved by Nacson, Srebro & Soudry, AISTATS 2019)',
  statement: 'Per-sample SGD on separable data also converges in direction to the max-margin separator (at the same O(1/ln t) rate).',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['sgd'],
  catches: ['svm-rotated', 'poly-tail'],
  seeds: 'every', // one harness seed at a time; its replicates are aggregated by NOTES.md §9's rule
  check(traces) {
    const runs = replicatesOf(traces).map((rep) => {
      const s = rep.sgd;
      if (s === undefined) throw new Error("trace has no 'sgd' experiment");
      assertFinite([s.run]);
      const T = last(s.run.t);
      return { s, T, c: gapConvergence(s.run.t, s.run.dirGap, T / 10 ** WINDOW_DECADES, T) };
    });
    const r0 = runs[0];
    if (r0 === undefined) throw new Error('no SGD run');
    const angles = runs.map((r) => last(r.s.run.angleGap));
    const worstAngle = Math.max(...angles);
    const v = allOf(
      { direction: checkGapRuns(runs.map((r) => gapRun(r.c)), 'the SGD direction gap') },
      { angleGapAtT: angles[0] as number, worstAngleGapAtT: worstAngle, cardAngleBound: CARD_ANGLE_BOUND, cardSlack: CARD_ANGLE_BOUND / worstAngle, epochs: r0.T, normW: last(r0.s.run.normW) },
    );
    const perRun = runs.length > 1 ? `; per replicate (new high, envelope ratio, 1 − cos at T): ${runs.map((r, i) => `${i}: ${r.c.lastSup < r.c.maxEarlierSup ? 'no' : 'NEW HIGH'} ${fmt(r.c.growth, 3)} ${fmt(angles[i] as number, 3)}`).join(' · ')}` : '';
    return {
      ...v,
      note: `${v.note !== undefined ? `${v.note}; ` : ''}replicate 0, decade sups of the direction gap: ${r0.c.sups.map((x) => fmt(x, 3)).join(', ')}; ·ln t: ${r0.c.scaledSups.map((x) => fmt(x, 3)).join(', ')}${perRun}`,
    };
  },
};
