import { key, normal } from '@repro/concentration';
import { assertSymmetric, eigvalsh, safeScale, scalePow2, timesPow2, tridiagonalEigenvalues } from './eigvalsh.js';
import type { Matrix } from './matrix.js';
import { ConvergenceError, normFro } from './matrix.js';
import { dsymBytes, dsymWorkspace } from './wasm/dsym.js';

/** Options of `lanczosExtremes`, `lambdaMin` and `lambdaMax`. */
export interface LanczosOptions {
  /** Convergence: Ritz residual ‖A y − θ y‖ ≤ tol·‖A‖₂ for both extremes (‖A‖₂ estimated by max |Ritz value|). Default 1e-8. */
  tol?: number;
  /** Maximum Krylov dimension (default min(n, 500)). */
  maxIter?: number;
  /** Seed of the Gaussian start vector (via @repro/concentration); default 0. */
  seed?: number;
}

/** Result of `lanczosExtremes`: extreme Ritz values, their residual norms ‖A y − θ y‖ and the Krylov dimension used. */
export interface LanczosResult {
  min: number;
  max: number;
  iterations: number;
  /** Ritz residual estimate β_k|s_k| of `min` (the stopping test; 0 on breakdown and for the dense path). */
  residualMin: number;
  residualMax: number;
  converged: boolean;
  /**
   * A-posteriori error bound of `min`: some eigenvalue λ of A has |min − λ| ≤ errorBoundMin. From the explicitly recomputed
   * residual of the normalized Ritz vector, ‖A y − θ y‖/‖y‖ (for symmetric A, |θ − λ| ≤ that for some λ), plus the
   * rounding of that computation, γ_{n+2}(‖A‖_F + |θ|), γ_m = mε/(1 − mε). n ≤ 64 (dense `eigvalsh`): the a-priori
   * backward-stability estimate n·ε·‖A‖_F instead. Being a Ritz value, `min` ≥ λ_min (up to that rounding), so λ_min lies
   * in [min − errorBoundMin, min] whenever the Krylov space has found the bottom eigenvalue (almost surely, Gaussian start).
   */
  errorBoundMin: number;
  /** The same for `max` (λ_max ∈ [max, max + errorBoundMax]). `lanczosExtremes` always fills both. */
  errorBoundMax: number;
}

/** Below this size a full eigen-solve is cheaper than Krylov bookkeeping, and exact. */
const DENSE_CUTOFF = 64;
/** Check convergence every this many iterations (each check is an O(k²) tridiagonal solve, ≪ one O(n²) mat-vec). */
const CHECK_EVERY = 2;
/** β_k below this fraction of ‖T_k‖ means an invariant Krylov subspace (breakdown): its Ritz values are exact. */
const BREAKDOWN_RTOL = 1e-13;
const DEFAULT_TOL = 1e-8;
const DEFAULT_MAX_ITER = 500;
/** From this order on the mat-vec and re-orthogonalization run in WebAssembly SIMD (kernels/dsym.ts) when available. */
const WASM_MIN_N = DENSE_CUTOFF + 1;

/**
 * Extreme eigenvalues λ_min, λ_max of a symmetric A (n×n float64) by Lanczos with full re-orthogonalization (classical
 * Gram–Schmidt applied twice, CGS2, against the stored basis). Stops when both Ritz residuals β_k |s_k| ≤ tol·‖A‖₂
 * (s the unit eigenvector of T_k, from inverse iteration), on breakdown (invariant subspace: the Ritz values are exact
 * eigenvalues; with a Gaussian start the subspace almost surely contains every eigendirection), or at maxIter with
 * `converged: false`. n ≤ 64 uses `eigvalsh` (residuals 0). Reference: Golub & Van Loan, Matrix Computations §10.1.
 * The raw Krylov result (residuals, iterations, both error bounds): for "give me λ_min" use `minEigenvalue`, which adds the
 * dense fallback and returns { value, errorBound, solver }.
 * @example
 * ```ts
 * import { lanczosExtremes, matrix } from '@repro/linalg';
 *
 * const n = 100;
 * const A = matrix(n, n);
 * for (let i = 0; i < n; i++) A.data[i * n + i] = i + 1; // diag(1, …, 100)
 * const r = lanczosExtremes(A, { tol: 1e-10 });
 * r.converged; // → true
 * r.min; // → 1.000000
 * r.max; // → 100.00000
 * ```
 */
