import type { Matrix } from '@repro/linalg';
import { trainTwoLayerGd, type TwoLayerParams } from '@repro/nets';
import { gradStep } from './model.js';

/**
 * One float64 GD step W(k) → W(k+1) with the shared @repro/nets trainer (same gradient, same `≥ 0` kink convention as every
 * other paper), so the per-step identities below are checked against the code that trains, not a copy of it.
 */
export async function gdStep(X: Matrix, y: Float64Array, p: TwoLayerParams, eta: number): Promise<Float64Array> {
  const tr = await trainTwoLayerGd({ X, y, init: p, eta: gradStep(eta), steps: 1, precision: 'float64', keepFinal: true });
  if (tr.diverged !== undefined || tr.final === undefined) throw new Error(`GD step diverged: ${tr.diverged?.reason ?? 'no final weights'}`);
  return tr.final.W;
}

/** u_i = m^{−1/2} Σ_r a_r relu(Z_ir) from projections Z (n×m). */
export function outputsFromProjections(Z: Float64Array, a: Float64Array, n: number, m: number): Float64Array {
  const u = new Float64Array(n);
  const s = 1 / Math.sqrt(m);
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let r = 0; r < m; r++) {
      const z = Z[i * m + r] as number;
      if (z > 0) acc += (a[r] as number) * z;
    }
    u[i] = acc * s;
  }
  return u;
}

/** max_r ‖w_r − w_r(0)‖₂ for m×d row-major weights. */
export function maxRowDistance(W: Float64Array, W0: Float64Array, m: number, d: number): number {
  let best = 0;
  for (let r = 0; r < m; r++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += ((W[r * d + j] as number) - (W0[r * d + j] as number)) ** 2;
    best = Math.max(best, s);
  }
  return Math.sqrt(best);
}
