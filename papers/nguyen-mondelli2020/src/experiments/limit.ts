import { foldIn, type Key } from '@repro/concentration';
import { eigvalsh } from '@repro/linalg';
import type { RunContext } from '@repro/harness';
import { pooledPhase } from './pooled.js';
import { reluNtkLimit } from '@repro/nets';
import type { Nm20Config } from '../config.js';
import type { LimitTrace } from '../trace.js';
import { gaussianX } from './data.js';

/** One input dimension d of the closed-form limit check, every depth, as a job of the harness pool. */
export interface LimitJob {
  key: Key;
  N: number;
  d: number;
  depths: number[];
}

/** The pool's entry point: the rows of one d, in the order of `depths`. */
export function limitJob(j: LimitJob): LimitTrace['rows'] {
  const { N, d } = j;
  const X = gaussianX(foldIn(j.key, `X-d${d}`), N, d);
  let minNormSq = Number.POSITIVE_INFINITY;
  for (let i = 0; i < N; i++) {
    let s = 0;
    for (let c = 0; c < d; c++) s += (X.data[i * d + c] as number) ** 2;
    minNormSq = Math.min(minNormSq, s);
  }
  // One recursion to the deepest L gives every shallower K^{(L)} too only through G; recompute K per L (cheap: O(L·N²)).
  const deep = reluNtkLimit(X, Math.max(...j.depths));
  const gMins = deep.G.map((G) => eigvalsh(G)[0] as number);
  return j.depths.map((L) => ({ d, L, N, lambdaMin: eigvalsh(reluNtkLimit(X, L).K)[0] as number, layerGramMins: gMins.slice(0, L), minNormSq }));
}

/**
 * NMM21 Theorem 3.2 on the infinite-width ReLU NTK K^{(L)} (closed form, float64): x ~ N(0, I_d) (zero mean, ‖x‖² ≈ d),
 * λ_min(K^{(L)}) and λ_min(G^{(l)}) for every layer, and min_i ‖x_i‖², per (L, d). One job per d through the job pool.
 */
export async function limit(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<LimitTrace> {
  const N = cfg.limitN;
  const jobs: LimitJob[] = cfg.limitDims.map((d) => ({ key: k, N, d, depths: [...cfg.limitDepths] }));
  // Cost (flops): XXᵀ plus one N×N eigen-solve per layer Gram and per depth (≈ 10N³ each).
  const Lmax = Math.max(...cfg.limitDepths);
  const costs = jobs.map(({ d }) => 2 * N * N * d + 10 * N ** 3 * (Lmax + cfg.limitDepths.length));
  const perD = await pooledPhase<LimitJob, LimitTrace['rows']>(ctx, jobs, {
    moduleUrl: import.meta.url,
    exportName: 'limitJob',
    phase: 'NTK limit',
    label: 'NTK limit (job pool)',
    costs,
    note: (j) => `d=${j.d}`,
  });
  // null: a job of another shard under `--shard-by job` (this shard's trace is not checked; the merge has them all).
  return { rows: (perD as (LimitTrace['rows'] | null)[]).flatMap((r) => r ?? []) };
}
