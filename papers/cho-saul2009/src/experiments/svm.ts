/**
 * The SVM experiments [paper:cho-saul2009 §4] [NOTES.md §5]: arc-cosine kernels of degree n and depth ℓ vs an RBF baseline, C (and γ) selected on
 * validation, test error of the selected model. Float64 kernels; SMO from @repro/linalg; test kernels streamed in blocks.
 */
import { foldIn, type Key } from '@repro/concentration';
import { fault, mapJobs, type Progress, type RunContext } from '@repro/harness';
import { matrix, svmDecision, svmKktResidual, svmOneVsRest, svmOneVsRestPredict, svmSmo, type Matrix, type OneVsRestModel, type SvmModel } from '@repro/linalg';
import { assembleKernel, cosineMatrix, rbfFromGram } from '@repro/nets';
import { angleMapInPlace as arcCosineAngleMapInPlace, logDiagonal as arcCosineLogDiagonal } from '../kernels.js';
import type { ChoSaul2009Config, DatasetName } from '../config.js';
import type { SvmArcResult, SvmDatasetTrace, SvmTrace } from '../trace.js';
import { generate, PIXELS, type Dataset } from './datasets.js';

/** Ridge on the kernel diagonal, relative to its mean: deep n = 2 Gram matrices are numerically singular [NOTES.md §7]. */
const RIDGE_REL = 1e-10;

type Model = { kind: 'binary'; m: SvmModel } | { kind: 'ovr'; m: OneVsRestModel };

function rowsOf(d: Dataset, start: number, count: number, scale: number): Matrix {
  const out = matrix(count, PIXELS);
  for (let i = 0; i < count * PIXELS; i++) out.data[i] = (d.X[start * PIXELS + i] as number) * scale;
  return out;
}

function train(K: Matrix, y: Int32Array, classes: number, C: number, tol: number): Model {
  return classes === 2 ? { kind: 'binary', m: svmSmo(K, y, { C, tol }) } : { kind: 'ovr', m: svmOneVsRest(K, y, { C, tol }) };
}

function predict(model: Model, Kx: Matrix): Int32Array {
  if (model.kind === 'ovr') return svmOneVsRestPredict(model.m, Kx);
  const f = svmDecision(model.m, Kx);
  // Planted 'svm-no-bias': the decision value without its bias b.
  if (fault('svm-no-bias')) for (let i = 0; i < f.length; i++) f[i] = (f[i] as number) - model.m.b;
  return Int32Array.from(f, (v) => (v > 0 ? 1 : -1));
}

function supportVectors(model: Model): number {
  const ms = model.kind === 'binary' ? [model.m] : model.m.models;
  const sv = new Set<number>();
  for (const m of ms) m.alpha.forEach((a, i) => a > 0 && sv.add(i));
  return sv.size;
}

function iterations(model: Model): number {
  return model.kind === 'binary' ? model.m.iterations : model.m.models.reduce((s, m) => s + m.iterations, 0);
}

function maxKkt(model: Model, K: Matrix): number {
  const ms = model.kind === 'binary' ? [model.m] : model.m.models;
  return Math.max(...ms.map((m) => svmKktResidual(K, m).max));
}

function errors(pred: Int32Array, y: Int32Array, offset: number): number {
  let e = 0;
  for (let i = 0; i < pred.length; i++) if (pred[i] !== y[offset + i]) e++;
  return e;
}

/** Copy of a matrix (the angle recursion runs in place). */
const copy = (A: Matrix): Matrix => ({ rows: A.rows, cols: A.cols, data: A.data.slice() });

/** Mean of the kernel diagonal in log space (so an n = 2 deep diagonal does not overflow while averaging). */
function logMeanExp(logs: readonly number[]): number {
  const mx = Math.max(...logs);
  let s = 0;
  for (const l of logs) s += Math.exp(l - mx);
  return mx + Math.log(s / logs.length);
}

