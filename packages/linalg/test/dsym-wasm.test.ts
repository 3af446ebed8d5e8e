import { readFileSync } from 'node:fs';
import { key, normal, sphere } from '@repro/concentration';
import { expectAllClose } from '@repro/testkit';
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { afterEach, describe, expect, it } from 'vitest';
import { GENERATED_PATH, generateDsymModule } from '../kernels/build-dsym.js';
import { eigh, eigvalsh, gram, lambdaMax, lambdaMin, lanczosExtremes, matmul, matrix, normFro, type Matrix } from '../src/index.js';
import { dsymBytes, dsymWasmAvailable, dsymWorkspace, setDsymWasmMode, type DsymWasmMode } from '../src/wasm/dsym.js';
import { graded, randomSymmetric } from './matrices.js';

/** Same bound as eigen.test.ts: |λ̂ − λ| ≲ c·n·ε·‖A‖₂, ‖A‖₂ ≈ 2√n for unit-normal entries; 1e-11·n has ≥ 10× slack. */
const ATOL_EIG_PER_N = 1e-11;

afterEach(() => {
  setDsymWasmMode('auto');
});



function mlEigenvalues(A: Matrix): number[] {
  const rows = Array.from({ length: A.rows }, (_, i) => Array.from(A.data.subarray(i * A.cols, (i + 1) * A.cols)));
  return new EigenvalueDecomposition(new MlMatrix(rows), { assumeSymmetric: true }).realEigenvalues.sort((a, b) => a - b);
}

const MODES: readonly DsymWasmMode[] = ['off', 'always'];

describe('dsym WebAssembly module', () => {
  it('the committed src/wasm/dsym.generated.ts is what kernels/ generates (regenerate: node --import tsx kernels/build-dsym.ts)', async () => {
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(await generateDsymModule());
  });

  it('compiles and runs here (Node ≥ 20 has WebAssembly SIMD): the fallback is not silently taken', () => {
    expect(dsymWasmAvailable()).toBe(true);
    setDsymWasmMode('always');
    expect(dsymWorkspace(64, 1, 1000)).not.toBeNull();
    setDsymWasmMode('off');
    expect(dsymWorkspace(64, 1000, 1)).toBeNull();
  });

  it('kernels match scalar loops on every remainder (m mod 4, odd columns, lda > m, offset blocks)', () => {
    setDsymWasmMode('always');
    for (let m = 1; m <= 13; m++) {
      const lda = m + 3;
      const off = 2; // the block starts at (off, off) of an lda×lda array
      const ws = dsymWorkspace(dsymBytes(lda * lda, lda, lda, lda, lda, lda, lda, 4 * lda), lda, 0);
      if (ws === null) throw new Error('no workspace');
      const Wb = ws.alloc(lda * lda);
      Wb.view.set(normal(key(100 + m), lda * lda));
      const W0 = Float64Array.from(Wb.view);
      const vec = (s: number) => {
        const x = ws.alloc(lda);
        x.view.set(normal(key(200 + 10 * m + s), lda));
        return x;
      };
      const [q, z, v, w, u, y] = [vec(1), vec(2), vec(3), vec(4), vec(5), vec(6)];
      const y0 = Float64Array.from(y.view);
      const at = (x: { ptr: number }, r: number) => x.ptr + 8 * r;
      const blk = Wb.ptr + 8 * (off * lda + off);
      const B = (i: number, j: number) => W0[(off + Math.min(i, j)) * lda + off + Math.max(i, j)] as number; // upper triangle
      // dsymv: z = B q
      ws.kernels.dsymv(blk, lda, m, at(q, off), at(z, off));
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < m; j++) s += B(i, j) * (q.view[off + j] as number);
        expect(z.view[off + i]).toBeCloseTo(s, 12);
      }
      // dsyr2mv: B ← B − v wᵀ − w vᵀ on the upper triangle, y += B' u
      ws.kernels.dsyr2mv(blk, lda, m, at(v, off), at(w, off), at(u, off), at(y, off));
      const V = (i: number) => v.view[off + i] as number;
      const Wv = (i: number) => w.view[off + i] as number;
      const Bn = (i: number, j: number) => B(i, j) - V(i) * Wv(j) - Wv(i) * V(j);
      for (let i = 0; i < lda; i++)
        for (let j = 0; j < lda; j++) {
          const inside = i >= off && j >= off && i < off + m && j < off + m && j >= i;
          const want = inside ? Bn(i - off, j - off) : (W0[i * lda + j] as number);
          expect(Wb.view[i * lda + j]).toBeCloseTo(want, 13);
        }
      for (let i = 0; i < m; i++) {
        let s = y0[off + i] as number;
        for (let j = 0; j < m; j++) s += Bn(i, j) * (u.view[off + j] as number);
        expect(y.view[off + i]).toBeCloseTo(s, 12);
      }
      expect(y.view[off - 1]).toBe(y0[off - 1]); // nothing written outside the block
      // dgemvt / dgemvn on k = m rows of length lda − 1 (odd and even), stride lda
      const len = lda - 1;
      const c = ws.alloc(lda);
      const zz = Float64Array.from(z.view);
      ws.kernels.dgemvt(Wb.ptr, lda, m, len, z.ptr, c.ptr);
      for (let r = 0; r < m; r++) {
        let s = 0;
        for (let i = 0; i < len; i++) s += (Wb.view[r * lda + i] as number) * (zz[i] as number);
        expect(c.view[r]).toBeCloseTo(s, 12);
      }
      ws.kernels.dgemvn(Wb.ptr, lda, m, len, c.ptr, z.ptr);
      for (let i = 0; i < lda; i++) {
        let s = zz[i] as number;
        if (i < len) for (let r = 0; r < m; r++) s -= (c.view[r] as number) * (Wb.view[r * lda + i] as number);
        expect(z.view[i]).toBeCloseTo(s, 12);
      }
    }
  });
});

