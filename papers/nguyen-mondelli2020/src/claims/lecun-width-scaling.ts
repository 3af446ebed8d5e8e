import { logLogSlope } from '@repro/concentration';
import { allOf, checkAllClose, checkRate, need, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Experiment, Nm20Trace } from '../trace.js';
import { median } from './select.js';

/** [NOTES.md §5] ‖W_1⁰‖_2 ≈ 1 + √(n_1/d) within rtol 0.1 once n_1 ≥ 16d (checked on every trial, not only the median). */
const NORM_RTOL = 0.1;
const MIN_WIDTH_OVER_D = 16;
/** [NOTES.md §5] The output scale ‖F_L(θ_0)‖_F/√N does not grow or shrink with n_1: log-log slope of the median in [−0.2, 0.2]. */
const OUTPUT_SLOPE: readonly [number, number] = [-0.2, 0.2];

export const lecunWidthScaling: Claim<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nm20.lecun-width-scaling',
  source: 'Corollary (LeCun init, n_1 of order N²), arXiv:2002.07867 (why N²: NOTES.md §3)',
  statement:
    'The ingredients of the N² width requirement under LeCun init: ‖W_1⁰‖_2 ≈ 1 + √(n_1/d) grows like √n_1 while the output scale ‖F_L(θ_0)‖_F/√N stays of order 1 in n_1.',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['lecun'],
  catches: ['lecun-variance'],
  check(traces) {
    const cells = need(traces, 'lecun').flat();
    const obs: number[] = [];
    const exp: number[] = [];
    for (const c of cells)
      if (c.n1 >= MIN_WIDTH_OVER_D * c.d)
        for (const w of c.w1Norm) {
          obs.push(w);
          exp.push(1 + Math.sqrt(c.n1 / c.d));
        }
    const norm = checkAllClose(obs, exp, NORM_RTOL, 0);
    const widths = [...new Set(cells.map((c) => c.n1))].sort((a, b) => a - b);
    const meds = widths.map((n1) => median(cells.filter((c) => c.n1 === n1).flatMap((c) => c.outputNorm)));
    const rate = checkRate(logLogSlope(widths, meds), OUTPUT_SLOPE);
    const extra: Record<string, number> = {};
    widths.forEach((n1, i) => (extra[`medianOutputScale_n1${n1}`] = meds[i] as number));
    return allOf(
      {
        norm: { ...norm, expected: `‖W_1⁰‖_2 within rtol ${NORM_RTOL} of 1 + √(n_1/d) on every trial with n_1 ≥ ${MIN_WIDTH_OVER_D}d` },
        outputScale: { ...rate, expected: `log-log slope of median ‖F_L(θ_0)‖_F/√N vs n_1: CI inside [${OUTPUT_SLOPE[0]}, ${OUTPUT_SLOPE[1]}]` },
      },
      extra,
    );
  },
};
