import { foldIn, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Fig1Run, Fig1Trace } from '../trace.js';
import { initNet, trainGd } from '../model.js';
import { hInfinitySpectrum, residualNorm, sphereData, sumSquares } from './data.js';

/**
 * Figure 1 protocol [arXiv:1810.02054 Fig. 1] [NOTES.md §4]: one (X, y) for every width; a fresh (W(0), a) per seed; W trained by full-batch GD on
 * the sum loss with η = etaScale/λ_max(H∞); a fixed. Float32 training on the selected backend, spectra in float64.
 */
export async function fig1(cfg: Du2019Config, k: Key, ctx: RunContext): Promise<Fig1Trace> {
  const { X, y } = await ctx.time('fig1: data + H∞ spectrum', async () => sphereData(foldIn(k, 'data'), cfg.fig1N, cfg.fig1D));
  const { lambda0, lambdaMax, errorBound: lambda0ErrorBound } = await ctx.time('fig1: data + H∞ spectrum', async () => hInfinitySpectrum(X));
  const eta = cfg.fig1EtaScale / lambdaMax;
  const n = cfg.fig1N;
  const d = cfg.fig1D;
  const flopsPerStep = (m: number): number => 4 * n * d * m;
  ctx.progress.phase('fig1', cfg.fig1Widths.reduce((s, m) => s + flopsPerStep(m) * cfg.fig1Epochs * cfg.fig1Seeds, 0));
  const runs: Fig1Run[] = [];
  for (const m of cfg.fig1Widths) {
    for (let seed = 0; seed < cfg.fig1Seeds; seed++) {
      const init = initNet(foldIn(foldIn(k, `init-m${m}`), seed), m, d);
      const tr = await ctx.time(`fig1: GD m=${m}`, () =>
        trainGd({
          X,
          y,
          init,
          eta,
          steps: cfg.fig1Epochs,
          precision: 'float32',
          gramEvery: cfg.fig1GramEvery,
          gramDiff: true,
          onStep: (step) => ctx.progress.tick(flopsPerStep(m), `m=${m} seed ${seed + 1}/${cfg.fig1Seeds} epoch ${step}/${cfg.fig1Epochs}`),
        }),
      );
      runs.push({
        m,
        seed,
        loss: tr.loss,
        patternChange: tr.patternChange,
        maxDistance: tr.maxDistance,
        lambdaMinH: tr.lambdaMinH ?? [],
        hDiffNorm2: tr.hDiff?.norm2 ?? Number.NaN,
        hDiffFro: tr.hDiff?.fro ?? Number.NaN,
        residual0: residualNorm(y, tr.u0),
        diverged: tr.diverged ?? null,
      });
    }
  }
  return { n, d, lambda0, lambda0ErrorBound, lambdaMax, eta, yNormSq: sumSquares(y), runs };
}
