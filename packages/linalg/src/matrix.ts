/** Row-major dense float64 matrices and their elementwise / BLAS-like operations. */
import { dgemm, gemmKernelMode, wasmGemmAvailable } from './wasm/gemm.mjs';

/** Row-major dense matrix: entry (i, j) is data[i·cols + j]. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Errors of iterative methods that did not converge: never return an unconverged result. */
export class ConvergenceError extends Error {
  readonly iterations: number;
  constructor(message: string, iterations: number) {
    super(message);
    this.name = 'ConvergenceError';
    this.iterations = iterations;
  }
}

/** Raised by `cholesky` when the matrix is not (numerically) positive definite. */
export class NotPositiveDefiniteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotPositiveDefiniteError';
  }
}

/**
 * A rows×cols matrix, zero-filled or copied from `data` (length must match).
 * @example
 * ```ts
 * import { matrix } from '@repro/linalg';
 *
 * const A = matrix(2, 3, [1, 2, 3, 4, 5, 6]); // row-major: A[1][0] = data[1·3 + 0]
 * A.data[3]; // → 4
 * matrix(2, 2).data; // → [0, 0, 0, 0]
 * ```
 */
export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0)
    throw new RangeError(`matrix shape must be non-negative integers, got ${rows}×${cols}`);
  if (data !== undefined && data.length !== rows * cols) throw new RangeError(`matrix ${rows}×${cols} needs ${rows * cols} entries, got ${data.length}`);
  const buf = data instanceof Float64Array ? data : Float64Array.from(data ?? new Float64Array(rows * cols));
  return { rows, cols, data: buf };
}

/**
 * I_n.
 * @example
 * ```ts
 * import { identity } from '@repro/linalg';
 *
 * identity(2).data; // → [1, 0, 0, 1]
 * ```
 */
export function identity(n: number): Matrix {
  const A = matrix(n, n);
  for (let i = 0; i < n; i++) A.data[i * n + i] = 1;
  return A;
}

/**
 * Aᵀ.
 * @example
 * ```ts
 * import { matrix, transpose } from '@repro/linalg';
 *
 * transpose(matrix(2, 3, [1, 2, 3, 4, 5, 6])); // → { rows: 3, cols: 2, data: [1, 4, 2, 5, 3, 6] }
 * ```
 */
export function transpose(A: Matrix): Matrix {
  const { rows, cols, data } = A;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = data[i * cols + j] as number;
  return { rows: cols, cols: rows, data: out };
}

/** Throw a RangeError naming the first non-finite entry (NaN/Inf would make iterative methods loop or return garbage). */
export function assertFinite(A: Matrix, what: string): void {
  const d = A.data;
  for (let i = 0; i < d.length; i++)
    if (!Number.isFinite(d[i] as number)) throw new RangeError(`${what}: entry (${Math.floor(i / A.cols)}, ${i % A.cols}) is ${d[i]}`);
}

/** k-panel of the GEMM kernel: 4 rows of A and 64 rows of Bᵀ over 256 k's (8 KiB + 128 KiB) stay in L1/L2. */
const GEMM_KB = 256;
/** j-block of the GEMM kernel (rows of Bᵀ reused across all row quads of A). */
const GEMM_JB = 64;

/**
 * C[i, j] (+)= Σ_k A[i, k]·Bt[j, k] for i < n, j < m (A n×K, Bt m×K, both row-major, C n×m row-major). A register-blocked
 * 4×2 kernel: eight accumulators per k-step share 6 loads, which is what makes scalar JS reach a few GFLOP/s (plain
 * i-k-j loops are bound by the load/store of C). With `upper`, blocks entirely below the diagonal are skipped.
 */
