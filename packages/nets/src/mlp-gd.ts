/**
 * Full-batch gradient descent for deep MLPs in float64, on the sum loss Φ = ½‖f(X) − Y‖_F²: either a bias-free MLP in
 * standard parameterization (`initMlp`, gradient `mlpLossGrad`) or an NTK-parameterized MLP with biases (`initNtkMlp`,
 * gradient `ntkMlpLossGrad`). Divergence is reported, never thrown [README §Deep-MLP gradient descent].
 */
import { matrix, type Matrix } from '@repro/linalg';
import { mlpLossGrad, type Activation, type MlpParams } from './mlp.js';
import { ntkMlpLossGrad, type NtkMlpParams } from './ntk-mlp.js';

/** Options of `trainMlpGd`. */
export interface MlpGdOptions {
  /** Step size η > 0: θ ← θ − η∇Φ(θ). */
  lr: number;
  /** Number of GD steps K ≥ 0. */
  steps: number;
  /** Activation of the hidden layers (default ReLU). */
  act?: Activation;
  /**
   * Divergence threshold: the run stops as diverged when Φ(k) > divergenceFactor·Φ(0) (default 1e6) or Φ(k) is not finite.
   * A run that converges has Φ(k) ≤ Φ(0) up to transients; 1e6 is far above any transient of a stable step size and is
   * reached within a few dozen steps by a step size past the edge of stability, whose loss grows geometrically.
   */
  divergenceFactor?: number;
}

/** Why and when a `trainMlpGd` run stopped early. */
export interface MlpGdDivergence {
  /** The step k whose loss Φ(k) tripped the test (Φ(0) is step 0; the parameters are those after k steps). */
  step: number;
  /** 'non-finite': Φ(k) is NaN or ±∞; 'growth': Φ(k) > divergenceFactor·Φ(0). */
  reason: 'non-finite' | 'growth';
}

/** What `trainMlpGd` returns. */
export interface MlpGdTrace<P> {
  /** Φ(0), Φ(1), …: the loss at every iterate reached (length steps + 1, or step + 1 when diverged). */
  loss: Float64Array;
  /** ‖∇Φ(θ_k)‖² at the same iterates (NaN at the last one when it diverged). */
  gradSq: Float64Array;
  /** The parameters after the last step taken (a copy; the input is not modified). */
  params: P;
  /** null, or the step and reason of divergence. */
  diverged: MlpGdDivergence | null;
}

function copyMatrix(A: Matrix): Matrix {
  return matrix(A.rows, A.cols, A.data.slice());
}

function isNtk(p: MlpParams | NtkMlpParams): p is NtkMlpParams {
  return 'b' in p && 'wStd' in p;
}

/**
 * Full-batch GD θ_{k+1} = θ_k − η∇Φ(θ_k) on Φ = ½‖f(X) − Y‖_F² (a sum over samples, not a mean), float64. Works on both
 * kinds of deep MLP: `MlpParams` (standard parameterization, no biases; gradient `mlpLossGrad`) and `NtkMlpParams`
 * (NTK parameterization with biases; gradient `ntkMlpLossGrad`, weights and biases both trained). Records Φ and ‖∇Φ‖² at
 * every iterate; stops at the first step whose loss is non-finite or exceeds `divergenceFactor`·Φ(0) and reports it in
 * `diverged` instead of throwing.
 * @example
 * ```ts
 * import { foldIn, key } from '@repro/concentration';
 * import { matrix } from '@repro/linalg';
 * import { initNtkMlp, randomTargets, sphereInputs, trainMlpGd } from '@repro/nets';
 *
 * const X = sphereInputs(foldIn(key(0), 'X'), 4, 3);
 * const Y = matrix(4, 1, randomTargets(foldIn(key(0), 'y'), 4));
 * const p = initNtkMlp(foldIn(key(0), 'init'), [3, 256, 1], { wStd: Math.SQRT2, bStd: 0.1 });
 * const run = trainMlpGd(p, X, Y, { lr: 0.5, steps: 200 });
 * run.diverged; // → null
 * run.loss[200]! < 1e-6 * run.loss[0]!; // → true
 * trainMlpGd(p, X, Y, { lr: 50, steps: 200 }).diverged?.reason; // → 'growth'
 * ```
 */
export function trainMlpGd<P extends MlpParams | NtkMlpParams>(p0: P, X: Matrix, Y: Matrix, opts: MlpGdOptions): MlpGdTrace<P> {
  const { lr, steps } = opts;
  const act = opts.act ?? { name: 'relu' };
  const factor = opts.divergenceFactor ?? 1e6;
  if (!(Number.isFinite(lr) && lr > 0)) throw new RangeError(`lr must be a positive number, got ${lr}`);
  if (!(Number.isInteger(steps) && steps >= 0)) throw new RangeError(`steps must be a non-negative integer, got ${steps}`);
  if (!(factor > 1)) throw new RangeError(`divergenceFactor must be > 1, got ${factor}`);
  const W = p0.W.map(copyMatrix);
  const ntk = isNtk(p0);
  const b = ntk ? p0.b.map((v) => v.slice()) : [];
  const params = (ntk ? { ...p0, W, b } : { ...p0, W }) as P;
  const loss = new Float64Array(steps + 1);
  const gradSq = new Float64Array(steps + 1);
  let diverged: MlpGdDivergence | null = null;
  let phi0 = Number.NaN;
  for (let k = 0; k <= steps; k++) {
    let phi: number;
    let gW: Matrix[];
    let gB: Float64Array[] = [];
    if (ntk) {
      const g = ntkMlpLossGrad(params as NtkMlpParams, X, Y, act);
      phi = g.loss;
      gW = g.gradW;
      gB = g.gradB;
    } else {
      const g = mlpLossGrad(params as MlpParams, X, Y, act);
      phi = g.loss;
      gW = g.grads;
    }
    loss[k] = phi;
    if (k === 0) phi0 = phi;
    if (!Number.isFinite(phi)) diverged = { step: k, reason: 'non-finite' };
    else if (k > 0 && phi > factor * phi0) diverged = { step: k, reason: 'growth' };
    if (diverged !== null) {
      gradSq[k] = Number.NaN;
      return { loss: loss.slice(0, k + 1), gradSq: gradSq.slice(0, k + 1), params, diverged };
    }
    let gs = 0;
    for (const G of gW) for (let i = 0; i < G.data.length; i++) gs += (G.data[i] as number) ** 2;
    for (const g of gB) for (let i = 0; i < g.length; i++) gs += (g[i] as number) ** 2;
    gradSq[k] = gs;
    if (k === steps) break;
    for (let l = 0; l < W.length; l++) {
      const w = (W[l] as Matrix).data;
      const g = (gW[l] as Matrix).data;
      for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) - lr * (g[i] as number);
    }
    for (let l = 0; l < b.length; l++) {
      const v = b[l] as Float64Array;
      const g = gB[l] as Float64Array;
      for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) - lr * (g[i] as number);
    }
  }
  return { loss, gradSq, params, diverged };
}
