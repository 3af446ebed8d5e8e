/**
 * Hard-margin linear SVM without bias: ŵ = argmin ½‖w‖² s.t. wᵀz_n ≥ 1 for every row z_n of Z (labels absorbed, z_n = y_n·x_n).
 * Float64. Dual: max_α Σα_n − ½‖Σα_n z_n‖², α ≥ 0 (no equality constraint since there is no bias), solved by Hildreth's
 * coordinate ascent, then polished by an exact solve on the active set when that set is non-degenerate.
 * Reference: Soudry et al. (2018), arXiv:1710.10345, eq. (4) and Lemma 8; Hildreth (1957).
 */
import { ConvergenceError, matrix, type Matrix } from './matrix.js';
import { solve } from './decompositions.js';

/** Stopping rule of `hardMarginSvm` (and `hardMarginSvmMulticlass`). */
export interface HardMarginSvmOptions {
  /** Stop when min_n ŵᵀz_n ≥ 1 − tol and max_n α_n·|ŵᵀz_n − 1| ≤ tol (default 1e-12). */
  tol?: number;
  /** Maximum Hildreth sweeps over all constraints before a ConvergenceError (default 200 000). */
  maxSweeps?: number;
}

/** KKT residuals of a hard-margin solution; all ~0 at an optimum. */
export interface SvmKkt {
  /** max_n max(0, 1 − ŵᵀz_n): primal infeasibility. */
  primal: number;
  /** max_n max(0, −α_n): dual infeasibility. */
  dual: number;
  /** max_n α_n·|ŵᵀz_n − 1|: complementary slackness. */
  complementarity: number;
  /** ‖ŵ − Σ α_n z_n‖_∞: stationarity of the Lagrangian. */
  stationarity: number;
}

/** Solution of `hardMarginSvm`: primal ŵ, dual α, support set, margins, KKT residuals and the sweep count. */
export interface HardMarginSvmResult {
  /** ŵ, length d. */
  w: Float64Array;
  /** Dual variables α, length N (α_n > 0 only on support vectors). */
  alpha: Float64Array;
  /** Indices n with ŵᵀz_n = 1 (within 1e-8) and α_n > 0, ascending. */
  support: number[];
  /** ŵᵀz_n for every n. */
  margins: Float64Array;
  /** Geometric margin 1/‖ŵ‖. */
  margin: number;
  /** min over non-support n of ŵᵀz_n (θ in the paper; +∞ when every point is a support vector). */
  theta: number;
  kkt: SvmKkt;
  sweeps: number;
  /** Whether the exact active-set polish was applied (non-degenerate support set). */
  polished: boolean;
}

/** Active-set membership after Hildreth: margin within this of 1 (the exact solve then decides). */
const ACTIVE_GAP = 1e-6;
/** A support vector in the reported set: |ŵᵀz_n − 1| below this and α_n > 0. */
const SUPPORT_GAP = 1e-8;

function kktOf(Z: Matrix, w: Float64Array, alpha: Float64Array, margins: Float64Array): SvmKkt {
  const { rows: N, cols: d, data } = Z;
  let primal = 0;
  let dual = 0;
  let complementarity = 0;
  const recon = new Float64Array(d);
  for (let n = 0; n < N; n++) {
    const a = alpha[n] as number;
    const m = margins[n] as number;
    primal = Math.max(primal, 1 - m);
    dual = Math.max(dual, -a);
    complementarity = Math.max(complementarity, Math.abs(a * (m - 1)));
    for (let j = 0; j < d; j++) recon[j] = (recon[j] as number) + a * (data[n * d + j] as number);
  }
  let stationarity = 0;
  for (let j = 0; j < d; j++) stationarity = Math.max(stationarity, Math.abs((w[j] as number) - (recon[j] as number)));
  return { primal, dual, complementarity, stationarity };
}

function marginsOf(Z: Matrix, w: Float64Array): Float64Array {
  const { rows: N, cols: d, data } = Z;
  const out = new Float64Array(N);
  for (let n = 0; n < N; n++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (data[n * d + j] as number) * (w[j] as number);
    out[n] = s;
  }
  return out;
}

function wFromAlpha(Z: Matrix, alpha: Float64Array): Float64Array {
  const { rows: N, cols: d, data } = Z;
  const w = new Float64Array(d);
  for (let n = 0; n < N; n++) {
    const a = alpha[n] as number;
    if (a !== 0) for (let j = 0; j < d; j++) w[j] = (w[j] as number) + a * (data[n * d + j] as number);
  }
  return w;
}

/**
 * Exact solve on the active set A = {n : |ŵᵀz_n − 1| < ACTIVE_GAP, α_n > 0}: α_A = (Z_A Z_Aᵀ)⁻¹·1 (Lemma 8). Accepted only
 * when α_A > 0 and every constraint holds to `tol`; returns undefined when Z_A Z_Aᵀ is singular (duplicated or dependent
 * support vectors, where α is not unique) or the candidate is not optimal.
 */
