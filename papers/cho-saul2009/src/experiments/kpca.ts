/**
 * Kernel PCA with a one-layer arc-cosine kernel, the feature map of one MKM layer [paper:cho-saul2009 MKM section]
 * [NOTES.md §9]. Paper-specific wiring of core pieces: the kernel through our call sites of @repro/nets (src/kernels.ts,
 * where the kernel faults live), the eigendecomposition with @repro/linalg's `eigh` (float64), projections with `matmul`.
 *
 * Centring is in feature space: K̃ = HKH on the fit rows, and a new row x is centred with the fit rows' kernel means,
 * k̃(x, x_i) = k(x, x_i) − mean_j k(x, x_j) − mean_j k(x_j, x_i) + mean_jl k(x_j, x_l). Component c of x is
 * Σ_i v_ci k̃(x, x_i)/√λ_c (v_c a unit eigenvector of K̃), which is √λ_c·v_ci on fit row i.
 */
import { fault } from '@repro/harness';
import { ConvergenceError, eigh, matmul, matrix, type Matrix } from '@repro/linalg';
import { assembleKernel, cosineMatrix } from '@repro/nets';
import { angleMapInPlace, logDiagonal } from '../kernels.js';

/** Eigenvalues below this fraction of the largest are dropped (round-off of the centred Gram matrix). */
const REL_EIG_FLOOR = 1e-10;
/** Rows per projected block (memory: block × fit doubles). */
const BLOCK = 2000;

export interface KernelPca {
  n: number;
  /** the fit rows (their features) */
  fit: Matrix;
  /** log of the kernel normalisation (the mean diagonal of the fit Gram matrix): K is divided by it, a constant */
  scaleLog: number;
  /** fit-row means of the normalised kernel, and their mean (for centring new rows) */
  colMean: Float64Array;
  total: number;
  centred: boolean;
  /** fit × components: eigenvectors divided by √λ */
  W: Matrix;
  /** kept eigenvalues, descending */
  values: Float64Array;
  /** share of the centred trace (sum of positive eigenvalues) the kept components carry */
  explained: number;
  /** how `eigh` answered: 'direct', or 'permuted (…)' when QL did not converge on K̃ and did on P K̃ Pᵀ (NOTES.md §9) */
  eigSolver: string;
}

/**
 * `eigh` of a symmetric matrix, retried on symmetric permutations when QL does not converge. Centred n = 2 Gram matrices
 * are strongly graded (norms ‖x‖² multiply), and the convergence of Householder + QL depends on the ordering: we retry
 * with rows sorted by ascending diagonal (large entries bottom-right), then descending. P K Pᵀ = (P V) Λ (P V)ᵀ: the
 * eigenvalues are the same and the eigenvectors are permuted back. The answer says which path ran; if every ordering
 * fails, the ConvergenceError propagates.
 */
export function eighWithRetry(K: Matrix, orders: readonly ('direct' | 'ascending' | 'descending')[] = ['direct', 'ascending', 'descending']): { values: Float64Array; vectors: Matrix; solver: string } {
  const m = K.rows;
  let last: unknown;
  for (const order of orders) {
    try {
      if (order === 'direct') return { ...eigh(K), solver: 'direct' };
      const sign = order === 'ascending' ? 1 : -1;
      const perm = Array.from({ length: m }, (_, i) => i).sort((a, b) => sign * ((K.data[a * m + a] as number) - (K.data[b * m + b] as number)) || a - b);
      const P = matrix(m, m);
      for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) P.data[i * m + j] = K.data[(perm[i] as number) * m + (perm[j] as number)] as number;
      const { values, vectors: Vp } = eigh(P);
      const vectors = matrix(m, m);
      for (let i = 0; i < m; i++) vectors.data.set(Vp.data.subarray(i * m, (i + 1) * m), (perm[i] as number) * m);
      return { values, vectors, solver: `permuted (${order} diagonal)` };
    } catch (e) {
      if (!(e instanceof ConvergenceError)) throw e;
      last = e;
    }
  }
  throw last;
}