describe('eigvalsh / eigh: WebAssembly kernels and TypeScript loops agree with a reference', () => {
  it('tiny matrices n = 1, 2, 3 and every 4-row remainder up to n = 13', () => {
    for (const mode of MODES) {
      setDsymWasmMode(mode);
      expect(Array.from(eigvalsh(matrix(1, 1, [-2.5])))).toEqual([-2.5]);
      expectAllClose(eigvalsh(matrix(2, 2, [2, 1, 1, 2])), [1, 3], { rtol: 0, atol: 1e-15 });
      expectAllClose(eigvalsh(matrix(3, 3, [2, -1, 0, -1, 2, -1, 0, -1, 2])), [2 - Math.SQRT2, 2, 2 + Math.SQRT2], { rtol: 0, atol: 1e-15 });
      for (let n = 1; n <= 13; n++) {
        const A = randomSymmetric(n, 300 + n);
        expectAllClose(eigvalsh(A), mlEigenvalues(A), { rtol: 0, atol: ATOL_EIG_PER_N * n });
      }
    }
  });

  it('random symmetric (odd and even n), both paths within n·ε·‖A‖ of ml-matrix', () => {
    for (const n of [64, 97, 130]) {
      const A = randomSymmetric(n, n);
      const ref = mlEigenvalues(A);
      for (const mode of MODES) {
        setDsymWasmMode(mode);
        expectAllClose(eigvalsh(A), ref, { rtol: 0, atol: ATOL_EIG_PER_N * n });
      }
    }
  });

  it('diagonal, repeated eigenvalues and already tridiagonal input (steps with no reflector)', () => {
    const n = 41;
    const D = matrix(n, n);
    for (let i = 0; i < n; i++) D.data[i * n + i] = [3, -1, 3, 0.5][i % 4] as number;
    const want = Array.from(D.data.filter((_, idx) => idx % (n + 1) === 0)).sort((a, b) => a - b);
    const T = matrix(n, n);
    for (let i = 0; i < n; i++) {
      T.data[i * n + i] = 2;
      if (i + 1 < n) T.data[i * n + i + 1] = T.data[(i + 1) * n + i] = -1;
    }
    const exact = Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1)));
    // repeated: I + rank-2 (eigenvalue 1 with multiplicity n − 2), and a zero row/column in the middle (β = 0 mid-way)
    const X = matrix(n, 2, normal(key(310), 2 * n));
    const R = gram(X);
    for (let i = 0; i < n; i++) R.data[i * n + i] = (R.data[i * n + i] as number) + 1;
    const Z = randomSymmetric(n, 311);
    for (let j = 0; j < n; j++) Z.data[20 * n + j] = Z.data[j * n + 20] = 0;
    for (const mode of MODES) {
      setDsymWasmMode(mode);
      expectAllClose(eigvalsh(D), want, { rtol: 0, atol: 1e-15 });
      expectAllClose(eigvalsh(T), exact, { rtol: 0, atol: 1e-13 });
      const ev = eigvalsh(R);
      for (let i = 0; i < n - 2; i++) expect(ev[i]).toBeCloseTo(1, 12);
      expectAllClose(ev, mlEigenvalues(R), { rtol: 0, atol: 1e-12 * normFro(R) });
      expectAllClose(eigvalsh(Z), mlEigenvalues(Z), { rtol: 0, atol: ATOL_EIG_PER_N * n });
    }
  });

  it('extreme scales (rescaled by a power of two before the kernels) and a subnormal-entry matrix', () => {
    const n = 70;
    const A = randomSymmetric(n, 340);
    const ref = mlEigenvalues(A);
    for (const mode of MODES) {
      setDsymWasmMode(mode);
      for (const s of [1e300, 1e-300]) {
        const big = eigvalsh(matrix(n, n, A.data.map((x) => x * s)));
        expectAllClose(big.map((x) => x / s), ref, { rtol: 0, atol: ATOL_EIG_PER_N * n });
      }
      const tiny = eigvalsh(matrix(n, n, A.data.map((x) => x * 2 ** -1060)));
      expectAllClose(tiny.map((x) => x * 2 ** 530 * 2 ** 530), ref, { rtol: 0, atol: 1e-3 }); // entries keep ~14 bits: ‖rounding‖₂ ≈ 2√n·2⁻¹⁵/√3 ≈ 3e-4
    }
  });

  it('graded matrices (the reversed-QL case) keep trace and Frobenius norm on both paths', () => {
    for (const [n, spread] of [
      [150, 20],
      [150, 45],
      [60, 90],
    ] as const) {
      const A = graded(n, spread);
      let tr = 0;
      for (let i = 0; i < n; i++) tr += A.data[i * n + i] as number;
      const fro = normFro(A);
      for (const mode of MODES) {
        setDsymWasmMode(mode);
        const ev = eigvalsh(A);
        expect(Math.abs(ev.reduce((a, b) => a + b, 0) - tr)).toBeLessThan(1e-12 * fro);
        expect(Math.abs(Math.sqrt(ev.reduce((a, b) => a + b * b, 0)) - fro)).toBeLessThan(1e-12 * fro);
        expect(ev[0] as number).toBeGreaterThan(-1e-13 * fro);
      }
    }
  });

  it('eigh through the kernels: A V = V Λ and Vᵀ V = I', () => {
    setDsymWasmMode('always');
    for (const n of [3, 10, 77]) {
      const A = randomSymmetric(n, 320 + n);
      const { values, vectors } = eigh(A);
      const AV = matmul(A, vectors);
      const VL = matrix(n, n, vectors.data.map((x, idx) => x * (values[idx % n] as number)));
      expectAllClose(AV.data, VL.data, { rtol: 0, atol: ATOL_EIG_PER_N * n });
      const VtV = matmul(vectors, vectors, { transA: true });
      expectAllClose(VtV.data, matrix(n, n, Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1 : 0))).data, { rtol: 0, atol: 1e-13 * Math.max(n, 10) });
      expectAllClose(values, mlEigenvalues(A), { rtol: 0, atol: ATOL_EIG_PER_N * n });
    }
  });
});

