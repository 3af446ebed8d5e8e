/** Issue 18 regressions: the multilayer arc-cosine recursion at x = y and at tiny angles (degree-0 layers amplify θ ↦ √(2θ/π)). */
import { matrix } from '@repro/linalg';
import { describe, expect, it } from 'vitest';
import { arcCosineJ, arcCosineJDeficit, arcCosineMultilayer, arcCosineMultilayerKernel, arcCosineThetaMap } from '../src/kernels.js';

const EPS = Number.EPSILON;

describe('x = y: the angle stays exactly 0 at every degree and depth', () => {
  it('arcCosineMultilayer([0,0,0,0,0], 2, 2, 2) is 1 at every depth (was 0.93080 at depth 5)', () => {
    const out = arcCosineMultilayer([0, 0, 0, 0, 0], 2, 2, 2);
    for (let L = 1; L <= 5; L++) expect(out[L]!.xy).toBe(1);
  });
  it('scalar form, degrees 0..4, depth 1..8, several norms: xy/√(xx·yy) = 1 to rounding wherever finite', () => {
    for (const k of [2, 0.37, 1, 3, 1e-200, 1e200])
      for (let n = 0; n <= 4; n++) {
        const out = arcCosineMultilayer(Array.from({ length: 8 }, () => n), k, k, k);
        for (let L = 1; L <= 8; L++) {
          const { xx, yy, xy } = out[L]!;
          if (!(Number.isFinite(xx) && xx > 0)) continue; // deep degree ≥ 2 diagonals overflow/underflow; not an angle question
          expect(xx).toBe(yy);
          expect(Math.abs(xy / xx - 1), `k=${k} n=${n} L=${L}`).toBeLessThanOrEqual(4 * EPS);
        }
      }
  });
  it('matrix form with a repeated row (not the diagonal): equal to the diagonal entry, degrees 0..2, depth 1..8', () => {
    const X = matrix(3, 3, [0.3, -1.2, 0.7, 0.3, -1.2, 0.7, 1, 0, 0]);
    for (let n = 0; n <= 2; n++)
      for (let L = 1; L <= 8; L++) {
        const K = arcCosineMultilayerKernel(Array.from({ length: L }, () => n), X);
        expect(Math.abs((K.data[1] as number) / (K.data[0] as number) - 1), `n=${n} L=${L}`).toBeLessThanOrEqual(4 * EPS);
      }
  });
});

describe('tiny angles survive the degree-0 recursion (matrix form)', () => {
  /** Exact for X = [(1,0), (1,δ)]: θ₀ = atan δ, each degree-0 layer 1 − cos θ′ = θ/π, θ′ = 2·asin(√(θ/(2π))); via the series. */
  function expected(delta: number, L: number): number {
    let th = Math.atan(delta);
    let k = 1;
    for (let l = 0; l < L; l++) {
      k = 1 - th / Math.PI;
      const z = th / (2 * Math.PI);
      th = 2 * Math.sqrt(z) * (1 + z / 6 + (3 * z * z) / 40); // 2·asin(√z), |error| < z^3.5
    }
    return k;
  }
  it('issue example: X = [(1,0), (1,1e-9)] gives 0.99999197 at depth 2 and 0.942840 at depth 5 (was 1)', () => {
    const X = matrix(2, 2, [1, 0, 1, 1e-9]);
    expect(arcCosineMultilayerKernel([0, 0], X).data[1]).toBeCloseTo(0.99999197, 8);
    expect(arcCosineMultilayerKernel([0, 0, 0, 0, 0], X).data[1]).toBeCloseTo(0.94284, 5);
  });
  it('angles 1e-6..1e-15, depth 1..3: 1 − k matches the closed-form recursion to 1e-9 relative', () => {
    for (const delta of [1e-6, 1e-8, 1e-10, 1e-12, 1e-15]) {
      const X = matrix(2, 2, [1, 0, 1, delta]);
      for (let L = 1; L <= 3; L++) {
        const got = 1 - (arcCosineMultilayerKernel(Array.from({ length: L }, () => 0), X).data[1] as number);
        const want = 1 - expected(delta, L);
        expect(got, `δ=${delta} L=${L}`).toBeGreaterThan(0);
        // 1 − k is itself rounded: |error| ≤ ε on k, i.e. ε/(1 − k) relative
        expect(Math.abs(got - want) / want, `δ=${delta} L=${L}`).toBeLessThanOrEqual(1e-9 + EPS / want);
      }
    }
  });
  it('arcCosineThetaMap: θ = 0 ↦ 0 exactly; small θ keeps relative accuracy; equals acos(J_n(θ)/J_n(0)) where that is well conditioned', () => {
    for (let n = 0; n <= 4; n++) {
      expect(arcCosineThetaMap(n, 0)).toBe(0);
      for (const t of [0.3, 1, 1.7, 3]) expect(Math.abs(arcCosineThetaMap(n, t) - Math.acos(arcCosineJ(n, t) / arcCosineJ(n, 0)))).toBeLessThan(1e-14);
      for (const t of [1e-6, 1e-10, 1e-15]) {
        // small θ: D_n(θ) ≈ (n² J_{n−1}(0)/2)·θ² for n ≥ 1 (J_n' = −n² sin θ J_{n−1}), D_0 = θ
        const lead = n === 0 ? t : ((n * n * arcCosineJ(n - 1, 0)) / 2) * t * t;
        expect(Math.abs(arcCosineJDeficit(n, t) / lead - 1), `n=${n} θ=${t}`).toBeLessThan(n === 0 ? EPS : 1e-5);
      }
    }
  });
});
