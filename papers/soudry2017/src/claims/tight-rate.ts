import { allOf, checkAllClose, checkRate } from '@repro/harness';
import { olsFit } from '@repro/concentration';
import { first, last, type SoudryClaim } from './select.js';

/** [NOTES.md §5] slope of ln(gap) vs ln ln t over [10³, 10⁷] in [−1.05, −0.95] (measured −0.98). */
const SLOPE_RANGE: readonly [number, number] = [-1.05, -0.95];
const FIT_FROM = 1e3;
/** [NOTES.md §5] gap·ln t → |w₂(0)| = 1 within rtol 0.01 at 10⁷. */
const LIMIT_RTOL = 0.01;

export const tightRate: SoudryClaim = {
  id: 'soudry2017.tight',
  source: 'Appendix B (tightness example), arXiv:1710.10345; discrete version derived in NOTES.md §2',
  statement: 'The O(1/ln t) direction rate is attained: for a single point and w(0) off its span, the direction gap times ln t tends to a nonzero constant.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['tight'],
  catches: ['poly-tail'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const tr = first(traces, 'tight');
    const pts = tr.t.map((t, i) => ({ t, g: tr.gap[i] as number })).filter(({ t }) => t >= FIT_FROM);
    const fit = olsFit(
      pts.map(({ t }) => Math.log(Math.log(t))),
      pts.map(({ g }) => Math.log(g)),
    );
    const T = last(tr.t);
    const scaled = last(tr.gap) * Math.log(T);
    return allOf(
      { rate: checkRate(fit, SLOPE_RANGE), limit: checkAllClose(scaled, Math.abs(tr.w2), LIMIT_RTOL, 0) },
      { gapTimesLnT: scaled, limit: Math.abs(tr.w2), T, w1MinusLnT: last(tr.w1) - Math.log(T) },
    );
  },
};
