/** Test matrices shared by the linalg suites (keyed, so every run sees the same ones). */
import { key, normal } from '@repro/concentration';
import { symmetrize } from '@repro/testkit';
import { matrix, type Matrix } from '../src/index.js';

/** (G + Gᵀ)/2 with G an n×n standard Gaussian matrix drawn from key(seed). */
export function randomSymmetric(n: number, seed: number): Matrix {
  return matrix(n, n, symmetrize(normal(key(seed), n * n), n));
}

/** D^{1/2} G D^{1/2}: a Wishart G (n×n, PSD) with a diagonal scaling spanning `spread` decades, largest last. */
export function graded(n: number, spread: number): Matrix {
  const z = normal(key(n + spread), n * n);
  const A = matrix(n, n);
  const sc = Array.from({ length: n }, (_, i) => 10 ** ((-spread * (n - 1 - i)) / (n - 1) / 2));
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += (z[i * n + k] as number) * (z[j * n + k] as number);
      A.data[i * n + j] = ((s / n) * (sc[i] as number)) * (sc[j] as number);
    }
  return A;
}
