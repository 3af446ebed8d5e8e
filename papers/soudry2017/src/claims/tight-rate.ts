import { checkAllClose, checkRate, type Claim } from '@repro/harness';
import { olsFit } from '@repro/concentration';
import type { Soudry2017Config } from '../config.js';
import type { Soudry2017Trace } from '../trace.js';
import { first, last } from './select.js';

/** Card: slope of ln(gap) vs ln ln t over [10³, 10⁷] in [−1.05, −0.95] (measured −0.98). */
const SLOPE_RANGE: readonly [number, number] = [-1.05, -0.95];
const FIT_FROM = 1e3;
/** Card: gap·ln t → |w₂(0)| = 1 within rtol 0.01 at 10⁷. */
const LIMIT_RTOL = 0.01;

export const tightRate: Claim<Soudry2017Config, Soudry2017Trace> = {
  id: 'soudry2017.tight',
  source: 'Appendix B (tightness example), arXiv:1710.10345; discrete version derived in the paper card',
  statement: 'The O(1/ln t) direction rate is attained: for a single point and w(0) off its span, the direction gap times ln t tends to a nonzero constant.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['tight'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const tr = first(traces, 'tight');
    const pts = tr.t.map((t, i) => ({ t, g: tr.gap[i] as number })).filter(({ t }) => t >= FIT_FROM);
    const fit = olsFit(
      pts.map(({ t }) => Math.log(Math.log(t))),
      pts.map(({ g }) => Math.log(g)),
    );
    const rate = checkRate(fit, SLOPE_RANGE);
    const T = last(tr.t);
    const scaled = last(tr.gap) * Math.log(T);
    const lim = checkAllClose(scaled, Math.abs(tr.w2), LIMIT_RTOL, 0);
    return {
      ...rate,
      status: rate.status === 'pass' && lim.status === 'pass' ? 'pass' : 'fail',
      observed: { ...rate.observed, gapTimesLnT: scaled, limit: Math.abs(tr.w2), limitRelErr: lim.observed.maxRelErr ?? Number.NaN, T, w1MinusLnT: last(tr.w1) - Math.log(T) },
      expected: `slope of ln(gap) vs ln ln t over [${FIT_FROM}, ${T}] in [${SLOPE_RANGE.join(', ')}]; gap·ln T within ${LIMIT_RTOL} (relative) of |w₂(0)| = ${Math.abs(tr.w2)}`,
      ...(lim.status === 'fail' ? { note: `gap·ln T = ${scaled}: ${lim.note ?? ''}` } : rate.note !== undefined ? { note: rate.note } : {}),
    };
  },
};