function gemmABt(A: Float64Array, Bt: Float64Array, n: number, m: number, K: number, C: Float64Array, upper: boolean): void {
  for (let k0 = 0; k0 < K; k0 += GEMM_KB) {
    const k1 = Math.min(K, k0 + GEMM_KB);
    for (let j0 = 0; j0 < m; j0 += GEMM_JB) {
      const j1 = Math.min(m, j0 + GEMM_JB);
      const iEnd = upper ? Math.min(n, j1) : n;
      let i = 0;
      for (; i + 3 < iEnd; i += 4) {
        const a0 = i * K;
        const a1 = a0 + K;
        const a2 = a1 + K;
        const a3 = a2 + K;
        let j = upper ? Math.max(j0, i & ~1) : j0;
        for (; j + 1 < j1; j += 2) {
          const b0 = j * K;
          const b1 = b0 + K;
          let c00 = 0;
          let c01 = 0;
          let c10 = 0;
          let c11 = 0;
          let c20 = 0;
          let c21 = 0;
          let c30 = 0;
          let c31 = 0;
          for (let k = k0; k < k1; k++) {
            const x0 = Bt[b0 + k] as number;
            const x1 = Bt[b1 + k] as number;
            let a = A[a0 + k] as number;
            c00 += a * x0;
            c01 += a * x1;
            a = A[a1 + k] as number;
            c10 += a * x0;
            c11 += a * x1;
            a = A[a2 + k] as number;
            c20 += a * x0;
            c21 += a * x1;
            a = A[a3 + k] as number;
            c30 += a * x0;
            c31 += a * x1;
          }
          const o = i * m + j;
          C[o] = (C[o] as number) + c00;
          C[o + 1] = (C[o + 1] as number) + c01;
          C[o + m] = (C[o + m] as number) + c10;
          C[o + m + 1] = (C[o + m + 1] as number) + c11;
          C[o + 2 * m] = (C[o + 2 * m] as number) + c20;
          C[o + 2 * m + 1] = (C[o + 2 * m + 1] as number) + c21;
          C[o + 3 * m] = (C[o + 3 * m] as number) + c30;
          C[o + 3 * m + 1] = (C[o + 3 * m + 1] as number) + c31;
        }
        for (; j < j1; j++) {
          const b0 = j * K;
          let c0 = 0;
          let c1 = 0;
          let c2 = 0;
          let c3 = 0;
          for (let k = k0; k < k1; k++) {
            const x = Bt[b0 + k] as number;
            c0 += (A[a0 + k] as number) * x;
            c1 += (A[a1 + k] as number) * x;
            c2 += (A[a2 + k] as number) * x;
            c3 += (A[a3 + k] as number) * x;
          }
          const o = i * m + j;
          C[o] = (C[o] as number) + c0;
          C[o + m] = (C[o + m] as number) + c1;
          C[o + 2 * m] = (C[o + 2 * m] as number) + c2;
          C[o + 3 * m] = (C[o + 3 * m] as number) + c3;
        }
      }
      for (; i < iEnd; i++) {
        const a0 = i * K;
        for (let j = upper ? Math.max(j0, i) : j0; j < j1; j++) C[i * m + j] = (C[i * m + j] as number) + rowDot(A, a0 + k0, Bt, j * K + k0, k1 - k0);
      }
    }
  }
}

/**
 * Products of at least this many multiply-adds go to the WebAssembly dgemm (wasm/gemm.mjs: packed, FMA, all cores,
 * ≈ 21 GFLOP/s per core at n = 1000 here); smaller ones stay in the TypeScript kernel, where copying into wasm memory
 * would cost more than it saves. REPRO_GEMM=js keeps every product in TypeScript.
 */
const DGEMM_MIN_WORK = 1 << 15;

function useDgemm(work: number): boolean {
  return work >= DGEMM_MIN_WORK && gemmKernelMode() !== 'js' && wasmGemmAvailable();
}

/**
 * C = op(A)·op(B) in float64 (op = identity or transpose); shapes (n×K)·(K×m) → n×m after op. Large products run on the
 * WebAssembly dgemm (see DGEMM_MIN_WORK); otherwise the right operand is packed as Bᵀ (row-major, so both operands are read
 * along contiguous rows) and a register-blocked, cache-panelled TypeScript kernel runs the dot products (≈ 3–4 GFLOP/s).
 * @example
 * ```ts
 * import { matmul, matrix } from '@repro/linalg';
 *
 * const A = matrix(2, 2, [1, 2, 3, 4]);
 * const B = matrix(2, 2, [5, 6, 7, 8]);
 * matmul(A, B).data; // → [19, 22, 43, 50]
 * matmul(A, B, { transB: true }).data; // → [17, 23, 39, 53] (A·Bᵀ)
 * ```
 */
