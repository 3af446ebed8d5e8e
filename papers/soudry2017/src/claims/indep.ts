import { allOf } from '@repro/harness';
import { assertFinite, checkGapRuns, fmt, gapConvergence, gapRun, replicatesOf, type SoudryClaim } from './select.js';

/** NOTES.md: window [10⁴, T] per run (random w(0) up to radius 5 have a longer transient). */
const FROM = 1e4;
/** 1 − cos(T) < 1e-3 [NOTES.md §5]: a constant of one draw, reported (slack), not gated. */
const CARD_ANGLE_BOUND = 1e-3;

export const indepClaim: SoudryClaim = {
  id: 'soudry2017.indep',
  source: 'Theorem 3 (any w(0), any admissible η), arXiv:1710.10345',
  statement: 'The limit direction of GD depends neither on the initialization nor on the step size.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['indep'],
  catches: ['svm-rotated', 'poly-tail'],
  seeds: 'every', // one harness seed at a time; its runs (9 per replicate) are aggregated by NOTES.md §9's rule
  check(traces) {
    const runs = replicatesOf(traces).flatMap((rep, r) => {
      const ind = rep.indep;
      if (ind === undefined) throw new Error("trace has no 'indep' experiment");
      assertFinite(ind.runs);
      return ind.runs.map((run) => {
        const T = run.t[run.t.length - 1] as number;
        return { label: `${r}/${run.label}`, angle: run.angleGap[run.angleGap.length - 1] as number, c: gapConvergence(run.t, run.dirGap, FROM, T) };
      });
    });
    if (runs.length === 0) throw new Error('indep has no runs');
    const worstAngle = Math.max(...runs.map((r) => r.angle));
    const v = allOf({ direction: checkGapRuns(runs.map((r) => gapRun(r.c)), 'the direction gap') }, { worstAngleGapAtT: worstAngle, cardAngleBound: CARD_ANGLE_BOUND, cardSlack: CARD_ANGLE_BOUND / worstAngle });
    const bumps = runs.filter((r) => !(r.c.lastSup < r.c.maxEarlierSup)).map((r) => r.label);
    return {
      ...v,
      note: `${v.note !== undefined ? `${v.note}; ` : ''}runs with a new high in the last decade: ${bumps.length === 0 ? 'none' : bumps.join(', ')}; per run (replicate/label: 1 − cos at T; envelope ratio): ${runs.map((r) => `${r.label}: ${fmt(r.angle, 3)}; ${fmt(r.c.growth, 3)}`).join(' · ')}`,
    };
  },
};
