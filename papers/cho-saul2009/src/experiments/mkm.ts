/**
 * Multilayer kernel machines [paper:cho-saul2009 MKM section] [NOTES.md §9]: per layer, keep the w features with the most
 * mutual information with the label, then kernel PCA with a one-layer arc-cosine kernel k_n; the leading components are
 * the next layer's features. The classifier at every depth ℓ = 0..L is a Euclidean k-nearest-neighbour rule on the w most
 * informative features (LMNN in the paper: a labelled substitute); w and k are picked on validation, and the w picked at
 * depth ℓ is the pruning that feeds layer ℓ + 1. ℓ = 0 is the classifier on pruned pixels (the same for every degree).
 */
import { foldIn, type Key } from '@repro/concentration';
import { fault, mapJobs, type RunContext } from '@repro/harness';
import { matmul, matrix, type Matrix } from '@repro/linalg';
import type { ChoSaul2009Config, MkmDatasetName } from '../config.js';
import type { MkmDatasetTrace, MkmLayerResult, MkmTrace } from '../trace.js';
import { generateMkm, PIXELS } from './datasets.js';
import { fitKernelPca, projectKernelPca } from './kpca.js';

/** Rows [start, start + count) of a row-major matrix, as a view. */
const rowsView = (A: Matrix, start: number, count: number): Matrix => ({ rows: count, cols: A.cols, data: A.data.subarray(start * A.cols, (start + count) * A.cols) });

/** The listed columns of A, as a new matrix. */
export function columns(A: Matrix, cols: ArrayLike<number>): Matrix {
  const out = matrix(A.rows, cols.length);
  for (let i = 0; i < A.rows; i++) for (let c = 0; c < cols.length; c++) out.data[i * cols.length + c] = A.data[i * A.cols + (cols[c] as number)] as number;
  return out;
}

/**
 * Plug-in mutual information (nats) between each feature, cut into `bins` quantile bins of its training values (equal
 * values share a bin), and the label. Returns the features ordered by decreasing information (ties: lower index first).
 */
export function mutualInformationRanking(F: Matrix, y: ArrayLike<number>, classes: number, bins: number): { order: number[]; mi: Float64Array } {
  const n = F.rows;
  const mi = new Float64Array(F.cols);
  const col = new Float64Array(n);
  const joint = new Float64Array(bins * classes);
  const pc = new Float64Array(classes);
  for (let i = 0; i < n; i++) pc[y[i] as number] = (pc[y[i] as number] as number) + 1 / n;
  const edges = new Float64Array(bins - 1);
  for (let f = 0; f < F.cols; f++) {
    for (let i = 0; i < n; i++) col[i] = F.data[i * F.cols + f] as number;
    const sorted = Float64Array.from(col).sort();
    for (let b = 1; b < bins; b++) edges[b - 1] = sorted[Math.floor((b * n) / bins)] as number;
    joint.fill(0);
    for (let i = 0; i < n; i++) {
      const v = col[i] as number;
      let lo = 0;
      let hi = edges.length; // number of edges ≤ v (upper bound)
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((edges[mid] as number) <= v) lo = mid + 1;
        else hi = mid;
      }
      joint[lo * classes + (y[i] as number)] = (joint[lo * classes + (y[i] as number)] as number) + 1 / n;
    }
    let s = 0;
    for (let b = 0; b < bins; b++) {
      let pb = 0;
      for (let c = 0; c < classes; c++) pb += joint[b * classes + c] as number;
      for (let c = 0; c < classes; c++) {
        const p = joint[b * classes + c] as number;
        if (p > 0) s += p * Math.log(p / (pb * (pc[c] as number)));
      }
    }
    mi[f] = s;
  }
  const order = Array.from({ length: F.cols }, (_, f) => f);
  // Planted 'mi-ascending': the ranking sorted the wrong way round (least informative features kept).
  const sign = fault('mi-ascending') ? -1 : 1;
  order.sort((a, b) => sign * ((mi[b] as number) - (mi[a] as number)) || a - b);
  return { order, mi };
}

/** Squared Euclidean distances between the rows of A (queries) and B (references), added into D (A.rows × B.rows). */
function addSquaredDistances(D: Float64Array, A: Matrix, B: Matrix): void {
  const G = matmul(A, B, { transB: true });
  const na = new Float64Array(A.rows);
  const nb = new Float64Array(B.rows);
  for (let i = 0; i < A.rows; i++) for (let c = 0; c < A.cols; c++) na[i] = (na[i] as number) + (A.data[i * A.cols + c] as number) ** 2;
  for (let j = 0; j < B.rows; j++) for (let c = 0; c < B.cols; c++) nb[j] = (nb[j] as number) + (B.data[j * B.cols + c] as number) ** 2;
  for (let i = 0; i < A.rows; i++)
    for (let j = 0; j < B.rows; j++) D[i * B.rows + j] = (D[i * B.rows + j] as number) + Math.max(0, (na[i] as number) + (nb[j] as number) - 2 * (G.data[i * B.rows + j] as number));
}

