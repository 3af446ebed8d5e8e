import { key, normal } from '@repro/concentration';
import { assertSymmetric, eigvalsh, tridiagonalEigenvalues } from './eigvalsh.js';
import { ConvergenceError, type Matrix } from './matrix.js';

export interface LanczosOptions {
  /** Convergence: Ritz residual ‖A y − θ y‖ ≤ tol·‖A‖₂ (estimated by the largest |Ritz value|). Default 1e-8. */
  tol?: number;
  /** Maximum Krylov dimension (default min(n, 500)). */
  maxIter?: number;
  /** Seed of the (Gaussian) start vector; default 0. */
  seed?: number;
}

/** Below this size a full eigen-solve is cheaper and exact. */
const DENSE_CUTOFF = 64;
/** Check convergence every this many iterations (each check is O(k²)). */
const CHECK_EVERY = 4;

/**
 * Extreme eigenvalues of a symmetric matrix by Lanczos with full re-orthogonalization (classical Gram–Schmidt applied twice).
 * The residual of a Ritz pair (θ, y = Q s) is β_k |s_k|; s comes from inverse iteration on the tridiagonal T_k.
 */
export function lanczosExtremes(
  A: Matrix,
  opts: LanczosOptions = {},
): { min: number; max: number; iterations: number; residualMin: number; residualMax: number; converged: boolean } {
  assertSymmetric(A, 'lanczos');
  const n = A.rows;
  const tol = opts.tol ?? 1e-8;
  if (n === 0) throw new RangeError('lanczos: empty matrix has no eigenvalues');
  if (n <= DENSE_CUTOFF) {
    const ev = eigvalsh(A);
    return { min: ev[0] as number, max: ev[n - 1] as number, iterations: 0, residualMin: 0, residualMax: 0, converged: true };
  }
  const maxIter = Math.min(n, opts.maxIter ?? 500);
  const Q: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let q: Float64Array = normal(key(opts.seed ?? 0), n);
  let nq = 0;
  for (const x of q) nq += x * x;
  nq = Math.sqrt(nq);
  q = q.map((x) => x / nq);
  const data = A.data;
  let result = { min: Number.NaN, max: Number.NaN, residualMin: Number.POSITIVE_INFINITY, residualMax: Number.POSITIVE_INFINITY };
  for (let j = 0; j < maxIter; j++) {
    Q.push(q);
    const z = symmetricMatvec(data, n, q);
    let a = 0;
    for (let i = 0; i < n; i++) a += (q[i] as number) * (z[i] as number);
    alpha.push(a);
    for (let pass = 0; pass < 2; pass++)
      for (const qi of Q) {
        let c = 0;
        for (let i = 0; i < n; i++) c += (qi[i] as number) * (z[i] as number);
        for (let i = 0; i < n; i++) z[i] = (z[i] as number) - c * (qi[i] as number);
      }
    let b = 0;
    for (const x of z) b += x * x;
    b = Math.sqrt(b);
    const k = j + 1;
    const last = k === maxIter;
    const breakdown = b <= 1e-13 * Math.max(...alpha.map(Math.abs), 1e-300);
    if (k % CHECK_EVERY === 0 || last || breakdown) {
      const theta = tridiagonalEigenvalues(Float64Array.from(alpha), beta);
      const tMin = theta[0] as number;
      const tMax = theta[k - 1] as number;
      const scaleA = Math.max(Math.abs(tMin), Math.abs(tMax));
      const rMin = breakdown ? 0 : b * Math.abs(lastComponent(alpha, beta, tMin));
      const rMax = breakdown ? 0 : b * Math.abs(lastComponent(alpha, beta, tMax));
      result = { min: tMin, max: tMax, residualMin: rMin, residualMax: rMax };
      if ((rMin <= tol * scaleA && rMax <= tol * scaleA) || breakdown) return { ...result, iterations: k, converged: true };
    }
    beta.push(b);
    q = z.map((x) => x / b) as Float64Array;
  }
  return { ...result, iterations: maxIter, converged: false };
}

