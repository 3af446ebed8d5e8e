/**
 * The two-layer ReLU network in NTK parameterization (Du et al. 2019; Song & Yang 2019):
 * f(x) = m^{−1/2} Σ_r a_r relu(w_rᵀx), w_r(0) ~ N(0, I_d), a_r ~ unif{±1}. Float64 reference code and pattern Gram matrices.
 */
import { foldIn, normal, rademacher, type Key } from '@repro/concentration';
import { gram, matmul, matrix, type Matrix } from '@repro/linalg';

/**
 * Parameters of the two-layer net f(x) = m^{−1/2} Σ_r a_r relu(w_rᵀx): width m, input dimension d, W (m×d) and a (length m).
 */
export interface TwoLayerParams {
  m: number;
  d: number;
  /** m×d row-major, rows w_r. */
  W: Float64Array;
  /** Output weights, length m. */
  a: Float64Array;
}

/**
 * W from foldIn(k, 'W') (no 1/√d scaling), a from foldIn(k, 'a'): each part has its own stream.
 * @example
 * ```ts
 * import { key } from '@repro/concentration';
 * import { initTwoLayer } from '@repro/nets';
 *
 * const p = initTwoLayer(key(0), 100, 3); // m = 100 neurons, d = 3
 * p.W.length; // → 300
 * p.a.every((v) => v === 1 || v === -1); // → true
 * ```
 */
export function initTwoLayer(k: Key, m: number, d: number): TwoLayerParams {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`width m must be a positive integer, got ${m}`);
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`input dimension d must be a positive integer, got ${d}`);
  return { m, d, W: normal(foldIn(k, 'W'), m * d), a: rademacher(foldIn(k, 'a'), m) };
}

/**
 * Z_ir = w_rᵀx_i as an n×m row-major array: X Wᵀ in float64 (row dot products of contiguous rows).
 * @example
 * ```ts
 * import { matrix } from '@repro/linalg';
 * import { projections } from '@repro/nets';
 *
 * const X = matrix(2, 2, [1, 0, 0, 1]);
 * const W = Float64Array.of(1, 2, -3, 4); // m = 2 rows w_r
 * projections(X, W, 2); // → [1, -3, 2, 4] (Z_ir = w_rᵀx_i)
 * ```
 */
export function projections(X: Matrix, W: Float64Array, m: number): Float64Array {
  if (W.length !== m * X.cols) throw new RangeError(`W has ${W.length} entries, expected m·d = ${m * X.cols}`);
  return matmul(X, matrix(m, X.cols, W), { transB: true }).data;
}

/**
 * u_i = m^{−1/2} Σ_r a_r relu(w_rᵀx_i), float64.
 * @example
 * ```ts
 * import { matrix } from '@repro/linalg';
 * import { forwardTwoLayer } from '@repro/nets';
 *
 * const p = { m: 2, d: 2, W: Float64Array.of(1, 0, -1, 0), a: Float64Array.of(1, -1) };
 * forwardTwoLayer(p, matrix(2, 2, [2, 0, -2, 0])); // → [1.41421356, -1.41421356] (±2/√2)
 * ```
 */
export function forwardTwoLayer(p: TwoLayerParams, X: Matrix): Float64Array {
  if (X.cols !== p.d) throw new RangeError(`input dimension ${X.cols} does not match the network's d = ${p.d}`);
  const Z = projections(X, p.W, p.m);
  const u = new Float64Array(X.rows);
  const s = 1 / Math.sqrt(p.m);
  for (let i = 0; i < X.rows; i++) {
    let acc = 0;
    for (let r = 0; r < p.m; r++) {
      const z = Z[i * p.m + r] as number;
      if (z > 0) acc += (p.a[r] as number) * z;
    }
    u[i] = acc * s;
  }
  return u;
}

/**
 * P_ir = 1{w_rᵀx_i ≥ 0} (the kink counts as active, as in the gradient), n×m row-major.
 * @example
 * ```ts
 * import { matrix } from '@repro/linalg';
 * import { activationPattern } from '@repro/nets';
 *
 * const X = matrix(2, 2, [1, 0, 0, 1]);
 * activationPattern(X, Float64Array.of(1, 0, -1, 0), 2); // → [1, 0, 1, 1] (w_rᵀx = 0 counts as active)
 * ```
 */
export function activationPattern(X: Matrix, W: Float64Array, m: number): Uint8Array {
  const Z = projections(X, W, m);
  const P = new Uint8Array(Z.length);
  for (let i = 0; i < Z.length; i++) P[i] = (Z[i] as number) >= 0 ? 1 : 0;
  return P;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  v = (v + (v >>> 4)) & 0x0f0f0f0f;
  return Math.imul(v, 0x01010101) >>> 24;
}

/**
 * C_ij = Σ_r [weight_r] 1{Z_ir ≥ 0} 1{Z_jr ≥ 0} from projections Z (n×m, any float array). Unweighted counts use
 * bit-packed patterns and popcount (exact integers, m/32 word operations per pair); weighted ones loop over neurons.
 * @example
 * ```ts
 * import { patternCounts } from '@repro/nets';
 *
 * const Z = [1, -1, 0, 0]; // n = 2 inputs × m = 2 neurons
 * patternCounts(Z, 2, 2); // → [1, 1, 1, 2]
 * patternCounts(Z, 2, 2, [0.5, 3]); // → [0.5, 0.5, 0.5, 3.5]
 * ```
 */
