import { foldIn, type Key } from '@repro/concentration';
import { EIGEN_SOLVER, matrix, minEigenvalue, type Matrix } from '@repro/linalg';
import { fault, type RunContext } from '@repro/harness';
import { pooledPhase } from './pooled.js';
import { reluNtkLimit, selectBackend, type Activation, type BackendRequest } from '@repro/nets';
import { initWeights, layerNtkTf } from './ntk.js';
import type { Nm20Config } from '../config.js';
import type { Fig2Point } from '../trace.js';
import { gaussianX } from './data.js';

const RELU: Activation = { name: 'relu' };

/** Flops of one trial [NOTES.md §6]: XW_1, F_1W_2, B_1 backprop, the four Grams and XXᵀ. */
export function trialFlops(N: number, d: number, n1: number, n2: number): number {
  return 2 * (N * d * n1 + 2 * N * n1 * n2 + 2 * N * N * n1 + 2 * N * N * n2 + N * N * d);
}

/**
 * λ_min in float64: Lanczos (full re-orthogonalization, residual ≤ 1e−8·‖A‖); when it does not converge within its Krylov
 * budget (clustered bottom spectrum) [NOTES.md §6], the exact dense Householder + QL eigen-solve (@repro/linalg minEigenvalue).
 */
export function lambdaMinRobust(A: Matrix): { value: number; solver: 'lanczos' | 'dense'; errorBound: number } {
  const r = minEigenvalue(A, { prefer: 'lanczos' });
  const solver = r.solver === EIGEN_SOLVER.lanczos ? 'lanczos' : 'dense';
  return { value: r.value, solver, errorBound: r.errorBound };
}

/** λ_min of a PSD Gram of rank ≤ r: exactly 0 when r < N (no solve), else float64 λ_min clamped at 0 (PSD by construction). */
function gramLambdaMin(G: Matrix, rank: number): number {
  if (rank < G.rows) return 0;
  return Math.max(0, lambdaMinRobust(G).value);
}

/**
 * One Figure 2 trial (L = 3, scalar output, no biases): K̄ by layer decomposition with float32 tfjs GEMMs, λ_min in float64
 * (Lanczos), plus the Thm 4.1 proof sandwich on the same scale. `scale` multiplies K̄ (left panel 4/(n_1n_2)).
 */
