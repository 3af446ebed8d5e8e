import { ConvergenceError, assertFinite, isSymmetric, type Matrix } from './matrix.js';
import { dsymBytes, dsymWorkspace, type DsymWorkspace, type WasmF64 } from './wasm/dsym.js';

/** Relative asymmetry tolerated by the symmetric solvers (anything larger is a caller bug, not rounding). */
export const SYMMETRY_RTOL = 1e-10;
/** QL iterations allowed per eigenvalue before giving up (LAPACK uses 30·n in total; 60 per value is generous). */
const QL_MAX_ITER = 60;

/** Throw a RangeError naming the problem unless A is square, finite and symmetric to a relative SYMMETRY_RTOL. */
export function assertSymmetric(A: Matrix, what: string): void {
  if (A.rows !== A.cols) throw new RangeError(`${what}: matrix must be square, got ${A.rows}×${A.cols}`);
  assertFinite(A, what);
  if (!isSymmetric(A, SYMMETRY_RTOL)) throw new RangeError(`${what}: matrix is not symmetric`);
}

/**
 * Householder reduction of a symmetric matrix to tridiagonal form Qᵀ A Q = T (diagonal d, off-diagonal e, e[i] between i
 * and i+1). Works on the upper triangle of a row-major copy so every inner loop is contiguous, and fuses the rank-2 update
 * of step k with the symmetric matrix–vector product of step k+1, so the trailing matrix is streamed once per step;
 * rows are taken four at a time so each load of the vectors serves four matrix rows. ~4n³/3 flops.
 * @example
 * ```ts
 * import { eigvalsh, matrix, tridiagonalEigenvalues, tridiagonalize } from '@repro/linalg';
 *
 * const A = matrix(3, 3, [4, 1, 2, 1, 3, 0, 2, 0, 1]);
 * const { d, e } = tridiagonalize(A); // Qᵀ A Q = tridiag(e, d, e), same spectrum
 * const ev = tridiagonalEigenvalues(d, e);
 * Math.max(...ev.map((v, i) => Math.abs(v - eigvalsh(A)[i]!))) < 1e-12; // → true
 * ```
 */
export function tridiagonalize(A: Matrix): { d: Float64Array; e: Float64Array } {
  const { d, e } = tridiagonalizeWithReflectors(A);
  return { d, e };
}

/**
 * `tridiagonalize`, also returning the working copy W whose row k (entries k+1..n−1), for k ≤ n−3, holds the Householder
 * vector v_k of step k (all zeros: no reflection). Q = H_0 H_1 ⋯ H_{n−3}, H_k = I − 2 v_k v_kᵀ/‖v_k‖². Row k of the trailing
 * matrix is dead once its reflector is formed, so storing v_k there costs no memory (LAPACK's dsytrd does the same).
 */
export function tridiagonalizeWithReflectors(A: Matrix): { d: Float64Array; e: Float64Array; W: Float64Array } {
  const n = A.rows;
  const ws = n >= 3 ? dsymWorkspace(dsymBytes(n * n, n, n, n, n), n, WASM_MIN_N) : null;
  if (ws !== null) return tridiagonalizeWasm(A, ws);
  const W = Float64Array.from(A.data);
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(0, n - 1));
  if (n === 0) return { d, e, W };
  let v = new Float64Array(n);
  let u = new Float64Array(n);
  const p = new Float64Array(n);
  const w = new Float64Array(n);
  let beta = house(W, n, 0, v, d, e);
  if (beta !== 0) symv(W, n, 1, v, p);
  for (let k = 0; k <= n - 3; k++) {
    const nextBeta = beta !== 0 ? reflectAndPrepare(W, n, k, beta, v, w, p, u, d, e) : house(W, n, k + 1, u, d, e);
    if (beta === 0 && nextBeta !== 0) symv(W, n, k + 2, u, p);
    beta = nextBeta;
    const t = v;
    v = u;
    u = t;
  }
  d[n - 1] = W[(n - 1) * n + (n - 1)] as number;
  return { d, e, W };
}

/**
 * From this order on the reduction runs its O(n²) loops in WebAssembly: below it a fresh workspace (~30 µs to map a
 * wasm memory) and the per-step calls cost more than the SIMD saves (measured crossover n ≈ 64; 1.25× at 128, 2× at 1000).
 */
const WASM_MIN_N = 64;

