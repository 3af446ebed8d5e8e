import { foldIn, type Key } from '@repro/concentration';
import { eigvalsh, svdvals, type Matrix } from '@repro/linalg';
import type { RunContext } from '@repro/harness';
import { expectedFeatureGram, gaussianDual, initMlp, mlpForward, type Activation } from '@repro/nets';
import type { Nm20Config } from '../config.js';
import type { InitTrace } from '../trace.js';
import { sphereX } from './data.js';

/** The activation of the NM20 initialization checks: σ_{γ,β} with the larger γ of the run set. */
export function initActivation(cfg: Nm20Config): Activation {
  return { name: 'smoothLeakyRelu', gamma: Math.max(...cfg.gdGammas), beta: cfg.gdBeta };
}

/**
 * NM20 σ_min(F_1) at initialization and λ_* [card §3 init-sigma-min-F1, thm3.3-lambda-star]: X on the √d-sphere with
 * N = 2d, W_1 LeCun (1/d), F_1 = σ(XW_1); λ_* = λ_min of the Gauss–Hermite expected feature Gram on the same X (float64).
 */
export async function init(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<InitTrace> {
  const act = initActivation(cfg);
  if (act.name !== 'smoothLeakyRelu') throw new Error('unreachable');
  const dual = gaussianDual(act);
  const lambdaStarOf = (X: Matrix): number => eigvalsh(expectedFeatureGram(X, act, dual))[0] as number;
  const cells: InitTrace['cells'] = [];
  ctx.progress.phase('NM20 init', cfg.initDims.length * cfg.initTrials);
  await ctx.time('init σ_min(F_1)', async () => {
    for (const d of cfg.initDims) {
      const N = 2 * d;
      const byFactor = cfg.initWidthFactors.map((f) => ({ d, N, n1: f * N, rho: [] as number[], lambdaStar: [] as number[] }));
      for (let t = 0; t < cfg.initTrials; t++) {
        const X = sphereX(foldIn(k, `X-d${d}-t${t}`), N, d);
        const ls = lambdaStarOf(X);
        for (const cell of byFactor) {
          const p = initMlp(foldIn(k, `W-d${d}-n${cell.n1}-t${t}`), [d, cell.n1, 1], 'lecun');
          const F1 = mlpForward(p, X, act).F[1] as Matrix;
          const s = svdvals(F1)[N - 1] as number;
          cell.rho.push((s * s) / (cell.n1 * ls));
          cell.lambdaStar.push(ls);
        }
        ctx.progress.tick(1, `d=${d} trial ${t + 1}/${cfg.initTrials}`);
      }
      cells.push(...byFactor);
    }
  });
  const lambdaStar = await ctx.time('λ_*', async () =>
    cfg.lambdaStarDims.map((d) => ({
      d,
      N: 2 * d,
      values: Array.from({ length: cfg.lambdaStarTrials }, (_, t) => lambdaStarOf(sphereX(foldIn(k, `ls-d${d}-t${t}`), 2 * d, d))),
    })),
  );
  return { gamma: act.gamma, beta: act.beta, cells, lambdaStar };
}