/** Indices of the kmax nearest references of query row i (ascending distance; ties: lower index). */
function nearest(D: Float64Array, i: number, m: number, kmax: number): number[] {
  const idx: number[] = [];
  const dist: number[] = [];
  for (let j = 0; j < m; j++) {
    const d = D[i * m + j] as number;
    if (idx.length === kmax && d >= (dist[kmax - 1] as number)) continue;
    let p = Math.min(idx.length, kmax - 1);
    if (idx.length < kmax) {
      idx.push(j);
      dist.push(d);
      p = idx.length - 1;
    }
    while (p > 0 && (dist[p - 1] as number) > d) {
      idx[p] = idx[p - 1] as number;
      dist[p] = dist[p - 1] as number;
      p--;
    }
    idx[p] = j;
    dist[p] = d;
  }
  return idx;
}

/** Majority vote of the first k neighbours; a tie goes to the tied class met first (the nearer one). */
function vote(nb: readonly number[], y: ArrayLike<number>, k: number, classes: number): number {
  const counts = new Int32Array(classes);
  for (let t = 0; t < k; t++) {
    const c = y[nb[t] as number] as number;
    counts[c] = (counts[c] as number) + 1;
  }
  let best = -1;
  let bestCount = -1;
  for (let t = 0; t < k; t++) {
    const c = y[nb[t] as number] as number;
    if ((counts[c] as number) > bestCount) {
      best = c;
      bestCount = counts[c] as number;
    }
  }
  return best;
}

/** The candidate widths: the grid capped at the number of features, plus all of them, ascending and distinct. */
export function candidateWidths(grid: readonly number[], features: number): number[] {
  return [...new Set([...grid.filter((w) => w < features), features])].sort((a, b) => a - b);
}

export interface KnnSelection {
  w: number;
  k: number;
  valError: number;
}

/** Pick (w, k) by validation error of the k-NN rule on the w top-ranked features (ties: smaller w, then smaller k). */
export function selectKnn(Ftr: Matrix, ytr: ArrayLike<number>, Fva: Matrix, yva: ArrayLike<number>, order: readonly number[], cfg: Pick<ChoSaul2009Config, 'mkmWidths' | 'mkmNeighbors'>, classes: number): KnnSelection {
  const widths = candidateWidths(cfg.mkmWidths, order.length);
  const ks = [...cfg.mkmNeighbors].sort((a, b) => a - b).filter((k) => k <= Ftr.rows);
  const kmax = ks[ks.length - 1] as number;
  const D = new Float64Array(Fva.rows * Ftr.rows);
  let prev = 0;
  let best: KnnSelection | undefined;
  for (const w of widths) {
    const add = order.slice(prev, w);
    addSquaredDistances(D, columns(Fva, add), columns(Ftr, add));
    prev = w;
    const wrong = new Int32Array(ks.length);
    for (let i = 0; i < Fva.rows; i++) {
      const nb = nearest(D, i, Ftr.rows, kmax);
      ks.forEach((k, t) => {
        if (vote(nb, ytr, k, classes) !== (yva[i] as number)) wrong[t] = (wrong[t] as number) + 1;
      });
    }
    ks.forEach((k, t) => {
      const e = (wrong[t] as number) / Fva.rows;
      if (best === undefined || e < best.valError) best = { w, k, valError: e };
    });
  }
  return best as KnnSelection;
}

/** Test rows the k-NN rule on the w top-ranked features gets wrong. */
export function knnWrong(Ftr: Matrix, ytr: ArrayLike<number>, Fte: Matrix, yte: ArrayLike<number>, order: readonly number[], w: number, k: number, classes: number): number[] {
  const cols = order.slice(0, w);
  const D = new Float64Array(Fte.rows * Ftr.rows);
  addSquaredDistances(D, columns(Fte, cols), columns(Ftr, cols));
  const wrong: number[] = [];
  for (let i = 0; i < Fte.rows; i++) if (vote(nearest(D, i, Ftr.rows, k), ytr, k, classes) !== (yte[i] as number)) wrong.push(i);
  return wrong;
}

/** One MKM of one degree on one draw of one dataset, depths 0..L: self-contained so it runs in a worker thread (`mapJobs`). */
export interface MkmJob {
  cfg: ChoSaul2009Config;
  name: MkmDatasetName;
  /** draw index (0: the charted draw) */
  draw: number;
  n: number;
  key: Key;
}

