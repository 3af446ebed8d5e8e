/**
 * Property tests (fast-check, fixed seed, few runs and small n so the suite stays fast). Every bound below is a
 * deterministic backward-error bound with ≥ 10× slack, not a statistical one: the false-failure rate is 0 for a correct
 * implementation (a failure is a bug or a bound too tight for some input, and fast-check prints the shrunk matrix).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cholesky, eigh, eigvalsh, gram, lanczosExtremes, matmul, matrix, normFro, solve, svdvals, transpose, type Matrix } from '../src/index.js';

const SEED = 20240601;
/** Backward stability: errors ≲ c·n·ε·‖A‖ with c ~ 1; 1e-13·n·‖A‖_F (+ a floor for ‖A‖ = 0) leaves ≥ 10× slack for n ≤ 12. */
const REL_PER_N = 1e-13;

const entry = fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true });

/** A random symmetric n×n matrix, n in [1, maxN], built from its upper triangle. */
const symmetric = (maxN: number): fc.Arbitrary<Matrix> =>
  fc.integer({ min: 1, max: maxN }).chain((n) =>
    fc.array(entry, { minLength: (n * (n + 1)) / 2, maxLength: (n * (n + 1)) / 2 }).map((upper) => {
      const A = matrix(n, n);
      let t = 0;
      for (let i = 0; i < n; i++)
        for (let j = i; j < n; j++) {
          const v = upper[t++] as number;
          A.data[i * n + j] = v;
          A.data[j * n + i] = v;
        }
      return A;
    }),
  );

const general = (maxR: number, maxC: number): fc.Arbitrary<Matrix> =>
  fc
    .tuple(fc.integer({ min: 1, max: maxR }), fc.integer({ min: 1, max: maxC }))
    .chain(([r, c]) => fc.array(entry, { minLength: r * c, maxLength: r * c }).map((d) => matrix(r, c, d)));

function trace(A: Matrix): number {
  let s = 0;
  for (let i = 0; i < A.rows; i++) s += A.data[i * A.cols + i] as number;
  return s;
}

describe('properties', () => {
  it('eigvalsh: ascending, preserves trace and Frobenius norm', () => {
    fc.assert(
      fc.property(symmetric(12), (A) => {
        const n = A.rows;
        const ev = eigvalsh(A);
        const fro = normFro(A);
        const tol = REL_PER_N * n * fro + 1e-300;
        for (let i = 1; i < n; i++) expect(ev[i] as number).toBeGreaterThanOrEqual(ev[i - 1] as number);
        expect(Math.abs(ev.reduce((s, x) => s + x, 0) - trace(A))).toBeLessThanOrEqual(tol * Math.sqrt(n));
        // ‖λ‖₂ via normFro (scaled: Σλ² itself underflows for entries ~1e-300)
        expect(Math.abs(normFro(matrix(1, n, ev)) - fro)).toBeLessThanOrEqual(tol);
      }),
      { numRuns: 60, seed: SEED },
    );
  });

  it('eigh: A V = V Λ and Vᵀ V = I', () => {
    fc.assert(
      fc.property(symmetric(10), (A) => {
        const n = A.rows;
        const { values, vectors } = eigh(A);
        const AV = matmul(A, vectors);
        let res = 0;
        for (let i = 0; i < n * n; i++) res += ((AV.data[i] as number) - (vectors.data[i] as number) * (values[i % n] as number)) ** 2;
        expect(Math.sqrt(res)).toBeLessThanOrEqual(REL_PER_N * n * normFro(A) + 1e-300);
        const VtV = matmul(vectors, vectors, { transA: true });
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) expect(Math.abs((VtV.data[i * n + j] as number) - (i === j ? 1 : 0))).toBeLessThanOrEqual(REL_PER_N * 10 * n);
      }),
      { numRuns: 40, seed: SEED + 1 },
    );
  });

  it('svdvals: σ² are the eigenvalues of AᵀA, σ(A) = σ(Aᵀ)', () => {
    fc.assert(
      fc.property(general(8, 8), (A) => {
        const s = svdvals(A);
        const st = svdvals(transpose(A));
        const fro = normFro(A);
        for (let i = 0; i < s.length; i++) expect(Math.abs((s[i] as number) - (st[i] as number))).toBeLessThanOrEqual(1e-6 * fro + 1e-300);
        // Σσ² = ‖A‖_F² (the Gram route squares, so compare at the squared scale)
        expect(Math.abs(s.reduce((t, x) => t + x * x, 0) - fro * fro)).toBeLessThanOrEqual(REL_PER_N * 16 * fro * fro + 1e-300);
      }),
      { numRuns: 40, seed: SEED + 2 },
    );
  });

  it('cholesky of X Xᵀ + I reconstructs; solve has a small backward error', () => {
    fc.assert(
      fc.property(general(8, 6), (X) => {
        const n = X.rows;
        const K = gram(X);
        for (let i = 0; i < n; i++) K.data[i * n + i] = (K.data[i * n + i] as number) + 1;
        const L = cholesky(K);
        const LLt = matmul(L, L, { transB: true });
        for (let i = 0; i < n * n; i++) expect(Math.abs((LLt.data[i] as number) - (K.data[i] as number))).toBeLessThanOrEqual(REL_PER_N * n * normFro(K));
        const b = Array.from({ length: n }, (_, i) => i - 1.5);
        const x = solve(K, b);
        const r = matmul(K, matrix(n, 1, x)).data;
        let nx = 0;
        for (const v of x) nx = Math.max(nx, Math.abs(v));
        // LU backward error: ‖K x − b‖∞ ≲ n ε ‖K‖ ‖x‖∞ (growth factor 1 for SPD input)
        for (let i = 0; i < n; i++) expect(Math.abs((r[i] as number) - (b[i] as number))).toBeLessThanOrEqual(REL_PER_N * n * normFro(K) * nx + 1e-12);
      }),
      { numRuns: 40, seed: SEED + 3 },
    );
  });

  it('Lanczos extremes equal eigvalsh (n above the dense cutoff)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 65, max: 90 }), fc.integer({ min: 0, max: 1000 }), (n, seed) => {
        // a diagonal of integers in [-seed%7-1, …] plus a rank-one term: many clustered/repeated eigenvalues
        const A = matrix(n, n);
        for (let i = 0; i < n; i++) {
          A.data[i * n + i] = ((i * 7 + seed) % 11) - 5;
          for (let j = 0; j < n; j++) A.data[i * n + j] = (A.data[i * n + j] as number) + Math.cos(i + seed) * Math.cos(j + seed) * 0.3;
        }
        const ev = eigvalsh(A);
        const r = lanczosExtremes(A, { tol: 1e-11, seed });
        expect(r.converged).toBe(true);
        const scaleA = Math.max(Math.abs(ev[0] as number), Math.abs(ev[n - 1] as number));
        // residual ≤ 1e-11‖A‖ ⇒ eigenvalue within that distance; the extremes here are separated by gaps ≥ ~1e-2
        expect(Math.abs(r.min - (ev[0] as number))).toBeLessThanOrEqual(1e-9 * scaleA);
        expect(Math.abs(r.max - (ev[n - 1] as number))).toBeLessThanOrEqual(1e-9 * scaleA);
      }),
      { numRuns: 10, seed: SEED + 4 },
    );
  });
});
