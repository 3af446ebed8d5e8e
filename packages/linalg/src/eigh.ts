import { assertSymmetric } from './eigvalsh.js';
import { ConvergenceError, type Matrix } from './matrix.js';

const MAX_SWEEPS = 60;

/**
 * Eigen-decomposition of a symmetric matrix, A = V diag(values) Vᵀ, by cyclic Jacobi rotations (float64). Eigenvalues
 * ascending; the columns of `vectors` are orthonormal eigenvectors. Jacobi is slower than QR-based solvers (O(n³) per
 * sweep, ~6–10 sweeps) but has high relative accuracy; use `eigvalsh` when only eigenvalues are needed.
 */
export function eigh(A: Matrix): { values: Float64Array; vectors: Matrix } {
  assertSymmetric(A, 'eigh');
  const n = A.rows;
  const a = Float64Array.from(A.data);
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  let total = 0;
  for (const x of a) total += x * x;
  let sweep = 0;
  for (; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += (a[p * n + q] as number) ** 2;
    if (off <= 1e-30 * total || off === 0) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q] as number;
        if (apq === 0) continue;
        const app = a[p * n + p] as number;
        const aqq = a[q * n + q] as number;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p] as number;
          const akq = a[k * n + q] as number;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k] as number;
          const aqk = a[q * n + k] as number;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p] as number;
          const vkq = V[k * n + q] as number;
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
  }
  if (sweep === MAX_SWEEPS) throw new ConvergenceError(`eigh: Jacobi did not converge in ${MAX_SWEEPS} sweeps`, sweep);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => (a[i * n + i] as number) - (a[j * n + j] as number));
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = a[src * n + src] as number;
    for (let k = 0; k < n; k++) vectors[k * n + dst] = V[k * n + src] as number;
  });
  return { values, vectors: { rows: n, cols: n, data: vectors } };
}
