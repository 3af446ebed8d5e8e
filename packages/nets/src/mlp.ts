/**
 * Deep bias-free MLPs with per-layer widths and activations (Nguyen & Mondelli 2020 §2; Nguyen, Mondelli, Montúfar 2021 §2):
 * F_0 = X (N×d, rows = samples), G_l = F_{l−1}W_l, F_l = σ_l(G_l) for l < L, F_L = F_{L−1}W_L (linear output),
 * W_l ∈ ℝ^{n_{l−1}×n_l}. Loss Φ = ½‖F_L − Y‖_F² (a sum, not a mean). Two paths with the same semantics: plain-JS float64
 * forward/backprop (reference, small sizes) and float32 tfjs autodiff on the selected backend.
 */
import { foldIn, normal, type Key } from '@repro/concentration';
import { matmul, matrix, type Matrix } from '@repro/linalg';
import type * as tfc from '@tensorflow/tfjs-core';
import { getTf } from './backend.js';
import { activation, type Activation } from './activation.js';
import { ensureGradients } from './gradients.js';

export type { Activation } from './activation.js';

/** Weight variance per layer: 'lecun' 1/n_{l−1}, 'he' 2/n_{l−1}, 'standard' 1 (NMM21 Lemma 3.1). */
export type InitScheme = 'lecun' | 'he' | 'standard';

/** Weights of a bias-free deep MLP (`initMlp`): the widths [d, n_1, …, n_L] and W_1..W_L. */
export interface MlpParams {
  /** [n_0 = d, n_1, …, n_L]. */
  widths: readonly number[];
  /** W_1..W_L, W_l of shape n_{l−1}×n_l (float64). */
  W: Matrix[];
}

export { softplus } from './activation.js';

/**
 * Scalar σ and σ' of an activation (float64): `activation(a).f` and `.df` (activation.ts holds the one definition).
 * @example
 * ```ts
 * import { activationFns } from '@repro/nets';
 *
 * const relu = activationFns({ name: 'relu' });
 * [relu.f(-1), relu.f(2), relu.df(0), relu.df(2)]; // → [0, 2, 0, 1] (σ′(0) = 0)
 * activationFns({ name: 'smoothLeakyRelu', gamma: 0.2, beta: 1 }).df(0); // → 0.6 (γ + (1 − γ)/2)
 * ```
 */
export function activationFns(a: Activation): {
  /** σ(x). */
  f: (x: number) => number;
  /** σ′(x). */
  df: (x: number) => number;
} {
  const r = activation(a);
  return { f: r.f, df: r.df };
}

/**
 * σ(z) and σ'(z) for every entry of z in one pass (float64): `activation(a).fdf(z)`. For σ_{γ,β} one exp serves both,
 * e = exp(−β|z|); same σ as `activationFns` bit for bit, σ' agrees to rounding (the logistic of a negative argument is
 * taken in its overflow-free form).
 * @example
 * ```ts
 * import { activationWithDerivative } from '@repro/nets';
 *
 * const { f, df } = activationWithDerivative({ name: 'smoothLeakyRelu', gamma: 0.2, beta: 1 }, Float64Array.of(0, 50));
 * f; // → [0, 49.4454823] (σ(0) = 0; σ(50) ≈ 50 − 0.8·ln 2)
 * df; // → [0.6, 1.0000000]
 * ```
 */
export function activationWithDerivative(a: Activation, z: Float64Array): { f: Float64Array; df: Float64Array } {
  return activation(a).fdf(z);
}

/**
 * σ as a tfjs op (float32), differentiable by tfjs autodiff; ReLU's subgradient at 0 is 0 as in tfjs: `activation(a).tf`.
 * @example
 * ```ts
 * import { activationTf, getTf, selectBackend } from '@repro/nets';
 *
 * await selectBackend('cpu');
 * const tf = getTf();
 * activationTf({ name: 'relu' }, tf.tensor1d([-1, 0, 2])).dataSync(); // → [0, 0, 2]
 * ```
 */
export function activationTf(a: Activation, t: tfc.Tensor): tfc.Tensor {
  return activation(a).tf(t);
}

function validateWidths(widths: readonly number[]): void {
  if (widths.length < 2) throw new RangeError(`an MLP needs at least [d, n_L], got [${widths.join(', ')}]`);
  for (const n of widths) if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`widths must be positive integers, got [${widths.join(', ')}]`);
}

