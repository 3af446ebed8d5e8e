import { foldIn, sphere, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { extremeEigenvalues, matrix } from '@repro/linalg';
import type { SongYang2019Config } from '../config.js';
import type { ChernoffCase, ChernoffTrace } from '../trace.js';
import { gramHDeviationScale } from '@repro/nets';
import { froDistSq, hctsSpectrum, spectralNormSq } from './data.js';
import { drawWeights, gramAt, hcts } from './model.js';

/**
 * tool.chernoff: H(0) = Σ_r (1/m) D_r XXᵀ D_r is a sum of m i.i.d. PSD matrices with E H(0) = H^cts and
 * λ_max(summand) ≤ ‖X‖₂²/m [NOTES.md §3]; record λ_min(H(0)) and λ_max(H(0)) per draw (float64, with the solver's error
 * bound) and ‖H(0) − H^cts‖_F² next to its exact expectation.
 */
export async function chernoff(cfg: SongYang2019Config, k: Key, ctx: RunContext): Promise<ChernoffTrace> {
  const cases: ChernoffCase[] = [];
  ctx.progress.phase('tool.chernoff', cfg.chernoffShapes.length * cfg.chernoffWidths.length * cfg.chernoffTrials);
  await ctx.time('tool.chernoff', async () => {
    for (const [n, d] of cfg.chernoffShapes) {
      const ks = foldIn(k, `n${n}d${d}`);
      const X = matrix(n, d, sphere(foldIn(ks, 'X'), n, d));
      const { lambda, lambdaMax } = hctsSpectrum(X);
      const Hc = hcts(X);
      const V = gramHDeviationScale(X);
      const xSq = spectralNormSq(X);
      for (const m of cfg.chernoffWidths) {
        const lmin: number[] = [];
        const lmax: number[] = [];
        const dev: number[] = [];
        let eigErr = 0;
        for (let t = 0; t < cfg.chernoffTrials; t++) {
          const H = gramAt(X, drawWeights(foldIn(foldIn(ks, `m${m}`), t), m * d), m);
          const ev = extremeEigenvalues(H, { prefer: 'dense' });
          lmin.push(ev.min);
          lmax.push(ev.max);
          eigErr = Math.max(eigErr, ev.errorBound.min, ev.errorBound.max);
          dev.push(froDistSq(H, Hc));
          ctx.progress.tick(1);
        }
        cases.push({ n, d, m, muMin: lambda, muMax: lambdaMax, L: xSq / m, lambdaMin: lmin, lambdaMax: lmax, eigErr, devSq: dev, devSqExpected: V / m });
      }
    }
  });
  return { cases };
}
