/**
 * The du2019 call sites of the core math (@repro/nets, @repro/concentration): every experiment builds H∞, draws W(0) and
 * calls GD through these wrappers, so a planted fault (src/faults.ts) lives in one place, where the bug would.
 */
import { foldIn, normal, type Key } from '@repro/concentration';
import { fault } from '@repro/harness';
import { matrix, type Matrix } from '@repro/linalg';
import { hInfinity, initTwoLayer, trainTwoLayerGd, type GdOptions, type GdTrace, type TwoLayerParams } from '@repro/nets';

/** Standard deviation of each entry of W(0) (N(0, I): 1; the `init-variance` fault: √1.2). */
function initSd(): number {
  return fault('init-variance') ? Math.sqrt(1.2) : 1;
}

/** H∞(X) = ρ(π − arccos ρ)/(2π) (the `hinf-scale` fault: the constant 1/(2π) taken as 1/(2.2π)). */
export function hInf(X: Matrix): Matrix {
  const H = hInfinity(X);
  if (!fault('hinf-scale')) return H;
  return matrix(H.rows, H.cols, H.data.map((v) => v / 1.1));
}

/** m·d standard normal weights w_r(0) ~ N(0, I_d), row-major (the `init-variance` fault: N(0, 1.2·I)). */
export function drawW0(k: Key, m: number, d: number): Float64Array {
  const W = normal(k, m * d);
  const s = initSd();
  return s === 1 ? W : W.map((v) => v * s);
}

/** (W(0), a): w_r(0) ~ N(0, I), a_r ~ unif{±1}; the network's output scale m^{-1/2} (`output-scale` fault: m^{-1}). */
export function initNet(k: Key, m: number, d: number): TwoLayerParams {
  const p = initTwoLayer(k, m, d);
  const s = initSd();
  const W = s === 1 ? p.W : p.W.map((v) => v * s);
  const a = fault('output-scale') ? p.a.map((v) => v / Math.sqrt(m)) : p.a;
  return { ...p, W, a };
}

/**
 * Full-batch GD on the sum loss ½Σ(f − y)² (nets' trainTwoLayerGd). The `loss-mean` fault differentiates the mean loss
 * ½·(1/n)Σ(f − y)² instead: the gradient, hence every step, is 1/n as long (η is reported unchanged, as the bug would).
 */
export function trainGd(opts: GdOptions): Promise<GdTrace> {
  return trainTwoLayerGd(fault('loss-mean') ? { ...opts, eta: opts.eta / opts.X.rows } : opts);
}

export { foldIn };