export function lanczosExtremes(A: Matrix, opts: LanczosOptions = {}): LanczosResult {
  return lanczos(A, opts, 'both');
}

/** Lanczos stopping when the wanted end(s) of the spectrum meet the residual test; `converged` refers to those. */
function lanczos(A: Matrix, opts: LanczosOptions, want: 'min' | 'max' | 'both'): LanczosResult {
  assertSymmetric(A, 'lanczos');
  const n = A.rows;
  const tol = opts.tol ?? DEFAULT_TOL;
  if (!(tol > 0) || !Number.isFinite(tol)) throw new RangeError(`lanczos: tol must be a positive finite number, got ${tol}`);
  const maxIterOpt = opts.maxIter ?? DEFAULT_MAX_ITER;
  if (!Number.isInteger(maxIterOpt) || maxIterOpt < 1) throw new RangeError(`lanczos: maxIter must be a positive integer, got ${maxIterOpt}`);
  if (n === 0) throw new RangeError('lanczos: empty matrix has no eigenvalues');
  if (n <= DENSE_CUTOFF) {
    const ev = eigvalsh(A);
    const eb = denseErrorBound(A);
    return { min: ev[0] as number, max: ev[n - 1] as number, iterations: 0, residualMin: 0, residualMax: 0, converged: true, errorBoundMin: eb, errorBoundMax: eb };
  }
  // Entries beyond 2^±250 are rescaled by an exact power of two (as in eigvalsh): otherwise ‖z‖ of a mat-vec overflows
  // (1e154·diag(1..65) gave λ_min = 0) or underflows to 0 and is taken for a breakdown (1e-200: both ends 3.3e-199).
  const sc = safeScale(A);
  const r = lanczosScaled(sc === 0 ? A : scalePow2(A, -sc), tol, Math.min(n, maxIterOpt), opts.seed ?? 0, want);
  if (sc === 0) return r;
  const up = (x: number): number => timesPow2(x, sc);
  return {
    ...r,
    min: up(r.min),
    max: up(r.max),
    residualMin: up(r.residualMin),
    residualMax: up(r.residualMax),
    errorBoundMin: up(r.errorBoundMin),
    errorBoundMax: up(r.errorBoundMax),
  };
}

/** Unit roundoff ε = 2^−53 and γ_m = m·u/(1 − m·u) (Higham, Accuracy and Stability, §3.1) — with ε = 2u for safety. */
function gamma(m: number): number {
  const e = m * Number.EPSILON;
  return e / (1 - e);
}

/** A-priori error estimate of eigvalsh's extreme eigenvalues: n·ε·‖A‖_F (≥ n·ε·‖A‖₂, the backward-stability bound). */
function denseErrorBound(A: Matrix): number {
  return A.rows * Number.EPSILON * normFro(A);
}

