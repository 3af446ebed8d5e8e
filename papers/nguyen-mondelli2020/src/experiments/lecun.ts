import { foldIn, type Key } from '@repro/concentration';
import { norm2, normFro, type Matrix } from '@repro/linalg';
import type { RunContext } from '@repro/harness';
import { pooledPhase } from './pooled.js';
import { mlpForward, type Activation } from '@repro/nets';
import type { Nm20Config } from '../config.js';
import { initWeights } from './ntk.js';
import type { LecunCell } from '../trace.js';
import { sphereX } from './data.js';
import { gdWidths } from './gd.js';
import { initActivation } from './init.js';

/** One (trial, n_1) draw of the LeCun width-scaling experiment, as a job of the harness pool. */
export interface LecunJob {
  key: Key;
  act: Activation;
  N: number;
  d: number;
  trial: number;
  widths: number[];
}

/** The pool's entry point: ‖W_1⁰‖_2 and ‖F_L(θ_0)‖_F/√N of one draw (X is redrawn from its key: the same X for every n_1). */
export function lecunJob(j: LecunJob): { w1Norm: number; outputNorm: number } {
  const X = sphereX(foldIn(j.key, `X-t${j.trial}`), j.N, j.d);
  const p = initWeights(foldIn(j.key, `W-n${j.widths[1]}-t${j.trial}`), j.widths, 'lecun');
  const F = mlpForward(p, X, j.act).F;
  return { w1Norm: norm2(p.W[0] as Matrix), outputNorm: normFro(F[F.length - 1] as Matrix) / Math.sqrt(j.N) };
}

/**
 * nm20.lecun-width-scaling [NOTES.md §3]: at LeCun init, ‖W_1⁰‖_2 (vs 1 + √(n_1/d)) and the output scale ‖F_L(θ_0)‖_F/√N for
 * widths [d, n_1, pyramid truncated to lecunDepth, 1], X on the √d-sphere, σ_{γ,β}; float64. One job per (trial, n_1)
 * through the harness job pool.
 */
export async function lecun(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<LecunCell[]> {
  const { lecunN: N, lecunD: d } = cfg;
  const act = initActivation(cfg);
  const jobs: LecunJob[] = Array.from({ length: cfg.lecunTrials }, (_, trial) =>
    cfg.lecunWidths.map((n1) => ({ key: k, act, N, d, trial, widths: gdWidths(d, n1, cfg.gdPyramid, cfg.lecunDepth) })),
  ).flat();
  // Cost (flops): the forward pass through the first layer dominates (2·N·d·n_1), plus ‖W_1‖_2 (≈ 2·d·n_1 per iteration).
  const costs = jobs.map((j) => 2 * N * d * (j.widths[1] as number) * 1.5);
  const results = await pooledPhase<LecunJob, { w1Norm: number; outputNorm: number }>(ctx, jobs, {
    moduleUrl: import.meta.url,
    exportName: 'lecunJob',
    phase: 'NM20 LeCun width scaling',
    label: 'LeCun width scaling (job pool)',
    costs,
    note: (j) => `n1=${j.widths[1]} trial ${j.trial + 1}/${cfg.lecunTrials}`,
  });
  const cells: LecunCell[] = cfg.lecunWidths.map((n1) => ({ n1, N, d, w1Norm: [], outputNorm: [] }));
  // null: a job of another shard under `--shard-by job` (this shard's trace is not checked; the merge has them all).
  (results as ({ w1Norm: number; outputNorm: number } | null)[]).forEach((r, i) => {
    if (r === null) return;
    const cell = cells[i % cells.length] as LecunCell;
    cell.w1Norm.push(r.w1Norm);
    cell.outputNorm.push(r.outputNorm);
  });
  return cells;
}
