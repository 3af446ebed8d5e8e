import { foldIn, uniform, type Key } from '@repro/concentration';
import type { Soudry2017Config } from '../config.js';
import { absorbLabels, fig1Data, maxMargin } from '../model/data.js';
import type { IndepTrace, LinearRun } from '../trace.js';
import { gdThenFlow, svmSummary } from './common.js';

/**
 * indep [P]: on the Figure-1 data (same draw as fig1), GD from `indepInits` random w(0) (uniform in the disc of radius
 * indepInitRadius) for each η in indepEtas ∪ {1/σ_max}; exact GD to indepSteps, then the log-time flow to indepFlowT.
 */
export function indep(cfg: Soudry2017Config, k: Key, dataKey: Key): IndepTrace {
  const { data, sigmaMax } = fig1Data(dataKey, cfg.fig1MaxSigma);
  const Z = absorbLabels(data);
  const svm = maxMargin(Z);
  const etas = [...cfg.indepEtas, 1 / sigmaMax];
  const runs: LinearRun[] = [];
  etas.forEach((eta, ei) => {
    const u = uniform(foldIn(k, `eta${ei}`), 2 * cfg.indepInits);
    for (let i = 0; i < cfg.indepInits; i++) {
      const r = cfg.indepInitRadius * Math.sqrt(u[2 * i] as number);
      const a = 2 * Math.PI * (u[2 * i + 1] as number);
      const w0 = [r * Math.cos(a), r * Math.sin(a)];
      runs.push(
        gdThenFlow(Z, cfg.loss, svm.w, {
          label: `η = ${eta.toPrecision(4)}, w(0) #${i + 1}`,
          eta,
          w0,
          steps: cfg.indepSteps,
          flowT: cfg.indepFlowT,
          perDecade: cfg.recordPerDecade,
          hMax: cfg.flowHMax,
          tol: cfg.flowTol,
        }),
      );
    }
  });
  return { sigmaMax, svm: svmSummary(svm), runs };
}
