/**
 * Closed-form expected (infinite-width) NTK of a bias-free deep ReLU MLP by layer decomposition (NMM21 Lemma 3.1), and the
 * Gaussian dual of a general activation by Gauss–Hermite quadrature (for NM20's λ_*).
 */
import { matrix, type Matrix } from '@repro/linalg';
import { activation, type Activation, type ArcCosineLimitMaps } from './activation.js';
import { angleMatrix } from './kernels.js';

/** The infinite-width NTK of a deep ReLU MLP (`reluNtkLimit`) with the per-layer NNGP Grams it is built from. */
export interface ReluNtkLimit {
  /** K^{(L)} (N×N float64): the limit of (Π_{l<L} 2/n_l)·K̄ under N(0, 1) weights. */
  K: Matrix;
  /** G^{(1)} = XXᵀ, …, G^{(L)}: the per-layer NNGP Grams (G^{(l)} for l ≥ 2 is the arc-cosine map of G^{(l−1)}). */
  G: Matrix[];
}

/**
 * K^{(L)} for ReLU, L ≥ 1 layers of weights (L−1 hidden): G = XXᵀ, K = G; for l = 2..L, with q = diag G and θ the angle
 * between inputs: Ġ = (π−θ)/π = J₀(θ)/π, G ← √(q_iq_j)·J₁(θ)/π with J₁(θ) = sin θ + (π−θ)cos θ, K ← K∘Ġ + G (Ġ and the new
 * G both from the old G). With this normalization (c_σ = 2) the diagonal q is the same at every layer, so the new G is
 * √(q_iq_j)·cos θ′ with θ′ the degree-1 arc-cosine angle map of θ. Ġ and θ′ are ReLU's limit maps `k0` and `k1Angle`
 * (`activation({ name: 'relu' }).limit`, the arc-cosine kernels of kernels.ts). At L = 2 this is K = 2(H∞ + K∞) in terms
 * of Du et al.'s closed forms (`hInfinity`, `kInfinity`): XXᵀ∘k₀ = 2H∞ and k₁ = 2K∞. The angles are carried from layer to layer
 * (`angleMatrix`, `arcCosineThetaMap`) instead of being recomputed by acos of a rounded cosine, which kept near-parallel
 * pairs accurate only to ~1e-8 in θ. A zero input has angle π/2 to everything and stays there (Ġ = ½, G = 0).
 * @example
 * ```ts
 * import { matrix } from '@repro/linalg';
 * import { reluNtkLimit } from '@repro/nets';
 *
 * const X = matrix(2, 2, [1, 0, 0, 1]); // orthogonal unit inputs
 * reluNtkLimit(X, 1).K.data; // → [1, 0, 0, 1] (L = 1: K = XXᵀ)
 * reluNtkLimit(X, 2).K.data; // → [2, 0.31830989, 0.31830989, 2] (K∘Ġ + G⁽²⁾)
 * ```
 */
export function reluNtkLimit(X: Matrix, L: number): ReluNtkLimit {
  if (!(Number.isInteger(L) && L >= 1)) throw new RangeError(`depth L must be a positive integer, got ${L}`);
  const N = X.rows;
  const d = X.cols;
  let G = matrix(N, N);
  for (let i = 0; i < N; i++)
    for (let j = i; j < N; j++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += (X.data[i * d + c] as number) * (X.data[j * d + c] as number);
      G.data[i * N + j] = s;
      G.data[j * N + i] = s;
    }
  const Gs: Matrix[] = [G];
  const K = matrix(N, N, G.data.slice());
  if (L === 1) return { K, G: Gs };
  const relu = activation({ name: 'relu' }).limit as ArcCosineLimitMaps;
  const { theta, sqNormX: q } = angleMatrix(X);
  for (let l = 2; l <= L; l++) {
    const next = matrix(N, N);
    for (let i = 0; i < N; i++)
      for (let j = i; j < N; j++) {
        const nrm = Math.sqrt((q[i] as number) * (q[j] as number));
        const t = theta.data[i * N + j] as number;
        const gdot = relu.k0(t);
        let gnew: number;
        if (nrm === 0) gnew = 0; // a zero input: its feature is 0 and its angle stays π/2 (Ġ = ½ at every layer)
        else if (i === j) gnew = q[i] as number;
        else {
          const t2 = relu.k1Angle(t);
          theta.data[i * N + j] = t2;
          theta.data[j * N + i] = t2;
          gnew = nrm * Math.cos(t2);
        }
        const kij = (K.data[i * N + j] as number) * gdot + gnew;
        K.data[i * N + j] = kij;
        K.data[j * N + i] = kij;
        next.data[i * N + j] = gnew;
        next.data[j * N + i] = gnew;
      }
    G = next;
    Gs.push(G);
  }
  return { K, G: Gs };
}

/**
 * Gauss–Hermite nodes and weights for E[g(Z)], Z ~ N(0, 1): E[g(Z)] ≈ Σ_i w_i g(z_i) (Σ w_i = 1). Newton on the
 * orthonormal Hermite recurrence (Golub & Welsch initial guesses as in Numerical Recipes §4.6). n = 200, the largest
 * accepted, currently returns underflowed weights (Σ w ≈ 3e-161): use n ≤ 199 (Σ w = 1 to ~1e-15 up to there).
 * @example
 * ```ts
 * import { gaussHermite } from '@repro/nets';
 *
 * const { z, w } = gaussHermite(3);
 * z; // → [1.73205081, 0, -1.73205081]
 * w; // → [0.16666667, 0.66666667, 0.16666667]
 * z.reduce((s, zi, i) => s + w[i]! * zi ** 4, 0); // → 3.0000000 (E Z⁴, exact for degree ≤ 5)
 * ```
 */