function polish(Z: Matrix, alpha: Float64Array, margins: Float64Array, tol: number): Float64Array | undefined {
  const { rows: N, cols: d, data } = Z;
  const A: number[] = [];
  for (let n = 0; n < N; n++) if ((alpha[n] as number) > 0 && Math.abs((margins[n] as number) - 1) < ACTIVE_GAP) A.push(n);
  if (A.length === 0 || A.length > d) return undefined;
  const G = matrix(A.length, A.length);
  for (let i = 0; i < A.length; i++)
    for (let k = 0; k < A.length; k++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (data[(A[i] as number) * d + j] as number) * (data[(A[k] as number) * d + j] as number);
      G.data[i * A.length + k] = s;
    }
  let beta: Float64Array;
  try {
    beta = solve(G, new Float64Array(A.length).fill(1));
  } catch {
    return undefined;
  }
  if (!beta.every((b) => b > 0)) return undefined;
  const out = new Float64Array(N);
  A.forEach((n, i) => (out[n] = beta[i] as number));
  const m = marginsOf(Z, wFromAlpha(Z, out));
  for (let n = 0; n < N; n++) if ((m[n] as number) < 1 - tol) return undefined;
  return out;
}

/**
 * The hard-margin SVM separator through the origin, ŵ = argmin ‖w‖² s.t. Zŵ ≥ 1, with its dual variables.
 *
 * Z: N×d row-major float64, rows z_n = y_n·x_n (append a constant feature to emulate a bias). Hildreth's dual coordinate
 * ascent α_n ← max(0, α_n + (1 − ŵᵀz_n)/‖z_n‖²) with ŵ = Σα_n z_n updated incrementally; then ŵ is recomputed from α, and an
 * exact active-set solve replaces the iterate when the support set is non-degenerate. Throws a ConvergenceError when the
 * KKT conditions are not met in `maxSweeps` sweeps (in particular for non-separable data, where α grows without bound), and a
 * RangeError for a zero row (no w can satisfy 0 ≥ 1) or non-finite input.
 * @example
 * ```ts
 * import { hardMarginSvm, matrix } from '@repro/linalg';
 *
 * // rows z_n = y_n·x_n: the constraints ŵ·(1, 0) ≥ 1 and ŵ·(2, 1) ≥ 1
 * const r = hardMarginSvm(matrix(2, 2, [1, 0, 2, 1]));
 * r.w; // → [1, 0]
 * r.support; // → [0]
 * r.margin; // → 1
 * r.theta; // → 2 (the smallest non-support margin)
 * ```
 */
export function hardMarginSvm(Z: Matrix, opts: HardMarginSvmOptions = {}): HardMarginSvmResult {
  const tol = opts.tol ?? 1e-12;
  const maxSweeps = opts.maxSweeps ?? 200_000;
  const { rows: N, cols: d, data } = Z;
  if (N === 0) throw new RangeError('hardMarginSvm: no constraints (Z has 0 rows)');
  for (let i = 0; i < data.length; i++)
    if (!Number.isFinite(data[i] as number)) throw new RangeError(`hardMarginSvm: entry (${Math.floor(i / d)}, ${i % d}) is ${data[i]}`);
  const sq = new Float64Array(N);
  for (let n = 0; n < N; n++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (data[n * d + j] as number) ** 2;
    if (!(s > 0)) throw new RangeError(`hardMarginSvm: row ${n} is zero, so wᵀz_${n} ≥ 1 is infeasible`);
    sq[n] = s;
  }
  const alpha = new Float64Array(N);
  const w = new Float64Array(d);
  let sweeps = 0;
  let done = false;
  while (!done && sweeps < maxSweeps) {
    sweeps++;
    for (let n = 0; n < N; n++) {
      let u = 0;
      const o = n * d;
      for (let j = 0; j < d; j++) u += (data[o + j] as number) * (w[j] as number);
      const a = alpha[n] as number;
      const next = Math.max(0, a + (1 - u) / (sq[n] as number));
      const delta = next - a;
      if (delta !== 0) {
        alpha[n] = next;
        for (let j = 0; j < d; j++) w[j] = (w[j] as number) + delta * (data[o + j] as number);
      }
    }
    // Convergence test every 10 sweeps on a ŵ recomputed from α (the incremental one drifts by rounding).
    if (sweeps % 10 === 0 || sweeps === maxSweeps) {
      const wr = wFromAlpha(Z, alpha);
      const k = kktOf(Z, wr, alpha, marginsOf(Z, wr));
      if (!Number.isFinite(k.primal)) break;
      if (k.primal <= tol && k.complementarity <= tol) done = true;
      w.set(wr);
    }
  }
  let finalAlpha: Float64Array = alpha;
  let polished = false;
  const m0 = marginsOf(Z, wFromAlpha(Z, alpha));
  const p = polish(Z, alpha, m0, tol);
  if (p !== undefined) {
    const wp = wFromAlpha(Z, p);
    const kp = kktOf(Z, wp, p, marginsOf(Z, wp));
    if (kp.primal <= tol && kp.complementarity <= tol) {
      finalAlpha = p;
      polished = true;
      done = true;
    }
  }
  const wHat = wFromAlpha(Z, finalAlpha);
  const margins = marginsOf(Z, wHat);
  const kkt = kktOf(Z, wHat, finalAlpha, margins);
  if (!done || !(kkt.primal <= tol && kkt.complementarity <= tol))
    throw new ConvergenceError(
      `hardMarginSvm: KKT not met after ${sweeps} sweeps (primal ${kkt.primal.toExponential(2)}, complementarity ${kkt.complementarity.toExponential(2)}; is the data separable through the origin?)`,
      sweeps,
    );
  const support: number[] = [];
  let theta = Number.POSITIVE_INFINITY;
  let normSq = 0;
  for (const v of wHat) normSq += v * v;
  for (let n = 0; n < N; n++) {
    if ((finalAlpha[n] as number) > 0 && Math.abs((margins[n] as number) - 1) < SUPPORT_GAP) support.push(n);
    else if (Math.abs((margins[n] as number) - 1) >= SUPPORT_GAP) theta = Math.min(theta, margins[n] as number);
  }
  return { w: wHat, alpha: finalAlpha, support, margins, margin: 1 / Math.sqrt(normSq), theta, kkt, sweeps, polished };
}