export function matmul(A: Matrix, B: Matrix, opts: { transA?: boolean; transB?: boolean } = {}): Matrix {
  const n = opts.transA ? A.cols : A.rows;
  const K = opts.transA ? A.rows : A.cols;
  const Kb = opts.transB ? B.cols : B.rows;
  const m = opts.transB ? B.rows : B.cols;
  if (K === Kb && useDgemm(n * K * m)) {
    return { rows: n, cols: m, data: dgemm(A.data, B.data, n, K, m, { transA: opts.transA === true, transB: opts.transB === true }) };
  }
  const a = opts.transA ? transpose(A) : A;
  const bt = opts.transB ? B : transpose(B);
  if (a.cols !== bt.cols)
    throw new RangeError(
      `matmul: inner dimensions differ (${opts.transA ? `(${A.rows}×${A.cols})ᵀ` : `${A.rows}×${A.cols}`} · ${opts.transB ? `(${B.rows}×${B.cols})ᵀ` : `${B.rows}×${B.cols}`})`,
    );
  const C = new Float64Array(a.rows * bt.rows);
  gemmABt(a.data, bt.data, a.rows, bt.rows, a.cols, C, false);
  return { rows: a.rows, cols: bt.rows, data: C };
}

/**
 * y = A x.
 * @example
 * ```ts
 * import { matrix, matvec } from '@repro/linalg';
 *
 * matvec(matrix(2, 2, [1, 2, 3, 4]), [1, 1]); // → [3, 7]
 * ```
 */
export function matvec(A: Matrix, x: ArrayLike<number>): Float64Array {
  if (x.length !== A.cols) throw new RangeError(`matvec: ${A.rows}×${A.cols} matrix times vector of length ${x.length}`);
  const y = new Float64Array(A.rows);
  const d = A.data;
  for (let i = 0; i < A.rows; i++) {
    let s = 0;
    const o = i * A.cols;
    for (let j = 0; j < A.cols; j++) s += (d[o + j] as number) * (x[j] as number);
    y[i] = s;
  }
  return y;
}

/**
 * Σ_t a[oa + t]·b[ob + t] for t < len: the dot product of two contiguous rows (two accumulators for instruction-level parallelism).
 * @example
 * ```ts
 * import { rowDot } from '@repro/linalg';
 *
 * const data = [1, 2, 3, 4]; // a 2×2 matrix: rows start at offsets 0 and 2
 * rowDot(data, 0, data, 2, 2); // → 11 (1·3 + 2·4)
 * ```
 */
export function rowDot(a: ArrayLike<number>, oa: number, b: ArrayLike<number>, ob: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let t = 0;
  for (; t + 1 < len; t += 2) {
    s0 += (a[oa + t] as number) * (b[ob + t] as number);
    s1 += (a[oa + t + 1] as number) * (b[ob + t + 1] as number);
  }
  if (t < len) s0 += (a[oa + t] as number) * (b[ob + t] as number);
  return s0 + s1;
}

/**
 * G = X Xᵀ (X n×d, rows are samples; G n×n float64). Large Grams run the full product on the WebAssembly dgemm (≈ 10× the
 * TypeScript kernel even doing twice the flops); small ones compute the upper triangle in TypeScript. The upper triangle
 * is mirrored either way, so the result is exactly symmetric.
 * @example
 * ```ts
 * import { gram, matrix } from '@repro/linalg';
 *
 * gram(matrix(2, 2, [1, 0, 1, 1])).data; // → [1, 1, 1, 2] (X Xᵀ)
 * ```
 */
export function gram(X: Matrix): Matrix {
  const { rows: n, cols: d, data } = X;
  let G: Float64Array;
  if (useDgemm(n * n * d)) G = dgemm(data, data, n, d, n, { transB: true });
  else {
    G = new Float64Array(n * n);
    gemmABt(data, data, n, n, d, G, true);
  }
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) G[j * n + i] = G[i * n + j] as number;
  return { rows: n, cols: n, data: G };
}

