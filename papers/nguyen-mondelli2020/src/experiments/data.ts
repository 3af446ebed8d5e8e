import { foldIn, normal, sphere, type Key } from '@repro/concentration';
import { fault } from '@repro/harness';
import { matrix, type Matrix } from '@repro/linalg';

/** N points on the radius-√d sphere (so x_iᵀw ~ N(0,1) for w ~ N(0, I_d/d)) — never unit norm [NOTES.md §1]. */
export function sphereX(k: Key, N: number, d: number): Matrix {
  const s = Math.sqrt(d);
  return matrix(N, d, sphere(k, N, d).map((v) => v * s));
}

/** x_i ~ N(0, I_d): Figure 2's data (‖x_i‖² ≈ d). */
export function gaussianX(k: Key, N: number, d: number): Matrix {
  const X = matrix(N, d, normal(k, N * d));
  if (fault('unit-norm-data'))
    for (let i = 0; i < N; i++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += (X.data[i * d + c] as number) ** 2;
      const inv = 1 / Math.sqrt(s);
      for (let c = 0; c < d; c++) X.data[i * d + c] = (X.data[i * d + c] as number) * inv;
    }
  return X;
}

/** Labels Y ~ N(0,1)^{N×m}. */
export function gaussianY(k: Key, N: number, m: number): Matrix {
  return matrix(N, m, normal(foldIn(k, 'Y'), N * m));
}
