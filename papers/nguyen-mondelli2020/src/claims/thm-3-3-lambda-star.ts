import { logLogSlope, meanSd } from '@repro/concentration';
import { allOf, checkBound, checkRate, need, type Claim, type Verdict } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Experiment, Nm20Trace } from '../trace.js';

/** [NOTES.md §5] log-log slope of λ_* vs d at least −0.1 (Θ(1)); the upper end is open, 10 stands for +∞. */
const SLOPE_RANGE: [number, number] = [-0.1, 10];
/** z of the Monte-Carlo upper side (see mcWindow), a priori. */
const MC_Z = 5;

/**
 * The window the Monte-Carlo λ_min of M draws must fall in, relative to λ_*, derived before running:
 * - upper: with v the bottom eigenvector of the exact Gram S, λ_MC ≤ vᵀŜv, a mean of M i.i.d. (vᵀσ(Xw))² with mean λ_*
 *   and, were vᵀσ(Xw) Gaussian, variance ≤ 2λ_*²; allowing twice that sd for heavier tails, λ_MC/λ_* ≤ 1 + MC_Z·2√2/√M
 *   (1.032 at M = 2·10⁵);
 * - lower: the Bai–Yin edge of a sample covariance of M draws in dimension N, (1 − √(N/M))², with √(N/M) doubled for the
 *   non-Gaussian features: λ_MC/λ_* ≥ (1 − 2√(N/M))² (0.90 at N = 128, 0.83 at N = 400, M = 2·10⁵).
 */
export function mcWindow(N: number, M: number): [number, number] {
  return [(1 - 2 * Math.sqrt(N / M)) ** 2, 1 + (MC_Z * 2 * Math.SQRT2) / Math.sqrt(M)];
}

export const thm33LambdaStar: Claim<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nm20.thm3.3-lambda-star',
  source: 'Theorem 3.3, arXiv:2002.07867',
  statement:
    'For data on the √d-sphere with N = 2d, λ_* = λ_min(E_w[σ(Xw)σ(Xw)ᵀ]) stays of order 1 as d grows; the quadrature λ_* agrees with a Monte-Carlo estimate of the same expectation.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['init'],
  catches: ['lambda-star-variance'],
  check(traces) {
    const rows = need(traces, 'init').flatMap((t) => t.lambdaStar);
    const ds = [...new Set(rows.map((r) => r.d))].sort((a, b) => a - b);
    const means = ds.map((d) => meanSd(rows.filter((r) => r.d === d).flatMap((r) => r.values)).mean);
    const extra: Record<string, number> = { maxLambdaStar: Math.max(...rows.flatMap((r) => r.values)) };
    ds.forEach((d, i) => (extra[`lambdaStar_d${d}`] = means[i] as number));
    // Two-sided Monte-Carlo cross-check on data set 0 of every d: λ_MC/λ_* inside the a-priori window (both sides).
    const lowRatios: number[] = [];
    const highRatios: number[] = [];
    for (const r of rows) {
      const ratio = r.mc / (r.values[0] as number);
      const [lo, hi] = mcWindow(r.N, r.mcDraws);
      extra[`mcRatio_d${r.d}`] = ratio;
      lowRatios.push(ratio / lo);
      highRatios.push(ratio / hi);
    }
    const parts: Record<string, Verdict> = {
      slope: checkRate(logLogSlope(ds, means), SLOPE_RANGE),
      mcLower: { ...checkBound(lowRatios, 1, 'ge'), expected: 'λ_MC/λ_* ≥ (1 − 2√(N/M))² for every d (ratio to that edge ≥ 1)' },
      mcUpper: { ...checkBound(highRatios, 1, 'le'), expected: `λ_MC/λ_* ≤ 1 + ${MC_Z}·2√2/√M for every d (ratio to that edge ≤ 1)` },
    };
    return allOf(parts, extra);
  },
};
