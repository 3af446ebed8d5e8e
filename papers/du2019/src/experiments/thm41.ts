import { foldIn, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { initNet, trainGd } from '../model.js';
import type { Du2019Config } from '../config.js';
import type { Thm41Trace } from '../trace.js';
import { hInfinitySpectrum, residualNorm, sphereData } from './data.js';

/**
 * thm4.1 A — inside the hypothesis on the step size [NOTES.md §4]: η = λ0/(4n²) (the constant from the LN3 proof) and
 * K = ⌈stepFactor·n²/λ0²⌉ iterations, so (1 − ηλ0/2)^K ≈ e^{−stepFactor/8}: the whole predicted decay is exercised.
 */
export async function thm41(cfg: Du2019Config, k: Key, ctx: RunContext): Promise<Thm41Trace> {
  const first: Thm41Trace = await thm41Run(cfg, k, ctx, 0);
  if (cfg.thm41Replicates > 1) {
    first.replicas = [];
    for (let r = 1; r < cfg.thm41Replicates; r++) first.replicas.push(await thm41Run(cfg, foldIn(k, `replicate${r}`), ctx, r));
  }
  return first;
}

/** One thm4.1 A run (its own data and initialization from `k`). */
async function thm41Run(cfg: Du2019Config, k: Key, ctx: RunContext, r: number): Promise<Omit<Thm41Trace, 'replicas'>> {
  const n = cfg.thm41N;
  const m = cfg.thm41Width;
  const { X, y } = sphereData(foldIn(k, 'data'), n, n);
  const { lambda0 } = hInfinitySpectrum(X);
  const eta = lambda0 / (4 * n * n);
  const steps = Math.ceil((cfg.thm41StepFactor * n * n) / lambda0 ** 2);
  const R = cfg.thm41Replicates;
  ctx.progress.phase(R > 1 ? `thm4.1 A run ${r + 1}/${R}` : 'thm4.1 A', steps);
  const tr = await ctx.time('thm4.1 A: GD', () =>
    trainGd({
      X,
      y,
      init: initNet(foldIn(k, 'init'), m, n),
      eta,
      steps,
      precision: cfg.thm41Precision,
      onStep: (step) => ctx.progress.tick(1, `step ${step}/${steps}`),
    }),
  );
  return {
    n,
    m,
    lambda0,
    eta,
    steps,
    precision: cfg.thm41Precision,
    loss: tr.loss,
    maxDistance: tr.maxDistance,
    residual0: residualNorm(y, tr.u0),
    diverged: tr.diverged ?? null,
  };
}
