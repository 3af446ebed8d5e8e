import { allOf, checkCondition } from '@repro/harness';
import { assertFinite, checkBand, first, fmt, gapConvergence, type SoudryClaim } from './select.js';

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
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const ind = first(traces, 'indep');
    assertFinite(ind.runs);
    const T = ind.runs[0]?.t[(ind.runs[0]?.t.length ?? 1) - 1] ?? Number.NaN;
    const cs = ind.runs.map((r) => gapConvergence(r.t, r.dirGap, FROM, T));
    const notFalling = cs.filter((c) => !(c.lastSup < c.maxEarlierSup)).length;
    const worst = cs.reduce((a, c) => Math.max(a, c.growth), 0);
    const c0 = cs[0];
    if (c0 === undefined) throw new Error('indep has no runs');
    const angles = ind.runs.map((r) => r.angleGap[r.angleGap.length - 1] as number);
    const worstAngle = Math.max(...angles);
    return {
      ...allOf(
        {
          falls: checkCondition(notFalling === 0, { runs: ind.runs.length, runsNotFalling: notFalling }, `in every run the direction gap's sup over the last decade is below its max over the earlier decades of [${FROM}, T]`, `${notFalling} of ${ind.runs.length} runs' direction gap reached a new high in the last decade`),
          envelope: checkBand(worst, c0.envelope, Number.POSITIVE_INFINITY, 'worst over the runs of sup(gap·ln t/ln ln t) over the last decade / its max over the earlier decades'),
        },
        { worstAngleGapAtT: worstAngle, cardAngleBound: CARD_ANGLE_BOUND, cardSlack: CARD_ANGLE_BOUND / worstAngle },
      ),
      note: `per run (1 − cos at T; growth of gap·ln t): ${ind.runs.map((r, i) => `${r.label}: ${fmt(angles[i] as number, 3)}; ${fmt((cs[i] as { growth: number }).growth, 3)}`).join(' · ')}`,
    };
  },
};
