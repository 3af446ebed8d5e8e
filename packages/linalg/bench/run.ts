/** Benchmarks of @repro/linalg, each printed next to its target (run: pnpm bench). */
import { key, normal, sphere } from '@repro/concentration';
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { eigvalsh, gram, lambdaMin, matmul, matrix, svdvals, type Matrix } from '../src/index.js';

function time<T>(fn: () => T, reps = 3): { seconds: number; value: T } {
  let best = Number.POSITIVE_INFINITY;
  let value!: T;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    value = fn();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return { seconds: best, value };
}

function randomSymmetric(n: number): Matrix {
  const g = normal(key(1), n * n);
  const A = matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) {
    const v = ((g[i * n + j] as number) + (g[j * n + i] as number)) / 2;
    A.data[i * n + j] = v;
    A.data[j * n + i] = v;
  }
  return A;
}

const A = randomSymmetric(1000);
const ours = time(() => eigvalsh(A));
const rows = Array.from({ length: 1000 }, (_, i) => Array.from(A.data.subarray(i * 1000, (i + 1) * 1000)));
const ml = time(() => new EigenvalueDecomposition(new MlMatrix(rows), { assumeSymmetric: true }).realEigenvalues, 1);
console.log(`eigvalsh n=1000: ${ours.seconds.toFixed(3)} s (target ≤ 0.6 s; stretch ≤ 0.25 s; numpy ≈ 0.04–0.06 s) · ml-matrix EVD ${ml.seconds.toFixed(2)} s → ${(ml.seconds / ours.seconds).toFixed(1)}× faster`);

// A 2000×2000 PSD kernel matrix: RBF Gram of random sphere points in 20 dimensions.
const n = 2000;
const X = matrix(n, 20, sphere(key(2), n, 20));
const G = gram(X);
const K = matrix(n, n, G.data.map((g) => Math.exp(-(2 - 2 * g))));
const lm = time(() => lambdaMin(K, { tol: 1e-6 }), 2);
console.log(`lambdaMin 2000×2000 RBF kernel (tol 1e-6): ${lm.seconds.toFixed(3)} s (target ≤ 1 s; later ≤ 0.3 s) · λ_min = ${lm.value.toExponential(4)}`);

const M = matrix(1000, 1000, normal(key(3), 1e6));
const mm = time(() => matmul(M, M), 1);
console.log(`matmul 1000×1000 float64: ${mm.seconds.toFixed(3)} s = ${(2e9 / mm.seconds / 1e9).toFixed(2)} GFLOP/s`);

const S = matrix(1000, 500, normal(key(4), 5e5));
const sv = time(() => svdvals(S), 1);
console.log(`svdvals 1000×500: ${sv.seconds.toFixed(3)} s (later target ≤ 0.5 s)`);
