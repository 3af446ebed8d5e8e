import { DEFLATE_FLOOR_REL, assertSymmetric, safeScale, scalePow2, timesPow2, tridiagonalNorm, tridiagonalizeWithReflectors } from './eigvalsh.js';
import { ConvergenceError, type Matrix } from './matrix.js';

/** QL iterations allowed per eigenvalue before giving up (LAPACK's dsteqr allows 30·n in total). */
const QL_MAX_ITER = 60;

/**
 * Eigen-decomposition of a symmetric matrix, A = V diag(values) Vᵀ (A n×n float64; values ascending; the columns of the
 * n×n `vectors` are orthonormal eigenvectors). Householder tridiagonalization (the fused kernel of `eigvalsh`), backward
 * accumulation of Q, then implicit QL with Wilkinson-type shifts applying each rotation to the eigenvector basis
 * (EISPACK tql2 / LAPACK dsteqr). The basis is kept transposed (eigenvectors as rows) so every rotation touches two
 * contiguous rows. Backward stable: ‖A V − V Λ‖ ≈ ε n ‖A‖, ‖VᵀV − I‖ ≈ ε n. When only λ_min is needed, use
 * `minEigenvalue` (no eigenvectors, with an error bound).
 * @example
 * ```ts
 * import { eigh, matrix } from '@repro/linalg';
 *
 * const { values, vectors } = eigh(matrix(2, 2, [2, 1, 1, 2]));
 * values; // → [1, 3]
 * // column j of `vectors` belongs to values[j]: here ±(1, 1)/√2 for λ = 3
 * Math.abs(vectors.data[1]!); // → 0.70710678
 * ```
 */
export function eigh(A: Matrix): { values: Float64Array; vectors: Matrix } {
  assertSymmetric(A, 'eigh');
  const n = A.rows;
  if (n === 0) return { values: new Float64Array(0), vectors: { rows: 0, cols: 0, data: new Float64Array(0) } };
  const sc = safeScale(A);
  const { d, e, W } = tridiagonalizeWithReflectors(sc === 0 ? A : scalePow2(A, -sc));
  let Y = accumulateQt(W, n);
  const d0 = Float64Array.from(d);
  const Y0 = Float64Array.from(Y);
  try {
    qlWithVectors(d, e, Y, n);
  } catch (err) {
    if (!(err instanceof ConvergenceError)) throw err;
    // QL can stall on a tridiagonal graded the wrong way (see tridiagonalEigenvaluesGraded): run it on P T P, P the order
    // reversal, i.e. with Q' = Q P, whose transpose is Qᵀ with its rows reversed.
    const er = new Float64Array(Math.max(0, n - 1));
    for (let i = 0; i < n; i++) d[i] = d0[n - 1 - i] as number;
    for (let i = 0; i < n - 1; i++) er[i] = e[n - 2 - i] as number;
    Y = new Float64Array(n * n);
    for (let i = 0; i < n; i++) Y.set(Y0.subarray((n - 1 - i) * n, (n - i) * n), i * n);
    qlWithVectors(d, er, Y, n);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => (d[i] as number) - (d[j] as number));
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  for (let dst = 0; dst < n; dst++) {
    const src = order[dst] as number;
    values[dst] = timesPow2(d[src] as number, sc);
    const row = src * n;
    for (let k = 0; k < n; k++) vectors[k * n + dst] = Y[row + k] as number;
  }
  return { values, vectors: { rows: n, cols: n, data: vectors } };
}

/**
 * Qᵀ = H_{n−3} ⋯ H_0 from the reflectors stored in W's rows, built as M ← M H_k for k = n−3 … 0 starting from M = I: at
 * step k, M differs from I only in its trailing block from k+2, so each step touches rows and columns k+1.. only.
 */
function accumulateQt(W: Float64Array, n: number): Float64Array {
  const M = new Float64Array(n * n);
  for (let i = 0; i < n; i++) M[i * n + i] = 1;
  for (let k = n - 3; k >= 0; k--) {
    const vo = k * n;
    let vv = 0;
    for (let j = k + 1; j < n; j++) vv += (W[vo + j] as number) ** 2;
    if (vv === 0) continue;
    const beta = 2 / vv;
    for (let i = k + 1; i < n; i++) {
      const mo = i * n;
      let t = 0;
      for (let j = k + 1; j < n; j++) t += (M[mo + j] as number) * (W[vo + j] as number);
      t *= beta;
      if (t === 0) continue;
      for (let j = k + 1; j < n; j++) M[mo + j] = (M[mo + j] as number) - t * (W[vo + j] as number);
    }
  }
  return M;
}

function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x > y) return x * Math.sqrt(1 + (y / x) ** 2);
  return y === 0 ? 0 : y * Math.sqrt(1 + (x / y) ** 2);
}

/**
 * Implicit QL on the tridiagonal (d, e) (e[i] couples i and i+1); d is overwritten with the (unsorted) eigenvalues and
 * each plane rotation of columns (i, i+1) of Z is applied to rows (i, i+1) of Y = Zᵀ, so row m of Y ends as the
 * eigenvector of d[m].
 */
function qlWithVectors(d: Float64Array, e: ArrayLike<number>, Y: Float64Array, n: number): void {
  const off = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) off[i] = e[i] as number;
  const floor = DEFLATE_FLOOR_REL * tridiagonalNorm(d, off);
  for (let l = 0; l < n; l++) {
    let iter = 0;
    let m: number;
    do {
      for (m = l; m < n - 1; m++) {
        const dd = Math.abs(d[m] as number) + Math.abs(d[m + 1] as number);
        const em = Math.abs(off[m] as number);
        if (em <= Number.EPSILON * dd || em <= floor) break;
      }
      if (m !== l) {
        if (iter++ === QL_MAX_ITER) throw new ConvergenceError(`eigh: QL did not converge for eigenvalue ${l} after ${QL_MAX_ITER} iterations`, iter);
        let g = ((d[l + 1] as number) - (d[l] as number)) / (2 * (off[l] as number));
        let r = hypot(g, 1);
        g = (d[m] as number) - (d[l] as number) + (off[l] as number) / (g + (g >= 0 ? r : -r));
        let s = 1;
        let c = 1;
        let p = 0;
        let early = false;
        for (let i = m - 1; i >= l; i--) {
          const f = s * (off[i] as number);
          const b = c * (off[i] as number);
          r = hypot(f, g);
          off[i + 1] = r;
          if (r === 0) {
            d[i + 1] = (d[i + 1] as number) - p;
            off[m] = 0;
            early = true;
            break;
          }
          s = f / r;
          c = g / r;
          g = (d[i + 1] as number) - p;
          r = ((d[i] as number) - g) * s + 2 * c * b;
          p = s * r;
          d[i + 1] = g + p;
          g = c * r - b;
          const r0 = i * n;
          const r1 = r0 + n;
          for (let k = 0; k < n; k++) {
            const y0 = Y[r0 + k] as number;
            const y1 = Y[r1 + k] as number;
            Y[r1 + k] = s * y0 + c * y1;
            Y[r0 + k] = c * y0 - s * y1;
          }
        }
        if (early) continue;
        d[l] = (d[l] as number) - p;
        off[l] = g;
        off[m] = 0;
      }
    } while (m !== l);
  }
}
