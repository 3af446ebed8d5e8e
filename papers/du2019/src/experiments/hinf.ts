import { foldIn, normal, sphere, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { eigvalsh, matrix, type Matrix } from '@repro/linalg';
import { gramG, gramH, kInfinity } from '@repro/nets';
import { hInf } from '../model.js';
import { denseEigErrorBound } from './data.js';
import type { Du2019Config } from '../config.js';
import type { HinfTrace } from '../trace.js';

/** Neurons per Monte-Carlo chunk: bounds memory (chunk·d doubles) while keeping the Gram accumulations long. */
const MC_CHUNK = 20_000;

/** def.hinf: Monte-Carlo E_w[·] of H and K with M draws vs the closed forms H∞ and K∞ (float64). */
export async function hinf(cfg: Du2019Config, k: Key, ctx: RunContext): Promise<HinfTrace> {
  const n = cfg.hinfN;
  const d = cfg.hinfD;
  const M = cfg.hinfSamples;
  const X = matrix(n, d, sphere(foldIn(k, 'X'), n, d));
  const Hc = hInf(X);
  const Kc = kInfinity(X);
  const Hmc = new Float64Array(n * n);
  const Kmc = new Float64Array(n * n);
  ctx.progress.phase('def.hinf Monte Carlo', M);
  await ctx.time('def.hinf: Monte Carlo', async () => {
    for (let start = 0, chunk = 0; start < M; start += MC_CHUNK, chunk++) {
      const mc = Math.min(MC_CHUNK, M - start);
      const W = normal(foldIn(k, `W${chunk}`), mc * d);
      // gramH/gramG average over their own neurons: re-weight each chunk by its share of M.
      const w = mc / M;
      accumulate(Hmc, gramH(X, W, mc), w);
      accumulate(Kmc, gramG(X, W, mc), w);
      ctx.progress.tick(mc, `${start + mc}/${M} draws`);
    }
  });
  const ev = eigvalsh(Hc);
  const evK = eigvalsh(Kc);
  return {
    n,
    samples: M,
    maxAbsErrH: maxAbsDiff(Hmc, Hc.data),
    maxAbsErrK: maxAbsDiff(Kmc, Kc.data),
    asymmetryH: asymmetry(Hc),
    diagDevH: diagonalDeviation(Hc, 0.5),
    lambda0: ev[0] ?? Number.NaN,
    lambda0ErrorBound: denseEigErrorBound(Hc),
    lambdaMinKErrorBound: denseEigErrorBound(Kc),
    lambdaMinK: evK[0] ?? Number.NaN,
  };
}

function accumulate(acc: Float64Array, A: Matrix, weight: number): void {
  for (let i = 0; i < acc.length; i++) acc[i] = (acc[i] as number) + weight * (A.data[i] as number);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
  return worst;
}

function asymmetry(A: Matrix): number {
  let worst = 0;
  for (let i = 0; i < A.rows; i++)
    for (let j = i + 1; j < A.cols; j++)
      worst = Math.max(worst, Math.abs((A.data[i * A.cols + j] as number) - (A.data[j * A.cols + i] as number)));
  return worst;
}

function diagonalDeviation(A: Matrix, target: number): number {
  let worst = 0;
  for (let i = 0; i < A.rows; i++) worst = Math.max(worst, Math.abs((A.data[i * A.cols + i] as number) - target));
  return worst;
}