/**
 * The same reduction with the O(n²) part of each step in WebAssembly SIMD (kernels/dsym.ts): `dsyr2mv` applies the rank-2
 * update of step k to the trailing matrix and forms the next product p = B' u in the same pass; `dsymv` forms p when the
 * previous step had no reflector. The O(n) parts (house, w, row k+1) are shared with the TypeScript path. W is a view into
 * the workspace memory.
 */
function tridiagonalizeWasm(A: Matrix, ws: DsymWorkspace): { d: Float64Array; e: Float64Array; W: Float64Array } {
  const n = A.rows;
  const { dsymv, dsyr2mv } = ws.kernels;
  const Wb = ws.alloc(n * n);
  const W = Wb.view;
  W.set(A.data);
  const d = new Float64Array(n);
  const e = new Float64Array(n - 1);
  let v: WasmF64 = ws.alloc(n);
  let u: WasmF64 = ws.alloc(n);
  const p = ws.alloc(n);
  const w = ws.alloc(n);
  /** Address of the trailing block starting at (r, r), and of entry r of a vector. */
  const blk = (r: number): number => Wb.ptr + 8 * (r * n + r);
  const at = (x: WasmF64, r: number): number => x.ptr + 8 * r;
  let beta = house(W, n, 0, v.view, d, e);
  if (beta !== 0) dsymv(blk(1), n, n - 1, at(v, 1), at(p, 1));
  for (let k = 0; k <= n - 3; k++) {
    let nextBeta: number;
    if (beta !== 0) {
      nextBeta = reflectPrologue(W, n, k, beta, v.view, w.view, p.view, u.view, d, e);
      // no next reflector: multiply by u = 0 (p is then recomputed by dsymv when a later step has one)
      if (nextBeta !== 0) p.view.fill(0, k + 2);
      else u.view.fill(0, k + 2);
      dsyr2mv(blk(k + 2), n, n - k - 2, at(v, k + 2), at(w, k + 2), at(u, k + 2), at(p, k + 2));
    } else {
      nextBeta = house(W, n, k + 1, u.view, d, e);
      if (nextBeta !== 0) dsymv(blk(k + 2), n, n - k - 2, at(u, k + 2), at(p, k + 2));
    }
    beta = nextBeta;
    const t = v;
    v = u;
    u = t;
  }
  d[n - 1] = W[(n - 1) * n + (n - 1)] as number;
  return { d, e, W };
}

/**
 * Householder vector of row k (entries k+1..n−1) into `vec`; sets d[k], e[k]; returns β = 2/‖vec‖² (0: no reflection).
 * The row is divided by its largest |entry| first (H = I − β v vᵀ does not depend on the scale of v), so neither the sum
 * of squares nor β over- or underflows however tiny or large the entries are (LAPACK's dlarfg rescales likewise).
 */
function house(W: Float64Array, n: number, k: number, vec: Float64Array, d: Float64Array, e: Float64Array): number {
  const row = k * n;
  d[k] = W[row + k] as number;
  if (k === n - 1) return 0;
  if (k === n - 2) {
    e[k] = W[row + k + 1] as number;
    return 0;
  }
  let xmax = 0;
  for (let j = k + 1; j < n; j++) xmax = Math.max(xmax, Math.abs(W[row + j] as number));
  if (xmax === 0) {
    e[k] = 0;
    return 0;
  }
  let ss = 0;
  for (let j = k + 1; j < n; j++) {
    const x = (W[row + j] as number) / xmax; // divide: 1/xmax overflows for subnormal xmax
    vec[j] = x;
    W[row + j] = x; // row k now holds v_k (see tridiagonalizeWithReflectors)
    ss += x * x;
  }
  const x0 = vec[k + 1] as number;
  const alpha = x0 > 0 ? -Math.sqrt(ss) : Math.sqrt(ss);
  vec[k + 1] = x0 - alpha;
  W[row + k + 1] = x0 - alpha;
  const vv = ss - x0 * x0 + (x0 - alpha) ** 2;
  e[k] = alpha * xmax;
  return 2 / vv;
}

/** p[r0..] = B·vec with B = W[r0.., r0..] read from its upper triangle (row-contiguous). */
function symv(W: Float64Array, n: number, r0: number, vec: Float64Array, p: Float64Array): void {
  p.fill(0, r0);
  for (let i = r0; i < n; i++) {
    const row = i * n;
    const vi = vec[i] as number;
    let s = (W[row + i] as number) * vi;
    for (let j = i + 1; j < n; j++) {
      const a = W[row + j] as number;
      s += a * (vec[j] as number);
      p[j] = (p[j] as number) + a * vi;
    }
    p[i] = (p[i] as number) + s;
  }
}

