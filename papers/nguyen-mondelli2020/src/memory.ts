import { defaultJobWorkers } from '@repro/harness';
import type { Nm20Config } from './config.js';

/**
 * Peak-memory estimate (bytes) of a run, for the harness's memory guard: the largest Figure 2 trial dominates. A trial keeps
 * float64 weights W_1 (d×n_1), W_2 (n_1×n_2) from the keyed sampler plus their float32 copies, float32 F_1, D_1, B_1 and one
 * N×n_1 temporary on tfjs, float32 K̄ and the feature Grams (N×N each), and float64 copies of K̄, F_1F_1ᵀ, F_2F_2ᵀ, XXᵀ plus the
 * Lanczos basis (≤ 500 vectors of length N). The trials run in the harness job pool, so as many trials as there are job
 * workers are alive at once.
 */
export function estimateMemory(cfg: Nm20Config): number {
  const trial = (N: number, d: number, n1: number, n2: number): number =>
    12 * (d * n1 + n1 * n2) + 4 * 5 * N * n1 + 4 * 5 * N * N + 8 * 5 * N * N + 8 * 500 * N + 8 * N * d;
  const right = Math.max(...cfg.fig2RightCurves.flatMap(([d, n2]) => cfg.fig2RightN.map((N) => trial(N, d, cfg.fig2RightWidthFactor * N, n2))));
  const left = Math.max(...cfg.fig2LeftCurves.flatMap(([N, n1, n2]) => cfg.fig2LeftD.map((d) => trial(N, d, n1, n2))));
  const gd = 8 * 12 * cfg.gdN * Math.max(...cfg.gdWideWidths);
  const RUNTIME_BASELINE = 300 * 2 ** 20; // node + tfjs-wasm heap and module code
  const fig2Workers = Math.max(1, defaultJobWorkers());
  return RUNTIME_BASELINE + Math.max(fig2Workers * Math.max(right, left), gd);
}
