/**
 * This paper's call sites of the core math, in one place so that each planted fault (src/faults.ts) lives where the bug
 * would: the Gram matrix H(W), the closed form H^cts, the GD step size seen by the gradient, the initialization and the
 * pattern-flip radius. Clean runs call the core functions unchanged.
 */
import type { Key } from '@repro/concentration';
import { normal } from '@repro/concentration';
import { fault } from '@repro/harness';
import type { Matrix } from '@repro/linalg';
import { gramH, hInfinity, initTwoLayer, type TwoLayerParams } from '@repro/nets';

/** H(W)_ij = (1/m) Σ_r ρ_ij 1{w_rᵀx_i ≥ 0, w_rᵀx_j ≥ 0} (`gramH`). */
export function gramAt(X: Matrix, W: Float64Array, m: number): Matrix {
  const H = gramH(X, W, m);
  if (!fault('gram-indicator')) return H;
  // Fault: same-sign indicator 1{z_i z_j ≥ 0} = both active + both inactive (H(W) + H(−W)).
  const Hneg = gramH(X, W.map((w) => -w), m);
  for (let q = 0; q < H.data.length; q++) H.data[q] = (H.data[q] as number) + (Hneg.data[q] as number);
  return H;
}

/** H^cts = H∞ (closed form `hInfinity`). */
export function hcts(X: Matrix): Matrix {
  const H = hInfinity(X);
  if (fault('hcts-offdiag')) {
    const n = X.rows;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) H.data[i * n + j] = 0.9 * (H.data[i * n + j] as number);
  }
  return H;
}

/** The step size the trainer's gradient is multiplied by: η·∇L, or 2η·∇L with the ½ of the loss dropped. */
export function gradStep(eta: number): number {
  return fault('grad-factor') ? 2 * eta : eta;
}

const INIT_SD = () => (fault('init-variance') ? Math.sqrt(1.2) : 1);

/** w_r(0) ~ N(0, I_d), a_r ~ unif{±1} (`initTwoLayer`). */
export function initParams(k: Key, m: number, d: number): TwoLayerParams {
  const p = initTwoLayer(k, m, d);
  const s = INIT_SD();
  return s === 1 ? p : { ...p, W: p.W.map((w) => s * w) };
}

/** m·d i.i.d. N(0, 1) first-layer weights (a W̃ draw). */
export function drawWeights(k: Key, len: number): Float64Array {
  const W = normal(k, len);
  const s = INIT_SD();
  return s === 1 ? W : W.map((w) => s * w);
}

/** The radius of the pattern-flip event A_ir = {|w̃_rᵀx_i| < R}. */
export function flipRadius(R: number): number {
  return fault('flip-radius') ? 1.2 * R : R;
}
