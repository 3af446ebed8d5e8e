import { key, normal } from '@repro/concentration';
import { expectAllClose } from '@repro/testkit';
import { Matrix as MlMatrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { add, gram, hadamard, identity, isSymmetric, matmul, matrix, matvec, normFro, scale, sub, transpose, type Matrix } from '../src/index.js';

/** Float64 GEMM agreement with an independently summed reference: |Δ| ≤ K·ε·Σ|a||b| ≲ 1e-13 for K ≤ 300, unit normals. */
const ATOL_GEMM = 1e-12;

function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  return matrix(rows, cols, normal(key(seed), rows * cols));
}

function toMl(A: Matrix): MlMatrix {
  return new MlMatrix(Array.from({ length: A.rows }, (_, i) => Array.from(A.data.subarray(i * A.cols, (i + 1) * A.cols))));
}

function fromMl(M: MlMatrix): number[] {
  return M.to1DArray();
}

describe('matrix construction', () => {
  it('validates shapes and data length', () => {
    expect(() => matrix(-1, 2)).toThrow(RangeError);
    expect(() => matrix(1.5, 2)).toThrow(RangeError);
    expect(() => matrix(2, 2, [1, 2, 3])).toThrow(/needs 4 entries/);
    expect(matrix(0, 5).data.length).toBe(0);
    expect(Array.from(matrix(2, 1).data)).toEqual([0, 0]);
    expect(Array.from(identity(3).data)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(identity(0).data.length).toBe(0);
  });

  it('transpose of a 2×3 and of an empty matrix', () => {
    const T = transpose(matrix(2, 3, [1, 2, 3, 4, 5, 6]));
    expect([T.rows, T.cols]).toEqual([3, 2]);
    expect(Array.from(T.data)).toEqual([1, 4, 2, 5, 3, 6]);
    expect(transpose(matrix(0, 3)).rows).toBe(3);
  });
});

describe('matmul', () => {
  it('matches ml-matrix for odd shapes across the kernel tails (4×2 blocks, 64-column and 256-k panels)', () => {
    const shapes: [number, number, number][] = [[1, 1, 1], [5, 3, 7], [4, 2, 2], [67, 130, 45], [9, 300, 66], [130, 257, 3]];
    let seed = 100;
    for (const [n, k, m] of shapes) {
      const A = randomMatrix(n, k, seed++);
      const B = randomMatrix(k, m, seed++);
      const ref = fromMl(toMl(A).mmul(toMl(B)));
      expectAllClose(matmul(A, B).data, ref, { rtol: 0, atol: ATOL_GEMM });
      expectAllClose(matmul(transpose(A), B, { transA: true }).data, ref, { rtol: 0, atol: ATOL_GEMM });
      expectAllClose(matmul(A, transpose(B), { transB: true }).data, ref, { rtol: 0, atol: ATOL_GEMM });
      expectAllClose(matmul(transpose(A), transpose(B), { transA: true, transB: true }).data, ref, { rtol: 0, atol: ATOL_GEMM });
    }
  });

  it('zero-width inner dimension gives zeros; mismatched shapes throw', () => {
    const C = matmul(matrix(3, 0), matrix(0, 2));
    expect(Array.from(C.data)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(matmul(matrix(0, 4), matrix(4, 2)).data.length).toBe(0);
    expect(() => matmul(matrix(2, 3), matrix(2, 3))).toThrow(/inner dimensions/);
    expect(() => matmul(matrix(2, 3), matrix(2, 3), { transA: true, transB: true })).toThrow(/inner dimensions/);
  });

  it('matvec equals matmul with a column and checks the length', () => {
    const A = randomMatrix(13, 9, 7);
    const x = normal(key(8), 9);
    expectAllClose(matvec(A, x), matmul(A, matrix(9, 1, x)).data, { rtol: 0, atol: ATOL_GEMM });
    expect(() => matvec(A, [1, 2])).toThrow(RangeError);
  });
});

describe('gram', () => {
  it('equals X Xᵀ from ml-matrix and is exactly symmetric, for row counts across the 4-row blocks', () => {
    for (const [n, d] of [[1, 3], [6, 5], [71, 20], [130, 300]] as const) {
      const X = randomMatrix(n, d, n + d);
      const G = gram(X);
      expectAllClose(G.data, fromMl(toMl(X).mmul(toMl(X).transpose())), { rtol: 0, atol: ATOL_GEMM });
      expect(isSymmetric(G, 0)).toBe(true);
    }
    expect(Array.from(gram(matrix(2, 0)).data)).toEqual([0, 0, 0, 0]);
  });
});

describe('elementwise ops and norms', () => {
  it('hadamard, scale, add, sub, normFro', () => {
    const A = matrix(2, 2, [1, 2, 3, 4]);
    const B = matrix(2, 2, [5, 6, 7, 8]);
    expect(Array.from(hadamard(A, B).data)).toEqual([5, 12, 21, 32]);
    expect(Array.from(scale(A, -2).data)).toEqual([-2, -4, -6, -8]);
    expect(Array.from(add(A, B).data)).toEqual([6, 8, 10, 12]);
    expect(Array.from(sub(A, B).data)).toEqual([-4, -4, -4, -4]);
    expect(normFro(matrix(1, 2, [3, 4]))).toBe(5);
    expect(normFro(matrix(1, 2, [3e-200, 4e-200])) / 5e-200).toBeCloseTo(1, 14);
    expect(normFro(matrix(1, 2, [3e200, -4e200])) / 5e200).toBeCloseTo(1, 14);
    expect(normFro(matrix(0, 3))).toBe(0);
    expect(normFro(matrix(1, 2, [Number.NaN, 1]))).toBeNaN();
    expect(() => add(A, matrix(2, 1))).toThrow(/shapes differ/);
    expect(() => hadamard(A, matrix(1, 4))).toThrow(/shapes differ/);
  });

  it('isSymmetric uses a tolerance relative to the largest entry', () => {
    expect(isSymmetric(matrix(2, 3))).toBe(false);
    expect(isSymmetric(matrix(2, 2, [1e6, 1, 1 + 1e-7, 1e6]), 1e-12)).toBe(true);
    expect(isSymmetric(matrix(2, 2, [1, 1, 1 + 1e-7, 1]), 1e-12)).toBe(false);
    expect(isSymmetric(matrix(0, 0))).toBe(true);
  });
});
