/** Row-major dense float64 matrices and their elementwise / BLAS-like operations. */

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

/** A rows×cols matrix, zero-filled or copied from `data` (length must match). */
export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0)
    throw new RangeError(`matrix shape must be non-negative integers, got ${rows}×${cols}`);
  if (data !== undefined && data.length !== rows * cols) throw new RangeError(`matrix ${rows}×${cols} needs ${rows * cols} entries, got ${data.length}`);
  const buf = data instanceof Float64Array ? data : Float64Array.from(data ?? new Float64Array(rows * cols));
  return { rows, cols, data: buf };
}

/** I_n. */
export function identity(n: number): Matrix {
  const A = matrix(n, n);
  for (let i = 0; i < n; i++) A.data[i * n + i] = 1;
  return A;
}

/** Aᵀ. */
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

/**
 * C = op(A)·op(B) in float64 (op = identity or transpose). A transposed A is packed first so the kernel runs the
 * cache-friendly i-k-j order with contiguous inner loops; A·Bᵀ uses row dot products directly.
 */
export function matmul(A: Matrix, B: Matrix, opts: { transA?: boolean; transB?: boolean } = {}): Matrix {
  const a = opts.transA ? transpose(A) : A;
  if (opts.transB) {
    // A Bᵀ: both operands are read along contiguous rows, so row dot products need no packing.
    if (a.cols !== B.cols) throw new RangeError(`matmul: inner dimensions differ (${a.rows}×${a.cols} · (${B.rows}×${B.cols})ᵀ)`);
    const C = new Float64Array(a.rows * B.rows);
    for (let i = 0; i < a.rows; i++) for (let j = 0; j < B.rows; j++) C[i * B.rows + j] = rowDot(a.data, i * a.cols, B.data, j * B.cols, a.cols);
    return { rows: a.rows, cols: B.rows, data: C };
  }
  const b = B;
  if (a.cols !== b.rows) throw new RangeError(`matmul: inner dimensions differ (${a.rows}×${a.cols} · ${b.rows}×${b.cols})`);
  const n = a.rows;
  const K = a.cols;
  const m = b.cols;
  const C = new Float64Array(n * m);
  const ad = a.data;
  const bd = b.data;
  const KB = 256; // k-panel: keeps a panel of B's rows hot in cache across the rows of A
  for (let k0 = 0; k0 < K; k0 += KB) {
    const k1 = Math.min(K, k0 + KB);
    for (let i = 0; i < n; i++) {
      const ci = i * m;
      for (let k = k0; k < k1; k++) {
        const aik = ad[i * K + k] as number;
        if (aik === 0) continue;
        const bk = k * m;
        for (let j = 0; j < m; j++) C[ci + j] = (C[ci + j] as number) + aik * (bd[bk + j] as number);
      }
    }
  }
  return { rows: n, cols: m, data: C };
}

/** y = A x. */
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

/** Σ_t a[oa + t]·b[ob + t] for t < len: the dot product of two contiguous rows (two accumulators for instruction-level parallelism). */
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

/** X Xᵀ (rows are samples): row dot products, upper triangle computed once and mirrored, so the result is exactly symmetric. */
export function gram(X: Matrix): Matrix {
  const { rows: n, cols: d, data } = X;
  const G = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const oi = i * d;
    for (let j = i; j < n; j++) {
      const s = rowDot(data, oi, data, j * d, d);
      G[i * n + j] = s;
      G[j * n + i] = s;
    }
  }
  return { rows: n, cols: n, data: G };
}

function sameShape(A: Matrix, B: Matrix, op: string): void {
  if (A.rows !== B.rows || A.cols !== B.cols) throw new RangeError(`${op}: shapes differ (${A.rows}×${A.cols} vs ${B.rows}×${B.cols})`);
}

/** A ∘ B (elementwise product). */
export function hadamard(A: Matrix, B: Matrix): Matrix {
  sameShape(A, B, 'hadamard');
  const out = new Float64Array(A.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (A.data[i] as number) * (B.data[i] as number);
  return { rows: A.rows, cols: A.cols, data: out };
}

/** s·A. */
export function scale(A: Matrix, s: number): Matrix {
  return { rows: A.rows, cols: A.cols, data: A.data.map((x) => x * s) };
}

/** A + B. */
export function add(A: Matrix, B: Matrix): Matrix {
  sameShape(A, B, 'add');
  const out = new Float64Array(A.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (A.data[i] as number) + (B.data[i] as number);
  return { rows: A.rows, cols: A.cols, data: out };
}

/** A − B. */
export function sub(A: Matrix, B: Matrix): Matrix {
  sameShape(A, B, 'sub');
  const out = new Float64Array(A.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (A.data[i] as number) - (B.data[i] as number);
  return { rows: A.rows, cols: A.cols, data: out };
}

/** ‖A‖_F. */
export function normFro(A: Matrix): number {
  let s = 0;
  for (const x of A.data) s += x * x;
  return Math.sqrt(s);
}

/** max |A_ij − A_ji| ≤ tol·max|A_ij| (relative; tol defaults to 1e-12). */
export function isSymmetric(A: Matrix, tol = 1e-12): boolean {
  if (A.rows !== A.cols) return false;
  const n = A.rows;
  let scaleMax = 0;
  for (const x of A.data) scaleMax = Math.max(scaleMax, Math.abs(x));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) if (Math.abs((A.data[i * n + j] as number) - (A.data[j * n + i] as number)) > tol * scaleMax) return false;
  return true;
}