/**
 * Draw W_l ~ N(0, v_l) i.i.d. with v_l from the scheme (or scaled by `scale[l-1]`); each layer from foldIn(k, l).
 * @example
 * ```ts
 * import { key } from '@repro/concentration';
 * import { initMlp } from '@repro/nets';
 *
 * const p = initMlp(key(0), [3, 50, 50, 1], 'he'); // d = 3, two hidden layers of 50, scalar output
 * p.W.map((W) => [W.rows, W.cols]); // → [[3, 50], [50, 50], [50, 1]]
 * ```
 */
export function initMlp(k: Key, widths: readonly number[], scheme: InitScheme): MlpParams {
  validateWidths(widths);
  const W: Matrix[] = [];
  for (let l = 1; l < widths.length; l++) {
    const nin = widths[l - 1] as number;
    const nout = widths[l] as number;
    const sd = scheme === 'standard' ? 1 : Math.sqrt((scheme === 'he' ? 2 : 1) / nin);
    const z = normal(foldIn(k, l), nin * nout);
    if (sd !== 1) for (let i = 0; i < z.length; i++) z[i] = (z[i] as number) * sd;
    W.push(matrix(nin, nout, z));
  }
  return { widths: [...widths], W };
}

/**
 * Forward pass in float64: F = [F_0..F_L], G = [G_1..G_{L−1}] (pre-activations of the hidden layers).
 * @example
 * ```ts
 * import { key, normal } from '@repro/concentration';
 * import { matrix } from '@repro/linalg';
 * import { initMlp, mlpForward } from '@repro/nets';
 *
 * const p = initMlp(key(0), [3, 8, 1], 'he');
 * const X = matrix(5, 3, normal(key(1), 15));
 * const { F, G, D } = mlpForward(p, X, { name: 'relu' });
 * [F.length, G.length, D.length]; // → [3, 1, 1] (F_0 = X, F_1, F_2; G_1 and σ′(G_1))
 * [F[2]!.rows, F[2]!.cols]; // → [5, 1]
 * ```
 */
export function mlpForward(p: MlpParams, X: Matrix, act: Activation): { F: Matrix[]; G: Matrix[]; D: Matrix[] } {
  if (X.cols !== p.widths[0]) throw new RangeError(`X has ${X.cols} columns but the network expects d = ${p.widths[0]}`);
  const L = p.W.length;
  const F: Matrix[] = [X];
  const G: Matrix[] = [];
  const D: Matrix[] = [];
  for (let l = 1; l <= L; l++) {
    const Z = matmul(F[l - 1] as Matrix, p.W[l - 1] as Matrix);
    if (l === L) {
      F.push(Z);
      break;
    }
    G.push(Z);
    const { f, df } = activation(act).fdf(Z.data);
    F.push(matrix(Z.rows, Z.cols, f));
    D.push(matrix(Z.rows, Z.cols, df));
  }
  return { F, G, D };
}

/** What `mlpLossGrad` returns: Φ, its gradient per layer, and the forward and backward intermediates (F, G, Δ). */
export interface MlpLossGrad {
  /** Φ = ½‖F_L − Y‖_F². */
  loss: number;
  /** ∇_{W_l}Φ = F_{l−1}ᵀΔ_l, l = 1..L. */
  grads: Matrix[];
  F: Matrix[];
  G: Matrix[];
  /** Δ_l = ∂Φ/∂G_l (Δ_L = F_L − Y), l = 1..L. */
  Delta: Matrix[];
}

/**
 * Φ and its gradient by hand-written backprop in float64: Δ_L = F_L − Y, Δ_l = (Δ_{l+1}W_{l+1}ᵀ)∘σ'(G_l), ∇_{W_l} = F_{l−1}ᵀΔ_l.
 * @example
 * ```ts
 * import { key, normal } from '@repro/concentration';
 * import { matrix } from '@repro/linalg';
 * import { initMlp, mlpLossGrad } from '@repro/nets';
 *
 * const p = initMlp(key(0), [3, 8, 1], 'he');
 * const X = matrix(5, 3, normal(key(1), 15));
 * const Y = matrix(5, 1); // targets 0: Φ = ½‖F_L‖²
 * const { loss, grads, F } = mlpLossGrad(p, X, Y, { name: 'relu' });
 * Math.abs(loss - 0.5 * F[2]!.data.reduce((s, v) => s + v * v, 0)) < 1e-12; // → true
 * grads.map((g) => [g.rows, g.cols]); // → [[3, 8], [8, 1]] (same shapes as p.W)
 * ```
 */
