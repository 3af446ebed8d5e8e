import { key, normal } from '@repro/concentration';
import { expectAllClose } from '@repro/testkit';
import { EigenvalueDecomposition, Matrix as MlMatrix, SingularValueDecomposition, solve as mlSolve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import {
  ConvergenceError,
  cholesky,
  eigh,
  eigvalsh,
  gram,
  identity,
  lambdaMax,
  lambdaMin,
  lanczosExtremes,
  matmul,
  matrix,
  norm2,
  NotPositiveDefiniteError,
  solve,
  svdvals,
  type Matrix,
} from '../src/index.js';
import { randomSymmetric } from './matrices.js';

/** Backward-stable eigensolvers: |λ̂ − λ| ≲ c·n·ε·‖A‖₂ with c ~ 1; for unit-normal entries ‖A‖₂ ≈ 2√n, so 1e-11·n has ≥ 10× slack. */
const ATOL_EIG_PER_N = 1e-11;


function toMl(A: Matrix): MlMatrix {
  return new MlMatrix(Array.from({ length: A.rows }, (_, i) => Array.from(A.data.subarray(i * A.cols, (i + 1) * A.cols))));
}

function mlEigenvalues(A: Matrix): number[] {
  return new EigenvalueDecomposition(toMl(A), { assumeSymmetric: true }).realEigenvalues.sort((a, b) => a - b);
}

function mlSingularValues(A: Matrix): number[] {
  return new SingularValueDecomposition(toMl(A), { autoTranspose: true }).diagonal.sort((a, b) => b - a);
}

function solveMl(A: Matrix, b: ArrayLike<number>): number[] {
  return mlSolve(toMl(A), MlMatrix.columnVector(Array.from(b))).to1DArray();
}

describe('eigvalsh', () => {
  it('edge cases: empty, 1×1, 2×2, NaN, Inf, non-square, non-symmetric', () => {
    expect(eigvalsh(matrix(0, 0)).length).toBe(0);
    expect(Array.from(eigvalsh(matrix(1, 1, [3])))).toEqual([3]);
    expectAllClose(eigvalsh(matrix(2, 2, [2, 1, 1, 2])), [1, 3], { rtol: 0, atol: 1e-15 });
    expect(() => eigvalsh(matrix(2, 2, [1, Number.NaN, Number.NaN, 1]))).toThrow(/entry \(0, 1\) is NaN/);
    expect(() => eigvalsh(matrix(2, 2, [Number.POSITIVE_INFINITY, 0, 0, 1]))).toThrow(/Infinity/);
    expect(() => eigvalsh(matrix(2, 3))).toThrow(/square/);
    expect(() => eigvalsh(matrix(2, 2, [1, 2, 3, 4]))).toThrow(/symmetric/);
    // asymmetry at the 1e-14 relative level is rounding, not a caller bug
    expectAllClose(eigvalsh(matrix(2, 2, [2, 1, 1 + 1e-14, 2])), [1, 3], { rtol: 0, atol: 1e-13 });
  });

  it('zero matrix and extreme scales (no overflow in the Householder sums of squares)', () => {
    expect(Array.from(eigvalsh(matrix(5, 5)))).toEqual([0, 0, 0, 0, 0]);
    for (const s of [1e300, 1e-300]) {
      const A = randomSymmetric(12, 21);
      const ref = eigvalsh(A);
      const big = eigvalsh(matrix(12, 12, A.data.map((x) => x * s)));
      expectAllClose(big.map((x) => x / s), ref, { rtol: 0, atol: 1e-12 });
      expectAllClose(eigh(matrix(12, 12, A.data.map((x) => x * s))).values.map((x) => x / s), ref, { rtol: 0, atol: 1e-12 });
    }
  });

  it('matches ml-matrix (independent implementation) on random symmetric matrices', () => {
    // sizes straddle the 4-row and 2-row kernel tails of the fused tridiagonalization
    for (const [n, seed] of [[2, 12], [3, 1], [4, 13], [5, 14], [6, 15], [7, 16], [17, 2], [120, 3], [203, 17]] as const) {
      const A = randomSymmetric(n, seed);
      expectAllClose(eigvalsh(A), mlEigenvalues(A), { rtol: 0, atol: ATOL_EIG_PER_N * n });
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

function expectEigenpairs(A: Matrix, atol: number): void {
  const n = A.rows;
  const { values, vectors } = eigh(A);
  for (let i = 1; i < n; i++) expect(values[i] as number).toBeGreaterThanOrEqual(values[i - 1] as number);
  const AV = matmul(A, vectors);
  const VL = matrix(n, n, vectors.data.map((v, idx) => v * (values[idx % n] as number)));
  expectAllClose(AV.data, VL.data, { rtol: 0, atol });
  const VtV = matmul(vectors, vectors, { transA: true });
  expectAllClose(VtV.data, identity(n).data, { rtol: 0, atol: 1e-13 * Math.max(n, 10) });
}

describe('eigh', () => {
  it('A V = V Λ, Vᵀ V = I, values equal eigvalsh and ml-matrix', () => {
    for (const [n, seed] of [[1, 30], [2, 31], [5, 32], [40, 6], [151, 33]] as const) {
      const A = randomSymmetric(n, seed);
      expectEigenpairs(A, ATOL_EIG_PER_N * n);
      const { values } = eigh(A);
      expectAllClose(values, eigvalsh(A), { rtol: 0, atol: ATOL_EIG_PER_N * n });
      expectAllClose(values, mlEigenvalues(A), { rtol: 0, atol: ATOL_EIG_PER_N * n });
    }
  });

  it('empty, identity, repeated eigenvalues and rank-deficient PSD keep an orthonormal basis', () => {
    const E = eigh(matrix(0, 0));
    expect(E.values.length).toBe(0);
    expect(E.vectors.rows).toBe(0);
    const I = eigh(identity(6));
    expectAllClose(I.values, [1, 1, 1, 1, 1, 1], { rtol: 0, atol: 0 });
    expectEigenpairs(identity(6), 1e-15);
    const D = matrix(4, 4, [5, 0, 0, 0, 0, -1, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0]);
    expectAllClose(eigh(D).values, [-1, 0, 5, 5], { rtol: 0, atol: 1e-15 });
    expectEigenpairs(D, 1e-14);
    const X = matrix(50, 4, normal(key(34), 200));
    const G = gram(X);
    expectEigenpairs(G, 1e-11);
    const ev = eigh(G).values;
    for (let i = 0; i < 46; i++) expect(Math.abs(ev[i] as number)).toBeLessThan(1e-12);
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
    expect(() => lambdaMax(A, { tol: 1e-14, maxIter: 5 })).toThrow(ConvergenceError);
    const r = lanczosExtremes(A, { tol: 1e-14, maxIter: 5 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(5);
    expect(r.residualMin).toBeGreaterThan(1e-14 * 20);
  });

  it('the reported residual bounds the distance to the nearest eigenvalue (|θ − λ| ≤ ‖A y − θ y‖)', () => {
    const A = randomSymmetric(150, 40);
    const ev = eigvalsh(A);
    for (const maxIter of [10, 20, 40]) {
      const r = lanczosExtremes(A, { tol: 1e-15, maxIter });
      const near = (t: number): number => Math.min(...Array.from(ev, (x) => Math.abs(x - t)));
      // 1e-12: the residual itself is computed in floating point (β_k|s_k|), O(ε‖A‖·k) off
      expect(near(r.min)).toBeLessThanOrEqual(r.residualMin + 1e-12);
      expect(near(r.max)).toBeLessThanOrEqual(r.residualMax + 1e-12);
      // Ritz values interlace: never outside the spectrum
      expect(r.min).toBeGreaterThanOrEqual((ev[0] as number) - 1e-12);
      expect(r.max).toBeLessThanOrEqual((ev[149] as number) + 1e-12);
    }
  });

  it('rejects NaN, non-symmetric, empty input and bad options', () => {
    const n = 70;
    const A = randomSymmetric(n, 41);
    A.data[5] = Number.NaN;
    expect(() => lambdaMin(A)).toThrow(/NaN/);
    expect(() => lambdaMin(matrix(n, n, normal(key(42), n * n)))).toThrow(/symmetric/);
    expect(() => lambdaMin(matrix(0, 0))).toThrow(RangeError);
    expect(() => lambdaMin(randomSymmetric(n, 43), { tol: 0 })).toThrow(/tol/);
    expect(() => lambdaMin(randomSymmetric(n, 43), { maxIter: 0 })).toThrow(/maxIter/);
  });

  it('breakdown: a matrix with 3 distinct eigenvalues gives an invariant 3-dimensional Krylov space', () => {
    const n = 100;
    const D = matrix(n, n);
    for (let i = 0; i < n; i++) D.data[i * n + i] = [-2, 1, 7][i % 3] as number;
    const r = lanczosExtremes(D);
    expect(r.converged).toBe(true);
    expect(r.iterations).toBe(3);
    expect(r.min).toBeCloseTo(-2, 12);
    expect(r.max).toBeCloseTo(7, 12);
    const Z = lanczosExtremes(matrix(n, n));
    expect([Z.min, Z.max, Z.converged]).toEqual([0, 0, true]);
  });

  it('handles an invariant start (identity), small matrices and the dense cutoff boundary', () => {
    const n = 100;
    const I = matrix(n, n);
    for (let i = 0; i < n; i++) I.data[i * n + i] = 2;
    expect(lambdaMin(I)).toBeCloseTo(2, 12);
    expect(lambdaMax(matrix(2, 2, [2, 1, 1, 2]))).toBeCloseTo(3, 14);
    expect(lambdaMin(matrix(1, 1, [-4]))).toBe(-4);
    for (const m of [64, 65]) {
      const A = randomSymmetric(m, 44 + m);
      const ev = eigvalsh(A);
      expect(lambdaMin(A, { tol: 1e-12 })).toBeCloseTo(ev[0] as number, 9);
      expect(lambdaMax(A, { tol: 1e-12 })).toBeCloseTo(ev[m - 1] as number, 9);
    }
  });

  it('the seed changes the start vector but not the answer', () => {
    const A = randomSymmetric(120, 45);
    const a = lanczosExtremes(A, { tol: 1e-10, seed: 1 });
    const b = lanczosExtremes(A, { tol: 1e-10, seed: 2 });
    expect(a.min).toBeCloseTo(b.min, 8);
    expect(a.max).toBeCloseTo(b.max, 8);
  });
});

describe('norm2, svdvals, cholesky, solve', () => {
  it('norm2 of symmetric and general matrices, vs ml-matrix SVD', () => {
    expect(norm2(matrix(2, 2, [0, -3, -3, 0]))).toBeCloseTo(3, 13);
    expect(norm2(matrix(2, 3, [3, 0, 0, 0, 4, 0]))).toBeCloseTo(4, 13);
    expect(norm2(matrix(0, 3))).toBe(0);
    const S = randomSymmetric(90, 50);
    expect(norm2(S) / Math.max(...mlSingularValues(S))).toBeCloseTo(1, 9);
    const G = matrix(40, 25, normal(key(51), 1000));
    expect(norm2(G) / Math.max(...mlSingularValues(G))).toBeCloseTo(1, 12);
    expect(() => norm2(matrix(1, 2, [1, Number.NaN]))).toThrow(/NaN/);
  });

  it('svdvals vs a diagonal and vs ml-matrix SVD (wide, tall, rank-deficient)', () => {
    expectAllClose(svdvals(matrix(3, 2, [0, 2, 3, 0, 0, 0])), [3, 2], { rtol: 1e-14, atol: 0 });
    for (const [r, c, seed] of [[30, 12, 52], [12, 30, 53], [1, 5, 54]] as const) {
      const A = matrix(r, c, normal(key(seed), r * c));
      // Gram route: σ accurate to ~ε σ_max² / σ; σ here ≥ ~1, σ_max ≤ ~10, so 1e-12 absolute has slack
      expectAllClose(svdvals(A), mlSingularValues(A).slice(0, Math.min(r, c)), { rtol: 0, atol: 1e-12 });
    }
    const L = matmul(matrix(20, 2, normal(key(55), 40)), matrix(2, 15, normal(key(56), 30)));
    const sv = svdvals(L);
    expect(sv.length).toBe(15);
    // rank 2: the other σ are √(rounding of σ_max²), i.e. ≤ √(n ε) σ_max
    for (let i = 2; i < 15; i++) expect(sv[i] as number).toBeLessThan(1e-6 * (sv[0] as number));
    expect(svdvals(matrix(0, 4)).length).toBe(0);
  });

  it('cholesky reconstructs and rejects indefinite input; solve matches ml-matrix with a small residual', () => {
    const X = matrix(20, 30, normal(key(10), 600));
    const K = gram(X);
    const L = cholesky(K);
    for (let i = 0; i < 20; i++) for (let j = i + 1; j < 20; j++) expect(L.data[i * 20 + j]).toBe(0);
    expectAllClose(matmul(L, L, { transB: true }).data, K.data, { rtol: 1e-12, atol: 1e-12 });
    expect(() => cholesky(matrix(2, 2, [1, 2, 2, 1]))).toThrow(NotPositiveDefiniteError);
    expect(() => cholesky(matrix(2, 2, [0, 0, 0, 0]))).toThrow(/not positive definite/);
    expect(() => cholesky(matrix(2, 2, [1, 2, 3, 1]))).toThrow(/symmetric/);
    expect(cholesky(matrix(0, 0)).rows).toBe(0);
    const b = normal(key(11), 20);
    const x = solve(K, b);
    const r = matmul(K, matrix(20, 1, x)).data;
    expectAllClose(r, b, { rtol: 0, atol: 1e-9 });
    const M = matrix(25, 25, normal(key(57), 625));
    const c = normal(key(58), 25);
    const ref = solveMl(M, c);
    expectAllClose(solve(M, c), ref, { rtol: 1e-10, atol: 1e-10 });
    expect(() => solve(matrix(2, 2, [1, 2, 2, 4]), [1, 1])).toThrow(/singular/);
    expect(() => solve(matrix(2, 3), [1, 1])).toThrow(/square/);
    expect(() => solve(matrix(2, 2, [1, 0, 0, 1]), [1])).toThrow(/length/);
    expect(Array.from(solve(matrix(2, 2, [0, 1, 1, 0]), [3, 4]))).toEqual([4, 3]);
  });
});
