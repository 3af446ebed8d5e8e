import { ConvergenceError, assertFinite, isSymmetric, type Matrix } from './matrix.js';

/** Relative asymmetry tolerated by the symmetric solvers (anything larger is a caller bug, not rounding). */
export const SYMMETRY_RTOL = 1e-10;
/** QL iterations allowed per eigenvalue before giving up (LAPACK uses 30·n in total; 60 per value is generous). */
const QL_MAX_ITER = 60;

export function assertSymmetric(A: Matrix, what: string): void {
  if (A.rows !== A.cols) throw new RangeError(`${what}: matrix must be square, got ${A.rows}×${A.cols}`);
  assertFinite(A, what);
  if (!isSymmetric(A, SYMMETRY_RTOL)) throw new RangeError(`${what}: matrix is not symmetric`);
}

/**
 * Householder reduction of a symmetric matrix to tridiagonal form Qᵀ A Q = T (diagonal d, off-diagonal e, e[i] between i
 * and i+1). Works on the upper triangle of a row-major copy so every inner loop is contiguous, and fuses the rank-2 update
 * of step k with the symmetric matrix–vector product of step k+1, so the trailing matrix is streamed once per step.
 * ~4n³/3 flops.
 */
export function tridiagonalize(A: Matrix): { d: Float64Array; e: Float64Array } {
  const n = A.rows;
  const W = Float64Array.from(A.data);
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(0, n - 1));
  if (n === 0) return { d, e };
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
  return { d, e };
}

/** Householder vector of row k (entries k+1..n−1) into `vec`; sets d[k], e[k]; returns β = 2/‖vec‖² (0: no reflection). */
function house(W: Float64Array, n: number, k: number, vec: Float64Array, d: Float64Array, e: Float64Array): number {
  const row = k * n;
  d[k] = W[row + k] as number;
  if (k === n - 1) return 0;
  if (k === n - 2) {
    e[k] = W[row + k + 1] as number;
    return 0;
  }
  let ss = 0;
  for (let j = k + 1; j < n; j++) ss += (W[row + j] as number) ** 2;
  if (ss === 0) {
    e[k] = 0;
    return 0;
  }
  const x0 = W[row + k + 1] as number;
  const alpha = x0 > 0 ? -Math.sqrt(ss) : Math.sqrt(ss);
  for (let j = k + 1; j < n; j++) vec[j] = W[row + j] as number;
  vec[k + 1] = x0 - alpha;
  const vv = ss - x0 * x0 + (x0 - alpha) ** 2;
  e[k] = alpha;
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
  if (nextBeta !== 0) p.fill(0, k + 2);
  // Rows are processed in pairs so each v_j, w_j, u_j, p_j loaded serves two matrix rows (halves the vector traffic).
  let i = k + 2;
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

function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x > y) return x * Math.sqrt(1 + (y / x) ** 2);
  return y === 0 ? 0 : y * Math.sqrt(1 + (x / y) ** 2);
}

/**
 * Eigenvalues of the symmetric tridiagonal (d, e) by the implicit QL method with Wilkinson-type shifts (eigenvalues only,
 * O(n²)); d is overwritten with the eigenvalues, ascending. Throws ConvergenceError rather than returning unconverged values.
 */
export function tridiagonalEigenvalues(d: Float64Array, e: ArrayLike<number>): Float64Array {
  const n = d.length;
  const off = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) off[i] = e[i] as number;
  for (let l = 0; l < n; l++) {
    let iter = 0;
    let m: number;
    do {
      for (m = l; m < n - 1; m++) {
        const dd = Math.abs(d[m] as number) + Math.abs(d[m + 1] as number);
        if (Math.abs(off[m] as number) <= Number.EPSILON * dd) break;
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

/** All eigenvalues of a symmetric matrix, ascending (float64): Householder tridiagonalization + implicit QL. */
export function eigvalsh(A: Matrix): Float64Array {
  assertSymmetric(A, 'eigvalsh');
  if (A.rows === 0) return new Float64Array(0);
  const { d, e } = tridiagonalize(A);
  return tridiagonalEigenvalues(d, e);
}
