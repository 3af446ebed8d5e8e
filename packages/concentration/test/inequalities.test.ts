import { describe, expect, it } from 'vitest';
import {
  bernsteinSumTail,
  bernsteinTail,
  empiricalQuantile,
  empiricalTail,
  key,
  matrixChernoffLowerTail,
  matrixChernoffLowerWidth,
  matrixChernoffUpperTail,
  normal,
  wilsonInterval,
} from '../src/index.js';

describe('matrix Chernoff', () => {
  it('upper tail: closed form at a hand-computed point, capped at 1, monotone in ε and μ/R', () => {
    // d·[e^ε/(1+ε)^{1+ε}]^{μ/R} with d = 3, ε = 1, μ/R = 10: 3·(e/4)^10.
    expect(matrixChernoffUpperTail(3, 10, 1, 1)).toBeCloseTo(3 * (Math.E / 4) ** 10, 14);
    expect(matrixChernoffUpperTail(100, 1, 1, 0.1)).toBe(1);
    expect(matrixChernoffUpperTail(5, 50, 1, 0.5)).toBeLessThan(matrixChernoffUpperTail(5, 50, 1, 0.25));
    expect(matrixChernoffUpperTail(5, 100, 1, 0.5)).toBeLessThan(matrixChernoffUpperTail(5, 50, 1, 0.5));
    expect(() => matrixChernoffUpperTail(5, 50, 1, 0)).toThrow(RangeError);
  });

  it('lower width makes the simplified lower tail ≤ δ, and the exact lower tail is below the simplified one', () => {
    for (const eps of [0.25, 0.5, 0.75]) {
      const L = 2;
      const mu = 0.3;
      const m = matrixChernoffLowerWidth(20, mu, L, eps, 0.1);
      // Σ X_k with X_k = A_k/m: R = L/m, so μ/R = μm/L.
      const exact = matrixChernoffLowerTail(20, mu, L / m, eps);
      const simplified = 20 * Math.exp((-eps * eps * mu * m) / (2 * L));
      expect(simplified).toBeCloseTo(0.1, 12);
      expect(exact).toBeLessThanOrEqual(simplified * (1 + 1e-12));
    }
  });

  it('upper tail bounds the frequency for sums of rank-one PSD matrices (2×2, Monte Carlo)', () => {
    // X_k = g_k g_kᵀ/m with g_k having two independent Rademacher-like bounded coordinates: use |N(0,1)| clipped to 2.
    // E X_k = c I/m, λ_max(X_k) ≤ 8/m. Compare the empirical frequency of λ_max(ΣX_k) ≥ (1+ε)c with the bound.
    const m = 200;
    const T = 400;
    const z = normal(key(11), T * m * 2);
    const clip = (v: number): number => Math.max(-2, Math.min(2, v));
    // c = E[clip(g)²] for g ~ N(0,1), by a large sample.
    const big = normal(key(12), 200_000);
    let c = 0;
    for (const v of big) c += clip(v) ** 2;
    c /= big.length;
    const eps = 0.5;
    let hits = 0;
    for (let t = 0; t < T; t++) {
      let a = 0;
      let b = 0;
      let off = 0;
      for (let k = 0; k < m; k++) {
        const g1 = clip(z[(t * m + k) * 2] as number);
        const g2 = clip(z[(t * m + k) * 2 + 1] as number);
        a += g1 * g1;
        b += g2 * g2;
        off += g1 * g2;
      }
      a /= m;
      b /= m;
      off /= m;
      const lmax = (a + b) / 2 + Math.sqrt(((a - b) / 2) ** 2 + off * off);
      if (lmax >= (1 + eps) * c) hits++;
    }
    const bound = matrixChernoffUpperTail(2, c, 8 / m, eps);
    const [lo] = wilsonInterval(hits, T, 0.01);
    expect(lo).toBeLessThanOrEqual(bound);
  });
});

describe('Bernstein', () => {
  it('the sum form equals the mean form at t_sum = n·t_mean, v = n·σ²', () => {
    const n = 40;
    const sigma2 = 0.3;
    const b = 1;
    const t = 0.2;
    expect(bernsteinSumTail(n * sigma2, b, n * t)).toBeCloseTo(bernsteinTail(n, sigma2, b, t), 14);
    expect(bernsteinSumTail(1, 1, 0)).toBe(1);
  });
});

describe('empirical quantile and tail', () => {
  it('quantile interpolates like numpy (type 7); edge cases', () => {
    const xs = [3, 1, 2, 4];
    expect(empiricalQuantile(xs, 0)).toBe(1);
    expect(empiricalQuantile(xs, 1)).toBe(4);
    expect(empiricalQuantile(xs, 0.5)).toBe(2.5);
    expect(empiricalQuantile(xs, 0.9)).toBeCloseTo(3.7, 14); // numpy.quantile([1,2,3,4], 0.9) = 3.7
    expect(empiricalQuantile([], 0.5)).toBeNaN();
    expect(() => empiricalQuantile(xs, 1.5)).toThrow(RangeError);
  });

  it('tail counts X ≥ t with Wilson intervals; the standard normal tail lies inside its band', () => {
    const pts = empiricalTail([0, 1, 2, 3], [0, 2, 5]);
    expect(pts.map((p) => p.exceed)).toEqual([4, 2, 0]);
    expect(pts[2]?.ciLow).toBe(0);
    const xs = normal(key(5), 4000);
    for (const p of empiricalTail(xs, [0, 1, 2], 0.001)) {
      const exact = { 0: 0.5, 1: 0.15865525393145707, 2: 0.022750131948179195 }[p.t] as number;
      expect(p.ciLow).toBeLessThanOrEqual(exact);
      expect(p.ciHigh).toBeGreaterThanOrEqual(exact);
    }
    expect(empiricalTail([], [1])[0]?.frequency).toBeNaN();
  });
});
