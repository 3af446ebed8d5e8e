import { foldIn, normal, type Key } from '@repro/concentration';
import { eigvalsh, gram, matrix, svdvals, type Matrix } from '@repro/linalg';
import { fault, mapJobs, type RunContext } from '@repro/harness';
import { pooledPhase } from './pooled.js';
import { expectedFeatureGram, gaussianDual, mlpForward, type Activation } from '@repro/nets';
import type { Nm20Config } from '../config.js';
import { initWeights } from './ntk.js';
import type { InitTrace } from '../trace.js';
import { sphereX } from './data.js';

/** The activation of the NM20 initialization checks: σ_{γ,β} with the larger γ of the run set. */
export function initActivation(cfg: Nm20Config): Activation {
  return { name: 'smoothLeakyRelu', gamma: Math.max(...cfg.gdGammas), beta: cfg.gdBeta };
}

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

/**
 * λ_* of one data set: λ_min of the Gauss–Hermite expected feature Gram (float64). Planted fault `lambda-star-variance`:
 * the quadrature taken at pre-activation variance v = 0.8, E[σ(√v u)σ(√v u')] = v·dual_{γ, β√v}(ρ)
 * (σ_{γ,β}(√v x) = √v σ_{γ,β√v}(x)).
 */
function lambdaStarFn(act: Activation): (X: Matrix) => number {
  if (act.name !== 'smoothLeakyRelu') throw new Error('unreachable');
  const v = fault('lambda-star-variance') ? LAMBDA_STAR_FAULT_VARIANCE : 1;
  const quadAct: Activation = v === 1 ? act : { ...act, beta: act.beta * Math.sqrt(v) };
  // The dual's table costs ≈ 1 s (4001 × 80² evaluations of σ): built once per thread and activation, not once per job.
  const id = JSON.stringify(quadAct);
  let dual = DUALS.get(id);
  if (dual === undefined) DUALS.set(id, (dual = gaussianDual(quadAct)));
  const dualOfQuad = dual;
  return (X: Matrix): number => v * (eigvalsh(expectedFeatureGram(X, quadAct, dualOfQuad))[0] as number);
}

/** gaussianDual tables of this thread, by activation (a pure function of it). */
const DUALS = new Map<string, (rho: number) => number>();

/** One init trial (X, λ_*(X), and W_1 for every width) of one d, as a job of the harness pool. */
export interface InitJob {
  key: Key;
  act: Activation;
  d: number;
  trial: number;
  n1s: number[];
}

/** The pool's entry point for one init trial: λ_*(X) and ρ = σ_min(F_1)²/(n_1λ_*) per width. */
export function initTrialJob(j: InitJob): { lambdaStar: number; rho: number[] } {
  const { key: k, d, trial: t } = j;
  const N = 2 * d;
  const X = sphereX(foldIn(k, `X-d${d}-t${t}`), N, d);
  const ls = lambdaStarFn(j.act)(X);
  const rho = j.n1s.map((n1) => {
    const p = initWeights(foldIn(k, `W-d${d}-n${n1}-t${t}`), [d, n1, 1], 'lecun');
    const F1 = mlpForward(p, X, j.act).F[1] as Matrix;
    const s = svdvals(F1)[N - 1] as number;
    return (s * s) / (n1 * ls);
  });
  return { lambdaStar: ls, rho };
}

/** The λ_* data sets of one d and the Monte-Carlo cross-check on data set 0, as a job of the harness pool. */
export interface LambdaStarJob {
  key: Key;
  act: Activation;
  d: number;
  trials: number;
  mcDraws: number;
}

/** The pool's entry point for one d of thm3.3-lambda-star. */
export function lambdaStarJob(j: LambdaStarJob): InitTrace['lambdaStar'][number] {
  const { key: k, d } = j;
  const Xs = Array.from({ length: j.trials }, (_, t) => sphereX(foldIn(k, `ls-d${d}-t${t}`), 2 * d, d));
  const mc = lambdaStarMonteCarlo(foldIn(k, `ls-mc-d${d}`), Xs[0] as Matrix, j.act, j.mcDraws);
  return { d, N: 2 * d, values: Xs.map(lambdaStarFn(j.act)), mc, mcDraws: j.mcDraws };
}

/**
 * NM20 σ_min(F_1) at initialization and λ_* [arXiv:2002.07867 Thm 3.3] [NOTES.md §3]: X on the √d-sphere with
 * N = 2d, W_1 LeCun (1/d), F_1 = σ(XW_1); λ_* = λ_min of the Gauss–Hermite expected feature Gram on the same X (float64).
 * Both parts run through the harness job pool (one job per (d, trial), one per λ_* dimension; shardable by job).
 */
export async function init(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<InitTrace> {
  const act = initActivation(cfg);
  if (act.name !== 'smoothLeakyRelu') throw new Error('unreachable');
  const n1sOf = (d: number): number[] => cfg.initWidthFactors.map((f) => f * 2 * d);
  const jobs: InitJob[] = cfg.initDims.flatMap((d) => Array.from({ length: cfg.initTrials }, (_, trial) => ({ key: k, act, d, trial, n1s: n1sOf(d) })));
  // Cost (flops): the forward pass and the thin SVD of F_1 per width, plus the N×N quadrature Gram's eigen-solve.
  const costs = jobs.map(({ d, n1s }) => n1s.reduce((s, n1) => s + 2 * (2 * d) * n1 * d + 4 * (2 * d) ** 2 * n1, 0) + 10 * (2 * d) ** 3);
  const results = await pooledPhase<InitJob, { lambdaStar: number; rho: number[] }>(ctx, jobs, {
    moduleUrl: import.meta.url,
    exportName: 'initTrialJob',
    phase: 'NM20 init',
    label: 'init σ_min(F_1) (job pool)',
    costs,
    note: (j) => `d=${j.d} trial ${j.trial + 1}/${cfg.initTrials}`,
  });
  const cells: InitTrace['cells'] = [];
  let at = 0;
  for (const d of cfg.initDims) {
    const byFactor = n1sOf(d).map((n1) => ({ d, N: 2 * d, n1, rho: [] as number[], lambdaStar: [] as number[] }));
    for (let t = 0; t < cfg.initTrials; t++) {
      // null: a job of another shard under `--shard-by job` (this shard's trace is not checked; the merge has them all).
      const r = results[at++] as { lambdaStar: number; rho: number[] } | null;
      if (r === null) continue;
      byFactor.forEach((cell, f) => {
        cell.rho.push(r.rho[f] as number);
        cell.lambdaStar.push(r.lambdaStar);
      });
    }
    cells.push(...byFactor);
  }
  const lsJobs: LambdaStarJob[] = cfg.lambdaStarDims.map((d) => ({ key: k, act, d, trials: cfg.lambdaStarTrials, mcDraws: cfg.lambdaStarMcDraws }));
  // Cost (flops): the Monte-Carlo Grams dominate, 2·N²·M plus the forward passes 2·N·d·M.
  const lsCosts = lsJobs.map(({ d, mcDraws }) => 2 * (2 * d) ** 2 * mcDraws + 2 * (2 * d) * d * mcDraws);
  const lambdaStar = await ctx.time('λ_* (quadrature and Monte-Carlo cross-check, job pool)', () =>
    mapJobs<LambdaStarJob, InitTrace['lambdaStar'][number]>(import.meta.url, 'lambdaStarJob', lsJobs, { costs: lsCosts }),
  );
  return { gamma: act.gamma, beta: act.beta, cells, lambdaStar };
}
