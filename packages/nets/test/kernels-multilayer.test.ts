import { key, normal } from '@repro/concentration';
import { eigvalsh, matrix } from '@repro/linalg';
import { describe, expect, it } from 'vitest';
import {
  arcCosineActivation,
  arcCosineAngleMap,
  arcCosineAngleMapInPlace,
  arcCosineJ,
  arcCosineKernel,
  arcCosineLogDiagonal,
  arcCosineMultilayer,
  arcCosineMultilayerKernel,
  cosineMatrix,
  hInfinity,
  rbfKernel,
} from '../src/index.js';

const ROUNDING = 1e-13; // float64 rounding of a few transcendental evaluations and a d-term dot product

/** x, y with ‖x‖ = a, ‖y‖ = b at angle θ in the plane of e₁, e₂ of ℝ³. */
function pair(a: number, b: number, theta: number) {
  return matrix(2, 3, [a, 0, 0, b * Math.cos(theta), b * Math.sin(theta), 0]);
}

describe('arc-cosine kernels: closed forms at special angles', () => {
  it('k_n(x, x) = (2n−1)!!‖x‖²ⁿ, k_n(x, −x) = 0, and k_0 = 1 − θ/π', () => {
    for (const [n, df] of [[0, 1], [1, 1], [2, 3]] as const) {
      const K = arcCosineKernel(n, pair(1.7, 1.7, Math.PI));
      expect(K.data[0]).toBeCloseTo(df * 1.7 ** (2 * n), 12);
      expect(Math.abs(K.data[1] as number)).toBeLessThan(ROUNDING);
    }
    expect(arcCosineKernel(0, pair(2, 3, Math.PI / 2)).data[1]).toBeCloseTo(0.5, 14);
    expect(arcCosineKernel(1, pair(2, 3, Math.PI / 2)).data[1]).toBeCloseTo(6 / Math.PI, 14); // J_1(π/2) = 1
    expect(arcCosineKernel(2, pair(2, 3, Math.PI / 2)).data[1]).toBeCloseTo((36 * Math.PI) / 2 / Math.PI, 12); // J_2(π/2) = π/2
  });
  it('the angle map is J_n(θ)/J_n(0) and fixes θ = 0', () => {
    for (const n of [0, 1, 2, 3, 4]) {
      for (const t of [0.2, 1, 2.5]) expect(arcCosineAngleMap(n, Math.cos(t))).toBeCloseTo(arcCosineJ(n, t) / arcCosineJ(n, 0), 13);
      expect(arcCosineAngleMap(n, 1)).toBe(1);
      expect(Math.abs(arcCosineAngleMap(n, -1))).toBeLessThan(ROUNDING);
      expect(arcCosineAngleMap(n, 1 + 1e-12)).toBe(1); // clamped
    }
  });
  it('the in-place angle map gives arcCosineAngleMap bit for bit (degree loops unrolled)', () => {
    const xs = Float64Array.from([...Array.from(normal(key(5), 2000), (v) => Math.tanh(v)), -1, 1, -0, 0, -1.5, 1.5, 1 - 1e-16, -1 + 1e-16, Number.NaN]);
    for (const n of [0, 1, 2, 3, 4]) {
      const got = xs.slice();
      arcCosineAngleMapInPlace(n, got);
      got.forEach((v, i) => expect(Object.is(v, arcCosineAngleMap(n, xs[i] as number))).toBe(true));
    }
    expect(() => arcCosineAngleMapInPlace(5, xs.slice())).toThrow(RangeError);
  });
  it('activation g_n(z) = Θ(z) zⁿ with Θ(0) = 0', () => {
    expect(arcCosineActivation(0, 0)).toBe(0);
    expect(arcCosineActivation(0, 0.1)).toBe(1);
    expect(arcCosineActivation(1, -2)).toBe(0);
    expect(arcCosineActivation(2, 3)).toBe(9);
  });
});

