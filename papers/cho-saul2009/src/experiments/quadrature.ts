/**
 * Independent reference for J_n [NOTES.md §2]: J_n(θ) = 2ⁿ·n!·∫_{θ−π/2}^{π/2} cosⁿφ·cosⁿ(φ−θ) dφ (rotate x ∝ e₁,
 * y ∈ span(e₁, e₂), integrate the radius out), by Gauss–Legendre quadrature. Independent of the closed forms.
 */

/** Gauss–Legendre nodes and weights on [−1, 1] (Newton on P_N from the Chebyshev guesses; converged to ~1e-15). */
export function gaussLegendre(N: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(N);
  const w = new Float64Array(N);
  for (let i = 0; i < Math.ceil(N / 2); i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (N + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= N; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      if (N === 1) p0 = 1;
      dp = (N * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x[i] = -z;
    x[N - 1 - i] = z;
    const wi = 2 / ((1 - z * z) * dp * dp);
    w[i] = wi;
    w[N - 1 - i] = wi;
  }
  return { x, w };
}

const FACTORIAL = [1, 1, 2, 6, 24];

/** J_n(θ) by N-node Gauss–Legendre on [θ − π/2, π/2] (0 at θ = π, where the interval is empty). */
export function jQuadrature(n: number, theta: number, N: number): number {
  const a = theta - Math.PI / 2;
  const b = Math.PI / 2;
  if (b <= a) return 0;
  const { x, w } = gaussLegendre(N);
  const half = (b - a) / 2;
  const mid = (a + b) / 2;
  let s = 0;
  for (let i = 0; i < N; i++) {
    const p = mid + half * (x[i] as number);
    s += (w[i] as number) * Math.cos(p) ** n * Math.cos(p - theta) ** n;
  }
  return 2 ** n * (FACTORIAL[n] as number) * half * s;
}
