import { foldIn, type Key } from '@repro/concentration';
import { eigvalsh, svdvals, type Matrix } from '@repro/linalg';
import { fault, type RunContext } from '@repro/harness';
import { pooledPhase } from './pooled.js';
import { mlpLossGrad, type Activation, type MlpLossGrad, type MlpParams } from '@repro/nets';
import { initWeights, layerNtk } from './ntk.js';
import type { Nm20Config } from '../config.js';
import type { GdRun, GdTrace, RuleRun } from '../trace.js';
import { gaussianY, sphereX } from './data.js';

/** Ratio checks stop below Φ_k/Φ_0 = 1e−20 (float64 floor) [NOTES.md §2]. */
export const F64_FLOOR = 1e-20;
/** Rounding slack of the descent test: Φ_{k+1} is a float64 sum of N squares (relative error ≪ 1e−12). */
const DESCENT_RTOL = 1e-12;

/** Widths [d, n_1, pyramid truncated to depth L, 1]. */
export function gdWidths(d: number, n1: number, pyramid: readonly number[], L: number): number[] {
  if (L < 2) throw new RangeError(`depth L must be ≥ 2, got ${L}`);
  if (pyramid.length < L - 2) throw new RangeError(`pyramid [${pyramid.join(', ')}] is too short for depth L = ${L}`);
  return [d, n1, ...pyramid.slice(0, L - 2), 1];
}

function sumSq(A: Matrix): number {
  const d = A.data;
  let s = 0;
  for (let i = 0; i < d.length; i++) s += (d[i] as number) * (d[i] as number);
  return s;
}

const sigmaMin = (A: Matrix): number => svdvals(A)[Math.min(A.rows, A.cols) - 1] as number;
const sigmaMax = (A: Matrix): number => svdvals(A)[0] as number;

function clone(p: MlpParams): MlpParams {
  return { widths: [...p.widths], W: p.W.map((W) => ({ rows: W.rows, cols: W.cols, data: W.data.slice() })) };
}

/**
 * Φ = ½‖F_L − Y‖² and its gradient (@repro/nets backprop, float64). Planted faults: `loss-mean`, the loss averaged over the
 * N samples (Φ/N, every gradient and Δ divided by N), as tfjs's meanSquaredError would do [NOTES.md §1];
 * `grad-half-dropped`, the backprop of ‖F_L − Y‖² with the loss ½‖F_L − Y‖² (every Δ and gradient 2×).
 */
export function lossGrad(p: MlpParams, X: Matrix, Y: Matrix, act: Activation): MlpLossGrad {
  const g = mlpLossGrad(p, X, Y, act);
  const scaleBy = (c: number) => (M: Matrix): Matrix => ({ rows: M.rows, cols: M.cols, data: M.data.map((v) => v * c) });
  if (fault('grad-half-dropped')) return { ...g, grads: g.grads.map(scaleBy(2)), Delta: g.Delta.map(scaleBy(2)) };
  if (!fault('loss-mean')) return g;
  const n = X.rows;
  return { ...g, loss: g.loss / n, grads: g.grads.map(scaleBy(1 / n)), Delta: g.Delta.map(scaleBy(1 / n)) };
}

/** What one GD run measures; the callers add the run's setup (widths, seed, ...). */
export type GdSeries = Omit<GdRun, 'n1' | 'L' | 'gamma' | 'seed' | 'widths' | 'halvings' | 'ntkQuad0' | 'lambdaMinK0' | 'lambdaMaxK0' | 'rule'>;

/**
 * One GD run at step size η. With `enforceDescent` (the ladder's rungs) it stops at the first step that breaks the descent
 * precondition Φ_{k+1} ≤ Φ_k − (η/2)‖∇Φ_k‖² (above the floor) and marks `descentOk` false; without it (the rule's η, no
 * halving) it runs on and counts the violations in `descentViolations`.
 */
