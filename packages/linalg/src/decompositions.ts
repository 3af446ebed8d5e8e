import { SYMMETRY_RTOL, assertSymmetric, eigvalsh, safeScale, scalePow2, timesPow2 } from './eigvalsh.js';
import { lanczosExtremes } from './lanczos.js';
import { ConvergenceError, NotPositiveDefiniteError, assertFinite, gram, isSymmetric, transpose, type Matrix } from './matrix.js';

/** Ritz-residual tolerance of norm2 (relative to ‖A‖): the result is then within ~1e-10·‖A‖ of the true norm. */
const NORM2_TOL = 1e-10;

/**
 * ‖A‖₂: for symmetric A, max |λ| (Lanczos extremes; exact solve for small n); otherwise the largest singular value.
 * @example
 * ```ts
 * import { matrix, norm2 } from '@repro/linalg';
 *
 * norm2(matrix(2, 2, [3, 0, 4, 5])); // → 6.70820393 (√45, the largest singular value)
 * norm2(matrix(2, 2, [-3, 0, 0, 2])); // → 3.0000000 (symmetric: max |λ|)
 * ```
 */
export function norm2(A: Matrix): number {
  assertFinite(A, 'norm2');
  if (A.rows === 0 || A.cols === 0) return 0;
  if (A.rows === A.cols && isSymmetric(A, SYMMETRY_RTOL)) {
    const r = lanczosExtremes(A, { tol: NORM2_TOL });
    if (!r.converged) throw new ConvergenceError(`norm2: Lanczos did not converge in ${r.iterations} iterations`, r.iterations);
    return Math.max(Math.abs(r.min), Math.abs(r.max));
  }
  return svdvals(A)[0] as number;
}

/**
 * Singular values, descending: square roots of the eigenvalues of the smaller Gram matrix (AᵀA or AAᵀ), clamped at 0.
 * Accurate to ~ε‖A‖² / σ relative: small singular values (σ ≲ √ε·σ_max) lose relative accuracy, as with any
 * normal-equations method.
 * @example
 * ```ts
 * import { matrix, svdvals } from '@repro/linalg';
 *
 * svdvals(matrix(2, 2, [3, 0, 4, 5])); // → [6.70820393, 2.23606798] (√45, √5)
 * ```
 */
export function svdvals(A: Matrix): Float64Array {
  assertFinite(A, 'svdvals');
  const sc = safeScale(A); // the Gram matrix squares the entries: keep them in range
  const B = sc === 0 ? A : scalePow2(A, -sc);
  const G = B.rows <= B.cols ? gram(B) : gram(transpose(B));
  const ev = eigvalsh(G);
  const out = new Float64Array(ev.length);
  for (let i = 0; i < ev.length; i++) out[i] = timesPow2(Math.sqrt(Math.max(0, ev[ev.length - 1 - i] as number)), sc);
  return out;
}

/**
 * Lower-triangular L with A = L Lᵀ (float64); throws NotPositiveDefiniteError on a non-positive pivot.
 * @example
 * ```ts
 * import { cholesky, matrix } from '@repro/linalg';
 *
 * cholesky(matrix(2, 2, [4, 2, 2, 3])).data; // → [2, 0, 1, 1.41421356]
 * ```
 */
export function cholesky(A: Matrix): Matrix {
  assertSymmetric(A, 'cholesky');
  const n = A.rows;
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A.data[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (L[i * n + k] as number) * (L[j * n + k] as number);
      if (i === j) {
        if (!(s > 0)) throw new NotPositiveDefiniteError(`cholesky: pivot ${i} is ${s} (matrix not positive definite)`);
        L[i * n + i] = Math.sqrt(s);
      } else L[i * n + j] = s / (L[j * n + j] as number);
    }
  }
  return { rows: n, cols: n, data: L };
}

/**
 * x with A x = b, by LU with partial pivoting; throws RangeError on a singular matrix.
 * @example
 * ```ts
 * import { matrix, solve } from '@repro/linalg';
 *
 * solve(matrix(2, 2, [2, 1, 1, 3]), [3, 5]); // → [0.8, 1.4]
 * ```
 */
export function solve(A: Matrix, b: ArrayLike<number>): Float64Array {
  if (A.rows !== A.cols) throw new RangeError(`solve: matrix must be square, got ${A.rows}×${A.cols}`);
  if (b.length !== A.rows) throw new RangeError(`solve: right-hand side has length ${b.length}, expected ${A.rows}`);
  assertFinite(A, 'solve');
  const n = A.rows;
  const M = Float64Array.from(A.data);
  const x = Float64Array.from(b);
  let scaleMax = 0;
  for (const v of M) scaleMax = Math.max(scaleMax, Math.abs(v));
  for (let k = 0; k < n; k++) {
    let piv = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(M[i * n + k] as number) > Math.abs(M[piv * n + k] as number)) piv = i;
    if (Math.abs(M[piv * n + k] as number) <= Number.EPSILON * scaleMax * n) throw new RangeError(`solve: matrix is singular to working precision (column ${k})`);
    if (piv !== k) {
      for (let j = 0; j < n; j++) {
        const t = M[k * n + j] as number;
        M[k * n + j] = M[piv * n + j] as number;
        M[piv * n + j] = t;
      }
      const t = x[k] as number;
      x[k] = x[piv] as number;
      x[piv] = t;
    }
    const pk = M[k * n + k] as number;
    for (let i = k + 1; i < n; i++) {
      const f = (M[i * n + k] as number) / pk;
      if (f === 0) continue;
      for (let j = k; j < n; j++) M[i * n + j] = (M[i * n + j] as number) - f * (M[k * n + j] as number);
      x[i] = (x[i] as number) - f * (x[k] as number);
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i] as number;
    for (let j = i + 1; j < n; j++) s -= (M[i * n + j] as number) * (x[j] as number);
    x[i] = s / (M[i * n + i] as number);
  }
  return x;
}
