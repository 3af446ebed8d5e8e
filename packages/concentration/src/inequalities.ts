import { wilsonInterval } from './estimators.js';

/** Classical tail bounds, as functions of their parameters (each returns a probability bound or a deviation). */

/**
 * Hoeffding: the deviation t with P(|mean − μ| ≥ t) ≤ δ for n i.i.d. terms in an interval of width `range`: range·√(ln(2/δ)/(2n)).
 * @example
 * ```ts
 * import { hoeffdingDeviation } from '@repro/concentration';
 *
 * hoeffdingDeviation(1000, 1, 0.05); // → 0.04294694 (mean of 1000 terms in [0, 1], 95 % confidence)
 * ```
 */
export function hoeffdingDeviation(n: number, range: number, delta: number): number {
  return range * Math.sqrt(Math.log(2 / delta) / (2 * n));
}

/**
 * Hoeffding two-sided tail: P(|mean − μ| ≥ t) ≤ 2 exp(−2nt²/range²), capped at 1.
 * @example
 * ```ts
 * import { hoeffdingTail } from '@repro/concentration';
 *
 * hoeffdingTail(1000, 1, 0.05); // → 0.01347589
 * hoeffdingTail(10, 1, 0.01); // → 1 (capped)
 * ```
 */
export function hoeffdingTail(n: number, range: number, t: number): number {
  return Math.min(1, 2 * Math.exp((-2 * n * t * t) / (range * range)));
}

/**
 * Bernstein two-sided tail for the mean of n terms with variance σ² and |X − μ| ≤ b: 2 exp(−n t²/(2σ² + 2bt/3)).
 * @example
 * ```ts
 * import { bernsteinTail } from '@repro/concentration';
 *
 * bernsteinTail(1000, 0.25, 1, 0.05); // → 0.01841936
 * ```
 */
export function bernsteinTail(n: number, variance: number, bound: number, t: number): number {
  return Math.min(1, 2 * Math.exp((-n * t * t) / (2 * variance + (2 * bound * t) / 3)));
}

/**
 * Matrix Chernoff lower tail (Tropp 2012): P(λ_min(ΣX_k) ≤ (1 − ε)μ_min) ≤ d·[e^{−ε}/(1 − ε)^{1−ε}]^{μ_min/R}.
 * @example
 * ```ts
 * import { matrixChernoffLowerTail } from '@repro/concentration';
 *
 * matrixChernoffLowerTail(10, 100, 1, 0.5); // → 2.1715793e-6
 * ```
 */
export function matrixChernoffLowerTail(dim: number, muMin: number, R: number, eps: number): number {
  return Math.min(1, dim * Math.exp((muMin / R) * (-eps - (1 - eps) * Math.log(1 - eps))));
}

/**
 * Matrix Bernstein (Tropp 2012): P(‖ΣX_k‖ ≥ t) ≤ 2d·exp(−(t²/2)/(v + Rt/3)).
 * @example
 * ```ts
 * import { matrixBernsteinTail } from '@repro/concentration';
 *
 * matrixBernsteinTail(10, 4, 1, 10); // → 0.02187415
 * ```
 */
export function matrixBernsteinTail(dim: number, variance: number, R: number, t: number): number {
  return Math.min(1, 2 * dim * Math.exp(-(t * t) / 2 / (variance + (R * t) / 3)));
}

/**
 * Matrix Chernoff upper tail (Tropp 2015, Thm 5.1.1): P(λ_max(ΣX_k) ≥ (1 + ε)μ_max) ≤ d·[e^{ε}/(1 + ε)^{1+ε}]^{μ_max/R}, capped at 1.
 * @example
 * ```ts
 * import { matrixChernoffUpperTail } from '@repro/concentration';
 *
 * matrixChernoffUpperTail(10, 100, 1, 0.5); // → 2.0000241e-4
 * ```
 */
export function matrixChernoffUpperTail(dim: number, muMax: number, R: number, eps: number): number {
  if (!(eps > 0)) throw new RangeError(`matrixChernoffUpperTail: eps must be > 0, got ${eps}`);
  return Math.min(1, dim * Math.exp((muMax / R) * (eps - (1 + eps) * Math.log1p(eps))));
}

