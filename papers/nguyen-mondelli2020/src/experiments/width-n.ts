import { foldIn, type Key } from '@repro/concentration';
import { eigvalsh, matrix, solve, type Matrix } from '@repro/linalg';
import type { RunContext } from '@repro/harness';
import { pooledPhase } from './pooled.js';
import { type Activation, type MlpParams } from '@repro/nets';
import { initWeights, layerNtk } from './ntk.js';
import type { Nm20Config } from '../config.js';
import type { WidthNRun, WidthNTrace } from '../trace.js';
import { gaussianY, sphereX } from './data.js';
import { F64_FLOOR, gdLadder } from './gd.js';

/** X⁺ = Xᵀ(XXᵀ)⁻¹ (d×N) for X of full row rank N ≤ d, float64. */
function pinvRows(X: Matrix): Matrix {
  const { rows: N, cols: d } = X;
  const G = matrix(N, N);
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += (X.data[i * d + c] as number) * (X.data[j * d + c] as number);
      G.data[i * N + j] = s;
    }
  const Ginv = matrix(N, N);
  for (let j = 0; j < N; j++) {
    const e = new Float64Array(N);
    e[j] = 1;
    const col = solve(G, e);
    for (let i = 0; i < N; i++) Ginv.data[i * N + j] = col[i] as number;
  }
  const P = matrix(d, N);
  for (let c = 0; c < d; c++)
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let i = 0; i < N; i++) s += (X.data[i * d + c] as number) * (Ginv.data[i * N + j] as number);
      P.data[c * N + j] = s;
    }
  return P;
}

/** One width-N run, self-contained so it can run in a worker thread (`mapJobs`). */
export interface WidthNJob {
  p0: MlpParams;
  X: Matrix;
  Y: Matrix;
  act: Activation;
  gamma: number;
  s: number;
  seed: number;
  etaScale: number;
  steps: number;
  maxHalvings: number;
}

/** λ(K̄(θ_0)) at the tailored init, then GD with the run-set-R step-size ladder from η = etaScale/λ_max(K̄(θ_0)). */
export function widthNJob(j: WidthNJob): WidthNRun {
  const { p0, X, Y, act, gamma } = j;
  const ev = eigvalsh(layerNtk(p0, X, act).K);
  const lambdaMaxK0 = ev[ev.length - 1] as number;
  const { halvings, rule, ...run } = gdLadder(p0, X, Y, act, gamma, j.etaScale / lambdaMaxK0, j.steps, j.maxHalvings);
  const widths = [...p0.widths];
  return { ...run, s: j.s, n1: X.rows, L: widths.length - 1, gamma, seed: j.seed, widths, halvings, rule, lambdaMinK0: ev[0] as number, lambdaMaxK0 };
}

/**
 * nm20.sec3.1-width-N [NOTES.md §4] (our construction): n_1 = N and the tailored init W_1 = s·X⁺ (so XW_1 = sI, F_1 = σ(s)I),
 * W_2 = 0, W_l = s·LeCun for l ≥ 3; full-batch GD with the run-set-R step-size ladder, float64. The runs are independent:
 * they go through the harness job pool (same results for any worker count).
 */
export async function widthN(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<WidthNTrace> {
  const { widthNN: N, widthND: d } = cfg;
  if (d < N) throw new RangeError(`sec3.1-width-N needs d ≥ N (X⁺ with XX⁺ = I), got d = ${d}, N = ${N}`);
  const jobs: WidthNJob[] = [];
  for (const pyramid of cfg.widthNPyramids)
    for (let seed = 0; seed < cfg.gdSeeds; seed++) {
      const widths = [d, N, ...pyramid, 1];
      const L = widths.length - 1;
      const X = sphereX(foldIn(k, `X${seed}`), N, d);
      const Y = gaussianY(foldIn(k, `Y${seed}`), N, 1);
      const Xp = pinvRows(X);
      const lecunW = initWeights(foldIn(k, `init-s${seed}-L${L}`), widths, 'lecun').W;
      for (const s of cfg.widthNScales) {
        const W = lecunW.map((Wl, l) => {
          if (l === 0) return matrix(d, N, Xp.data.map((v) => s * v));
          if (l === 1) return matrix(Wl.rows, Wl.cols);
          return matrix(Wl.rows, Wl.cols, Wl.data.map((v) => s * v));
        });
        const p0: MlpParams = { widths: [...widths], W };
        for (const gamma of cfg.gdGammas) {
          const act: Activation = { name: 'smoothLeakyRelu', gamma, beta: cfg.gdBeta };
          jobs.push({ p0, X, Y, act, gamma, s, seed, etaScale: cfg.gdEtaScale, steps: cfg.widthNSteps, maxHalvings: cfg.gdMaxHalvings });
        }
      }
    }
  const runs = await pooledPhase<WidthNJob, WidthNRun>(ctx, jobs, {
    moduleUrl: import.meta.url,
    exportName: 'widthNJob',
    phase: 'NM20 width-N GD',
    label: 'NM20 width-N GD (job pool)',
    note: (j) => `L=${j.p0.widths.length - 1} s=${j.s} γ=${j.gamma} seed ${j.seed + 1}/${cfg.gdSeeds}`,
  });
  return { N, d, floor: F64_FLOOR, runs };
}