async function oneDataset(cfg: ChoSaul2009Config, name: DatasetName, k: Key, ctx: { progress: Progress }): Promise<SvmDatasetTrace> {
  const sz = cfg.svmSizes[name];
  const total = sz.train + sz.val + sz.test;
  const data = generate(name, foldIn(k, 'data'), total);
  // Input scale [OURS]: mean training ‖x‖² = 1 (the paper's scaling is unknown; it sets the n = 2 kernel's dynamic range).
  let ms = 0;
  for (let i = 0; i < sz.train * PIXELS; i++) ms += (data.X[i] as number) ** 2;
  const inputScale = 1 / Math.sqrt(ms / sz.train);
  const Xtr = rowsOf(data, 0, sz.train, inputScale);
  const Xva = rowsOf(data, sz.train, sz.val, inputScale);
  const ytr = data.y.subarray(0, sz.train);
  const yAll = data.y;
  const base = cosineMatrix(Xtr);
  const baseVa = cosineMatrix(Xva, Xtr);
  const maxDepth = Math.max(...cfg.svmDepths);
  const depths = new Set(cfg.svmDepths);
  const chosen = new Map<string, { model: Model; C: number; valError: number; maxKkt: number; logScale: number }>();

  ctx.progress.phase(`svm ${name}: arc-cosine`, cfg.svmDegrees.length * maxDepth);
  for (const n of cfg.svmDegrees) {
    const cur = copy(base.cos);
    const curVa = copy(baseVa.cos);
    const ns: number[] = [];
    for (let l = 1; l <= maxDepth; l++) {
      arcCosineAngleMapInPlace(n, cur.data);
      arcCosineAngleMapInPlace(n, curVa.data);
      ns.push(n);
      ctx.progress.tick(1, `${name} n=${n} ℓ=${l}`);
      if (!depths.has(l)) continue;
      const logTr = Array.from(base.sqNormX, (v) => arcCosineLogDiagonal(ns, v)[l] as number);
      const logVa = Array.from(baseVa.sqNormX, (v) => arcCosineLogDiagonal(ns, v)[l] as number);
      // Normalise by the mean training diagonal (a constant: equivalent to rescaling C), then a relative ridge.
      const logScale = logMeanExp(logTr);
      const K = assembleKernel(cur, logTr, logTr, logScale);
      for (let i = 0; i < K.rows; i++) K.data[i * K.cols + i] = (K.data[i * K.cols + i] as number) + RIDGE_REL;
      const Kva = assembleKernel(curVa, logVa, logTr, logScale);
      let best: { model: Model; C: number; valError: number } | undefined;
      for (const C of cfg.svmC) {
        const model = train(K, ytr, data.classes, C, cfg.svmTol);
        const valError = errors(predict(model, Kva), yAll, sz.train) / sz.val;
        if (best === undefined || valError < best.valError) best = { model, C, valError };
      }
      const b = best as { model: Model; C: number; valError: number };
      chosen.set(`${n}/${l}`, { ...b, maxKkt: maxKkt(b.model, K), logScale });
    }
  }

  // RBF baseline: γ in units of 1/(mean squared training distance) = 1/(2(mean‖x‖² − ‖mean x‖²)).
  let meanSq = 0;
  const mean = new Float64Array(PIXELS);
  for (let i = 0; i < sz.train; i++)
    for (let p = 0; p < PIXELS; p++) {
      const v = Xtr.data[i * PIXELS + p] as number;
      meanSq += v * v;
      mean[p] = (mean[p] as number) + v / sz.train;
    }
  meanSq /= sz.train;
  const msd = 2 * (meanSq - mean.reduce((s, v) => s + v * v, 0));
  const dotsTr = toDots(base.cos, base.sqNormX, base.sqNormX);
  const dotsVa = toDots(baseVa.cos, baseVa.sqNormX, base.sqNormX);
  ctx.progress.phase(`svm ${name}: RBF`, cfg.rbfGammas.length);
  let rbfBest: { model: Model; gamma: number; C: number; valError: number } | undefined;
  for (const g of cfg.rbfGammas) {
    const gamma = g / msd;
    const K = rbfFromGram(copy(dotsTr), base.sqNormX, base.sqNormX, gamma, true);
    const Kva = rbfFromGram(copy(dotsVa), baseVa.sqNormX, base.sqNormX, gamma);
    for (const C of cfg.svmC) {
      const model = train(K, ytr, data.classes, C, cfg.svmTol);
      const valError = errors(predict(model, Kva), yAll, sz.train) / sz.val;
      if (rbfBest === undefined || valError < rbfBest.valError) rbfBest = { model, gamma, C, valError };
    }
    ctx.progress.tick(1, `${name} RBF γ=${g}/msd`);
  }
  const rbf = rbfBest as { model: Model; gamma: number; C: number; valError: number };

  // Test: stream blocks of rows; per block one cosine GEMM, then the recursion per degree.
  const testStart = sz.train + sz.val;
  const arcWrong = new Map<string, Uint8Array>();
  for (const key of chosen.keys()) arcWrong.set(key, new Uint8Array(sz.test));
  const rbfWrong = new Uint8Array(sz.test);
  ctx.progress.phase(`svm ${name}: test`, sz.test);
  for (let s = 0; s < sz.test; s += cfg.svmTestBlock) {
    const cnt = Math.min(cfg.svmTestBlock, sz.test - s);
    const Xb = rowsOf(data, testStart + s, cnt, inputScale);
    const blk = cosineMatrix(Xb, Xtr);
    const yb = yAll.subarray(testStart + s, testStart + s + cnt);
    const mark = (wrong: Uint8Array, pred: Int32Array): void => pred.forEach((p, i) => (wrong[s + i] = p === yb[i] ? 0 : 1));
    for (const n of cfg.svmDegrees) {
      const cur = copy(blk.cos);
      const ns: number[] = [];
      for (let l = 1; l <= maxDepth; l++) {
        arcCosineAngleMapInPlace(n, cur.data);
        ns.push(n);
        const c = chosen.get(`${n}/${l}`);
        if (c === undefined) continue;
        const logB = Array.from(blk.sqNormX, (v) => arcCosineLogDiagonal(ns, v)[l] as number);
        const logTr = Array.from(base.sqNormX, (v) => arcCosineLogDiagonal(ns, v)[l] as number);
        mark(arcWrong.get(`${n}/${l}`) as Uint8Array, predict(c.model, assembleKernel(cur, logB, logTr, c.logScale)));
      }
    }
    const Kb = rbfFromGram(toDots(blk.cos, blk.sqNormX, base.sqNormX), blk.sqNormX, base.sqNormX, rbf.gamma);
    mark(rbfWrong, predict(rbf.model, Kb));
    ctx.progress.tick(cnt, `${name} test rows ${s + cnt}/${sz.test}`);
  }
  const sum = (a: Uint8Array): number => a.reduce((x, v) => x + v, 0);
  const arc: SvmArcResult[] = [];
  for (const [key, c] of chosen) {
    const [n, depth] = key.split('/').map(Number) as [number, number];
    const wrong = arcWrong.get(key) as Uint8Array;
    let worse = 0;
    let better = 0;
    for (let i = 0; i < sz.test; i++) {
      if (wrong[i] === 1 && rbfWrong[i] === 0) worse++;
      if (wrong[i] === 0 && rbfWrong[i] === 1) better++;
    }
    arc.push({
      n,
      depth,
      C: c.C,
      valError: c.valError,
      testError: sum(wrong) / sz.test,
      supportVectors: supportVectors(c.model),
      iterations: iterations(c.model),
      maxKkt: c.maxKkt,
      worseThanRbf: worse,
      betterThanRbf: better,
    });
  }
  const out: SvmDatasetTrace = {
    name,
    classes: data.classes,
    train: sz.train,
    val: sz.val,
    test: sz.test,
    inputScale,
    arc,
    rbf: { gamma: rbf.gamma * msd, C: rbf.C, valError: rbf.valError, testError: sum(rbfWrong) / sz.test, supportVectors: supportVectors(rbf.model) },
  };
  if (data.meanOnPixels !== undefined) out.meanOnPixels = data.meanOnPixels;
  return out;
}

