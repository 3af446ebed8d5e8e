import { defaultJobWorkers } from '@repro/harness';
import type { ChoSaul2009Config, DatasetName } from './config.js';

/**
 * Peak-memory estimate (bytes) for the harness's memory guard: the SVM experiment dominates — per dataset the training
 * cosine matrix, its per-degree copy and the assembled kernel (3·n_tr² doubles), the validation equivalents, one test
 * block (3 copies), the raw data, and the largest Monte-Carlo chunk / recursion weights.
 */
export function estimateMemory(cfg: ChoSaul2009Config): number {
  const one = (name: DatasetName): number => {
    const s = cfg.svmSizes[name];
    return 8 * (4 * s.train ** 2 + 3 * s.val * s.train + 4 * cfg.svmTestBlock * s.train + 2 * (s.train + s.val + s.test) * 784);
  };
  // Extra convex replicates run in the job pool beside the datasets: one convex-sized working set per worker.
  const pool = cfg.svmDatasets.includes('convex') ? Math.min(cfg.svmConvexReplicates - 1, defaultJobWorkers()) * one('convex') : 0;
  const svm = Math.max(...cfg.svmDatasets.map(one)) + pool;
  const mc = 8 * 100_000 * cfg.mcDim * 2;
  const rec = 8 * cfg.recDepth * cfg.recWidth ** 2;
  // MKM jobs (one per dataset × degree, in the job pool): data and features (≤ 784 per row), the fit Gram matrix and its
  // eigenvectors, the val/test × train distance matrices, one projected block.
  const mkmOne = Math.max(
    0,
    ...cfg.mkmDatasets.map((name) => {
      const s = cfg.mkmSizes[name];
      const rows = s.train + s.val + s.test;
      return 8 * (3 * rows * 784 + 3 * cfg.mkmFit ** 2 + Math.max(s.val, s.test) * s.train + 2000 * cfg.mkmFit);
    }),
  );
  const mkm = Math.min(cfg.mkmDatasets.length * cfg.mkmDegrees.length, defaultJobWorkers()) * (mkmOne + 70 * 2 ** 20);
  const RUNTIME_BASELINE = 200 * 2 ** 20; // node heap, module code, mnist JSON while parsing
  return RUNTIME_BASELINE + Math.max(svm, mc, rec, mkm);
}