/**
 * The O(n) start of a fused step: w = βp − (β²/2)(pᵀv)v (so the update is B − v wᵀ − w vᵀ), row k+1 updated, and the next
 * reflector u formed from it. Returns the next β (0: none).
 */
function reflectPrologue(
  W: Float64Array,
  n: number,
  k: number,
  beta: number,
  v: Float64Array,
  w: Float64Array,
  p: Float64Array,
  u: Float64Array,
  d: Float64Array,
  e: Float64Array,
): number {
  let pv = 0;
  for (let j = k + 1; j < n; j++) {
    const pj = (p[j] as number) * beta;
    p[j] = pj;
    pv += pj * (v[j] as number);
  }
  const K = (beta / 2) * pv;
  for (let j = k + 1; j < n; j++) w[j] = (p[j] as number) - K * (v[j] as number);
  {
    const i = k + 1;
    const row = i * n;
    const vi = v[i] as number;
    const wi = w[i] as number;
    for (let j = i; j < n; j++) W[row + j] = (W[row + j] as number) - vi * (w[j] as number) - wi * (v[j] as number);
  }
  const nextBeta = house(W, n, k + 1, u, d, e);
  return nextBeta;
}

/**
 * Apply reflector k (v, β, with p = B v on entry) as the rank-2 update B ← B − v wᵀ − w vᵀ, and fuse it with the next step:
 * row k+1 is updated first, the next reflector u is formed from it, then every later row is updated and immediately used
 * for the next product p = B' u. Returns the next β.
 */
function reflectAndPrepare(
  W: Float64Array,
  n: number,
  k: number,
  beta: number,
  v: Float64Array,
  w: Float64Array,
  p: Float64Array,
  u: Float64Array,
  d: Float64Array,
  e: Float64Array,
): number {
  const nextBeta = reflectPrologue(W, n, k, beta, v, w, p, u, d, e);
  if (nextBeta !== 0) p.fill(0, k + 2);
  // Rows are processed in pairs so each v_j, w_j, u_j, p_j loaded serves two matrix rows (halves the vector traffic).
  let i = k + 2;
  // Four rows at a time while a next reflector exists: each v_j, w_j, u_j, p_j loaded serves four matrix rows.
  if (nextBeta !== 0)
    for (; i + 3 < n; i += 4) {
      const r0 = i * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      // the 4×4 diagonal block (upper triangle): update, then add its part of p = B' u directly
      for (let r = 0; r < 4; r++) {
        const ir = i + r;
        const vr = v[ir] as number;
        const wr = w[ir] as number;
        const ur = u[ir] as number;
        const row = ir * n;
        let s = 0;
        for (let c = ir; c < i + 4; c++) {
          const b = (W[row + c] as number) - vr * (w[c] as number) - wr * (v[c] as number);
          W[row + c] = b;
          s += b * (u[c] as number);
          if (c !== ir) p[c] = (p[c] as number) + b * ur;
        }
        p[ir] = (p[ir] as number) + s;
      }
      const v0 = v[i] as number;
      const w0 = w[i] as number;
      const u0 = u[i] as number;
      const v1 = v[i + 1] as number;
      const w1 = w[i + 1] as number;
      const u1 = u[i + 1] as number;
      const v2 = v[i + 2] as number;
      const w2 = w[i + 2] as number;
      const u2 = u[i + 2] as number;
      const v3 = v[i + 3] as number;
      const w3 = w[i + 3] as number;
      const u3 = u[i + 3] as number;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = i + 4; j < n; j++) {
        const vj = v[j] as number;
        const wj = w[j] as number;
        const uj = u[j] as number;
        const b0 = (W[r0 + j] as number) - v0 * wj - w0 * vj;
        const b1 = (W[r1 + j] as number) - v1 * wj - w1 * vj;
        const b2 = (W[r2 + j] as number) - v2 * wj - w2 * vj;
        const b3 = (W[r3 + j] as number) - v3 * wj - w3 * vj;
        W[r0 + j] = b0;
        W[r1 + j] = b1;
        W[r2 + j] = b2;
        W[r3 + j] = b3;
        s0 += b0 * uj;
        s1 += b1 * uj;
        s2 += b2 * uj;
        s3 += b3 * uj;
        p[j] = (p[j] as number) + b0 * u0 + b1 * u1 + b2 * u2 + b3 * u3;
      }
      p[i] = (p[i] as number) + s0;
      p[i + 1] = (p[i + 1] as number) + s1;
      p[i + 2] = (p[i + 2] as number) + s2;
      p[i + 3] = (p[i + 3] as number) + s3;
    }
  for (; i + 1 < n; i += 2) {
    const r0 = i * n;
    const r1 = r0 + n;
    const v0 = v[i] as number;
    const w0 = w[i] as number;
    const v1 = v[i + 1] as number;
    const w1 = w[i + 1] as number;
    const a00 = (W[r0 + i] as number) - 2 * v0 * w0;
    const a01 = (W[r0 + i + 1] as number) - v0 * w1 - w0 * v1;
    const a11 = (W[r1 + i + 1] as number) - 2 * v1 * w1;
    W[r0 + i] = a00;
    W[r0 + i + 1] = a01;
    W[r1 + i + 1] = a11;
    if (nextBeta !== 0) {
      const u0 = u[i] as number;
      const u1 = u[i + 1] as number;
      let s0 = a00 * u0 + a01 * u1;
      let s1 = a11 * u1;
      p[i + 1] = (p[i + 1] as number) + a01 * u0;
      for (let j = i + 2; j < n; j++) {
        const vj = v[j] as number;
        const wj = w[j] as number;
        const uj = u[j] as number;
        const b0 = (W[r0 + j] as number) - v0 * wj - w0 * vj;
        const b1 = (W[r1 + j] as number) - v1 * wj - w1 * vj;
        W[r0 + j] = b0;
        W[r1 + j] = b1;
        s0 += b0 * uj;
        s1 += b1 * uj;
        p[j] = (p[j] as number) + b0 * u0 + b1 * u1;
      }
      p[i] = (p[i] as number) + s0;
      p[i + 1] = (p[i + 1] as number) + s1;
    } else {
      for (let j = i + 2; j < n; j++) {
        const vj = v[j] as number;
        const wj = w[j] as number;
        W[r0 + j] = (W[r0 + j] as number) - v0 * wj - w0 * vj;
        W[r1 + j] = (W[r1 + j] as number) - v1 * wj - w1 * vj;
      }
    }
  }
  if (i < n) {
    // the last row when the count is odd: a single diagonal entry
    const a0 = (W[i * n + i] as number) - 2 * (v[i] as number) * (w[i] as number);
    W[i * n + i] = a0;
    if (nextBeta !== 0) p[i] = (p[i] as number) + a0 * (u[i] as number);
  }
  return nextBeta;
}

