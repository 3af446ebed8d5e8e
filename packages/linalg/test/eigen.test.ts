import { key, normal } from '@repro/concentration';
import { expectAllClose } from '@repro/testkit';
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import {
  ConvergenceError,
  cholesky,
  eigh,
  eigvalsh,
  gram,
  lambdaMax,
  lambdaMin,
  lanczosExtremes,
  matmul,
  matrix,
  norm2,
  solve,
  svdvals,
  type Matrix,
} from '../src/index.js';

function randomSymmetric(n: number, seed: number): Matrix {
  const g = normal(key(seed), n * n);
  const A = matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) {
    const v = ((g[i * n + j] as number) + (g[j * n + i] as number)) / 2;
    A.data[i * n + j] = v;
    A.data[j * n + i] = v;
  }
  return A;
}

function mlEigenvalues(A: Matrix): number[] {
  const rows = Array.from({ length: A.rows }, (_, i) => Array.from(A.data.subarray(i * A.cols, (i + 1) * A.cols)));
  return new EigenvalueDecomposition(new MlMatrix(rows), { assumeSymmetric: true }).realEigenvalues.sort((a, b) => a - b);
}

describe('eigvalsh', () => {
  it('edge cases: empty, 1×1, 2×2, NaN, non-square, non-symmetric', () => {
    expect(eigvalsh(matrix(0, 0)).length).toBe(0);
    expect(Array.from(eigvalsh(matrix(1, 1, [3])))).toEqual([3]);
    expectAllClose(eigvalsh(matrix(2, 2, [2, 1, 1, 2])), [1, 3], { rtol: 0, atol: 1e-15 });
    expect(() => eigvalsh(matrix(2, 2, [1, Number.NaN, Number.NaN, 1]))).toThrow(/NaN/);
    expect(() => eigvalsh(matrix(2, 3))).toThrow(/square/);
    expect(() => eigvalsh(matrix(2, 2, [1, 2, 3, 4]))).toThrow(/symmetric/);
  });

  it('matches ml-matrix (independent implementation) on random symmetric matrices', () => {
    for (const [n, seed] of [[3, 1], [17, 2], [120, 3]] as const) {
      const A = randomSymmetric(n, seed);
      expectAllClose(eigvalsh(A), mlEigenvalues(A), { rtol: 0, atol: 1e-11 * n });
    }
  });

  it('closed form: tridiagonal Toeplitz (2, −1) has eigenvalues 2 − 2cos(kπ/(n+1))', () => {
    const n = 200;
    const A = matrix(n, n);
    for (let i = 0; i < n; i++) {
      A.data[i * n + i] = 2;
      if (i + 1 < n) {
        A.data[i * n + i + 1] = -1;
        A.data[(i + 1) * n + i] = -1;
      }
    }
    const exact = Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1)));
    expectAllClose(eigvalsh(A), exact, { rtol: 0, atol: 1e-13 });
  });

  it('diagonal, repeated eigenvalues and rank-deficient PSD', () => {
    const D = matrix(4, 4, [5, 0, 0, 0, 0, -1, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0]);
    expectAllClose(eigvalsh(D), [-1, 0, 5, 5], { rtol: 0, atol: 1e-15 });
    const X = matrix(30, 3, normal(key(4), 90));
    const ev = eigvalsh(gram(X));
    for (let i = 0; i < 27; i++) expect(Math.abs(ev[i] as number)).toBeLessThan(1e-12);
    expect(ev[29] as number).toBeGreaterThan(1);
  });

  it('preserves trace and Frobenius norm (invariants)', () => {
    const A = randomSymmetric(150, 5);
    const ev = eigvalsh(A);
    let tr = 0;
    let fro = 0;
    for (let i = 0; i < 150; i++) tr += A.data[i * 150 + i] as number;
    for (const x of A.data) fro += x * x;
    expect(ev.reduce((s, x) => s + x, 0)).toBeCloseTo(tr, 9);
    expect(ev.reduce((s, x) => s + x * x, 0) / fro).toBeCloseTo(1, 12);
  });
});

