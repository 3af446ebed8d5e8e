import { foldIn, randomBits, type Key } from '@repro/concentration';
import type { Soudry2017Config } from '../config.js';
import { absorbLabels, fig1Data, maxMargin } from '../model/data.js';
import { logGrid, runSgd } from '../model/linear.js';
import type { SgdTrace } from '../trace.js';
import { linearRecorder, svmSummary } from './common.js';

/** Epochs whose permutations are drawn per PRNG call (one randomBits call per block keeps 10⁶ epochs cheap). */
const EPOCH_BLOCK = 4096;

/**
 * sgd (App. E) [P; OURS batch 1]: per-sample SGD with step η = 1/σ_max on the Figure-1 data, reshuffled every epoch by a
 * keyed Fisher–Yates shuffle (32-bit words per swap: the modulo bias (i+1)/2³² is irrelevant here).
 */
export function sgd(cfg: Soudry2017Config, k: Key, dataKey: Key): SgdTrace {
  const { data, sigmaMax } = fig1Data(dataKey, cfg.fig1MaxSigma);
  const Z = absorbLabels(data);
  const svm = maxMargin(Z);
  const eta = 1 / sigmaMax;
  const N = Z.N;
  const { run, record } = linearRecorder(Z, cfg.loss, svm.w, { label: 'SGD (batch 1)', optimizer: 'sgd', eta, gamma: 0, w0: [0, 0] });
  let bits: Uint32Array = new Uint32Array(0);
  let block = -1;
  const perm = new Int32Array(N);
  const order = (e: number): Int32Array => {
    const b = Math.floor((e - 1) / EPOCH_BLOCK);
    if (b !== block) {
      bits = randomBits(foldIn(k, b), EPOCH_BLOCK * (N - 1));
      block = b;
    }
    const o = ((e - 1) % EPOCH_BLOCK) * (N - 1);
    for (let i = 0; i < N; i++) perm[i] = i;
    for (let i = N - 1; i >= 1; i--) {
      const j = (bits[o + N - 1 - i] as number) % (i + 1);
      const tmp = perm[i] as number;
      perm[i] = perm[j] as number;
      perm[j] = tmp;
    }
    return perm;
  };
  const times = logGrid(cfg.sgdEpochs, cfg.recordPerDecade, cfg.sgdEpochs);
  const r = runSgd(Z, cfg.loss, { eta, w0: [0, 0], epochs: cfg.sgdEpochs, times, order }, record);
  run.diverged = r.diverged;
  return { svm: svmSummary(svm), run };
}