describe('Lanczos through the kernels', () => {
  it('λ_min, λ_max of an RBF kernel matrix and a random symmetric matrix agree with eigvalsh on both paths', () => {
    const n = 301; // odd: the kernels' column tails
    const X = matrix(n, 10, sphere(key(330), n, 10));
    const K = matrix(n, n, gram(X).data.map((g) => Math.exp(-(2 - 2 * g))));
    const evK = eigvalsh(K);
    const A = randomSymmetric(200, 331);
    const evA = eigvalsh(A);
    const results: number[][] = [];
    for (const mode of MODES) {
      setDsymWasmMode(mode);
      const r = lanczosExtremes(K, { tol: 1e-10 });
      expect(r.converged).toBe(true);
      // |θ − λ| ≤ residual ≤ tol·‖K‖
      const top = evK[n - 1] as number;
      expect(Math.abs(r.min - (evK[0] as number))).toBeLessThanOrEqual(r.residualMin + 1e-13 * top);
      expect(Math.abs(r.max - top)).toBeLessThan(1e-9 * top);
      const lmin = lambdaMin(K, { tol: 1e-6 });
      expect(Math.abs(lmin - (evK[0] as number))).toBeLessThanOrEqual(1e-6 * top);
      expect(lambdaMin(A, { tol: 1e-10 })).toBeCloseTo(evA[0] as number, 7);
      expect(lambdaMax(A, { tol: 1e-10 })).toBeCloseTo(evA[199] as number, 7);
      results.push([r.min, r.max, r.iterations]);
    }
    // same Krylov space up to rounding: same step count, same extremes to ~1e-12
    expect(results[0]?.[2]).toBe(results[1]?.[2]);
    expect(Math.abs((results[0]?.[0] as number) - (results[1]?.[0] as number))).toBeLessThan(1e-11);
  });
});
