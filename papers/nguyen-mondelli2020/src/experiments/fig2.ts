import { foldIn, type Key } from '@repro/concentration';
import { lambdaMinRobust as robustLambdaMin, matrix, type Matrix } from '@repro/linalg';
import { fault, type RunContext } from '@repro/harness';
import { reluNtkLimit, type Activation } from '@repro/nets';
import { initWeights, layerNtkTf } from './ntk.js';
import type { Nm20Config } from '../config.js';
import type { Fig2Point } from '../trace.js';
import { gaussianX } from './data.js';

const RELU: Activation = { name: 'relu' };

/** Flops of one trial [NOTES.md §6]: XW_1, F_1W_2, B_1 backprop, the four Grams and XXᵀ. */
export function trialFlops(N: number, d: number, n1: number, n2: number): number {
  return 2 * (N * d * n1 + 2 * N * n1 * n2 + 2 * N * N * n1 + 2 * N * N * n2 + N * N * d);
}

/** Solvers used by this process's λ_min calls (for the manifest-facing trace): Lanczos, or the dense fallback. */
const solverCounts = { lanczos: 0, dense: 0 };

/** How many λ_min solves of this process took each path. */
export function lambdaMinSolverCounts(): Readonly<typeof solverCounts> {
  return solverCounts;
}

/**
 * λ_min in float64: Lanczos (full re-orthogonalization, residual ≤ 1e−8·‖A‖); when it does not converge within its Krylov
 * budget (clustered bottom spectrum) [NOTES.md §6], the exact dense Householder + QL eigen-solve (@repro/linalg lambdaMinRobust).
 */
export function lambdaMinRobust(A: Matrix): { value: number; solver: 'lanczos' | 'dense'; errorBound: number } {
  const r = robustLambdaMin(A, { prefer: 'lanczos' });
  const solver = r.solver === 'lanczos' ? 'lanczos' : 'dense';
  solverCounts[solver]++;
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

/** Figure 2 right [arXiv:2012.11654 Fig. 2] [NOTES.md §6]: He init on all three layers, n_1 = factor·N, unnormalized λ_min(K̄) vs N, curves (d, n_2). */
export async function fig2Right(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<Fig2Point[]> {
  const jobs = cfg.fig2RightCurves.flatMap(([d, n2]) => cfg.fig2RightN.map((N) => ({ d, n2, N, n1: cfg.fig2RightWidthFactor * N })));
  ctx.progress.phase('Figure 2 right', jobs.reduce((s, j) => s + trialFlops(j.N, j.d, j.n1, j.n2), 0) * cfg.fig2RightTrials);
  const out: Fig2Point[] = [];
  for (const j of jobs)
    for (let t = 0; t < cfg.fig2RightTrials; t++) {
      const curve = `d=${j.d}, n2=${j.n2}`;
      const pt = await ctx.time(`fig2 right N=${j.N} d=${j.d} n1=${j.n1} n2=${j.n2}`, () =>
        fig2Trial(foldIn(k, `R-d${j.d}-n2${j.n2}-N${j.N}-t${t}`), { curve, x: j.N, trial: t, N: j.N, d: j.d, n1: j.n1, n2: j.n2, init: 'he', scale: 1, limit: false }),
      );
      out.push(pt);
      ctx.progress.tick(trialFlops(j.N, j.d, j.n1, j.n2), `${curve} N=${j.N} trial ${t + 1}/${cfg.fig2RightTrials}`);
    }
  return out;
}

/** Figure 2 left [arXiv:2012.11654 Fig. 2] [NOTES.md §6]: N(0,1) weights, λ_min(4K̄/(n_1n_2)) vs d, curves (N, n_1, n_2); optional K^{(3)} overlay on trial 0. */
export async function fig2Left(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<Fig2Point[]> {
  const jobs = cfg.fig2LeftCurves.flatMap(([N, n1, n2]) => cfg.fig2LeftD.map((d) => ({ d, n2, N, n1 })));
  ctx.progress.phase('Figure 2 left', jobs.reduce((s, j) => s + trialFlops(j.N, j.d, j.n1, j.n2), 0) * cfg.fig2LeftTrials);
  const out: Fig2Point[] = [];
  for (const j of jobs)
    for (let t = 0; t < cfg.fig2LeftTrials; t++) {
      const curve = `N=${j.N}, n1=${j.n1}, n2=${j.n2}`;
      const pt = await ctx.time(`fig2 left N=${j.N} d=${j.d} n1=${j.n1} n2=${j.n2}`, () =>
        fig2Trial(foldIn(k, `L-N${j.N}-n1${j.n1}-n2${j.n2}-d${j.d}-t${t}`), {
          curve,
          x: j.d,
          trial: t,
          N: j.N,
          d: j.d,
          n1: j.n1,
          n2: j.n2,
          init: 'standard',
          scale: 4 / (j.n1 * j.n2),
          limit: cfg.fig2LeftLimit && t === 0,
        }),
      );
      out.push(pt);
      ctx.progress.tick(trialFlops(j.N, j.d, j.n1, j.n2), `${curve} d=${j.d} trial ${t + 1}/${cfg.fig2LeftTrials}`);
    }
  return out;
}
