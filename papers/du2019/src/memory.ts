import type { Du2019Config } from './config.js';

/**
 * Peak-memory estimate (bytes) of a du2019 run, for the harness's memory guard: the largest experiment dominates.
 * GD on tfjs keeps ~2 n×d, ~4 d×m and ~6 n×m float32 tensors live per step, plus float64 n×n Gram/eigen work arrays
 * (H(0), H(k), XXᵀ, the eigen-solver copy) and the downloaded n×m projections for the pattern Gram.
 */
export function estimateMemory(cfg: Du2019Config): number {
  const gd = (n: number, d: number, m: number): number => 4 * (2 * n * d + 4 * d * m + 7 * n * m) + 8 * 5 * n * n;
  const fig1 = Math.max(...cfg.fig1Widths.map((m) => gd(cfg.fig1N, cfg.fig1D, m)));
  const gf = Math.max(...[...cfg.gfWidths, ...cfg.gfJointWidths].map((m) => gd(cfg.gfN, cfg.gfN, m)));
  const thm41 = gd(cfg.thm41N, cfg.thm41N, cfg.thm41Width);
  const lem31 = Math.max(...[...cfg.lem31Widths, ...cfg.lem31ProbWidths].map((m) => 8 * (cfg.lem31N * m * 2) + 8 * 4 * cfg.lem31N ** 2));
  const lem32 = Math.max(...cfg.lem32Dims.map((d) => 8 * (cfg.lem32Width * d + cfg.lem32N * cfg.lem32Width) + 8 * 3 * cfg.lem32N ** 2));
  const hinf = 8 * (20_000 * cfg.hinfD + 2 * cfg.hinfN * 20_000 + 6 * cfg.hinfN ** 2);
  const init = 8 * (cfg.initWidth * cfg.initN * 2);
  const RUNTIME_BASELINE = 300 * 2 ** 20; // node + tfjs-wasm heap and module code
  return RUNTIME_BASELINE + Math.max(fig1, gf, thm41, lem31, lem32, hinf, init);
}
