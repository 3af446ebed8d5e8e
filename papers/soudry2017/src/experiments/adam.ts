import type { Key } from '@repro/concentration';
import type { Soudry2017Config } from '../config.js';
import { absorbLabels, fig1Data, logisticStepBound, maxMargin, scaleCoordinate, sigmaMax } from '../model/data.js';
import { logGrid, runAdam, runGd } from '../model/linear.js';
import type { AdamTrace, LinearRun } from '../trace.js';
import { linearRecorder, svmSummary } from './common.js';

/**
 * Figure 2 [P; ×20 transform MEM]: the Figure-1 data with the second coordinate of every point multiplied by adamScale.
 * ADAM (β = (0.9, 0.999), ε = 1e-8) at each lr in adamLrs, and GD at η = adamGdStepFraction·8/σ²_max (the paper's 1/σ_max
 * is 14.5× over the step bound here and freezes GD) [NOTES.md §4], all from w(0) = 0 for adamSteps iterations.
 */
export function adam(cfg: Soudry2017Config, dataKey: Key): AdamTrace {
  const base = fig1Data(dataKey, cfg.fig1MaxSigma).data;
  const data = scaleCoordinate(base, 1, cfg.adamScale);
  const Z = absorbLabels(data);
  const svm = maxMargin(Z);
  const s = sigmaMax(Z);
  const gdEta = cfg.adamGdStepFraction * logisticStepBound(s);
  const times = logGrid(cfg.adamSteps, cfg.recordPerDecade, cfg.adamSteps);
  const runs: LinearRun[] = [];
  for (const lr of cfg.adamLrs) {
    const { run, record } = linearRecorder(Z, cfg.loss, svm.w, { label: `ADAM lr = ${lr}`, optimizer: 'adam', eta: lr, gamma: 0, w0: [0, 0] });
    run.diverged = runAdam(Z, cfg.loss, { lr, w0: [0, 0], T: cfg.adamSteps, times }, record).diverged;
    runs.push(run);
  }
  const { run, record } = linearRecorder(Z, cfg.loss, svm.w, { label: 'GD', optimizer: 'gd', eta: gdEta, gamma: 0, w0: [0, 0] });
  run.diverged = runGd(Z, cfg.loss, { eta: gdEta, w0: [0, 0], T: cfg.adamSteps, times }, record).diverged;
  runs.push(run);
  return { X: Array.from(data.X), y: Array.from(data.y), sigmaMax: s, svm: svmSummary(svm), gdEta, runs };
}
