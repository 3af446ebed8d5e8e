import { foldIn, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { matvec } from '@repro/linalg';
import { projections, trainTwoLayerGd } from '@repro/nets';
import type { SongYang2019Config } from '../config.js';
import type { MainTrace } from '../trace.js';
import { hctsSpectrum, residualSq, sphereData } from './data.js';
import { gdStep, outputsFromProjections } from './gd-step.js';
import { gradStep, gramAt, initParams } from './model.js';

/**
 * thm.main (A) — inside the step-size hypothesis: η = λ/(4n²) (LN3's proof constant) and K = ⌈stepFactor·n²/λ²⌉, so
 * (1 − ηλ/2)^K ≈ e^{−stepFactor/8}: the whole predicted decay is exercised. Loss and max distance at every step, and the
 * first step in closed form (‖W(1) − W(0)‖_F², eᵀH(0)e, ‖H(0)e‖², pattern flips) for the tight parts of lem.move / thm.main.
 */
export async function main(cfg: SongYang2019Config, k: Key, ctx: RunContext): Promise<MainTrace> {
  const n = cfg.mainN;
  const m = cfg.mainWidth;
  const { X, y } = sphereData(foldIn(k, 'data'), n, n);
  const { lambda } = hctsSpectrum(X);
  const eta = lambda / (4 * n * n);
  const steps = Math.ceil((cfg.mainStepFactor * n * n) / lambda ** 2);
  const init = initParams(foldIn(k, 'init'), m, n);
  // First step, separately: W(1) from the same trainer, H(0) and e(0) from their definitions.
  const W1 = await gdStep(X, y, init, eta);
  const Z0 = projections(X, init.W, m);
  const Z1 = projections(X, W1, m);
  const u0 = outputsFromProjections(Z0, init.a, n, m);
  const e = y.map((v, i) => v - (u0[i] as number));
  const He = matvec(gramAt(X, init.W, m), e);
  let eHe = 0;
  let HeSq = 0;
  for (let i = 0; i < n; i++) {
    eHe += (e[i] as number) * (He[i] as number);
    HeSq += (He[i] as number) ** 2;
  }
  let movedSq = 0;
  for (let q = 0; q < W1.length; q++) movedSq += ((W1[q] as number) - (init.W[q] as number)) ** 2;
  let flips = 0;
  for (let q = 0; q < n * m; q++) if ((Z0[q] as number) >= 0 !== (Z1[q] as number) >= 0) flips++;
  const firstStep = { movedSq, eHe, HeSq, loss0: residualSq(y, u0) / 2, loss1: residualSq(y, outputsFromProjections(Z1, init.a, n, m)) / 2, flips };
  ctx.progress.phase('thm.main', steps);
  const tr = await ctx.time('thm.main: GD', () =>
    trainTwoLayerGd({
      X,
      y,
      init,
      eta: gradStep(eta),
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
    firstStep,
  };
}