/**
 * Off-diagonals below this fraction of ‖T‖ are set to zero (a perturbation of ε²‖T‖, far inside backward stability).
 * Without it a block whose diagonal is exactly 0 never passes the relative test |e_m| ≤ ε(|d_m| + |d_{m+1}|), and the
 * rotations of a block at ~1e-160 square into underflow and stall; after `safeScale`, ‖T‖ ≥ 2^−250, so every product
 * formed in the sweep stays ≥ ~2^−700, clear of the subnormal range.
 */
export const DEFLATE_FLOOR_REL = Number.EPSILON ** 2;

/** max_i |d_i| + |e_{i−1}| + |e_i| (the ∞-norm of the tridiagonal, ≥ ‖T‖₂). */
export function tridiagonalNorm(d: ArrayLike<number>, e: ArrayLike<number>): number {
  let t = 0;
  for (let i = 0; i < d.length; i++) t = Math.max(t, Math.abs(d[i] as number) + Math.abs(e[i - 1] ?? 0) + Math.abs(e[i] ?? 0));
  return t;
}

function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x > y) return x * Math.sqrt(1 + (y / x) ** 2);
  return y === 0 ? 0 : y * Math.sqrt(1 + (x / y) ** 2);
}

/**
 * Eigenvalues of the symmetric tridiagonal (d, e) by the implicit QL method with Wilkinson-type shifts (eigenvalues only,
 * O(n²)); d is overwritten with the eigenvalues, ascending. Throws ConvergenceError rather than returning unconverged values.
 * @example
 * ```ts
 * import { tridiagonalEigenvalues } from '@repro/linalg';
 *
 * // tridiag(1, 2, 1) of order 3: eigenvalues 2 − √2, 2, 2 + √2
 * tridiagonalEigenvalues(Float64Array.of(2, 2, 2), [1, 1]); // → [0.58578644, 2, 3.41421356]
 * ```
 */
