import { foldIn, normal, type Key } from '@repro/concentration';
import { matrix, norm2, normFro, type Matrix } from '@repro/linalg';
import { mapJobs, type RunContext } from '@repro/harness';
import { mlpForward, type Activation, type MlpParams } from '@repro/nets';
import type { Nm20Config } from '../config.js';
import { initWeights } from './ntk.js';
import type { LipschitzTrace } from '../trace.js';
import { sphereX } from './data.js';
import { gdWidths } from './gd.js';

/** One parameter pair (a, b) of Lemma B.2, as a job of the harness pool (X is redrawn from the key: one X for all pairs). */
export interface LipschitzJob {
  key: Key;
  act: Activation;
  N: number;
  d: number;
  n1: number;
  L: number;
  widths: number[];
  pair: number;
  distance: number;
}

/** The pool's entry point: one pair's per-layer ratios. */
export function lipschitzPairJob(j: LipschitzJob): LipschitzTrace['pairs'][number] {
  const { key: k, pair: t, widths, L } = j;
  const X = sphereX(foldIn(k, 'X'), j.N, j.d);
  const xFro = normFro(X);
  const a = initWeights(foldIn(k, `a-${t}`), widths, 'lecun');
  const E = a.W.map((W, l) => {
    const z = normal(foldIn(k, `E-${t}-${l}`), W.data.length);
    let s = 0;
    for (const v of z) s += v * v;
    const c = j.distance / Math.sqrt(s);
    return matrix(W.rows, W.cols, z.map((v) => v * c));
  });
  const b: MlpParams = { widths: [...widths], W: a.W.map((W, l) => matrix(W.rows, W.cols, W.data.map((v, i) => v + ((E[l] as Matrix).data[i] as number)))) };
  const Fa = mlpForward(a, X, j.act).F;
  const Fb = mlpForward(b, X, j.act).F;
  const lamBar = a.W.map((W, l) => Math.max(norm2(W), norm2(b.W[l] as Matrix)));
  const eNorm = E.map((e) => norm2(e));
  const perLayer: number[] = [];
  let prod = 1;
  let sum = 0;
  for (let l = 1; l <= L; l++) {
    prod *= lamBar[l - 1] as number;
    sum += (eNorm[l - 1] as number) / (lamBar[l - 1] as number);
    const fa = Fa[l] as Matrix;
    const fb = Fb[l] as Matrix;
    let diff = 0;
    for (let i = 0; i < fa.data.length; i++) diff += ((fa.data[i] as number) - (fb.data[i] as number)) ** 2;
    perLayer.push(Math.sqrt(diff) / (xFro * prod * sum));
  }
  return { n1: j.n1, L, pair: t, distance: j.distance, ratio: Math.max(...perLayer), perLayer };
}

/**
 * nm20.lemmaB2, feature part [arXiv:2002.07867 Lemma B.2] [NOTES.md §4]: pairs (a, b) of LeCun networks of run set R with W_pᵇ = W_pᵃ + E_p, E_p Gaussian
 * rescaled to ‖E_p‖_F = distance on every layer; per layer l ≤ L the ratio
 * ‖F_l(a) − F_l(b)‖_F / (‖X‖_F Π_{p≤l}λ̄_p Σ_{p≤l}‖E_p‖_2/λ̄_p) with λ̄_p = max(‖W_pᵃ‖_2, ‖W_pᵇ‖_2) (both inside the ball).
 * Pairs cycle over the (n_1, L) configurations of R; float64. One job per pair through the harness job pool.
 */
export async function lipschitz(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<LipschitzTrace> {
  const { gdN: N, gdD: d } = cfg;
  const configs = cfg.gdWideWidths.flatMap((n1) => cfg.gdDepths.map((L) => ({ n1, L })));
  const act: Activation = { name: 'smoothLeakyRelu', gamma: Math.max(...cfg.gdGammas), beta: cfg.gdBeta };
  const jobs: LipschitzJob[] = Array.from({ length: cfg.lipschitzPairs }, (_, pair) => {
    const { n1, L } = configs[pair % configs.length] as { n1: number; L: number };
    return { key: k, act, N, d, n1, L, widths: gdWidths(d, n1, cfg.gdPyramid, L), pair, distance: cfg.lipschitzDistance };
  });
  // Cost (flops): two forward passes, dominated by the first layer (2·N·d·n_1 each), and the spectral norms.
  const costs = jobs.map((j) => 4 * N * d * j.n1 + 8 * d * j.n1 * 30);
  const pairs = await ctx.time('lemma B.2 pairs (job pool)', () => mapJobs<LipschitzJob, LipschitzTrace['pairs'][number]>(import.meta.url, 'lipschitzPairJob', jobs, { costs }));
  return { pairs };
}
