import { checkGapConvergence, assertFinite, first, fmt, gapConvergence, last, type SoudryClaim } from './select.js';

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
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const s = first(traces, 'sgd');
    assertFinite([s.run]);
    const T = last(s.run.t);
    const c = gapConvergence(s.run.t, s.run.dirGap, T / 10 ** WINDOW_DECADES, T);
    const v = checkGapConvergence(c, 'the SGD direction gap');
    const a = last(s.run.angleGap);
    return {
      ...v,
      observed: { ...v.observed, angleGapAtT: a, cardAngleBound: CARD_ANGLE_BOUND, cardSlack: CARD_ANGLE_BOUND / a, epochs: T, normW: last(s.run.normW) },
      note: `${v.note !== undefined ? `${v.note}; ` : ''}decade sups of the direction gap: ${c.sups.map((x) => fmt(x, 3)).join(', ')}; ·ln t: ${c.scaledSups.map((x) => fmt(x, 3)).join(', ')}`,
    };
  },
};