export function tridiagonalEigenvalues(d: Float64Array, e: ArrayLike<number>): Float64Array {
  const n = d.length;
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
        if (iter++ === QL_MAX_ITER) throw new ConvergenceError(`eigvalsh: QL did not converge for eigenvalue ${l} after ${QL_MAX_ITER} iterations`, iter);
        let g = ((d[l + 1] as number) - (d[l] as number)) / (2 * (off[l] as number));
        let r = hypot(g, 1);
        g = (d[m] as number) - (d[l] as number) + (off[l] as number) / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
        let s = 1;
        let c = 1;
        let p = 0;
        let i: number;
        let early = false;
        for (i = m - 1; i >= l; i--) {
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
        }
        if (early) continue;
        d[l] = (d[l] as number) - p;
        off[l] = g;
        off[m] = 0;
      }
    } while (m !== l);
  }
  return d.sort();
}

/**
 * `tridiagonalEigenvalues`, retried on the reversed matrix when QL does not converge. QL deflates from the top and is
 * made for tridiagonals graded with the large entries at the bottom; on one graded the other way (as a kernel matrix whose
 * diagonal spans tens of decades can become) the shifts can stall. Reversing the order is a permutation similarity (same
 * eigenvalues) that turns the grading around — LAPACK's dsterf switches between QL and QR for the same reason.
 */
export function tridiagonalEigenvaluesGraded(d: Float64Array, e: ArrayLike<number>): Float64Array {
  const n = d.length;
  const d0 = Float64Array.from(d);
  try {
    return tridiagonalEigenvalues(d, e);
  } catch (err) {
    if (!(err instanceof ConvergenceError)) throw err;
    const dr = new Float64Array(n);
    const er = new Float64Array(Math.max(0, n - 1));
    for (let i = 0; i < n; i++) dr[i] = d0[n - 1 - i] as number;
    for (let i = 0; i < n - 1; i++) er[i] = e[n - 2 - i] as number;
    try {
      d.set(tridiagonalEigenvalues(dr, er));
      return d;
    } catch (err2) {
      if (!(err2 instanceof ConvergenceError)) throw err2;
      throw new ConvergenceError(`${err2.message} (QL failed on the matrix and on its reversal)`, err2.iterations);
    }
  }
}

/**
 * λ(A): all eigenvalues of a symmetric A (n×n float64), ascending, as a Float64Array of length n. Householder
 * tridiagonalization (fused, four rows per pass) + implicit QL without vectors; backward stable, |λ̂ − λ| ≲ nε‖A‖₂.
 * Reference: Golub & Van Loan, Matrix Computations §8.3; EISPACK tred1/tqli. For λ_min alone (with its error bound and a
 * fallback when QL stalls) use `minEigenvalue(A, { prefer: 'dense' })`.
 * @example
 * ```ts
 * import { eigvalsh, matrix } from '@repro/linalg';
 *
 * eigvalsh(matrix(2, 2, [2, 1, 1, 2])); // → [1, 3]
 * ```
 */
export function eigvalsh(A: Matrix): Float64Array {
  assertSymmetric(A, 'eigvalsh');
  if (A.rows === 0) return new Float64Array(0);
  const s = safeScale(A);
  const { d, e } = tridiagonalize(s === 0 ? A : scalePow2(A, -s));
  const ev = tridiagonalEigenvaluesGraded(d, e);
  if (s !== 0) for (let i = 0; i < ev.length; i++) ev[i] = timesPow2(ev[i] as number, s);
  return ev;
}

/** Largest |entry| allowed into the Householder reduction unscaled: its sums of squares must neither overflow nor underflow. */
const SAFE_MAX = 2 ** 250;

/**
 * The exponent e of a power of two 2^e ≈ max|A_ij| when that maximum lies outside [1/SAFE_MAX, SAFE_MAX], else 0 (the
 * common case: no copy). Powers of two scale exactly, so eigenvalues of 2^−e A times 2^e are those of A up to the usual
 * rounding. e ranges over [−1074, 1024]: apply it with `timesPow2`, never as 2 ** −e (2^1074 overflows).
 */
export function safeScale(A: Matrix): number {
  let m = 0;
  for (const x of A.data) m = Math.max(m, Math.abs(x));
  if (m === 0 || (m <= SAFE_MAX && m >= 1 / SAFE_MAX)) return 0;
  return Math.round(Math.log2(m));
}

/** x·2^e in two exact halves, so that neither factor over- or underflows for |e| ≤ 2100. */
export function timesPow2(x: number, e: number): number {
  const h = Math.trunc(e / 2);
  return x * 2 ** h * 2 ** (e - h);
}

/** 2^e·A (a copy). */
export function scalePow2(A: Matrix, e: number): Matrix {
  return { rows: A.rows, cols: A.cols, data: A.data.map((x) => timesPow2(x, e)) };
}