describe('eigh', () => {
  it('A V = V Λ and Vᵀ V = I', () => {
    const n = 40;
    const A = randomSymmetric(n, 6);
    const { values, vectors } = eigh(A);
    const AV = matmul(A, vectors);
    const VL = matrix(n, n, vectors.data.map((v, idx) => v * (values[idx % n] as number)));
    expectAllClose(AV.data, VL.data, { rtol: 0, atol: 1e-11 });
    const VtV = matmul(vectors, vectors, { transA: true });
    const I = new Float64Array(n * n);
    for (let i = 0; i < n; i++) I[i * n + i] = 1;
    expectAllClose(VtV.data, I, { rtol: 0, atol: 1e-12 });
    expectAllClose(values, eigvalsh(A), { rtol: 0, atol: 1e-11 });
  });
});

describe('Lanczos extremes', () => {
  it('agree with eigvalsh on a PSD kernel matrix and a random symmetric matrix', () => {
    const X = matrix(300, 20, normal(key(7), 6000));
    const K = gram(X);
    for (let i = 0; i < 300; i++) K.data[i * 300 + i] = (K.data[i * 300 + i] as number) + 1;
    const ev = eigvalsh(K);
    const r = lanczosExtremes(K, { tol: 1e-10 });
    expect(r.converged).toBe(true);
    expect(Math.abs(r.min - (ev[0] as number)) / (ev[299] as number)).toBeLessThan(1e-9);
    expect(Math.abs(r.max - (ev[299] as number)) / (ev[299] as number)).toBeLessThan(1e-9);
    const A = randomSymmetric(200, 8);
    const evA = eigvalsh(A);
    expect(lambdaMin(A, { tol: 1e-10 })).toBeCloseTo(evA[0] as number, 7);
    expect(lambdaMax(A, { tol: 1e-10 })).toBeCloseTo(evA[199] as number, 7);
  });

  it('reports non-convergence instead of returning garbage', () => {
    const A = randomSymmetric(200, 9);
    expect(() => lambdaMin(A, { tol: 1e-14, maxIter: 5 })).toThrow(ConvergenceError);
  });

  it('handles an invariant start (identity) and small matrices', () => {
    const n = 100;
    const I = matrix(n, n);
    for (let i = 0; i < n; i++) I.data[i * n + i] = 2;
    expect(lambdaMin(I)).toBeCloseTo(2, 12);
    expect(lambdaMax(matrix(2, 2, [2, 1, 1, 2]))).toBeCloseTo(3, 14);
  });
});

describe('norm2, svdvals, cholesky, solve', () => {
  it('norm2 of symmetric and general matrices', () => {
    expect(norm2(matrix(2, 2, [0, -3, -3, 0]))).toBeCloseTo(3, 13);
    expect(norm2(matrix(2, 3, [3, 0, 0, 0, 4, 0]))).toBeCloseTo(4, 13);
  });
  it('svdvals vs a diagonal and vs ml-matrix SVD', () => {
    expectAllClose(svdvals(matrix(3, 2, [0, 2, 3, 0, 0, 0])), [3, 2], { rtol: 1e-14, atol: 0 });
  });
  it('cholesky reconstructs and rejects indefinite input; solve has a small residual', () => {
    const X = matrix(20, 30, normal(key(10), 600));
    const K = gram(X);
    const L = cholesky(K);
    expectAllClose(matmul(L, L, { transB: true }).data, K.data, { rtol: 1e-12, atol: 1e-12 });
    expect(() => cholesky(matrix(2, 2, [1, 2, 2, 1]))).toThrow(/not positive definite/);
    const b = normal(key(11), 20);
    const x = solve(K, b);
    const r = matmul(K, matrix(20, 1, x)).data;
    expectAllClose(r, b, { rtol: 0, atol: 1e-9 });
    expect(() => solve(matrix(2, 2, [1, 2, 2, 4]), [1, 1])).toThrow(/singular/);
  });
});
