import { olsFit } from '@repro/concentration';
import { checkGapConvergence, first, fmt, gapConvergence, last, type SoudryClaim } from './select.js';

/** NOTES.md: window [10⁴, T] (T = 10⁸ smoke, 10¹² paper). */
const FROM = 1e4;

export const multiclassClaim: SoudryClaim = {
  id: 'soudry2017.multiclass',
  source: 'Appendix C, arXiv:1710.10345 (a theorem in the JMLR version)',
  statement: 'GD on the summed softmax cross-entropy converges in direction to the multi-class hard-margin SVM solution Ŵ (gap O(1/ln t)).',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['multiclass'],
  catches: ['svm-rotated'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const m = first(traces, 'multiclass');
    const T = last(m.t);
    const c = gapConvergence(m.t, m.gap, FROM, T);
    const v = checkGapConvergence(c, 'the direction gap ‖W/‖W‖ − Ŵ/‖Ŵ‖‖');
    const tail = m.t.map((t, i) => ({ t, g: m.gap[i] as number })).filter(({ t }) => t >= FROM);
    const fit = olsFit(
      tail.map(({ t }) => Math.log(Math.log(t))),
      tail.map(({ g }) => Math.log(g)),
    );
    return {
      ...v,
      observed: { ...v.observed, gapAtT: last(m.gap), gapTimesLnT: last(m.gap) * Math.log(T), slopeLnGapVsLnLnT: fit.slope, kktMax: m.kktMax },
      note: `${v.note !== undefined ? `${v.note}; ` : ''}decade sups of the gap: ${c.sups.map((g) => fmt(g, 3)).join(', ')}; ·ln t: ${c.scaledSups.map((g) => fmt(g, 4)).join(', ')}; slope of ln gap vs ln ln t from 10⁴ = ${fmt(fit.slope)} (reported)`,
    };
  },
};
