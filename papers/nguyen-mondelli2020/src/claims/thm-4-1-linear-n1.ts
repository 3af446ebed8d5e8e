import { logLogSlope } from '@repro/concentration';
import { allOf, checkCondition, checkRate, need, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Experiment, Nm20Trace } from '../trace.js';
import { perCurve } from './select.js';

/** [NOTES.md §5] log-log slope of λ_min(K̄) vs n_1 in [0.7, 1.1], R² ≥ 0.95 — R² of that same log-log fit (chosen before running). */
const SLOPE: readonly [number, number] = [0.7, 1.1];
const R2_MIN = 0.95;

export const thm41LinearN1: Claim<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nmm21.thm4.1-lambda-min-linear-n1',
  source: 'Theorem 4.1 (He init, L = 3: λ_min(K̄) = Θ(n_1)), arXiv:2012.11654 v5',
  statement: 'With He init and N fixed, λ_min(K̄) of a deep ReLU net grows linearly in the width of the wide hidden layer.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['n1Sweep'],
  catches: ['fig2-normalization-swap'],
  check(traces) {
    const pts = need(traces, 'n1Sweep').flat();
    const curve = perCurve(pts)[0] ?? [];
    const fit = logLogSlope(curve.map((c) => c.x), curve.map((c) => c.mean));
    const r2 = fit.r * fit.r;
    const extra: Record<string, number> = {};
    for (const c of curve) extra[`meanLambdaMin_n1${c.x}`] = c.mean;
    if (curve.length > 0) extra.lambdaMinOverN1Band = Math.max(...curve.map((c) => c.mean / c.x)) / Math.min(...curve.map((c) => c.mean / c.x));
    return allOf(
      {
        slope: { ...checkRate(fit, SLOPE), expected: `log-log slope of mean λ_min(K̄) vs n_1: CI inside [${SLOPE[0]}, ${SLOPE[1]}]` },
        r2: checkCondition(r2 >= R2_MIN, { r2 }, `R² of that log-log fit ≥ ${R2_MIN}`, `log-log R² ${r2.toFixed(4)} < ${R2_MIN}`),
      },
      extra,
    );
  },
};