export function gaussHermite(n: number): { z: Float64Array; w: Float64Array } {
  if (!(Number.isInteger(n) && n >= 1 && n <= 200)) throw new RangeError(`gaussHermite: n must be an integer in [1, 200], got ${n}`);
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  const PIM4 = Math.PI ** -0.25;
  const m = Math.floor((n + 1) / 2);
  let z = 0;
  for (let i = 0; i < m; i++) {
    if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * (2 * n + 1) ** -0.16667;
    else if (i === 1) z -= (1.14 * n ** 0.426) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * (x[0] as number);
    else if (i === 3) z = 1.91 * z - 0.91 * (x[1] as number);
    else z = 2 * z - (x[i - 2] as number);
    let pp = 0;
    for (let it = 0; it < 100; it++) {
      let p1 = PIM4;
      let p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / j) * p2 - Math.sqrt((j - 1) / j) * p3;
      }
      pp = Math.sqrt(2 * n) * p2;
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) <= 1e-14 * Math.max(1, Math.abs(z))) break;
    }
    x[i] = z;
    x[n - 1 - i] = -z;
    w[i] = 2 / (pp * pp);
    w[n - 1 - i] = w[i] as number;
  }
  // physicists' (weight e^{−x²}) → probabilists': z = √2 x, weights / √π.
  const zs = new Float64Array(n);
  const ws = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    zs[i] = Math.SQRT2 * (x[i] as number);
    ws[i] = (w[i] as number) / Math.sqrt(Math.PI);
  }
  return { z: zs, w: ws };
}

/**
 * The Gaussian dual of σ at unit variances: ρ ↦ E[σ(u)σ(v)], (u, v) standard normal with correlation ρ, tabulated on a
 * uniform ρ-grid by 2-D Gauss–Hermite (u = z₁, v = ρz₁ + √(1−ρ²)z₂) and read by linear interpolation. Accurate to
 * rounding for smooth σ (the smooth leaky ReLU σ_{γ,β}). ReLU has a kink at 0 where the quadrature converges slowly (it gave
 * 0.1608 at ρ = 0 with 80 nodes against 1/(2π) = 0.1592), so ReLU uses its closed form (√(1−ρ²) + (π − arccos ρ)ρ)/(2π).
 * @example
 * ```ts
 * import { gaussianDual } from '@repro/nets';
 *
 * const dual = gaussianDual({ name: 'relu' });
 * dual(1); // → 0.5000 (E relu(Z)²)
 * dual(0); // → 0.1592 (1/(2π), closed form)
 * ```
 */
export function gaussianDual(act: Activation, opts: { nodes?: number; gridSize?: number } = {}): (rho: number) => number {
  // ReLU has a kink at 0, where Gauss–Hermite converges slowly (80 nodes: 0.1608 at ρ = 0 against 1/(2π) = 0.1592): use
  // its closed form, the degree-1 arc-cosine kernel of unit inputs (the activation record's `limit.dual`).
  const sigma = activation(act);
  if (sigma.limit !== undefined) return sigma.limit.dual;
  const { f } = sigma;
  const { z, w } = gaussHermite(opts.nodes ?? 80);
  const n = z.length;
  const M = opts.gridSize ?? 4001;
  const fz = Float64Array.from(z, (x) => f(x));
  const table = new Float64Array(M);
  for (let g = 0; g < M; g++) {
    const rho = -1 + (2 * g) / (M - 1);
    const s = Math.sqrt(Math.max(0, (1 - rho) * (1 + rho)));
    let acc = 0;
    for (let a = 0; a < n; a++) {
      let inner = 0;
      const base = rho * (z[a] as number);
      for (let b = 0; b < n; b++) inner += (w[b] as number) * f(base + s * (z[b] as number));
      acc += (w[a] as number) * (fz[a] as number) * inner;
    }
    table[g] = acc;
  }
  return (rho: number) => {
    const r = Math.min(1, Math.max(-1, rho));
    const t = ((r + 1) / 2) * (M - 1);
    const i = Math.min(M - 2, Math.floor(t));
    const frac = t - i;
    return (table[i] as number) * (1 - frac) + (table[i + 1] as number) * frac;
  };
}

/**
 * NM20's λ_* = λ_min(E_{w~N(0, I_d/d)}[σ(Xw)σ(Xw)ᵀ]) for data on the radius-√d sphere (so every x_iᵀw ~ N(0, 1)): the N×N
 * matrix of the dual at ρ_ij = x_iᵀx_j/d. Returns the matrix; the caller takes λ_min in float64.
 * @example
 * ```ts
 * import { matrix } from '@repro/linalg';
 * import { expectedFeatureGram } from '@repro/nets';
 *
 * const X = matrix(2, 2, [Math.SQRT2, 0, 0, Math.SQRT2]); // rows on the radius-√d sphere, d = 2
 * expectedFeatureGram(X, { name: 'relu' }).data; // → [0.5000, 0.1592, 0.1592, 0.5000] (ρ = 1 on, 0 off the diagonal)
 * ```
 */
export function expectedFeatureGram(X: Matrix, act: Activation, dual: (rho: number) => number = gaussianDual(act)): Matrix {
  const N = X.rows;
  const d = X.cols;
  const M = matrix(N, N);
  for (let i = 0; i < N; i++)
    for (let j = i; j < N; j++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += (X.data[i * d + c] as number) * (X.data[j * d + c] as number);
      const v = dual(i === j ? 1 : s / d);
      M.data[i * N + j] = v;
      M.data[j * N + i] = v;
    }
  return M;
}