export function mlpLossGrad(p: MlpParams, X: Matrix, Y: Matrix, act: Activation): MlpLossGrad {
  const { F, G, D } = mlpForward(p, X, act);
  const L = p.W.length;
  const out = F[L] as Matrix;
  if (Y.rows !== out.rows || Y.cols !== out.cols) throw new RangeError(`Y is ${Y.rows}×${Y.cols} but the output is ${out.rows}×${out.cols}`);
  const R = new Float64Array(out.data.length);
  let loss = 0;
  for (let i = 0; i < R.length; i++) {
    const r = (out.data[i] as number) - (Y.data[i] as number);
    R[i] = r;
    loss += r * r;
  }
  const Delta: Matrix[] = new Array<Matrix>(L);
  Delta[L - 1] = matrix(out.rows, out.cols, R);
  for (let l = L - 1; l >= 1; l--) {
    const back = matmul(Delta[l] as Matrix, p.W[l] as Matrix, { transB: true });
    const dl = (D[l - 1] as Matrix).data;
    for (let i = 0; i < back.data.length; i++) back.data[i] = (back.data[i] as number) * (dl[i] as number);
    Delta[l - 1] = back;
  }
  const grads = Delta.map((D, l) => matmul(F[l] as Matrix, D, { transA: true }));
  return { loss: loss / 2, grads, F, G, Delta };
}

/**
 * Φ and ∇Φ by tfjs autodiff (float32 on the selected backend). Returns float64 copies of the float32 results; tensors are
 * disposed before returning.
 * @example
 * ```ts
 * import { key, normal } from '@repro/concentration';
 * import { matrix } from '@repro/linalg';
 * import { initMlp, mlpLossGrad, mlpLossGradTf, selectBackend } from '@repro/nets';
 *
 * await selectBackend('cpu');
 * const p = initMlp(key(0), [3, 8, 1], 'he');
 * const X = matrix(5, 3, normal(key(1), 15));
 * const Y = matrix(5, 1);
 * const tf32 = await mlpLossGradTf(p, X, Y, { name: 'relu' });
 * const ref = mlpLossGrad(p, X, Y, { name: 'relu' });
 * Math.abs(tf32.loss - ref.loss) / ref.loss < 1e-5; // → true (float32 against float64)
 * ```
 */
export async function mlpLossGradTf(p: MlpParams, X: Matrix, Y: Matrix, act: Activation): Promise<{ loss: number; grads: Matrix[] }> {
  const tf = getTf();
  ensureGradients();
  const Xt = tf.tensor2d(Float32Array.from(X.data), [X.rows, X.cols]);
  const Yt = tf.tensor2d(Float32Array.from(Y.data), [Y.rows, Y.cols]);
  const Ws = p.W.map((W) => tf.tensor2d(Float32Array.from(W.data), [W.rows, W.cols]));
  const L = Ws.length;
  const sigma = activation(act);
  const f = (...ws: tfc.Tensor[]): tfc.Scalar => {
    let h: tfc.Tensor = Xt;
    for (let l = 0; l < L; l++) {
      h = tf.matMul(h as tfc.Tensor2D, ws[l] as tfc.Tensor2D);
      if (l < L - 1) h = sigma.tf(h);
    }
    return tf.mul(0.5, tf.sum(tf.square(tf.sub(h, Yt)))) as tfc.Scalar;
  };
  const { value, grads } = tf.valueAndGrads(f)(Ws);
  const loss = (await value.data())[0] as number;
  const out: Matrix[] = [];
  for (let l = 0; l < L; l++) {
    const g = grads[l] as tfc.Tensor;
    out.push(matrix(g.shape[0] as number, g.shape[1] as number, Float64Array.from(await g.data())));
  }
  tf.dispose([Xt, Yt, ...Ws, value, ...grads]);
  return { loss, grads: out };
}