export function gdOnce(p0: MlpParams, X: Matrix, Y: Matrix, act: Activation, gamma: number, eta: number, steps: number, enforceDescent = true): GdSeries & { descentViolations: number } {
  const p = clone(p0);
  const xFro = Math.sqrt(sumSq(X));
  const L = p.W.length;
  const w0Min = p.W.map((W, l) => (l >= 2 ? sigmaMin(W) : 1));
  const w0Norm = p.W.map((W) => sigmaMax(W));
  let descentViolations = 0;
  const run = { eta, descentOk: true, loss: [] as number[], gradSq: [] as number[], gradW2Sq: [] as number[], mu: [] as number[], sigmaF1: [] as number[], minWRatio: [] as number[], maxNormRatio: [] as number[], gradBoundRatio: [] as number[], diverged: null as GdRun['diverged'] };
  let phi0 = Number.NaN;
  for (let k = 0; k <= steps; k++) {
    const g = lossGrad(p, X, Y, act);
    if (k === 0) phi0 = g.loss;
    if (!Number.isFinite(g.loss)) {
      run.diverged = { step: k, reason: `non-finite loss ${g.loss}` };
      run.descentOk = false;
      break;
    }
    const prev = run.loss.at(-1);
    const prevGrad = run.gradSq.at(-1);
    if (prev !== undefined && prevGrad !== undefined && prev > F64_FLOOR * phi0 && g.loss > prev - (eta / 2) * prevGrad + DESCENT_RTOL * prev) {
      run.descentOk = false;
      descentViolations++;
      if (enforceDescent) break;
    }
    const sF1 = sigmaMin(g.F[1] as Matrix);
    let prodW = 1;
    let minRatio = 1;
    for (let l = 2; l < L; l++) {
      const s = sigmaMin(p.W[l] as Matrix);
      prodW *= s * s;
      minRatio = Math.min(minRatio, s / (w0Min[l] as number));
    }
    let maxNorm = 0;
    const norms = p.W.map((W) => sigmaMax(W));
    norms.forEach((nrm, l) => (maxNorm = Math.max(maxNorm, nrm / (w0Norm[l] as number))));
    // Lemma B.2: ‖∇_{W_l}Φ‖_F ≤ ‖X‖_F Π_{p≠l}‖W_p‖_2 ‖F_L − Y‖_F (|σ(x)| ≤ |x|, |σ′| ≤ 1); ‖F_L − Y‖_F = √(2Φ).
    const resid = Math.sqrt(2 * g.loss);
    let gradBound = 0;
    g.grads.forEach((G, l) => {
      let prod = 1;
      norms.forEach((nrm, q) => (prod *= q === l ? 1 : nrm));
      gradBound = Math.max(gradBound, Math.sqrt(sumSq(G)) / (xFro * prod * resid));
    });
    const gsq = g.grads.reduce((s, G) => s + sumSq(G), 0);
    run.loss.push(g.loss);
    run.gradSq.push(gsq);
    run.gradW2Sq.push(sumSq(g.grads[1] as Matrix));
    run.mu.push(gamma ** (2 * (L - 2)) * sF1 * sF1 * prodW);
    run.sigmaF1.push(sF1);
    run.minWRatio.push(minRatio);
    run.maxNormRatio.push(maxNorm);
    run.gradBoundRatio.push(gradBound);
    if (k === steps || g.loss <= F64_FLOOR * phi0 * 1e-4) break; // far below the floor nothing is checked any more
    p.W.forEach((W, l) => {
      const G = g.grads[l] as Matrix;
      for (let i = 0; i < W.data.length; i++) W.data[i] = (W.data[i] as number) - eta * (G.data[i] as number);
    });
  }
  return { ...run, descentViolations };
}

/** One run of set R, self-contained so it can run in a worker thread (`mapJobs`): everything it reads is in the job. */
export interface GdJob {
  p0: MlpParams;
  X: Matrix;
  Y: Matrix;
  act: Activation;
  gamma: number;
  L: number;
  n1: number;
  seed: number;
  widths: number[];
  etaScale: number;
  steps: number;
  maxHalvings: number;
}

/** K̄(θ_0) and its extremes, then GD with the step-size ladder (η halved until the descent precondition holds). */
export function gdLadderJob(j: GdJob): GdRun {
  const { p0, X, Y, act, gamma, L } = j;
  const N = X.rows;
  const ntk = layerNtk(p0, X, act).K;
  const ev = eigvalsh(ntk);
  const lambdaMinK0 = ev[0] as number;
  const lambdaMaxK0 = ev[ev.length - 1] as number;
  const g0 = lossGrad(p0, X, Y, act);
  const r = (g0.Delta[L - 1] as Matrix).data;
  let quad = 0;
  for (let i = 0; i < N; i++) for (let k = 0; k < N; k++) quad += (r[i] as number) * (ntk.data[i * N + k] as number) * (r[k] as number);
  const { halvings, rule, ...run } = gdLadder(p0, X, Y, act, gamma, j.etaScale / lambdaMaxK0, j.steps, j.maxHalvings);
  return { ...run, n1: j.n1, L, gamma, seed: j.seed, widths: j.widths, halvings, rule, ntkQuad0: quad, lambdaMinK0, lambdaMaxK0 };
}

/**
 * The step-size ladder of run set R (and of the width-N runs). First the rule's step η0 = etaScale/λ_max(K̄(θ_0)) for all
 * K steps without halving and without enforcing descent: that run is returned as `rule` (the rate claims read it). When it
 * met the descent precondition at every step it is also the ladder's answer (halvings 0); else GD reruns at η0/2, η0/4, …
 * (≤ maxHalvings halvings) until the precondition holds at every step; a run that still fails it is marked diverged.
 */