/**
 * z = A q for symmetric A reading only the upper triangle: each stored entry serves both (i, j) and (j, i), halving the
 * memory traffic of the matrix (the matvec is bandwidth-bound at n in the thousands). Rows are taken in pairs to share the
 * loads of q_j and z_j.
 */
function symmetricMatvec(A: Float64Array, n: number, q: Float64Array): Float64Array {
  const z = new Float64Array(n);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const r0 = i * n;
    const r1 = r0 + n;
    const q0 = q[i] as number;
    const q1 = q[i + 1] as number;
    const a01 = A[r0 + i + 1] as number;
    let s0 = (A[r0 + i] as number) * q0 + a01 * q1;
    let s1 = a01 * q0 + (A[r1 + i + 1] as number) * q1;
    for (let j = i + 2; j < n; j++) {
      const b0 = A[r0 + j] as number;
      const b1 = A[r1 + j] as number;
      const qj = q[j] as number;
      s0 += b0 * qj;
      s1 += b1 * qj;
      z[j] = (z[j] as number) + b0 * q0 + b1 * q1;
    }
    z[i] = (z[i] as number) + s0;
    z[i + 1] = (z[i + 1] as number) + s1;
  }
  if (i < n) z[i] = (z[i] as number) + (A[i * n + i] as number) * (q[i] as number);
  return z;
}

/** Last component of the unit eigenvector of the tridiagonal T_k for eigenvalue θ (two steps of inverse iteration). */
function lastComponent(alpha: readonly number[], beta: readonly number[], theta: number): number {
  const k = alpha.length;
  if (k === 1) return 1;
  const scale = Math.max(...alpha.map(Math.abs), ...beta.map(Math.abs), 1e-300);
  const shift = theta + scale * 1e-10; // keep T − θI nonsingular
  let x: Float64Array = new Float64Array(k).fill(1);
  for (let it = 0; it < 2; it++) {
    x = solveTridiagonal(alpha, beta, shift, x);
    let nrm = 0;
    for (const v of x) nrm += v * v;
    nrm = Math.sqrt(nrm);
    x = x.map((v) => v / nrm);
  }
  return x[k - 1] as number;
}

function solveTridiagonal(alpha: readonly number[], beta: readonly number[], shift: number, rhs: Float64Array): Float64Array {
  // Thomas algorithm; a vanishing pivot is replaced by a tiny one (standard in inverse iteration: the solution only needs
  // the direction, which a near-singular system amplifies — exactly what inverse iteration wants).
  const k = alpha.length;
  const c = new Float64Array(k);
  const y = new Float64Array(k);
  const tiny = 1e-300;
  let piv = (alpha[0] as number) - shift;
  if (Math.abs(piv) < tiny) piv = tiny;
  c[0] = (beta[0] ?? 0) / piv;
  y[0] = (rhs[0] as number) / piv;
  for (let i = 1; i < k; i++) {
    const sub = beta[i - 1] as number;
    piv = (alpha[i] as number) - shift - sub * (c[i - 1] as number);
    if (Math.abs(piv) < tiny) piv = tiny;
    c[i] = (beta[i] ?? 0) / piv;
    y[i] = ((rhs[i] as number) - sub * (y[i - 1] as number)) / piv;
  }
  for (let i = k - 2; i >= 0; i--) y[i] = (y[i] as number) - (c[i] as number) * (y[i + 1] as number);
  return y;
}

/** Smallest eigenvalue of symmetric A (Lanczos); throws ConvergenceError if the residual tolerance is not met. */
export function lambdaMin(A: Matrix, opts: LanczosOptions = {}): number {
  const r = lanczosExtremes(A, opts);
  if (!r.converged) throw new ConvergenceError(`lambdaMin: Lanczos did not converge in ${r.iterations} iterations (residual ${r.residualMin})`, r.iterations);
  return r.min;
}

/** Largest eigenvalue of symmetric A (Lanczos); throws ConvergenceError if the residual tolerance is not met. */
export function lambdaMax(A: Matrix, opts: LanczosOptions = {}): number {
  const r = lanczosExtremes(A, opts);
  if (!r.converged) throw new ConvergenceError(`lambdaMax: Lanczos did not converge in ${r.iterations} iterations (residual ${r.residualMax})`, r.iterations);
  return r.max;
}