function lanczosScaled(A: Matrix, tol: number, maxIter: number, seed: number, want: 'min' | 'max' | 'both'): LanczosResult {
  const n = A.rows;
  const alpha: number[] = [];
  const beta: number[] = [];
  const ws = dsymWorkspace(dsymBytes(n * n, maxIter * n, n, maxIter), n, WASM_MIN_N);
  let Q: Float64Array; // row j = q_j
  let step: (j: number) => Float64Array; // z = A q_j, made orthogonal to q_0..q_j by CGS2
  if (ws !== null) {
    // Kernels: the upper triangle of A copied once into the workspace (the only part dsymv reads), Q, z and c beside it.
    const Ab = ws.alloc(n * n);
    for (let i = 0; i < n; i++) Ab.view.set(A.data.subarray(i * n + i, (i + 1) * n), i * n + i);
    const Qb = ws.alloc(maxIter * n);
    const zb = ws.alloc(n);
    const cb = ws.alloc(maxIter);
    const { dsymv, dgemvt, dgemvn } = ws.kernels;
    Q = Qb.view;
    step = (j) => {
      dsymv(Ab.ptr, n, n, Qb.ptr + 8 * j * n, zb.ptr);
      alpha.push(dot(Q, j * n, zb.view, 0, n));
      for (let pass = 0; pass < 2; pass++) {
        dgemvt(Qb.ptr, n, j + 1, n, zb.ptr, cb.ptr);
        dgemvn(Qb.ptr, n, j + 1, n, cb.ptr, zb.ptr);
      }
      return zb.view;
    };
  } else {
    Q = new Float64Array(maxIter * n);
    const c = new Float64Array(maxIter);
    step = (j) => {
      const z = symmetricMatvec(A.data, n, Q.subarray(j * n, (j + 1) * n));
      alpha.push(dot(Q, j * n, z, 0, n));
      // CGS2: two passes of z ← z − Q (Qᵀ z) keep the basis orthogonal to working precision.
      for (let pass = 0; pass < 2; pass++) {
        projectCoefficients(Q, j + 1, n, z, c);
        subtractCombination(Q, j + 1, n, c, z);
      }
      return z;
    };
  }
  const q0 = normal(key(seed), n);
  const n0 = Math.sqrt(dot(q0, 0, q0, 0, n));
  for (let i = 0; i < n; i++) Q[i] = (q0[i] as number) / n0;
  let tNorm = 0; // running lower bound on ‖A‖₂: max over the entries of T_k seen so far
  let result: Omit<LanczosResult, 'iterations' | 'converged' | 'errorBoundMin' | 'errorBoundMax'> = { min: Number.NaN, max: Number.NaN, residualMin: Number.POSITIVE_INFINITY, residualMax: Number.POSITIVE_INFINITY };
  // Explicit residual of the Ritz pair (θ, Q_kᵀs) once the run ends: the a-posteriori error bound.
  const finish = (k: number, converged: boolean): LanczosResult => {
    const aFro = normFro(A);
    const bound = (theta: number): number => {
      if (!Number.isFinite(theta)) return Number.POSITIVE_INFINITY;
      const s = ritzVector(alpha.slice(0, k), beta.slice(0, k - 1), theta);
      const y = new Float64Array(n);
      for (let j = 0; j < k; j++) {
        const sj = s[j] as number;
        const o = j * n;
        for (let i = 0; i < n; i++) y[i] = (y[i] as number) + sj * (Q[o + i] as number);
      }
      const Ay = symmetricMatvec(A.data, n, y);
      let rr = 0;
      let yy = 0;
      for (let i = 0; i < n; i++) {
        rr += ((Ay[i] as number) - theta * (y[i] as number)) ** 2;
        yy += (y[i] as number) ** 2;
      }
      const yn = Math.sqrt(yy);
      return Math.sqrt(rr) / yn + gamma(n + 2) * (aFro + Math.abs(theta));
    };
    // Only the wanted end(s): lambdaMin / lambdaMax / lambdaMinRobust never expose the other (each bound costs a mat-vec).
    return {
      ...result,
      iterations: k,
      converged,
      errorBoundMin: want === 'max' ? Number.NaN : bound(result.min),
      errorBoundMax: want === 'min' ? Number.NaN : bound(result.max),
    };
  };
  for (let j = 0; j < maxIter; j++) {
    const k = j + 1;
    const z = step(j);
    const a = alpha[j] as number;
    const b = Math.sqrt(dot(z, 0, z, 0, n));
    if (!Number.isFinite(b)) throw new RangeError(`lanczos: ‖A q‖ is ${b} at step ${k} (entries too large even after rescaling)`);
    tNorm = Math.max(tNorm, Math.abs(a), beta[j - 1] ?? 0);
    const breakdown = b <= BREAKDOWN_RTOL * tNorm || k === n;
    if (k % CHECK_EVERY === 0 || k === maxIter || breakdown) {
      const theta = tridiagonalEigenvalues(Float64Array.from(alpha), beta);
      const tMin = theta[0] as number;
      const tMax = theta[k - 1] as number;
      const scaleA = Math.max(Math.abs(tMin), Math.abs(tMax));
      const rMin = breakdown ? 0 : b * Math.abs(lastComponent(alpha, beta, tMin));
      const rMax = breakdown ? 0 : b * Math.abs(lastComponent(alpha, beta, tMax));
      result = { min: tMin, max: tMax, residualMin: rMin, residualMax: rMax };
      const okMin = rMin <= tol * scaleA || want === 'max';
      const okMax = rMax <= tol * scaleA || want === 'min';
      if (breakdown || (okMin && okMax)) return finish(k, true);
    }
    if (k === maxIter) break;
    beta.push(b);
    const next = Q.subarray(k * n, (k + 1) * n);
    for (let i = 0; i < n; i++) next[i] = (z[i] as number) / b;
  }
  return finish(maxIter, false);
}