export function patternCounts(Z: ArrayLike<number>, n: number, m: number, weights?: ArrayLike<number>): Float64Array {
  const C = new Float64Array(n * n);
  if (weights === undefined) {
    const words = Math.ceil(m / 32);
    const bits = new Int32Array(n * words);
    for (let i = 0; i < n; i++)
      for (let r = 0; r < m; r++) if ((Z[i * m + r] as number) >= 0) bits[i * words + (r >>> 5)] = (bits[i * words + (r >>> 5)] as number) | (1 << (r & 31));
    for (let i = 0; i < n; i++)
      for (let j = i; j < n; j++) {
        let c = 0;
        const oi = i * words;
        const oj = j * words;
        for (let w = 0; w < words; w++) c += popcount((bits[oi + w] as number) & (bits[oj + w] as number));
        C[i * n + j] = c;
        C[j * n + i] = c;
      }
    return C;
  }
  const active: number[] = [];
  for (let r = 0; r < m; r++) {
    active.length = 0;
    for (let i = 0; i < n; i++) if ((Z[i * m + r] as number) >= 0) active.push(i);
    const w = weights[r] as number;
    for (const i of active) for (const j of active) C[i * n + j] = (C[i * n + j] as number) + w;
  }
  return C;
}

/**
 * H = (XXᵀ) ∘ C / m from pattern counts C (float64 Hadamard product and scaling).
 * @example
 * ```ts
 * import { identity } from '@repro/linalg';
 * import { gramFromCounts } from '@repro/nets';
 *
 * gramFromCounts(identity(2), Float64Array.of(1, 1, 1, 2), 2).data; // → [0.5, 0, 0, 1]
 * ```
 */
export function gramFromCounts(XXt: Matrix, C: Float64Array, m: number): Matrix {
  const n = XXt.rows;
  const H = matrix(n, n);
  for (let i = 0; i < n * n; i++) H.data[i] = ((XXt.data[i] as number) * (C[i] as number)) / m;
  return H;
}

/**
 * H_ij = (1/m) x_iᵀx_j Σ_r [a_r²] 1{w_rᵀx_i ≥ 0, w_rᵀx_j ≥ 0} (Du et al. 2019, eq. for H(t)); float64, exactly symmetric.
 * @example
 * ```ts
 * import { matrix } from '@repro/linalg';
 * import { gramH } from '@repro/nets';
 *
 * const X = matrix(2, 2, [1, 0, 0, 1]);
 * gramH(X, Float64Array.of(1, 0, -1, 0), 2).data; // → [0.5, 0, 0, 1]
 * ```
 */
export function gramH(X: Matrix, W: Float64Array, m: number, a?: Float64Array): Matrix {
  const Z = projections(X, W, m);
  const weights = a?.map((x) => x * x);
  return gramFromCounts(gram(X), patternCounts(Z, X.rows, m, weights), m);
}

/**
 * m·E‖H(0) − H∞‖_F² = Σ_ij ρ_ij² p_ij(1 − p_ij) for `gramH` at N(0, I) weights, exact: H(0)_ij is ρ_ij = x_iᵀx_j times the
 * mean of m i.i.d. Bernoulli(p_ij) pattern agreements, p_ij = P(wᵀx_i ≥ 0, wᵀx_j ≥ 0) = (π − arccos ρ_ij)/(2π) (unit-norm
 * rows), and E H(0) = H∞. Written from the orthant probability, independent of `hInfinity`: the concentration checks of
 * Du et al. Lemma 3.1 and Song–Yang's initial-Gram lemma compare draws of m‖H(0) − H∞‖_F² with it.
 * @example
 * ```ts
 * import { matrix } from '@repro/linalg';
 * import { gramHDeviationScale } from '@repro/nets';
 *
 * gramHDeviationScale(matrix(2, 2, [1, 0, 0, 1])); // → 0.5
 * ```
 */
export function gramHDeviationScale(X: Matrix): number {
  const R = gram(X).data;
  let v = 0;
  for (const r of R) {
    const rho = Math.max(-1, Math.min(1, r));
    const p = (Math.PI - Math.acos(rho)) / (2 * Math.PI);
    v += rho * rho * p * (1 - p);
  }
  return v;
}

/**
 * G_ij = (1/m) Σ_r relu(w_rᵀx_i) relu(w_rᵀx_j) (the output-layer Gram matrix); float64.
 * @example
 * ```ts
 * import { matrix } from '@repro/linalg';
 * import { gramG } from '@repro/nets';
 *
 * const X = matrix(2, 2, [1, 0, 0, 1]);
 * gramG(X, Float64Array.of(1, 0, -1, 0), 2).data; // → [0.5, 0, 0, 0]
 * ```
 */
export function gramG(X: Matrix, W: Float64Array, m: number): Matrix {
  const Z = projections(X, W, m);
  for (let i = 0; i < Z.length; i++) if ((Z[i] as number) < 0) Z[i] = 0;
  const G = gram(matrix(X.rows, m, Z));
  for (let i = 0; i < G.data.length; i++) G.data[i] = (G.data[i] as number) / m;
  return G;
}