/** The K-class hard-margin SVM (Crammer–Singer without slack, no bias), as a binary problem on stacked vectors. */
export interface MulticlassSvmResult {
  /** Ŵ, K×d row-major: row k is ŵ_k. */
  W: Matrix;
  /** The stacked binary solution: constraint rows are (n, k) for k ≠ y_n in order n-major, k ascending. */
  binary: HardMarginSvmResult;
  /** (n, k) of each constraint row of the stacked problem. */
  pairs: [number, number][];
}

/**
 * Ŵ = argmin Σ_k ‖w_k‖² s.t. (w_{y_n} − w_k)ᵀx_n ≥ 1 for all n and k ≠ y_n (Soudry et al. 2018, App. C / JMLR multi-class
 * theorem). Solved by `hardMarginSvm` on the stacked rows (e_{y_n} − e_k) ⊗ x_n ∈ ℝ^{K·d}. X: N×d, y: labels in 0..K−1.
 * @example
 * ```ts
 * import { hardMarginSvmMulticlass, matmul, matrix } from '@repro/linalg';
 *
 * const X = matrix(3, 2, [1, 0, 0, 1, -1, -1]);
 * const { W } = hardMarginSvmMulticlass(X, [0, 1, 2], 3); // W: 3×2, row k scores class k
 * const scores = matmul(X, W, { transB: true }); // 3×3: scores[n][k] = ŵ_kᵀx_n
 * [0, 1, 2].map((n) => [0, 1, 2].reduce((b, k) => (scores.data[n * 3 + k]! > scores.data[n * 3 + b]! ? k : b), 0)); // → [0, 1, 2]
 * ```
 */
export function hardMarginSvmMulticlass(X: Matrix, y: ArrayLike<number>, K: number, opts: HardMarginSvmOptions = {}): MulticlassSvmResult {
  const { rows: N, cols: d, data } = X;
  if (y.length !== N) throw new RangeError(`hardMarginSvmMulticlass: ${N} rows but ${y.length} labels`);
  if (!Number.isInteger(K) || K < 2) throw new RangeError(`hardMarginSvmMulticlass: K must be an integer ≥ 2, got ${K}`);
  const pairs: [number, number][] = [];
  const Z = matrix(N * (K - 1), K * d);
  let r = 0;
  for (let n = 0; n < N; n++) {
    const c = y[n] as number;
    if (!Number.isInteger(c) || c < 0 || c >= K) throw new RangeError(`hardMarginSvmMulticlass: label ${c} at row ${n} is not in 0..${K - 1}`);
    for (let k = 0; k < K; k++) {
      if (k === c) continue;
      for (let j = 0; j < d; j++) {
        const x = data[n * d + j] as number;
        Z.data[r * K * d + c * d + j] = x;
        Z.data[r * K * d + k * d + j] = -x;
      }
      pairs.push([n, k]);
      r++;
    }
  }
  const binary = hardMarginSvm(Z, opts);
  return { W: matrix(K, d, binary.w), binary, pairs };
}
