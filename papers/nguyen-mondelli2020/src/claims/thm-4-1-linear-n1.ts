import { logLogSlope } from '@repro/concentration';
import { checkRate, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Trace } from '../trace.js';
import { perCurve, need } from './select.js';

/** Card: log-log slope of λ_min(K̄) vs n_1 in [0.7, 1.1], R² ≥ 0.95 — R² of that same log-log fit (chosen before running). */
const SLOPE: readonly [number, number] = [0.7, 1.1];
const R2_MIN = 0.95;

export const thm41LinearN1: Claim<Nm20Config, Nm20Trace> = {
  id: 'nmm21.thm4.1-lambda-min-linear-n1',
  source: 'Theorem 4.1 (He init, L = 3: λ_min(K̄) = Θ(n_1)), arXiv:2012.11654 v5',
  statement: 'With He init and N fixed, λ_min(K̄) of a deep ReLU net grows linearly in the width of the wide hidden layer.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['n1Sweep'],
  check(traces) {
    const pts = need(traces, 'n1Sweep').flat();
    const curve = perCurve(pts)[0] ?? [];
    const fit = logLogSlope(curve.map((c) => c.x), curve.map((c) => c.mean));
    const v = checkRate(fit, SLOPE);
    const r2 = fit.r * fit.r;
    const problems: string[] = [];
    if (v.note && v.status === 'fail') problems.push(v.note);
    if (!(r2 >= R2_MIN)) problems.push(`log-log R² ${r2.toFixed(4)} < ${R2_MIN}`);
    const observed: Record<string, number> = { ...v.observed, r2 };
    for (const c of curve) observed[`meanLambdaMin_n1${c.x}`] = c.mean;
    if (curve.length > 0) observed.lambdaMinOverN1Band = Math.max(...curve.map((c) => c.mean / c.x)) / Math.min(...curve.map((c) => c.mean / c.x));
    return {
      ...v,
      status: problems.length === 0 ? 'pass' : 'fail',
      observed,
      expected: `log-log slope of mean λ_min(K̄) vs n_1 in [${SLOPE[0]}, ${SLOPE[1]}] and its R² ≥ ${R2_MIN}`,
      ...(problems.length > 0 ? { note: problems.join('; ') } : v.note ? { note: v.note } : {}),
    };
  },
};