function dot(x: ArrayLike<number>, ox: number, y: ArrayLike<number>, oy: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let t = 0;
  for (; t + 1 < len; t += 2) {
    s0 += (x[ox + t] as number) * (y[oy + t] as number);
    s1 += (x[ox + t + 1] as number) * (y[oy + t + 1] as number);
  }
  if (t < len) s0 += (x[ox + t] as number) * (y[oy + t] as number);
  return s0 + s1;
}

/** c[r] = q_r · z for r < k (four basis rows per sweep over z). */
function projectCoefficients(Q: Float64Array, k: number, n: number, z: Float64Array, c: Float64Array): void {
  let r = 0;
  for (; r + 3 < k; r += 4) {
    const o0 = r * n;
    const o1 = o0 + n;
    const o2 = o1 + n;
    const o3 = o2 + n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let i = 0; i < n; i++) {
      const zi = z[i] as number;
      s0 += (Q[o0 + i] as number) * zi;
      s1 += (Q[o1 + i] as number) * zi;
      s2 += (Q[o2 + i] as number) * zi;
      s3 += (Q[o3 + i] as number) * zi;
    }
    c[r] = s0;
    c[r + 1] = s1;
    c[r + 2] = s2;
    c[r + 3] = s3;
  }
  for (; r < k; r++) c[r] = dot(Q, r * n, z, 0, n);
}

/** z ← z − Σ_{r<k} c[r] q_r (four basis rows per sweep over z). */
function subtractCombination(Q: Float64Array, k: number, n: number, c: Float64Array, z: Float64Array): void {
  let r = 0;
  for (; r + 3 < k; r += 4) {
    const o0 = r * n;
    const o1 = o0 + n;
    const o2 = o1 + n;
    const o3 = o2 + n;
    const c0 = c[r] as number;
    const c1 = c[r + 1] as number;
    const c2 = c[r + 2] as number;
    const c3 = c[r + 3] as number;
    for (let i = 0; i < n; i++)
      z[i] = (z[i] as number) - c0 * (Q[o0 + i] as number) - c1 * (Q[o1 + i] as number) - c2 * (Q[o2 + i] as number) - c3 * (Q[o3 + i] as number);
  }
  for (; r < k; r++) {
    const o = r * n;
    const cr = c[r] as number;
    for (let i = 0; i < n; i++) z[i] = (z[i] as number) - cr * (Q[o + i] as number);
  }
}

/**
 * z = A q for symmetric A reading only the upper triangle: each stored entry serves both (i, j) and (j, i), halving the
 * matrix traffic (the mat-vec is bandwidth-bound at n in the thousands). Rows are taken four at a time so each load of
 * q_j and z_j serves four matrix rows.
 */