export function mkmJob(job: MkmJob): { n: number; layers: MkmLayerResult[] } {
  const { cfg, name, n } = job;
  // Planted 'mkm-degree-fixed': the kernel PCA of every layer uses k_1 whatever degree the job names.
  const kernelDegree = fault('mkm-degree-fixed') ? 1 : n;
  const sz = cfg.mkmSizes[name];
  const total = sz.train + sz.val + sz.test;
  // The same data for every degree: the key does not depend on n.
  const data = generateMkm(name, foldIn(job.key, 'data'), total);
  const ytr = data.y.subarray(0, sz.train);
  const yva = data.y.subarray(sz.train, sz.train + sz.val);
  const yte = data.y.subarray(sz.train + sz.val, total);
  let F: Matrix = { rows: total, cols: PIXELS, data: data.X };
  const layers: MkmLayerResult[] = [];
  let kpcaInfo: { lambdaMax: number; explained: number; eigSolver: string } | undefined;
  for (let depth = 0; depth <= cfg.mkmDepth; depth++) {
    const Ftr = rowsView(F, 0, sz.train);
    const { order } = mutualInformationRanking(Ftr, ytr, data.classes, cfg.mkmBins);
    const sel = selectKnn(Ftr, ytr, rowsView(F, sz.train, sz.val), yva, order, cfg, data.classes);
    const wrong = knnWrong(Ftr, ytr, rowsView(F, sz.train + sz.val, sz.test), yte, order, sel.w, sel.k, data.classes);
    layers.push({ depth, features: F.cols, w: sel.w, k: sel.k, valError: sel.valError, testError: wrong.length / sz.test, wrong, ...(kpcaInfo ?? {}) });
    if (depth === cfg.mkmDepth) break;
    // Next layer: prune to the selected w features, kernel PCA fitted on the first mkmFit training rows, project all rows.
    const pruned = columns(F, order.slice(0, sel.w));
    const model = fitKernelPca(kernelDegree, rowsView(pruned, 0, Math.min(cfg.mkmFit, sz.train)), cfg.mkmComponents);
    F = projectKernelPca(model, pruned);
    kpcaInfo = { lambdaMax: model.values[0] as number, explained: model.explained, eigSolver: model.eigSolver };
  }
  return { n, layers };
}

/** Key of draw r of an MKM dataset: draw 0 is foldIn(k, name), draw r ≥ 1 foldIn(k, `${name}#r`) (adding draws keeps draw 0). */
const drawKey = (k: Key, name: MkmDatasetName, r: number): Key => foldIn(k, r === 0 ? name : `${name}#${r}`);

/**
 * Every MKM dataset × degree, plus `mkmBackRandDraws − 1` extra draws of mnist-back-rand (every degree) for
 * mkm-degree-backrand, all in the job pool (each job regenerates its data from the key).
 */
export async function mkm(cfg: ChoSaul2009Config, k: Key, ctx: RunContext): Promise<MkmTrace> {
  const draws = (name: MkmDatasetName): number => (name === 'mnistBackRand' ? cfg.mkmBackRandDraws : 1);
  const jobs: MkmJob[] = cfg.mkmDatasets.flatMap((name) =>
    Array.from({ length: draws(name) }, (_, r) => cfg.mkmDegrees.map((n) => ({ cfg, name, draw: r, n, key: drawKey(k, name, r) }))).flat(),
  );
  ctx.progress.phase('mkm (job pool)', jobs.length);
  const results = await mapJobs<MkmJob, { n: number; layers: MkmLayerResult[] }>(import.meta.url, 'mkmJob', jobs, {
    onResult: (i) => ctx.progress.tick(1, `mkm ${jobs[i]?.name} draw ${jobs[i]?.draw} n=${jobs[i]?.n}`),
  });
  const entry = (name: MkmDatasetName, r: number): MkmDatasetTrace => {
    const sz = cfg.mkmSizes[name];
    return { name, draw: r, train: sz.train, val: sz.val, test: sz.test, fit: Math.min(cfg.mkmFit, sz.train), degrees: results.filter((_, i) => jobs[i]?.name === name && jobs[i]?.draw === r) };
  };
  const datasets = cfg.mkmDatasets.map((name) => entry(name, 0));
  const backRandReplicates = cfg.mkmDatasets.includes('mnistBackRand') ? Array.from({ length: cfg.mkmBackRandDraws - 1 }, (_, i) => entry('mnistBackRand', i + 1)) : [];
  return { datasets, backRandReplicates };
}