/**
 * The number of i.i.d. PSD summands X_k = A_k/m (λ_max(A_k) ≤ L, E Σ X_k fixed with λ_min = μ) that makes the matrix Chernoff
 * lower tail P(λ_min ≤ (1 − ε)μ) at most δ, using the simplified exponent e^{−ε}/(1−ε)^{1−ε} ≤ e^{−ε²/2}:
 * m ≥ 2L·ln(dim/δ)/(ε²μ).
 * @example
 * ```ts
 * import { matrixChernoffLowerWidth } from '@repro/concentration';
 *
 * matrixChernoffLowerWidth(10, 1, 1, 0.5, 0.01); // → 55.26204223 (summands needed)
 * ```
 */
export function matrixChernoffLowerWidth(dim: number, muMin: number, L: number, eps: number, delta: number): number {
  if (!(eps > 0 && eps < 1)) throw new RangeError(`matrixChernoffLowerWidth: eps must be in (0, 1), got ${eps}`);
  return (2 * L * Math.log(dim / delta)) / (eps * eps * muMin);
}

/**
 * Bernstein tail for the SUM of n independent terms: P(|Σ(X_k − E X_k)| ≥ t) ≤ 2 exp(−(t²/2)/(v + bt/3)) with v = Σ Var X_k and
 * |X_k − E X_k| ≤ b; capped at 1. (bernsteinTail is the same bound written for the mean.)
 * @example
 * ```ts
 * import { bernsteinSumTail, bernsteinTail } from '@repro/concentration';
 *
 * bernsteinSumTail(250, 1, 50); // → 0.01841936
 * bernsteinTail(1000, 0.25, 1, 0.05); // → 0.01841936 (the same bound for the mean: v = nσ², t = n·t_mean)
 * ```
 */
export function bernsteinSumTail(variance: number, bound: number, t: number): number {
  return Math.min(1, 2 * Math.exp(-(t * t) / 2 / (variance + (bound * t) / 3)));
}

/**
 * Empirical quantile of a sample (type 7, as numpy.quantile's default): linear interpolation between order statistics at
 * position p·(n − 1). NaN for an empty sample; p outside [0, 1] throws.
 * @example
 * ```ts
 * import { empiricalQuantile } from '@repro/concentration';
 *
 * empiricalQuantile([1, 2, 3, 4, 5], 0.9); // → 4.6
 * empiricalQuantile([], 0.5); // → NaN
 * ```
 */
export function empiricalQuantile(xs: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`empiricalQuantile: p must be in [0, 1], got ${p}`);
  if (xs.length === 0) return Number.NaN;
  const s = Float64Array.from(xs).sort();
  const h = p * (s.length - 1);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return (s[lo] as number) + (h - lo) * ((s[hi] as number) - (s[lo] as number));
}

/** One point of an empirical tail: the frequency of X ≥ t among `trials` draws and its Wilson interval at level 1 − alpha. */
export interface TailPoint {
  t: number;
  exceed: number;
  trials: number;
  frequency: number;
  ciLow: number;
  ciHigh: number;
}

/**
 * Empirical survival function P̂(X ≥ t) at each threshold, with the Wilson binomial CI (for plotting a tail next to a bound).
 * @example
 * ```ts
 * import { empiricalTail } from '@repro/concentration';
 *
 * const [p] = empiricalTail([0.1, 0.5, 0.9, 1.2], [0.5]);
 * p; // → { t: 0.5, exceed: 3, trials: 4, frequency: 0.75, ciLow: 0.30064184, ciHigh: 0.95441274 }
 * ```
 */
export function empiricalTail(xs: ArrayLike<number>, thresholds: readonly number[], alpha = 0.05): TailPoint[] {
  const n = xs.length;
  return thresholds.map((t) => {
    let exceed = 0;
    for (let i = 0; i < n; i++) if ((xs[i] as number) >= t) exceed++;
    const [ciLow, ciHigh] = n === 0 ? [0, 1] : wilsonInterval(exceed, n, alpha);
    return { t, exceed, trials: n, frequency: n === 0 ? Number.NaN : exceed / n, ciLow, ciHigh };
  });
}
