import { foldIn, type Key } from '@repro/concentration';
import { normFro, sub, matrix } from '@repro/linalg';
import type { RunContext } from '@repro/harness';
import { pooledPhase } from './pooled.js';
import { reluNtkLimit, selectBackend, type BackendRequest } from '@repro/nets';
import { initWeights, layerNtkTf } from './ntk.js';
import type { Nm20Config } from '../config.js';
import type { NtkLimitTrace } from '../trace.js';
import { gaussianX } from './data.js';

/** One (trial, width) of the Lemma 3.1 check, as a job of the harness pool. */
export interface NtkLimitJob {
  key: Key;
  /** The run's tfjs backend request: a worker thread selects it itself (module state is per thread). */
  backend: BackendRequest;
  N: number;
  d: number;
  n: number;
  trial: number;
}

/** The pool's entry point: ‖(4/n²)K̄ − K^{(3)}‖_F/‖K^{(3)}‖_F of one draw (X redrawn from its key: one X per trial). */
export async function ntkLimitJob(j: NtkLimitJob): Promise<number> {
  await selectBackend(j.backend);
  const { N, d, n, trial: t } = j;
  const X = gaussianX(foldIn(j.key, `X-t${t}`), N, d);
  const lim = reluNtkLimit(X, 3).K;
  const p = initWeights(foldIn(j.key, `W-n${n}-t${t}`), [d, n, n, 1], 'standard');
  const K = (await layerNtkTf(p, X, { name: 'relu' })).K;
  const Ks = matrix(N, N, K.data.map((v) => (4 * v) / (n * n)));
  return normFro(sub(Ks, lim)) / normFro(lim);
}

/**
 * nmm21.lemma3.1-limit [arXiv:2012.11654 Lemma 3.1]: x ~ N(0, I_d), L = 3 ReLU net [d, n, n, 1] with N(0, 1) weights; relative Frobenius error
 * ‖(4/n²)K̄ − K^{(3)}‖_F/‖K^{(3)}‖_F per trial, K̄ by the float32 tfjs layer formula, K^{(3)} by the float64 arc-cosine recursion.
 * One X per trial, shared by all widths (so the widths differ only in the weights). One job per (trial, width) through the
 * harness job pool.
 */
export async function ntkLimit(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<NtkLimitTrace> {
  const { ntkLimitN: N, ntkLimitD: d } = cfg;
  const jobs: NtkLimitJob[] = Array.from({ length: cfg.ntkLimitTrials }, (_, trial) =>
    cfg.ntkLimitWidths.map((n) => ({ key: k, backend: ctx.backend as BackendRequest, N, d, n, trial })),
  ).flat();
  // Cost: the weights (d·n + n² normals, ≈ 40 flops each) and the forward/backward GEMMs 2N(dn + n²) plus the Grams 2N²n.
  const costs = jobs.map(({ n }) => 40 * (d * n + n * n) + 2 * N * (d * n + n * n) + 4 * N * N * n);
  const relErrs = await pooledPhase<NtkLimitJob, number>(ctx, jobs, {
    moduleUrl: import.meta.url,
    exportName: 'ntkLimitJob',
    phase: 'NTK → K^{(3)}',
    label: 'NTK limit (job pool)',
    costs,
    note: (j) => `n=${j.n} trial ${j.trial + 1}/${cfg.ntkLimitTrials}`,
  });
  return { N, d, rows: jobs.map((j, i) => ({ n: j.n, trial: j.trial, relErr: relErrs[i] as number })) };
}