describe('multilayer arc-cosine kernel', () => {
  const X = matrix(12, 6, normal(key(7), 72));
  it('depth 1 equals the single-layer Gram; symmetric with exact diagonal', () => {
    for (const n of [0, 1, 2]) {
      const A = arcCosineMultilayerKernel([n], X);
      const B = arcCosineKernel(n, X);
      for (let i = 0; i < A.data.length; i++) expect(Math.abs((A.data[i] as number) - (B.data[i] as number))).toBeLessThan(1e-12 * Math.max(1, Math.abs(B.data[i] as number)));
      for (let i = 0; i < 12; i++) for (let j = 0; j < 12; j++) expect(A.data[i * 12 + j]).toBe(A.data[j * 12 + i]);
    }
  });
  it('the Gram (angle-space) form equals the scalar recursion of the paper at depth 1..6', () => {
    const Y = matrix(3, 6, normal(key(8), 18));
    for (const n of [0, 1, 2])
      for (let L = 1; L <= 6; L++) {
        const ns = Array.from({ length: L }, () => n);
        const K = arcCosineMultilayerKernel(ns, X, Y);
        for (const [i, j] of [[0, 0], [4, 2], [11, 1]] as const) {
          let xx = 0;
          let yy = 0;
          let xy = 0;
          for (let t = 0; t < 6; t++) {
            const a = X.data[i * 6 + t] as number;
            const b = Y.data[j * 6 + t] as number;
            xx += a * a;
            yy += b * b;
            xy += a * b;
          }
          const ref = arcCosineMultilayer(ns, xx, yy, xy)[L]?.xy as number;
          expect(Math.abs((K.data[i * 3 + j] as number) - ref)).toBeLessThan(1e-11 * Math.abs(ref) + 1e-300);
        }
      }
  });
  it('mixed degrees per layer follow the layer order', () => {
    const a = arcCosineMultilayer([2, 0], 2, 3, 1)[2]?.xy as number;
    const b = arcCosineMultilayer([0, 2], 2, 3, 1)[2]?.xy as number;
    expect(a).not.toBeCloseTo(b, 3);
    const K = arcCosineMultilayerKernel([2, 0], matrix(2, 2, [Math.SQRT2, 0, 1 / Math.SQRT2, Math.sqrt(2.5)]));
    expect(K.data[1]).toBeCloseTo(a, 12);
  });
  it('n = 2 at large norm: no overflow through depth 6 (‖x‖² = 88, the mnist mean)', () => {
    const r = Math.sqrt(88);
    const Z = matrix(2, 2, [r, 0, r * Math.cos(0.4), r * Math.sin(0.4)]);
    const K = arcCosineMultilayerKernel([2, 2, 2, 2, 2, 2], Z);
    // [README §Kernel derivations]: k^(6)(x,x) = 3^63·88^64 ≈ 3.2e154
    expect((K.data[0] as number) / (3 ** 63 * 88 ** 64)).toBeCloseTo(1, 10);
    expect(Number.isFinite(K.data[1] as number)).toBe(true);
    expect(K.data[1] as number).toBeGreaterThan(0);
    const logs = arcCosineLogDiagonal([2, 2, 2, 2, 2, 2, 2], 88);
    expect(logs[7]).toBeCloseTo(127 * Math.log(3) + 128 * Math.log(88), 8); // finite in logs where k overflows
    expect(Math.exp(logs[7] as number)).toBe(Number.POSITIVE_INFINITY);
  });
  it('is PSD at depth 1..6 (λ_min ≥ −1e-10 λ_max)', () => {
    for (const n of [0, 1, 2])
      for (let L = 1; L <= 6; L++) {
        const ev = eigvalsh(arcCosineMultilayerKernel(Array.from({ length: L }, () => n), X));
        expect(ev[0] as number).toBeGreaterThanOrEqual(-1e-10 * (ev[ev.length - 1] as number));
      }
  });
  it('degree 0 rejects x = 0; degree ≥ 1 gives 0 there', () => {
    const Z = matrix(2, 2, [0, 0, 1, 1]);
    expect(() => arcCosineMultilayerKernel([0], Z)).toThrow(RangeError);
    const K = arcCosineMultilayerKernel([1, 1], Z);
    expect(K.data[0]).toBe(0);
    expect(K.data[1]).toBe(0);
    expect(K.data[3]).toBeCloseTo(2, 14);
  });
  it('H∞ still equals (XXᵀ)∘k_0/2 (du2019)', () => {
    const H = hInfinity(X);
    const K0 = arcCosineMultilayerKernel([0], X);
    const { cos, sqNormX } = cosineMatrix(X);
    for (const [i, j] of [[0, 1], [3, 7]] as const) {
      const dot = (cos.data[i * 12 + j] as number) * Math.sqrt((sqNormX[i] as number) * (sqNormX[j] as number));
      expect(H.data[i * 12 + j]).toBeCloseTo((dot * (K0.data[i * 12 + j] as number)) / 2, 13);
    }
  });
});

describe('rbfKernel', () => {
  it('unit diagonal, symmetric, exp(−γ‖x − y‖²)', () => {
    const X = matrix(3, 2, [0, 0, 1, 0, 0, 2]);
    const K = rbfKernel(X, 0.5);
    expect(K.data[0]).toBe(1);
    expect(K.data[1]).toBeCloseTo(Math.exp(-0.5), 15);
    expect(K.data[5]).toBeCloseTo(Math.exp(-2.5), 15);
    expect(K.data[7]).toBe(K.data[5]);
    expect(rbfKernel(X, 0.5, matrix(1, 2, [0, 2])).data[2]).toBeCloseTo(1, 14);
    expect(() => rbfKernel(X, 0)).toThrow(RangeError);
  });
});
