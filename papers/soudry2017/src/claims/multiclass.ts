import type { Claim } from '@repro/harness';
import { olsFit } from '@repro/concentration';
import type { Soudry2017Config } from '../config.js';
import type { Soudry2017Trace } from '../trace.js';
import { decades, first, fmt, last, valueAt } from './select.js';

/** Card: the gap decreases every two decades and gap·ln t does not increase; from the first 10^k with k even ≥ 4. */
const FROM = 1e4;

export const multiclassClaim: Claim<Soudry2017Config, Soudry2017Trace> = {
  id: 'soudry2017.multiclass',
  source: 'Appendix C, arXiv:1710.10345 (a theorem in the JMLR version)',
  statement: 'GD on the summed softmax cross-entropy converges in direction to the multi-class hard-margin SVM solution Ŵ.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['multiclass'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const m = first(traces, 'multiclass');
    const T = last(m.t);
    const pts = decades(FROM, T).filter((t) => Math.round(Math.log10(t)) % 2 === 0);
    const gap = pts.map((t) => valueAt(m.t, m.gap, t));
    const scaled = gap.map((g, i) => g * Math.log(pts[i] as number));
    let gapUp = 0;
    let scaledUp = 0;
    for (let i = 1; i < pts.length; i++) {
      if (!((gap[i] as number) < (gap[i - 1] as number))) gapUp++;
      if ((scaled[i] as number) > (scaled[i - 1] as number)) scaledUp++;
    }
    const tail = m.t.map((t, i) => ({ t, g: m.gap[i] as number })).filter(({ t }) => t >= FROM);
    const fit = olsFit(
      tail.map(({ t }) => Math.log(Math.log(t))),
      tail.map(({ g }) => Math.log(g)),
    );
    return {
      status: gapUp === 0 && scaledUp === 0 && pts.length >= 2 ? 'pass' : 'fail',
      observed: { gapAtT: last(m.gap), gapTimesLnT: last(m.gap) * Math.log(T), gapIncreases: gapUp, gapLnTIncreases: scaledUp, slopeLnGapVsLnLnT: fit.slope, slopeCiLow: fit.slopeCi[0], slopeCiHigh: fit.slopeCi[1], kktMax: m.kktMax },
      expected: `‖W/‖W‖ − Ŵ/‖Ŵ‖‖ decreasing and its product with ln t not increasing at t = ${pts.map((t) => t.toExponential(0)).join(', ')}`,
      tolerance: { kind: 'bound', side: 'le' },
      note: `gap: ${gap.map((g) => fmt(g, 3)).join(', ')}; gap·ln t: ${scaled.map((g) => fmt(g, 4)).join(', ')}; slope of ln gap vs ln ln t from 10⁴ = ${fmt(fit.slope)} (reported)`,
    };
  },
};
