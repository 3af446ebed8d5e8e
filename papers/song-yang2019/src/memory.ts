import { defaultJobWorkers } from '@repro/harness';
import type { SongYang2019Config } from './config.js';

/**
 * Peak-memory estimate (bytes): the float64 n×m projections and n×n Gram/eigen work arrays of the largest experiment, once
 * per job-pool worker (lem.perturb, emp.mstar and the replicates run as jobs, one per worker at a time), plus lem.perturb's
 * per-neuron flag counts held until they are summed in draw order.
 */
export function estimateMemory(cfg: SongYang2019Config): number {
  const proj = (n: number, d: number, m: number): number => 8 * (4 * n * m + 2 * m * d + 8 * n * n);
  const parts = [
    proj(cfg.perturbN, cfg.perturbSphereD, cfg.perturbWidth),
    proj(cfg.dynN, cfg.dynN, cfg.dynWidth),
    proj(cfg.decompN, cfg.decompN, cfg.decompWidth),
    proj(cfg.mainN, cfg.mainN, cfg.mainWidth) + 16 * cfg.mainN ** 2 * cfg.mainStepFactor * 400,
    proj(cfg.residualN, cfg.residualN, cfg.residualWidth) + 8 * cfg.residualTrials,
    ...cfg.initGramNs.map((n) => proj(n, Math.max(...cfg.initGramDims), cfg.initGramMaxWidth)),
    proj(cfg.initGramLemmaN, Math.max(...cfg.initGramDims), Math.max(...cfg.initGramLemmaWidths, ...cfg.initGramLemmaProbWidths)),
  ];
  const RUNTIME_BASELINE = 200 * 2 ** 20; // node heap and module code
  const WORKER_BASELINE = 60 * 2 ** 20; // a worker thread's own heap and modules
  const flagCounts = 4 * cfg.perturbTrials * cfg.perturbWidth * cfg.perturbRadii.length;
  const workers = defaultJobWorkers();
  return RUNTIME_BASELINE + flagCounts + workers * (WORKER_BASELINE + Math.max(...parts));
}
