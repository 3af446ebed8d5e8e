import { foldIn, normal, sphere, uniform, type Key } from '@repro/concentration';
import { eigvalsh, gram, matrix, norm2, type Matrix } from '@repro/linalg';
import { hcts } from './model.js';

/** Synthetic data [NOTES.md §2]: x_i uniform on S^{d−1}, y_i ~ N(0, 1). */
export interface Dataset {
  X: Matrix;
  y: Float64Array;
}

/** Draw (X, y) for n points in d dimensions from `k` (X and y use independent sub-keys). */
export function sphereData(k: Key, n: number, d: number): Dataset {
  return { X: matrix(n, d, sphere(foldIn(k, 'X'), n, d)), y: normal(foldIn(k, 'y'), n) };
}

/**
 * Adversarial cluster [NOTES.md §2]: unit vectors within `angle` of the pole e_1 — polar angle θ with cos θ uniform on
 * [cos angle, 1] (uniform on the cap for d = 3) and a uniform direction in the orthogonal complement.
 */
export function clusterData(k: Key, n: number, d: number, angle: number): Matrix {
  if (d < 2) throw new RangeError(`clusterData needs d ≥ 2, got ${d}`);
  const u = uniform(foldIn(k, 'cos'), n);
  const dirs = sphere(foldIn(k, 'dir'), n, d - 1);
  const X = matrix(n, d);
  const c0 = Math.cos(angle);
  for (let i = 0; i < n; i++) {
    const c = c0 + (1 - c0) * (u[i] as number);
    const s = Math.sqrt(Math.max(0, 1 - c * c));
    X.data[i * d] = c;
    for (let j = 1; j < d; j++) X.data[i * d + j] = s * (dirs[i * (d - 1) + j - 1] as number);
  }
  return X;
}

/** λ = λ_min(H^cts) and λ_max(H^cts), float64 eigen-solve of the closed form (never H(0)) [NOTES.md §2]. */
export function hctsSpectrum(X: Matrix): { lambda: number; lambdaMax: number } {
  const ev = eigvalsh(hcts(X));
  const lambda = ev[0];
  const lambdaMax = ev[ev.length - 1];
  if (lambda === undefined || lambdaMax === undefined) throw new RangeError('H^cts of an empty data set has no spectrum');
  return { lambda, lambdaMax };
}

/** ‖X‖₂² (largest singular value squared), float64. */
export function spectralNormSq(X: Matrix): number {
  return norm2(X) ** 2;
}

/** ‖v‖₂². */
export function sumSquares(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] as number) ** 2;
  return s;
}

/** ‖y − u‖₂². */
export function residualSq(y: ArrayLike<number>, u: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += ((y[i] as number) - (u[i] as number)) ** 2;
  return s;
}

/** ‖A − B‖_F² for two n×n matrices. */
export function froDistSq(A: Matrix, B: Matrix): number {
  let s = 0;
  for (let q = 0; q < A.data.length; q++) s += ((A.data[q] as number) - (B.data[q] as number)) ** 2;
  return s;
}
