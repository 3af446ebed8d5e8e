import type { Key } from '@repro/concentration';
import type { Soudry2017Config } from '../config.js';
import { sigmaMax, valLossData } from '../model/data.js';
import { norm } from '../model/geometry.js';
import { logGrid, logTimeFlow, marginLossGrad, marginLossSum, margins, runGd } from '../model/linear.js';
import type { ValLossTrace } from '../trace.js';
import { svmSummary } from './common.js';

/**
 * val-loss [P; data OURS]: d = valD, N = valN training points, |V| = valV validation points; GD at η = 1/σ²_max from 0, exact to
 * valSteps then log-time flow to valFlowT. The mean validation loss grows like ln t with slope mean_V max(0, −ŵᵀz_k) [DER].
 */
export function valLoss(cfg: Soudry2017Config, k: Key): ValLossTrace {
  const { train, val, attempt, svm } = valLossData(k, cfg.valD, cfg.valN, cfg.valV);
  const eta = 1 / sigmaMax(train) ** 2;
  const uHat = margins(val, svm.w);
  let pred = 0;
  let svmWrong = 0;
  for (const u of uHat) {
    pred += Math.max(0, -u);
    if (!(u > 0)) svmWrong++;
  }
  pred /= val.N;
  let wHatNormSq = 0;
  for (const v of svm.w) wHatNormSq += v * v;
  const out: ValLossTrace = {
    attempt,
    eta,
    svm: svmSummary(svm),
    wHatNormSq,
    predictedSlope: pred,
    svmValError: svmWrong / val.N,
    flowFrom: cfg.valSteps,
    t: [],
    trainLoss: [],
    valLoss: [],
    valError: [],
    normW: [],
  };
  const record = (t: number, w: Float64Array): void => {
    out.t.push(t);
    out.trainLoss.push(marginLossSum(train, cfg.loss, w));
    out.valLoss.push(marginLossSum(val, cfg.loss, w) / val.N);
    let wrong = 0;
    for (const u of margins(val, w)) if (!(u > 0)) wrong++;
    out.valError.push(wrong / val.N);
    out.normW.push(norm(w));
  };
  const T = Math.max(cfg.valSteps, cfg.valFlowT);
  const times = logGrid(T, cfg.recordPerDecade, cfg.valSteps);
  const exact = times.filter((t) => t <= cfg.valSteps);
  if (exact[exact.length - 1] !== cfg.valSteps) exact.push(cfg.valSteps);
  const gd = runGd(train, cfg.loss, { eta, w0: new Float64Array(train.d), T: cfg.valSteps, times: exact }, record);
  if (gd.diverged !== null) throw new Error(`val-loss: training diverged at t = ${gd.diverged.t}: ${gd.diverged.reason}`);
  if (cfg.valFlowT > cfg.valSteps)
    logTimeFlow((w, g) => marginLossGrad(train, cfg.loss, w, g), { eta, w0: gd.w, t0: cfg.valSteps, t1: cfg.valFlowT, times, hMax: cfg.flowHMax, tol: cfg.flowTol }, record);
  return out;
}