const logMeanExp = (logs: readonly number[]): number => {
  const mx = Math.max(...logs);
  let s = 0;
  for (const l of logs) s += Math.exp(l - mx);
  return mx + Math.log(s / logs.length);
};

/** k_n between the rows of A and of B (default B = A, exactly symmetric), divided by e^{scaleLog}. */
export function arcCosineBlock(n: number, A: Matrix, B: Matrix | undefined, scaleLog: number): Matrix {
  const { cos, sqNormX, sqNormY } = cosineMatrix(A, B);
  angleMapInPlace(n, cos.data);
  const la = Array.from(sqNormX, (v) => logDiagonal([n], v)[1] as number);
  const lb = B === undefined ? la : Array.from(sqNormY, (v) => logDiagonal([n], v)[1] as number);
  return assembleKernel(cos, la, lb, scaleLog, cos);
}

/** Fit kernel PCA with k_n on the rows of `fit`, keeping at most `maxComponents` leading components. */
export function fitKernelPca(n: number, fit: Matrix, maxComponents: number): KernelPca {
  const m = fit.rows;
  const logs: number[] = [];
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < fit.cols; j++) s += (fit.data[i * fit.cols + j] as number) ** 2;
    logs.push(logDiagonal([n], s)[1] as number);
  }
  const scaleLog = logMeanExp(logs);
  const K = arcCosineBlock(n, fit, undefined, scaleLog);
  const colMean = new Float64Array(m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) colMean[j] = (colMean[j] as number) + (K.data[i * m + j] as number) / m;
  const total = colMean.reduce((a, b) => a + b, 0) / m;
  // Planted 'kpca-uncentred': kernel PCA on K itself (no centring in feature space), fit and projections alike.
  const centred = !fault('kpca-uncentred');
  if (centred)
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) K.data[i * m + j] = (K.data[i * m + j] as number) - (colMean[i] as number) - (colMean[j] as number) + total;
  const { values, vectors, solver } = eighWithRetry(K);
  const top = values[m - 1] as number;
  let positive = 0;
  for (const v of values) if (v > 0) positive += v;
  const keep: number[] = [];
  for (let j = m - 1; j >= 0 && keep.length < maxComponents; j--) if ((values[j] as number) > REL_EIG_FLOOR * top) keep.push(j);
  const p = keep.length;
  const W = matrix(m, p);
  const kept = new Float64Array(p);
  keep.forEach((j, c) => {
    const lam = values[j] as number;
    kept[c] = lam;
    const inv = 1 / Math.sqrt(lam);
    for (let i = 0; i < m; i++) W.data[i * p + c] = (vectors.data[i * m + j] as number) * inv;
  });
  const explained = kept.reduce((a, b) => a + b, 0) / positive;
  return { n, fit, scaleLog, colMean, total, centred, W, values: kept, explained, eigSolver: solver };
}

/** Components of the rows of X (rows × components), in blocks. */
export function projectKernelPca(model: KernelPca, X: Matrix): Matrix {
  const m = model.fit.rows;
  const p = model.W.cols;
  const out = matrix(X.rows, p);
  for (let s = 0; s < X.rows; s += BLOCK) {
    const cnt = Math.min(BLOCK, X.rows - s);
    const Xb: Matrix = { rows: cnt, cols: X.cols, data: X.data.subarray(s * X.cols, (s + cnt) * X.cols) };
    const Kb = arcCosineBlock(model.n, Xb, model.fit, model.scaleLog);
    if (model.centred)
      for (let r = 0; r < cnt; r++) {
        let rowMean = 0;
        for (let i = 0; i < m; i++) rowMean += (Kb.data[r * m + i] as number) / m;
        for (let i = 0; i < m; i++) Kb.data[r * m + i] = (Kb.data[r * m + i] as number) - rowMean - (model.colMean[i] as number) + model.total;
      }
    const Z = matmul(Kb, model.W);
    out.data.set(Z.data, s * p);
  }
  return out;
}
