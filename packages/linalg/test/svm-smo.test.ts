import { key, normal } from '@repro/concentration';
import { describe, expect, it } from 'vitest';
import { ConvergenceError, matrix, solve, type Matrix } from '../src/index.js';
import { svmDecision, svmKktResidual, svmOneVsRest, svmOneVsRestPredict, svmSmo } from '../src/svm-smo.js';

function linearKernel(X: Float64Array, n: number, d: number): Matrix {
  const K = matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let t = 0; t < d; t++) s += (X[i * d + t] as number) * (X[j * d + t] as number);
    K.data[i * n + j] = s;
  }
  return K;
}

function rbf(X: Float64Array, n: number, d: number, gamma: number): Matrix {
  const K = matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let t = 0; t < d; t++) s += ((X[i * d + t] as number) - (X[j * d + t] as number)) ** 2;
    K.data[i * n + j] = Math.exp(-gamma * s);
  }
  return K;
}

/** Random labelled Gaussian blobs: class ±1 centred at ±shift·e₁. */
function blobs(seed: number, n: number, d: number, shift: number): { X: Float64Array; y: number[] } {
  const X = normal(key(seed), n * d);
  const y = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : -1));
  for (let i = 0; i < n; i++) X[i * d] = (X[i * d] as number) + shift * (y[i] as number);
  return { X, y };
}

function dualObjective(K: Matrix, y: ArrayLike<number>, alpha: ArrayLike<number>): number {
  const n = y.length;
  let q = 0;
  let l = 0;
  for (let i = 0; i < n; i++) {
    l += alpha[i] as number;
    for (let j = 0; j < n; j++) q += (alpha[i] as number) * (alpha[j] as number) * (y[i] as number) * (y[j] as number) * (K.data[i * n + j] as number);
  }
  return q / 2 - l;
}

/**
 * Brute-force QP oracle: the optimum lies on a face {α_i = 0 (i ∈ Z), α_i = C (i ∈ U), free (i ∈ F)}; on each of the 3ⁿ faces
 * solve the stationarity system Q_FF α_F + b·y_F = 1 − Q_F,U·C, y_Fᵀα_F = −C·Σ_U y_i, keep feasible points, return the
 * least dual objective. Independent of SMO (no working sets, no gradients).
 */
function bruteForce(K: Matrix, y: number[], C: number): number {
  const n = y.length;
  let best = Number.POSITIVE_INFINITY;
  const state = new Array<number>(n).fill(0);
  const total = 3 ** n;
  for (let code = 0; code < total; code++) {
    let c = code;
    for (let i = 0; i < n; i++) {
      state[i] = c % 3;
      c = Math.floor(c / 3);
    }
    const F = state.flatMap((s, i) => (s === 1 ? [i] : []));
    const alpha = state.map((s) => (s === 2 ? C : 0));
    if (F.length > 0) {
      const m = F.length + 1;
      const A = matrix(m, m);
      const rhs = new Float64Array(m);
      F.forEach((i, r) => {
        F.forEach((j, s) => (A.data[r * m + s] = (y[i] as number) * (y[j] as number) * (K.data[i * n + j] as number)));
        A.data[r * m + F.length] = y[i] as number;
        A.data[F.length * m + r] = y[i] as number;
        let q = 1;
        for (let j = 0; j < n; j++) if (state[j] === 2) q -= (y[i] as number) * (y[j] as number) * (K.data[i * n + j] as number) * C;
        rhs[r] = q;
      });
      let eq = 0;
      for (let j = 0; j < n; j++) if (state[j] === 2) eq -= C * (y[j] as number);
      rhs[F.length] = eq;
      let sol: Float64Array;
      try {
        sol = solve(A, rhs);
      } catch {
        continue;
      }
      if (!sol.every(Number.isFinite)) continue;
      let ok = true;
      F.forEach((i, r) => {
        const v = sol[r] as number;
        if (v < -1e-9 || v > C + 1e-9) ok = false;
        alpha[i] = v;
      });
      if (!ok) continue;
    } else {
      let eq = 0;
      for (let j = 0; j < n; j++) eq += (alpha[j] as number) * (y[j] as number);
      if (Math.abs(eq) > 1e-9) continue;
    }
    best = Math.min(best, dualObjective(K, y, alpha));
  }
  return best;
}