export function symmetricMatvec(A: Float64Array, n: number, q: ArrayLike<number>): Float64Array {
  const z = new Float64Array(n);
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    // the 4×4 diagonal block, upper triangle
    for (let r = 0; r < 4; r++) {
      const ir = i + r;
      const row = ir * n;
      const qr = q[ir] as number;
      let s = (A[row + ir] as number) * qr;
      for (let col = ir + 1; col < i + 4; col++) {
        const a = A[row + col] as number;
        s += a * (q[col] as number);
        z[col] = (z[col] as number) + a * qr;
      }
      z[ir] = (z[ir] as number) + s;
    }
    const q0 = q[i] as number;
    const q1 = q[i + 1] as number;
    const q2 = q[i + 2] as number;
    const q3 = q[i + 3] as number;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = i + 4; j < n; j++) {
      const b0 = A[r0 + j] as number;
      const b1 = A[r1 + j] as number;
      const b2 = A[r2 + j] as number;
      const b3 = A[r3 + j] as number;
      const qj = q[j] as number;
      s0 += b0 * qj;
      s1 += b1 * qj;
      s2 += b2 * qj;
      s3 += b3 * qj;
      z[j] = (z[j] as number) + b0 * q0 + b1 * q1 + b2 * q2 + b3 * q3;
    }
    z[i] = (z[i] as number) + s0;
    z[i + 1] = (z[i + 1] as number) + s1;
    z[i + 2] = (z[i + 2] as number) + s2;
    z[i + 3] = (z[i + 3] as number) + s3;
  }
  for (; i < n; i++) {
    const row = i * n;
    const qi = q[i] as number;
    let s = (A[row + i] as number) * qi;
    for (let j = i + 1; j < n; j++) {
      const a = A[row + j] as number;
      s += a * (q[j] as number);
      z[j] = (z[j] as number) + a * qi;
    }
    z[i] = (z[i] as number) + s;
  }
  return z;
}

/** Last component of the unit eigenvector of the tridiagonal T_k for eigenvalue θ (two steps of inverse iteration). */
function lastComponent(alpha: readonly number[], beta: readonly number[], theta: number): number {
  const x = ritzVector(alpha, beta, theta);
  return x[x.length - 1] as number;
}

/** Unit eigenvector s of the tridiagonal T_k (diagonal alpha, off-diagonal beta) for its eigenvalue θ (inverse iteration). */
function ritzVector(alpha: readonly number[], beta: readonly number[], theta: number): Float64Array {
  const k = alpha.length;
  if (k === 1) return Float64Array.of(1);
  let scale = 1e-300;
  for (const x of alpha) scale = Math.max(scale, Math.abs(x));
  for (const x of beta) scale = Math.max(scale, Math.abs(x));
  // Shift off θ by a relative 1e-10 so T − σI stays nonsingular; the solve then amplifies the wanted direction by ~1e10.
  const shift = theta + scale * 1e-10;
  let x: Float64Array = new Float64Array(k).fill(1);
  for (let it = 0; it < 2; it++) {
    x = solveTridiagonal(alpha, beta, shift, x);
    const nrm = Math.sqrt(dot(x, 0, x, 0, k));
    for (let i = 0; i < k; i++) x[i] = (x[i] as number) / nrm;
  }
  return x;
}