/** Inner products x_iᵀy_j = cos_ij·‖x_i‖‖y_j‖ (for the RBF distances), a new matrix. */
function toDots(cos: Matrix, sx: Float64Array, sy: Float64Array): Matrix {
  const out = matrix(cos.rows, cos.cols);
  const ry = sy.map(Math.sqrt);
  for (let i = 0; i < cos.rows; i++) {
    const rx = Math.sqrt(sx[i] as number);
    for (let j = 0; j < cos.cols; j++) out.data[i * cos.cols + j] = (cos.data[i * cos.cols + j] as number) * rx * (ry[j] as number);
  }
  return out;
}

/** One extra convex replicate (a fresh data draw), self-contained so it runs in a worker thread (`mapJobs`). */
export interface ConvexReplicateJob {
  cfg: ChoSaul2009Config;
  key: Key;
}

const silent: Progress = { phase: () => undefined, tick: () => undefined, log: () => undefined };

export async function convexReplicateJob(job: ConvexReplicateJob): Promise<SvmDatasetTrace> {
  return oneDataset(job.cfg, 'convex', job.key, { progress: silent });
}

/**
 * Every dataset once, plus `svmConvexReplicates − 1` extra draws of convex (keys foldIn(k, 'convex#r'), r ≥ 1) for the
 * two convex claims, with the degrees n ≥ 1 that they read. The replicates run in the job pool (worker threads) while
 * the datasets run here; replicate 0 is the convex entry of `datasets` (its numbers do not depend on the replicates).
 */
export async function svm(cfg: ChoSaul2009Config, k: Key, ctx: RunContext): Promise<SvmTrace> {
  const repCfg: ChoSaul2009Config = { ...cfg, svmDegrees: cfg.svmDegrees.filter((n) => n >= 1) };
  const jobs: ConvexReplicateJob[] = Array.from({ length: cfg.svmConvexReplicates - 1 }, (_, i) => ({ cfg: repCfg, key: foldIn(k, `convex#${i + 1}`) }));
  const replicates =
    jobs.length === 0 || !cfg.svmDatasets.includes('convex')
      ? Promise.resolve([])
      : ctx.time('svm convex replicates (job pool)', () =>
          mapJobs<ConvexReplicateJob, SvmDatasetTrace>(import.meta.url, 'convexReplicateJob', jobs, {
            onResult: (i) => ctx.progress.log(`convex replicate ${i + 1} of ${jobs.length} done`),
          }),
        );
  const datasets: SvmDatasetTrace[] = [];
  try {
    for (const name of cfg.svmDatasets) datasets.push(await ctx.time(`svm ${name}`, () => oneDataset(cfg, name, foldIn(k, name), ctx)));
  } catch (e) {
    await replicates.catch(() => undefined);
    throw e;
  }
  return { datasets, convexReplicates: await replicates };
}
