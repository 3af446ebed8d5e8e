/** Classical tail bounds, as functions of their parameters (each returns a probability bound or a deviation). */

/** Hoeffding: the deviation t with P(|mean − μ| ≥ t) ≤ δ for n i.i.d. terms in an interval of width `range`: range·√(ln(2/δ)/(2n)). */
export function hoeffdingDeviation(n: number, range: number, delta: number): number {
  return range * Math.sqrt(Math.log(2 / delta) / (2 * n));
}

/** Hoeffding two-sided tail: P(|mean − μ| ≥ t) ≤ 2 exp(−2nt²/range²), capped at 1. */
export function hoeffdingTail(n: number, range: number, t: number): number {
  return Math.min(1, 2 * Math.exp((-2 * n * t * t) / (range * range)));
}

/** Bernstein two-sided tail for the mean of n terms with variance σ² and |X − μ| ≤ b: 2 exp(−n t²/(2σ² + 2bt/3)). */
export function bernsteinTail(n: number, variance: number, bound: number, t: number): number {
  return Math.min(1, 2 * Math.exp((-n * t * t) / (2 * variance + (2 * bound * t) / 3)));
}

/** Matrix Chernoff lower tail (Tropp 2012): P(λ_min(ΣX_k) ≤ (1 − ε)μ_min) ≤ d·[e^{−ε}/(1 − ε)^{1−ε}]^{μ_min/R}. */
export function matrixChernoffLowerTail(dim: number, muMin: number, R: number, eps: number): number {
  return Math.min(1, dim * Math.exp((muMin / R) * (-eps - (1 - eps) * Math.log(1 - eps))));
}

/** Matrix Bernstein (Tropp 2012): P(‖ΣX_k‖ ≥ t) ≤ 2d·exp(−(t²/2)/(v + Rt/3)). */
export function matrixBernsteinTail(dim: number, variance: number, R: number, t: number): number {
  return Math.min(1, 2 * dim * Math.exp(-(t * t) / 2 / (variance + (R * t) / 3)));
}