export function gdLadder(p0: MlpParams, X: Matrix, Y: Matrix, act: Activation, gamma: number, eta0: number, steps: number, maxHalvings: number): GdSeries & { halvings: number; rule: RuleRun } {
  const free = gdOnce(p0, X, Y, act, gamma, eta0, steps, false);
  const firstViolation = free.descentViolations > 0 ? firstDescentViolation(free) : -1;
  const rule: RuleRun = { eta: eta0, loss: free.loss, gradSq: free.gradSq, mu: free.mu, sigmaF1: free.sigmaF1, minWRatio: free.minWRatio, descentViolations: free.descentViolations, firstViolation, diverged: free.diverged };
  let eta = eta0;
  let halvings = 0;
  const { descentViolations: _v, ...first } = free;
  // The free run at η0 is the ladder's rung 0: it answers when it met descent at every step (then it did not diverge either);
  // else (violations, or a non-finite loss after them) the enforced rungs η0/2, η0/4, … follow.
  let run: GdSeries = free.descentViolations === 0 && free.diverged === null ? first : { ...first, descentOk: false, diverged: null };
  while (!run.descentOk && run.diverged === null && halvings < maxHalvings) {
    halvings++;
    eta /= 2;
    const { descentViolations: _w, ...next } = gdOnce(p0, X, Y, act, gamma, eta, steps);
    run = next;
  }
  if (!run.descentOk && run.diverged === null) run = { ...run, diverged: { step: run.loss.length, reason: `descent precondition still fails after ${halvings} halvings` } };
  return { ...run, halvings, rule };
}

/** First step k whose update broke the descent precondition (k counts the update Φ_k → Φ_{k+1}); −1 when none. */
function firstDescentViolation(run: Pick<GdSeries, 'loss' | 'gradSq' | 'eta'>): number {
  const phi0 = run.loss[0] as number;
  for (let k = 0; k + 1 < run.loss.length; k++) {
    const prev = run.loss[k] as number;
    if (prev > F64_FLOOR * phi0 && (run.loss[k + 1] as number) > prev - (run.eta / 2) * (run.gradSq[k] as number) + DESCENT_RTOL * prev) return k;
  }
  return -1;
}

/**
 * NM20 run set R [NOTES.md §4]: X on the √d-sphere, Y ~ N(0,1), σ_{γ,β}, LeCun init, full-batch GD on Φ = ½‖F_L − Y‖² in
 * float64. Step-size ladder: η = etaScale/λ_max(K̄(θ_0)), halved (≤ maxHalvings times) until the descent precondition holds.
 * The runs are independent: they go through the harness job pool (both cores; same results for any worker count).
 */
export async function gd(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<GdTrace> {
  const { gdN: N, gdD: d } = cfg;
  const jobs: GdJob[] = [];
  for (let s = 0; s < cfg.gdSeeds; s++) {
    const X = sphereX(foldIn(k, `X${s}`), N, d);
    const Y = gaussianY(foldIn(k, `Y${s}`), N, 1);
    for (const n1 of cfg.gdWideWidths)
      for (const L of cfg.gdDepths) {
        const widths = gdWidths(d, n1, cfg.gdPyramid, L);
        const p0 = initWeights(foldIn(k, `init-s${s}-n${n1}-L${L}`), widths, 'lecun');
        for (const gamma of cfg.gdGammas) {
          const act: Activation = { name: 'smoothLeakyRelu', gamma, beta: cfg.gdBeta };
          jobs.push({ p0, X, Y, act, gamma, L, n1, seed: s, widths, etaScale: cfg.gdEtaScale, steps: cfg.gdSteps, maxHalvings: cfg.gdMaxHalvings });
        }
      }
  }
  const runs = await pooledPhase<GdJob, GdRun>(ctx, jobs, {
    moduleUrl: import.meta.url,
    exportName: 'gdLadderJob',
    phase: 'NM20 GD runs',
    label: 'NM20 GD runs (job pool)',
    // Cost estimate per run for the pool's order and the shards' split (the ladder's reruns are not known in advance):
    // per step, forward and backward through the layers plus the N×n_1 feature Gram of the PL diagnostics.
    costs: jobs.map((j) => j.steps * N * (j.widths.reduce((a, w, l) => a + (l > 0 ? (j.widths[l - 1] as number) * w : 0), 0) + N * j.n1)),
    note: (j) => `n1=${j.n1} L=${j.L} γ=${j.gamma} seed ${j.seed + 1}/${cfg.gdSeeds}`,
  });
  return { N, d, beta: cfg.gdBeta, floor: F64_FLOOR, runs };
}
