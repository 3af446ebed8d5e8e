import { foldIn, normal, type Key } from '@repro/concentration';
import { eigvalsh, gram, matrix, svdvals, type Matrix } from '@repro/linalg';
import { fault, type RunContext } from '@repro/harness';
import { expectedFeatureGram, gaussianDual, mlpForward, type Activation } from '@repro/nets';
import type { Nm20Config } from '../config.js';
import { initWeights } from './ntk.js';
import type { InitTrace } from '../trace.js';
import { sphereX } from './data.js';

/** The activation of the NM20 initialization checks: σ_{γ,β} with the larger γ of the run set. */
export function initActivation(cfg: Nm20Config): Activation {
  return { name: 'smoothLeakyRelu', gamma: Math.max(...cfg.gdGammas), beta: cfg.gdBeta };
}

/**
 * NM20 σ_min(F_1) at initialization and λ_* [arXiv:2002.07867 Thm 3.3] [NOTES.md §3]: X on the √d-sphere with
 * N = 2d, W_1 LeCun (1/d), F_1 = σ(XW_1); λ_* = λ_min of the Gauss–Hermite expected feature Gram on the same X (float64).
 */
/** Pre-activation variance of the λ_* quadrature under the planted fault `lambda-star-variance` (1 when clean). */
const LAMBDA_STAR_FAULT_VARIANCE = 0.8;
/** Columns of W per Monte-Carlo block (bounds the N×block feature matrix). */
const MC_BLOCK = 5000;

/**
 * The Monte-Carlo cross-check of λ_* [NOTES.md §3]: λ_min((1/M)Σ_m σ(Xw_m)σ(Xw_m)ᵀ) with M draws w_m ~ N(0, I_d/d), float64, using
 * the network's own σ (mlpForward) and sampler — independent of the Gauss–Hermite dual that λ_* is computed from.
 */
export function lambdaStarMonteCarlo(k: Key, X: Matrix, act: Activation, draws: number): number {
  const { rows: N, cols: d } = X;
  const S = matrix(N, N);
  const sd = 1 / Math.sqrt(d);
  for (let done = 0, b = 0; done < draws; b++) {
    const m = Math.min(MC_BLOCK, draws - done);
    const W = matrix(d, m, normal(foldIn(k, `mc${b}`), d * m).map((v) => v * sd));
    const F = mlpForward({ widths: [d, m, 1], W: [W, matrix(m, 1)] }, X, act).F[1] as Matrix;
    const G = gram(F);
    for (let i = 0; i < N * N; i++) S.data[i] = (S.data[i] as number) + (G.data[i] as number);
    done += m;
  }
  for (let i = 0; i < N * N; i++) S.data[i] = (S.data[i] as number) / draws;
  return eigvalsh(S)[0] as number;
}

export async function init(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<InitTrace> {
  const act = initActivation(cfg);
  if (act.name !== 'smoothLeakyRelu') throw new Error('unreachable');
  // λ_* = λ_min of the Gauss–Hermite expected feature Gram. Planted fault `lambda-star-variance`: the quadrature taken at
  // pre-activation variance v = 0.8, E[σ(√v u)σ(√v u')] = v·dual_{γ, β√v}(ρ) (σ_{γ,β}(√v x) = √v σ_{γ,β√v}(x)).
  const v = fault('lambda-star-variance') ? LAMBDA_STAR_FAULT_VARIANCE : 1;
  const quadAct: Activation = v === 1 ? act : { ...act, beta: act.beta * Math.sqrt(v) };
  const dual = gaussianDual(quadAct);
  const lambdaStarOf = (X: Matrix): number => v * (eigvalsh(expectedFeatureGram(X, quadAct, dual))[0] as number);
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
          const p = initWeights(foldIn(k, `W-d${d}-n${cell.n1}-t${t}`), [d, cell.n1, 1], 'lecun');
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
  const lambdaStar = await ctx.time('λ_* (quadrature and Monte-Carlo cross-check)', async () =>
    cfg.lambdaStarDims.map((d) => {
      const Xs = Array.from({ length: cfg.lambdaStarTrials }, (_, t) => sphereX(foldIn(k, `ls-d${d}-t${t}`), 2 * d, d));
      const mc = lambdaStarMonteCarlo(foldIn(k, `ls-mc-d${d}`), Xs[0] as Matrix, act, cfg.lambdaStarMcDraws);
      return { d, N: 2 * d, values: Xs.map(lambdaStarOf), mc, mcDraws: cfg.lambdaStarMcDraws };
    }),
  );
  return { gamma: act.gamma, beta: act.beta, cells, lambdaStar };
}
