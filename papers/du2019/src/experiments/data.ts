import { foldIn, normal, sphere, type Key } from '@repro/concentration';
import { eigvalsh, matrix, normFro, type Matrix } from '@repro/linalg';
import { hInf } from '../model.js';

/** The paper's synthetic data: x_i uniform on S^{d−1} (normalized Gaussian rows), y_i ~ N(0, 1). */
export interface Dataset {
  X: Matrix;
  y: Float64Array;
}

/** Draw (X, y) for n points in d dimensions from `k` (X and y use independent sub-keys). */
export function sphereData(k: Key, n: number, d: number): Dataset {
  return { X: matrix(n, d, sphere(foldIn(k, 'X'), n, d)), y: normal(foldIn(k, 'y'), n) };
}

/**
 * Error bound of every eigenvalue from the dense float64 `eigvalsh` of A: its backward-stability estimate n·ε·‖A‖_F (the
 * bound @repro/linalg reports for its dense path).
 */
export function denseEigErrorBound(A: Matrix): number {
  return A.rows * Number.EPSILON * normFro(A);
}

/**
 * λ_min, λ_2 and λ_max of H∞(X), from a float64 dense eigen-solve of the closed form (never from H(0)), with the error
 * bound `errorBound` of each (n·ε·‖H∞‖_F).
 */
export function hInfinitySpectrum(X: Matrix): { lambda0: number; lambda2: number; lambdaMax: number; errorBound: number } {
  const H = hInf(X);
  const ev = eigvalsh(H);
  const lambda0 = ev[0];
  const lambdaMax = ev[ev.length - 1];
  if (lambda0 === undefined || lambdaMax === undefined) throw new RangeError('H∞ of an empty data set has no spectrum');
  return { lambda0, lambda2: ev[1] ?? Number.NaN, lambdaMax, errorBound: denseEigErrorBound(H) };
}

/** ‖v‖₂² of a vector. */
export function sumSquares(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] as number) ** 2;
  return s;
}

/** ‖y − u‖₂. */
export function residualNorm(y: ArrayLike<number>, u: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += ((y[i] as number) - (u[i] as number)) ** 2;
  return Math.sqrt(s);
}
