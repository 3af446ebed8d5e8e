import type { Key } from '@repro/concentration';
import { hardMarginSvmMulticlass, matrix, svdvals } from '@repro/linalg';
import type { Soudry2017Config } from '../config.js';
import { multiclassData, svmDirectionAtCallSite } from '../model/data.js';
import { directionGap, norm } from '../model/geometry.js';
import { logGrid, logTimeFlow } from '../model/linear.js';
import { softmaxEval, softmaxGd, softmaxGrad, type SoftmaxData } from '../model/softmax.js';
import type { MulticlassTrace } from '../trace.js';

/**
 * multiclass [P heuristic, J; data OURS]: K = 3 Gaussian blobs in 2-D, summed softmax cross-entropy, W(0) = 0,
 * η = 2/σ²_max(X) (half the bound 4/σ²_max for summed cross-entropy) [NOTES.md §1], exact GD to mcSteps then log-time flow to mcFlowT.
 * Ŵ from the stacked hard-margin SVM of @repro/linalg.
 */
export function multiclass(cfg: Soudry2017Config, k: Key): MulticlassTrace {
  const raw = multiclassData(k, cfg.mcPerClass);
  const data: SoftmaxData = raw;
  const svm = hardMarginSvmMulticlass(matrix(raw.N, raw.d, raw.X), raw.y, raw.K);
  const WHat = svmDirectionAtCallSite(Float64Array.from(svm.binary.w));
  const eta = 2 / (svdvals(matrix(raw.N, raw.d, raw.X))[0] as number) ** 2;
  const kkt = svm.binary.kkt;
  const out: MulticlassTrace = {
    X: Array.from(raw.X),
    y: Array.from(raw.y),
    eta,
    WHat: Array.from(WHat),
    kktMax: Math.max(kkt.primal, kkt.dual, kkt.complementarity, kkt.stationarity),
    flowFrom: cfg.mcSteps,
    t: [],
    gap: [],
    normW: [],
    loss: [],
  };
  const record = (t: number, W: Float64Array): void => {
    out.t.push(t);
    out.gap.push(directionGap(W, WHat));
    out.normW.push(norm(W));
    out.loss.push(softmaxEval(data, W).sum);
  };
  const T = Math.max(cfg.mcSteps, cfg.mcFlowT);
  const times = logGrid(T, cfg.recordPerDecade, cfg.mcSteps).filter((t) => t >= 1);
  const exact = times.filter((t) => t <= cfg.mcSteps);
  if (exact[exact.length - 1] !== cfg.mcSteps) exact.push(cfg.mcSteps);
  const W = softmaxGd(data, { eta, W0: new Float64Array(raw.K * raw.d), T: cfg.mcSteps, times: exact }, record);
  if (cfg.mcFlowT > cfg.mcSteps)
    logTimeFlow((w, g) => softmaxGrad(data, w, g), { eta, w0: W, t0: cfg.mcSteps, t1: cfg.mcFlowT, times, hMax: cfg.flowHMax, tol: cfg.flowTol }, record);
  return out;
}
