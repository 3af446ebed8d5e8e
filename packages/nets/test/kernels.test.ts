import { key, normal, sphere } from '@repro/concentration';
import { matrix } from '@repro/linalg';
import { expectAllClose } from '@repro/testkit';
import { describe, expect, it } from 'vitest';
import { angleBetween, arcCosineJ, arcCosineKernel, gramG, gramH, guardedAngle, hInfinity, kInfinity } from '../src/index.js';

/** Independent reference [README §Kernel derivations]: J_n(θ) = 2ⁿ n! ∫_{θ−π/2}^{π/2} cosⁿφ cosⁿ(φ−θ) dφ, composite Simpson with 4000 panels. */
function jQuadrature(n: number, theta: number): number {
  const a = theta - Math.PI / 2;
  const b = Math.PI / 2;
  const N = 4000;
  const h = (b - a) / N;
  const f = (p: number) => Math.cos(p) ** n * Math.cos(p - theta) ** n;
  let s = f(a) + f(b);
  for (let i = 1; i < N; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  const fact = [1, 1, 2, 6, 24][n] as number;
  return 2 ** n * fact * ((s * h) / 3);
}

describe('arc-cosine kernels', () => {
  it('closed forms match the angular quadrature for n = 0..4', () => {
    for (const n of [0, 1, 2, 3, 4])
      for (const theta of [0.05, 0.3, 1, 1.9, 2.9])
        expect(Math.abs(arcCosineJ(n, theta) - jQuadrature(n, theta)) / Math.max(1, jQuadrature(n, theta))).toBeLessThan(1e-9);
  });
  it('end values J_n(0) = (2n−1)!!π and J_n(π) = 0', () => {
    const dfact = [1, 1, 3, 15, 105];
    for (const n of [0, 1, 2, 3, 4]) {
      expect(arcCosineJ(n, 0)).toBeCloseTo((dfact[n] as number) * Math.PI, 12);
      expect(Math.abs(arcCosineJ(n, Math.PI))).toBeLessThan(1e-12);
    }
    expect(() => arcCosineJ(5, 1)).toThrow(RangeError);
  });
  it('angles are accurate near 0 and π, clamped, and defined for zero vectors', () => {
    const t = 1e-9;
    const x = [1, 0];
    const y = [Math.cos(t), Math.sin(t)];
    expect(angleBetween(x, y, 1, 1) / t).toBeCloseTo(1, 6);
    // the guarded recipe: x = y is exactly 0 (from coordinates), never acos of a cosine rounded below 1
    expect(guardedAngle(x, x, 1, 1, 1 + 1e-15)).toBe(0);
    expect(guardedAngle(x, [-1, 0], 1, 1, -1 - 1e-15)).toBe(Math.PI);
    expect(guardedAngle(y, y, 1, 1, 1 - 2e-16)).toBe(0);
    expect(guardedAngle(y, x, 1, 1, Math.cos(t)) / t).toBeCloseTo(1, 6);
    expect(guardedAngle([0, 0], x, 0, 1, 0)).toBe(Math.PI / 2);
    // acos where well conditioned: the clamped cosine
    expect(guardedAngle([1, 0], [0, 1], 1, 1, 0)).toBe(Math.PI / 2);
    expect(guardedAngle([1, 0], [1, 1], 1, Math.SQRT2, 1, 0.9)).toBe(Math.acos(1 / Math.SQRT2));
  });
  it('H∞ is symmetric with diagonal ½ for unit rows; K∞ diagonal ½', () => {
    const X = matrix(30, 5, sphere(key(1), 30, 5));
    const H = hInfinity(X);
    const K = kInfinity(X);
    for (let i = 0; i < 30; i++) {
      expect(Math.abs((H.data[i * 30 + i] as number) - 0.5)).toBeLessThan(1e-15);
      expect(Math.abs((K.data[i * 30 + i] as number) - 0.5)).toBeLessThan(1e-15);
      for (let j = 0; j < 30; j++) expect(H.data[i * 30 + j]).toBe(H.data[j * 30 + i]);
    }
    // a scaled copy of x has kernel k_1 ∝ norms: k_1(2x, x) = 2‖x‖²
    const Y = matrix(2, 3, [1, 2, 2, 2, 4, 4]);
    expect(arcCosineKernel(1, Y).data[1]).toBeCloseTo(2 * 9, 12);
  });
  it('Monte-Carlo Gram matrices converge to H∞ and K∞ (4-sigma bands)', () => {
    const n = 8;
    const d = 4;
    const M = 200_000;
    const X = matrix(n, d, sphere(key(2), n, d));
    const W = normal(key(3), M * d);
    // entry sd ≤ ½/√M (H) and ≤ √1.5/√M (K); 5 sd bands over ≤ 64 entries: family-wise false-failure < 4e-5
    expectAllClose(gramH(X, W, M).data, hInfinity(X).data, { rtol: 0, atol: 5 * 0.5 / Math.sqrt(M) });
    expectAllClose(gramG(X, W, M).data, kInfinity(X).data, { rtol: 0, atol: 5 * Math.sqrt(1.5) / Math.sqrt(M) });
  });
});
