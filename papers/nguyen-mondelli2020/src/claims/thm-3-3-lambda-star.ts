import { logLogSlope, meanSd } from '@repro/concentration';
import { checkRate, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Trace } from '../trace.js';
import { need } from './select.js';

/** Card: log-log slope of λ_* vs d at least −0.1 (Θ(1)); the upper end is open, 10 stands for +∞. */
const SLOPE_RANGE: [number, number] = [-0.1, 10];

export const thm33LambdaStar: Claim<Nm20Config, Nm20Trace> = {
  id: 'nm20.thm3.3-lambda-star',
  source: 'Theorem 3.3, arXiv:2002.07867 [card §3, C]',
  statement: 'For data on the √d-sphere with N = 2d, λ_* = λ_min(E_w[σ(Xw)σ(Xw)ᵀ]) stays of order 1 as d grows (and λ_* ≤ E[σ(z)²] ≤ 1).',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['init'],
  check(traces) {
    const rows = need(traces, 'init').flatMap((t) => t.lambdaStar);
    const ds = [...new Set(rows.map((r) => r.d))].sort((a, b) => a - b);
    const means = ds.map((d) => meanSd(rows.filter((r) => r.d === d).flatMap((r) => r.values)).mean);
    const fit = logLogSlope(ds, means);
    const v = checkRate(fit, SLOPE_RANGE);
    const maxLs = Math.max(...rows.flatMap((r) => r.values));
    const ok = v.status === 'pass' && maxLs <= 1;
    const observed: Record<string, number> = { ...v.observed, maxLambdaStar: maxLs };
    ds.forEach((d, i) => (observed[`lambdaStar_d${d}`] = means[i] as number));
    return {
      ...v,
      status: ok ? 'pass' : 'fail',
      observed,
      expected: 'log-log slope of mean λ_* vs d ≥ −0.1; every λ_* ≤ 1',
      ...(maxLs > 1 ? { note: `λ_* = ${maxLs} > 1` } : v.note ? { note: v.note } : {}),
    };
  },
};