export async function fig2Trial(
  k: Key,
  o: { curve: string; x: number; trial: number; N: number; d: number; n1: number; n2: number; init: 'he' | 'standard'; scale: number; limit: boolean },
): Promise<Fig2Point> {
  const t0 = performance.now();
  const X = gaussianX(foldIn(k, 'X'), o.N, o.d);
  // Planted fault `fig2-normalization-swap` [NOTES.md §6]: each panel drawn with the other panel's weights and scale.
  const swap = fault('fig2-normalization-swap');
  const init = swap ? (o.init === 'he' ? 'standard' : 'he') : o.init;
  const scale = swap ? (o.init === 'he' ? 4 / (o.n1 * o.n2) : 1) : o.scale;
  const p = initWeights(foldIn(k, 'W'), [o.d, o.n1, o.n2, 1], init);
  const ntk = await layerNtkTf(p, X, RELU, { keepFeatureGrams: true });
  const K = scale === 1 ? ntk.K : matrix(o.N, o.N, ntk.K.data.map((v) => v * scale));
  const { value: lam, solver, errorBound } = lambdaMinRobust(K);
  // E[K̄_ii | X] for L = 3 ReLU, no biases (exact, by the sign symmetry of each Gaussian weight column): He on every layer
  // gives ‖x_i‖²(1 + n_1/d + n_2/d) (the three terms k = 0, 1, 2); N(0,1) weights give (3/4)n_1n_2‖x_i‖², i.e. 3‖x_i‖²
  // after the 4/(n_1n_2) scale — Thm 4.1's O(d + n_1 + n_2) upper bound with its constant, and Thm 3.2's L‖x_i‖².
  const c = o.init === 'he' ? (1 + (o.n1 + o.n2) / o.d) * o.scale : (3 * o.n1 * o.n2 * o.scale) / 4;
  let upper = Number.POSITIVE_INFINITY;
  let upperTheory = Number.POSITIVE_INFINITY;
  let diagSum = 0;
  let diagExpected = 0;
  for (let i = 0; i < o.N; i++) {
    const kii = K.data[i * o.N + i] as number;
    let xx = 0;
    for (let q = 0; q < o.d; q++) xx += (X.data[i * o.d + q] as number) ** 2;
    upper = Math.min(upper, kii);
    upperTheory = Math.min(upperTheory, c * xx);
    diagSum += kii;
    diagExpected += c * xx;
  }
  const ranks = [o.d, o.n1, o.n2];
  const lowerTerms = ntk.featureGrams.map((FG, kk) => {
    const minRow = Math.min(...(ntk.signalRowSq[kk] as Float64Array));
    return gramLambdaMin(FG, ranks[kk] as number) * minRow * scale;
  });
  const limitLambdaMin = o.limit ? lambdaMinRobust(reluNtkLimit(X, 3).K).value : Number.NaN;
  return {
    curve: o.curve,
    x: o.x,
    trial: o.trial,
    N: o.N,
    d: o.d,
    n1: o.n1,
    n2: o.n2,
    lambdaMin: lam,
    lambdaMinErrorBound: errorBound,
    diagSum,
    diagExpected,
    upperTheory,
    lower: lowerTerms.reduce((s, v) => s + v, 0),
    upper,
    lowerTerms,
    limitLambdaMin,
    solver,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** One Figure 2 trial as a job of the harness pool (`mapJobs`): the key and every size travel inside the job. */
export interface Fig2Job {
  key: Key;
  /** The run's tfjs backend request: a worker thread selects it itself (module state is per thread). */
  backend: BackendRequest;
  o: { curve: string; x: number; trial: number; N: number; d: number; n1: number; n2: number; init: 'he' | 'standard'; scale: number; limit: boolean };
}

/** The pool's entry point for one trial (a worker thread, or this thread with one worker). */
export async function fig2TrialJob(j: Fig2Job): Promise<Fig2Point> {
  await selectBackend(j.backend);
  return fig2Trial(j.key, j.o);
}

/**
 * The trials of one panel through the harness job pool (both cores, one GEMM thread per worker; the same results for any
 * worker count, and shardable with `--shard i/n`: each trial is one job). Results come back in job order.
 */
async function runTrials(jobs: Fig2Job[], label: string, ctx: RunContext, trials: number): Promise<Fig2Point[]> {
  const flops = (j: Fig2Job): number => trialFlops(j.o.N, j.o.d, j.o.n1, j.o.n2);
  // Cost of each job for the pool's order and the shards' split: the trial's flops, plus half of them for the K^{(3)}
  // overlay of a left-panel trial 0 (scalar code: measured at paper sizes, 2026-12-07, 51 overlays took 59.7 CPU s against
  // 2.46 CPU s per trial; without costs round-robin gave every overlay to shard 0 of 2, which ran 48 % longer than shard 1).
  const costs = jobs.map((j) => flops(j) * (j.o.limit ? 1.5 : 1));
  return pooledPhase<Fig2Job, Fig2Point>(ctx, jobs, {
    moduleUrl: import.meta.url,
    exportName: 'fig2TrialJob',
    phase: label,
    label: `${label} (job pool, ${jobs.length} trials)`,
    costs,
    weight: flops,
    note: (j) => `${j.o.curve} ${label.endsWith('right') ? 'N' : 'd'}=${j.o.x} trial ${j.o.trial + 1}/${trials}`,
  });
}

/** Figure 2 right [arXiv:2012.11654 Fig. 2] [NOTES.md §6]: He init on all three layers, n_1 = factor·N, unnormalized λ_min(K̄) vs N, curves (d, n_2). */
export async function fig2Right(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<Fig2Point[]> {
  const grid = cfg.fig2RightCurves.flatMap(([d, n2]) => cfg.fig2RightN.map((N) => ({ d, n2, N, n1: cfg.fig2RightWidthFactor * N })));
  const jobs: Fig2Job[] = grid.flatMap((j) =>
    Array.from({ length: cfg.fig2RightTrials }, (_, t) => ({
      backend: ctx.backend as BackendRequest,
      key: foldIn(k, `R-d${j.d}-n2${j.n2}-N${j.N}-t${t}`),
      o: { curve: `d=${j.d}, n2=${j.n2}`, x: j.N, trial: t, N: j.N, d: j.d, n1: j.n1, n2: j.n2, init: 'he' as const, scale: 1, limit: false },
    })),
  );
  return runTrials(jobs, 'Figure 2 right', ctx, cfg.fig2RightTrials);
}

/** Figure 2 left [arXiv:2012.11654 Fig. 2] [NOTES.md §6]: N(0,1) weights, λ_min(4K̄/(n_1n_2)) vs d, curves (N, n_1, n_2); optional K^{(3)} overlay on trial 0. */
export async function fig2Left(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<Fig2Point[]> {
  const grid = cfg.fig2LeftCurves.flatMap(([N, n1, n2]) => cfg.fig2LeftD.map((d) => ({ d, n2, N, n1 })));
  const jobs: Fig2Job[] = grid.flatMap((j) =>
    Array.from({ length: cfg.fig2LeftTrials }, (_, t) => ({
      backend: ctx.backend as BackendRequest,
      key: foldIn(k, `L-N${j.N}-n1${j.n1}-n2${j.n2}-d${j.d}-t${t}`),
      o: {
        curve: `N=${j.N}, n1=${j.n1}, n2=${j.n2}`,
        x: j.d,
        trial: t,
        N: j.N,
        d: j.d,
        n1: j.n1,
        n2: j.n2,
        init: 'standard' as const,
        scale: 4 / (j.n1 * j.n2),
        limit: cfg.fig2LeftLimit && t === 0,
      },
    })),
  );
  return runTrials(jobs, 'Figure 2 left', ctx, cfg.fig2LeftTrials);
}