function sameShape(A: Matrix, B: Matrix, op: string): void {
  if (A.rows !== B.rows || A.cols !== B.cols) throw new RangeError(`${op}: shapes differ (${A.rows}×${A.cols} vs ${B.rows}×${B.cols})`);
}

/**
 * A ∘ B (elementwise product).
 * @example
 * ```ts
 * import { hadamard, matrix } from '@repro/linalg';
 *
 * hadamard(matrix(2, 2, [1, 2, 3, 4]), matrix(2, 2, [5, 6, 7, 8])).data; // → [5, 12, 21, 32]
 * ```
 */
export function hadamard(A: Matrix, B: Matrix): Matrix {
  sameShape(A, B, 'hadamard');
  const out = new Float64Array(A.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (A.data[i] as number) * (B.data[i] as number);
  return { rows: A.rows, cols: A.cols, data: out };
}

/**
 * s·A.
 * @example
 * ```ts
 * import { matrix, scale } from '@repro/linalg';
 *
 * scale(matrix(2, 2, [1, 2, 3, 4]), 2).data; // → [2, 4, 6, 8]
 * ```
 */
export function scale(A: Matrix, s: number): Matrix {
  return { rows: A.rows, cols: A.cols, data: A.data.map((x) => x * s) };
}

/**
 * A + B.
 * @example
 * ```ts
 * import { add, matrix } from '@repro/linalg';
 *
 * add(matrix(2, 2, [1, 2, 3, 4]), matrix(2, 2, [5, 6, 7, 8])).data; // → [6, 8, 10, 12]
 * ```
 */
export function add(A: Matrix, B: Matrix): Matrix {
  sameShape(A, B, 'add');
  const out = new Float64Array(A.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (A.data[i] as number) + (B.data[i] as number);
  return { rows: A.rows, cols: A.cols, data: out };
}

/**
 * A − B.
 * @example
 * ```ts
 * import { matrix, sub } from '@repro/linalg';
 *
 * sub(matrix(2, 2, [5, 6, 7, 8]), matrix(2, 2, [1, 2, 3, 4])).data; // → [4, 4, 4, 4]
 * ```
 */
export function sub(A: Matrix, B: Matrix): Matrix {
  sameShape(A, B, 'sub');
  const out = new Float64Array(A.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (A.data[i] as number) - (B.data[i] as number);
  return { rows: A.rows, cols: A.cols, data: out };
}

/**
 * ‖A‖_F = √(Σ A_ij²). Entries are divided by max |A_ij| before squaring so that the sum neither underflows (entries
 * ≲ 1e-154) nor overflows (≳ 1e154); NaN propagates.
 * @example
 * ```ts
 * import { matrix, normFro } from '@repro/linalg';
 *
 * normFro(matrix(2, 2, [1, 2, 3, 4])); // → 5.47722558 (√30)
 * normFro(matrix(1, 2, [3e-200, 4e-200])); // → 5e-200 (no underflow)
 * ```
 */
export function normFro(A: Matrix): number {
  let m = 0;
  for (const x of A.data) {
    const a = Math.abs(x);
    if (a > m || Number.isNaN(a)) m = a;
  }
  if (m === 0 || !Number.isFinite(m)) return m;
  let s = 0;
  for (const x of A.data) s += (x / m) ** 2;
  return m * Math.sqrt(s);
}

/**
 * max |A_ij − A_ji| ≤ tol·max|A_ij| (relative; tol defaults to 1e-12).
 * @example
 * ```ts
 * import { isSymmetric, matrix } from '@repro/linalg';
 *
 * isSymmetric(matrix(2, 2, [1, 2, 2, 1])); // → true
 * isSymmetric(matrix(2, 2, [1, 2, 2 + 1e-9, 1])); // → false
 * isSymmetric(matrix(2, 2, [1, 2, 2 + 1e-9, 1]), 1e-6); // → true
 * ```
 */
export function isSymmetric(A: Matrix, tol = 1e-12): boolean {
  if (A.rows !== A.cols) return false;
  const n = A.rows;
  let scaleMax = 0;
  for (const x of A.data) scaleMax = Math.max(scaleMax, Math.abs(x));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) if (Math.abs((A.data[i * n + j] as number) - (A.data[j * n + i] as number)) > tol * scaleMax) return false;
  return true;
}
