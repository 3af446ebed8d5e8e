import { foldIn, type Key } from '@repro/concentration';
import { fault } from '@repro/harness';
import type { Soudry2017Config } from '../config.js';
import { absorbLabels, fig1Data, logisticStepBound, maxMargin } from '../model/data.js';
import type { Fig1Trace } from '../trace.js';
import { gdThenFlow, svmSummary } from './common.js';

/**
 * Figure 1 [P]: the synthetic 2-D data, logistic loss, w(0) = 0, η = 1/σ_max(X). Series: GD, GDMO (heavy ball, γ = 0.9) at the
 * paper's step, and GDMO at η(1−γ) ([NOTES.md §4]: at the paper's step heavy ball overshoots and freezes).
 */
export function fig1(cfg: Soudry2017Config, k: Key): Fig1Trace {
  const { data, attempt, sigmaMax } = fig1Data(foldIn(k, 'data'), cfg.fig1MaxSigma);
  const Z = absorbLabels(data);
  const svm = maxMargin(Z);
  const eta = 1 / sigmaMax;
  const g = cfg.fig1Momentum;
  const common = { steps: cfg.fig1Steps, flowT: cfg.fig1Steps, perDecade: cfg.recordPerDecade, hMax: cfg.flowHMax, tol: cfg.flowTol };
  // planted fault 'label-flip': the optimizers train on data with the first random positive point's label flipped
  const Zt = fault('label-flip') ? absorbLabels({ ...data, y: data.y.map((v, i) => (i === 4 ? -v : v)) }) : Z;
  const runs = [
    gdThenFlow(Zt, cfg.loss, svm.w, { label: 'GD', eta, ...common }),
    gdThenFlow(Zt, cfg.loss, svm.w, { label: `GDMO (γ = ${g}, η = 1/σ_max)`, eta, gamma: g, ...common }),
    gdThenFlow(Zt, cfg.loss, svm.w, { label: `GDMO (γ = ${g}, η(1−γ))`, eta: eta * (1 - g), gamma: g, ...common }),
  ];
  return { X: Array.from(data.X), y: Array.from(data.y), attempt, sigmaMax, eta, stepBound: logisticStepBound(sigmaMax), svm: svmSummary(svm), runs };
}
