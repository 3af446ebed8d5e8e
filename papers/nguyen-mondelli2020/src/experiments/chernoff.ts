import { foldIn, matrixChernoffLowerTail, type Key } from '@repro/concentration';
import { eigvalsh, gram, type Matrix } from '@repro/linalg';
import type { RunContext } from '@repro/harness';
import { pooledPhase } from './pooled.js';
import { mlpForward, reluNtkLimit } from '@repro/nets';
import { initWeights } from './ntk.js';
import type { Nm20Config } from '../config.js';
import type { ChernoffCell, ChernoffTrace } from '../trace.js';
import { gaussianX } from './data.js';

/** ε of the Chernoff lower tail for the event λ_min ≤ (1 − ε)μ = μ/4. */
const CHERNOFF_EPS = 0.75;

/** One trial (X, and W_1 for every width) of one d, as a job of the harness pool: the experiment's key travels inside. */
export interface ChernoffJob {
  key: Key;
  d: number;
  trial: number;
  n1s: number[];
}

/** One trial's values: λ (shared by the widths), and per width ρ and the Chernoff tail bound. */
export interface ChernoffTrialResult {
  lambda: number;
  rho: number[];
  chernoffTail: number[];
}

/** The pool's entry point: one trial of one d (pure function of the job; the same bytes in a worker or this thread). */
export function chernoffTrialJob(j: ChernoffJob): ChernoffTrialResult {
  const { key: k, d, trial: t } = j;
  const N = 2 * d;
  const X = gaussianX(foldIn(k, `X-d${d}-t${t}`), N, d);
  const lam = (eigvalsh(reluNtkLimit(X, 2).G[1] as Matrix)[0] as number) / d;
  const rho: number[] = [];
  const chernoffTail: number[] = [];
  for (const n1 of j.n1s) {
    const p = initWeights(foldIn(k, `W-d${d}-n${n1}-t${t}`), [d, n1, 1], 'he');
    const F1 = mlpForward(p, X, { name: 'relu' }).F[1] as Matrix;
    const ev = eigvalsh(gram(F1))[0] as number;
    let R = 0;
    for (let c = 0; c < n1; c++) {
      let s = 0;
      for (let i = 0; i < N; i++) s += (F1.data[i * n1 + c] as number) ** 2;
      R = Math.max(R, s);
    }
    rho.push(ev / (n1 * lam));
    chernoffTail.push(matrixChernoffLowerTail(N, n1 * lam, R, CHERNOFF_EPS));
  }
  return { lambda: lam, rho, chernoffTail };
}

/**
 * nmm21.lemma5.2-chernoff [arXiv:2012.11654 Lemma 5.2]: x ~ N(0, I_d), N = 2d, ReLU, W_1 He (N(0, 2/d)); F_1 = σ(XW_1). By the arc-cosine
 * closed form E[F_1F_1ᵀ] = n_1G^{(2)}/d, so λ = λ_min(G^{(2)})/d and ρ = σ_min(F_1)²/(n_1λ) = λ_min(F_1F_1ᵀ)/(n_1λ).
 * Also the matrix Chernoff bound (Tropp 2012) on P(ρ ≤ ¼) with R = max_j ‖σ(Xw_j)‖² observed (a plug-in, reported only).
 * One job per (d, trial) through the harness job pool (shardable with `--shard-by job`).
 */
export async function chernoff(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<ChernoffTrace> {
  const n1sOf = (d: number): number[] => cfg.chernoffWidthFactors.map((f) => f * 2 * d);
  const jobs: ChernoffJob[] = cfg.chernoffDims.flatMap((d) => Array.from({ length: cfg.chernoffTrials }, (_, trial) => ({ key: k, d, trial, n1s: n1sOf(d) })));
  // Cost: the forward pass and the Gram of F_1 per width (flops), plus the two N×N eigen-solves.
  const costs = jobs.map(({ d, n1s }) => n1s.reduce((s, n1) => s + 2 * (2 * d) * n1 * (d + 2 * d), 0) + 2 * 10 * (2 * d) ** 3);
  const results = await pooledPhase<ChernoffJob, ChernoffTrialResult>(ctx, jobs, {
    moduleUrl: import.meta.url,
    exportName: 'chernoffTrialJob',
    phase: 'NMM21 Lemma 5.2',
    label: 'lemma 5.2 σ_min(F_1) (job pool)',
    costs,
    note: (j) => `d=${j.d} trial ${j.trial + 1}/${cfg.chernoffTrials}`,
  });
  const cells: ChernoffCell[] = [];
  let at = 0;
  for (const d of cfg.chernoffDims) {
    const byFactor: ChernoffCell[] = n1sOf(d).map((n1) => ({ d, N: 2 * d, n1, rho: [], lambda: [], chernoffTail: [] }));
    for (let t = 0; t < cfg.chernoffTrials; t++) {
      // null: a job of another shard under `--shard-by job` (this shard's trace is not checked; the merge has them all).
      const r = results[at++] as ChernoffTrialResult | null;
      if (r === null) continue;
      byFactor.forEach((cell, f) => {
        cell.rho.push(r.rho[f] as number);
        cell.lambda.push(r.lambda);
        cell.chernoffTail.push(r.chernoffTail[f] as number);
      });
    }
    cells.push(...byFactor);
  }
  return { cells };
}
