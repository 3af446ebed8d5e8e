import { foldIn, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { initTwoLayer, trainTwoLayerGd } from '@repro/nets';
import type { SongYang2019Config } from '../config.js';
import type { MainTrace } from '../trace.js';
import { hctsSpectrum, residualSq, sphereData } from './data.js';

/**
 * thm.main (A) — inside the step-size hypothesis: η = λ/(4n²) (LN3's proof constant) and K = ⌈stepFactor·n²/λ²⌉, so
 * (1 − ηλ/2)^K ≈ e^{−stepFactor/8}: the whole predicted decay is exercised. Loss and max distance at every step.
 */
export async function main(cfg: SongYang2019Config, k: Key, ctx: RunContext): Promise<MainTrace> {
  const n = cfg.mainN;
  const m = cfg.mainWidth;
  const { X, y } = sphereData(foldIn(k, 'data'), n, n);
  const { lambda } = hctsSpectrum(X);
  const eta = lambda / (4 * n * n);
  const steps = Math.ceil((cfg.mainStepFactor * n * n) / lambda ** 2);
  ctx.progress.phase('thm.main', steps);
  const tr = await ctx.time('thm.main: GD', () =>
    trainTwoLayerGd({
      X,
      y,
      init: initTwoLayer(foldIn(k, 'init'), m, n),
      eta,
      steps,
      precision: cfg.mainPrecision,
      onStep: (step) => ctx.progress.tick(1, `step ${step}/${steps}`),
    }),
  );
  return {
    n,
    m,
    lambda,
    eta,
    steps,
    precision: cfg.mainPrecision,
    loss: tr.loss,
    maxDistance: tr.maxDistance,
    residual0: Math.sqrt(residualSq(y, tr.u0)),
    diverged: tr.diverged ?? null,
  };
}