function solveTridiagonal(alpha: readonly number[], beta: readonly number[], shift: number, rhs: Float64Array): Float64Array {
  // Thomas algorithm without pivoting; a vanishing pivot is replaced by a tiny one (standard in inverse iteration: only
  // the direction of the solution matters, and a near-singular system amplifies exactly the wanted direction).
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

/**
 * λ_min(A) of symmetric A (Lanczos, see `lanczosExtremes`); throws ConvergenceError if the residual tolerance is not met.
 * A bare number without its error bound or a fallback: new code uses `minEigenvalue` (the λ_min entry point).
 * @deprecated Use `minEigenvalue(A, { tol })` — the same Lanczos value with its error bound and the dense fallback
 * (`lanczosExtremes(A)` when the raw Krylov result, without fallback, is wanted). Kept for existing callers.
 * @example
 * ```ts
 * import { lambdaMin, matrix } from '@repro/linalg';
 *
 * lambdaMin(matrix(2, 2, [2, 1, 1, 2])); // → 1.0000000
 * ```
 */
export function lambdaMin(A: Matrix, opts: LanczosOptions = {}): number {
  const r = lanczos(A, opts, 'min');
  if (!r.converged) throw new ConvergenceError(`lambdaMin: Lanczos did not converge in ${r.iterations} iterations (residual ${r.residualMin})`, r.iterations);
  return r.min;
}

/**
 * λ_max(A) of symmetric A (Lanczos, see `lanczosExtremes`); throws ConvergenceError if the residual tolerance is not met.
 * @example
 * ```ts
 * import { lambdaMax, matrix } from '@repro/linalg';
 *
 * lambdaMax(matrix(2, 2, [2, 1, 1, 2])); // → 3.0000000
 * ```
 */
export function lambdaMax(A: Matrix, opts: LanczosOptions = {}): number {
  const r = lanczos(A, opts, 'max');
  if (!r.converged) throw new ConvergenceError(`lambdaMax: Lanczos did not converge in ${r.iterations} iterations (residual ${r.residualMax})`, r.iterations);
  return r.max;
}

/**
 * Which method answered a `minEigenvalue` / `extremeEigenvalues` / `lambdaMinRobust` call (the `solver` of their results):
 * `lanczos` and `eigvalsh` answered as preferred; `eigvalshAfterLanczos` is the dense fallback when Lanczos did not converge
 * in its Krylov budget, `lanczosAfterQl` the full-dimension Lanczos fallback when eigvalsh's QL iteration stalled.
 * `describeSolver` gives the words for a report.
 * @example
 * ```ts
 * import { EIGEN_SOLVER, lambdaMinRobust, matrix } from '@repro/linalg';
 *
 * lambdaMinRobust(matrix(2, 2, [2, 1, 1, 2]), { prefer: 'dense' }).solver === EIGEN_SOLVER.eigvalsh; // → true
 * ```
 */
export const EIGEN_SOLVER = {
  lanczos: 'lanczos',
  eigvalsh: 'eigvalsh',
  eigvalshAfterLanczos: 'eigvalsh-after-lanczos',
  lanczosAfterQl: 'lanczos-after-ql',
} as const;

/** One of the `EIGEN_SOLVER` values: which method answered. */
export type ExtremesSolver = (typeof EIGEN_SOLVER)[keyof typeof EIGEN_SOLVER];

/** Options of `extremeEigenvalues` and `lambdaMinRobust`: which solver goes first, and the Lanczos tolerance. */
export interface RobustOptions {
  /** 'lanczos' (default; large matrices) or 'dense' (eigvalsh first: graded or near-singular matrices of moderate size). */
  prefer?: 'lanczos' | 'dense';
  /** Lanczos residual tolerance relative to ‖A‖ (default that of `lanczosExtremes`). */
  tol?: number;
}

/** Error bounds of an `extremeEigenvalues` answer: some eigenvalue of A lies within `min` of the returned min, `max` of max. */
export interface ExtremesErrorBound {
  min: number;
  max: number;
}

/** What `robustExtremes` returns (max and errorBound.max are NaN when only the minimum was asked for). */
export interface RobustResult {
  min: number;
  max: number;
  solver: ExtremesSolver;
  errorBound: ExtremesErrorBound;
}

/** The Lanczos/eigvalsh fallback behind `minEigenvalue` (want 'min'), `lambdaMinRobust` and `extremeEigenvalues` (want 'both'). */
export function robustExtremes(A: Matrix, opts: RobustOptions, want: 'min' | 'both'): RobustResult {
  const dense = () => {
    const ev = eigvalsh(A);
    const eb = denseErrorBound(A);
    return { min: ev[0] as number, max: ev[ev.length - 1] as number, errorBound: { min: eb, max: eb } };
  };
  const krylov = (maxIter?: number) => {
    const r = lanczos(A, { ...(opts.tol === undefined ? {} : { tol: opts.tol }), ...(maxIter === undefined ? {} : { maxIter }) }, want);
    if (!r.converged) throw new ConvergenceError(`Lanczos did not converge in ${r.iterations} iterations`, r.iterations);
    const both = want === 'both';
    return { min: r.min, max: both ? r.max : Number.NaN, errorBound: { min: r.errorBoundMin, max: both ? r.errorBoundMax : Number.NaN } };
  };
  if ((opts.prefer ?? 'lanczos') === 'lanczos') {
    try {
      return { ...krylov(), solver: EIGEN_SOLVER.lanczos };
    } catch (e) {
      if (!(e instanceof ConvergenceError)) throw e;
      return { ...dense(), solver: EIGEN_SOLVER.eigvalshAfterLanczos };
    }
  }
  try {
    return { ...dense(), solver: EIGEN_SOLVER.eigvalsh };
  } catch (e) {
    if (!(e instanceof ConvergenceError)) throw e;
    return { ...krylov(A.rows), solver: EIGEN_SOLVER.lanczosAfterQl };
  }
}

/**
 * λ_min and λ_max of symmetric A with a fallback, so a hard spectrum does not abort a run: `prefer: 'lanczos'` tries Lanczos
 * and falls back to the dense `eigvalsh` when Lanczos does not converge in its Krylov budget (clustered extremes);
 * `prefer: 'dense'` tries `eigvalsh` and falls back to full-dimension Lanczos when its QL iteration stalls. The answer is
 * always a converged one: both methods failing rethrows the second ConvergenceError. `solver` names the method that answered
 * (an `EIGEN_SOLVER` value). For λ_min alone use `minEigenvalue` (same fallback, Lanczos for the bottom end only).
 * `errorBound.min` / `errorBound.max` bound the error of `min` / `max`: a-posteriori (explicit Ritz residual plus its
 * rounding, see `LanczosResult.errorBoundMin`) when Lanczos answered, the a-priori n·ε·‖A‖_F when eigvalsh did.
 * @example
 * ```ts
 * import { extremeEigenvalues, matrix } from '@repro/linalg';
 *
 * const r = extremeEigenvalues(matrix(2, 2, [2, 1, 1, 2]), { prefer: 'dense' });
 * r; // → { min: 1.0000000, max: 3.0000000, solver: 'eigvalsh' }
 * r.errorBound.min < 1e-14; // → true
 * ```
 */
export function extremeEigenvalues(A: Matrix, opts: RobustOptions = {}): { min: number; max: number; solver: ExtremesSolver; errorBound: ExtremesErrorBound } {
  return robustExtremes(A, opts, 'both');
}

/**
 * λ_min of symmetric A with the fallback of `extremeEigenvalues` (Lanczos run for the bottom end only). `errorBound`: some
 * eigenvalue lies within it of `value` (a-posteriori Ritz residual bound for Lanczos, n·ε·‖A‖_F for eigvalsh); with the
 * default Lanczos tol 1e-8 it is about 1e-8‖A‖, so report it next to any λ_min that is itself a result. The same computation
 * and result as `minEigenvalue`, the λ_min entry point (its earlier name, kept for existing callers).
 * @deprecated Use `minEigenvalue` (both are thin wrappers of `robustExtremes(A, opts, 'min')`: same value, bound and solver).
 * @example
 * ```ts
 * import { lambdaMinRobust, matrix } from '@repro/linalg';
 *
 * const { value, errorBound } = lambdaMinRobust(matrix(2, 2, [2, 1, 1, 2]));
 * value; // → 1.0000000
 * errorBound < 1e-14; // → true
 * ```
 */
export function lambdaMinRobust(A: Matrix, opts: RobustOptions = {}): { value: number; solver: ExtremesSolver; errorBound: number } {
  const r = robustExtremes(A, opts, 'min');
  return { value: r.min, solver: r.solver, errorBound: r.errorBound.min };
}