describe('svmSmo', () => {
  it('separable 1-D toy: margin points are the support vectors, f = ±1 on them', () => {
    const x = [-3, -2, -1, 1, 2, 3];
    const y = [-1, -1, -1, 1, 1, 1];
    const K = matrix(6, 6, x.flatMap((a) => x.map((b) => a * b)));
    const m = svmSmo(K, y, { C: 1e3, tol: 1e-10 });
    // Hard-margin solution: w = 1, b = 0, α = ½ on x = ±1 only.
    expect(m.b).toBeCloseTo(0, 8);
    expect(m.alpha[2]).toBeCloseTo(0.5, 8);
    expect(m.alpha[3]).toBeCloseTo(0.5, 8);
    expect(m.alpha[0]).toBe(0);
    const f = svmDecision(m, K);
    expect(f[3]).toBeCloseTo(1, 8);
    expect(f[0]).toBeCloseTo(-3, 8);
  });

  it('KKT residual below tol on noisy blobs, for several C (linear and RBF kernels)', () => {
    const n = 120;
    const d = 5;
    const { X, y } = blobs(3, n, d, 0.8);
    for (const K of [linearKernel(X, n, d), rbf(X, n, d, 0.2)])
      for (const C of [0.01, 1, 100]) {
        const m = svmSmo(K, y, { C, tol: 1e-6 });
        const r = svmKktResidual(K, m);
        expect(r.max).toBeLessThan(1e-5);
        expect(r.equality).toBeLessThan(1e-9 * Math.max(1, C * n));
        for (const a of m.alpha) expect(a >= 0 && a <= C).toBe(true);
      }
  });

  it('matches a brute-force QP (3ⁿ faces) on small problems', () => {
    for (const [seed, C] of [[11, 0.5], [12, 2], [13, 10]] as const) {
      const n = 7;
      const d = 2;
      const { X, y } = blobs(seed, n, d, 0.6);
      const K = rbf(X, n, d, 0.7);
      const m = svmSmo(K, y, { C, tol: 1e-9 });
      const ref = bruteForce(K, y, C);
      expect(Math.abs(m.objective - ref)).toBeLessThan(1e-7 * Math.max(1, Math.abs(ref)));
      expect(Math.abs(dualObjective(K, y, m.alpha) - m.objective)).toBeLessThan(1e-10 * Math.max(1, Math.abs(ref)));
    }
  });

  it('one-vs-rest separates three blobs', () => {
    const n = 90;
    const d = 2;
    const X = normal(key(21), n * d);
    const labels = Array.from({ length: n }, (_, i) => i % 3);
    const centres = [[4, 0], [-4, 0], [0, 5]];
    for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) X[i * d + t] = 0.5 * (X[i * d + t] as number) + (centres[labels[i] as number]?.[t] as number);
    const K = rbf(X, n, d, 0.1);
    const ovr = svmOneVsRest(K, labels, { C: 10 });
    const pred = svmOneVsRestPredict(ovr, K);
    expect(Array.from(pred)).toEqual(labels);
  });

  it('rejects bad input and reports non-convergence', () => {
    const K = matrix(2, 2, [1, 0, 0, 1]);
    expect(() => svmSmo(K, [1, 1], { C: 1 })).toThrow(RangeError);
    expect(() => svmSmo(K, [1, 0], { C: 1 })).toThrow(RangeError);
    expect(() => svmSmo(K, [1, -1], { C: 0 })).toThrow(RangeError);
    expect(() => svmSmo(matrix(3, 3), [1, -1], { C: 1 })).toThrow(RangeError);
    const { X, y } = blobs(5, 60, 3, 0.2);
    expect(() => svmSmo(linearKernel(X, 60, 3), y, { C: 100, tol: 1e-12, maxIter: 3 })).toThrow(ConvergenceError);
  });

  it('handles a PSD-singular kernel (duplicate points) without NaN', () => {
    const K = matrix(4, 4, [1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1]);
    const m = svmSmo(K, [1, 1, -1, -1], { C: 1 });
    expect(Number.isFinite(m.b)).toBe(true);
    expect(svmKktResidual(K, m).max).toBeLessThan(1e-3);
  });
});
