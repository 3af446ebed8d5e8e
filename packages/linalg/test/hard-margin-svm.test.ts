import { key, normal, uniform } from '@repro/concentration';
import { describe, expect, it } from 'vitest';
import { ConvergenceError, hardMarginSvm, hardMarginSvmMulticlass, matrix } from '../src/index.js';

/** KKT residuals at the optimum: Hildreth stops at 1e-12 and the active-set polish is exact up to rounding. */
const KKT_TOL = 1e-10;
/** Angle-scan resolution in 2-D: 2·10⁵ directions give a step of π·1e-5 rad, so the best direction is within ~2e-5 rad. */
const SCAN_STEPS = 200_000;
const SCAN_ANGLE_TOL = 5e-5;

describe('hardMarginSvm', () => {
  it("solves soudry2017's asymmetric example [papers/soudry2017/NOTES.md §1]: ŵ = (1, 0.8), α = (0.84, 0.80, 0, 0), θ = 2.4", () => {
    const Z = matrix(4, 2, [1, 0, 0.2, 1, 1.5, 1.5, 2, 0.5]);
    const r = hardMarginSvm(Z);
    expect(r.w[0]).toBeCloseTo(1, 12);
    expect(r.w[1]).toBeCloseTo(0.8, 12);
    expect(Array.from(r.alpha).map((a) => +a.toFixed(12))).toEqual([0.84, 0.8, 0, 0]);
    expect(r.support).toEqual([0, 1]);
    expect(r.theta).toBeCloseTo(2.4, 12);
    expect(r.polished).toBe(true);
    // Σ_S α_n = ‖ŵ‖² [papers/soudry2017/NOTES.md §1]
    expect((r.alpha[0] as number) + (r.alpha[1] as number)).toBeCloseTo(1.64, 12);
    expect(r.margin).toBeCloseTo(1 / Math.sqrt(1.64), 12);
  });

  it('meets the KKT conditions on random separable data (N = 40, d = 30)', () => {
    const N = 40;
    const d = 30;
    const g = normal(key(7), N * d);
    const lab = uniform(key(8), N);
    const Z = matrix(N, d);
    for (let n = 0; n < N; n++) {
      const y = (lab[n] as number) < 0.5 ? -1 : 1;
      for (let j = 0; j < d; j++) Z.data[n * d + j] = y * (j === 0 ? y * (1 + 0.7 * (g[n * d] as number)) : 2 * (g[n * d + j] as number));
    }
    const r = hardMarginSvm(Z);
    expect(r.kkt.primal).toBeLessThanOrEqual(KKT_TOL);
    expect(r.kkt.dual).toBe(0);
    expect(r.kkt.complementarity).toBeLessThanOrEqual(KKT_TOL);
    expect(r.kkt.stationarity).toBeLessThanOrEqual(KKT_TOL);
    expect(r.support.length).toBeGreaterThan(0);
    expect(r.support.length).toBeLessThanOrEqual(d);
    // Every α_n > 0 is on the margin; off-margin points have α_n = 0.
    for (let n = 0; n < N; n++) if ((r.alpha[n] as number) > 1e-9) expect(Math.abs((r.margins[n] as number) - 1)).toBeLessThan(1e-8);
  });

  it('agrees with an angle scan in 2-D (max over unit u of min_n uᵀz_n)', () => {
    const u = uniform(key(3), 24);
    const Z = matrix(12, 2);
    for (let n = 0; n < 12; n++) {
      // points in the cone around (1, 2), some near the margin
      const a = 0.2 + 1.1 * (u[2 * n] as number);
      const s = 0.5 + 2 * (u[2 * n + 1] as number);
      Z.data[2 * n] = s * Math.cos(a);
      Z.data[2 * n + 1] = s * Math.sin(a);
    }
    const r = hardMarginSvm(Z);
    let best = -Infinity;
    let bestAngle = 0;
    for (let i = 0; i < SCAN_STEPS; i++) {
      const phi = -Math.PI + (2 * Math.PI * i) / SCAN_STEPS;
      let m = Infinity;
      for (let n = 0; n < 12; n++) m = Math.min(m, Math.cos(phi) * (Z.data[2 * n] as number) + Math.sin(phi) * (Z.data[2 * n + 1] as number));
      if (m > best) {
        best = m;
        bestAngle = phi;
      }
    }
    const svmAngle = Math.atan2(r.w[1] as number, r.w[0] as number);
    expect(Math.abs(svmAngle - bestAngle)).toBeLessThan(SCAN_ANGLE_TOL);
    // The geometric margin is the scan's max-min value (a maximum is flat: error quadratic in the angle step).
    expect(r.margin).toBeCloseTo(best, 8);
  });

  it("handles duplicated support vectors (soudry2017's Figure-1 data after label absorption)", () => {
    const Z = matrix(4, 2, [0.5, 1.5, 1.5, 0.5, 0.5, 1.5, 1.5, 0.5]);
    const r = hardMarginSvm(Z);
    expect(r.w[0]).toBeCloseTo(0.5, 10);
    expect(r.w[1]).toBeCloseTo(0.5, 10);
    expect(r.polished).toBe(false); // Z_S Z_Sᵀ is singular: α is not unique, Hildreth's answer stands
    expect(r.kkt.complementarity).toBeLessThanOrEqual(KKT_TOL);
    expect(r.alpha.reduce((s, a) => s + a, 0)).toBeCloseTo(0.5, 10); // Σα = ‖ŵ‖²
  });

  it('rejects non-separable data, zero rows and non-finite input', () => {
    expect(() => hardMarginSvm(matrix(2, 2, [1, 0, -1, 0]), { maxSweeps: 2000 })).toThrow(ConvergenceError);
    expect(() => hardMarginSvm(matrix(2, 2, [1, 0, 0, 0]))).toThrow(/row 1 is zero/);
    expect(() => hardMarginSvm(matrix(1, 2, [1, Number.NaN]))).toThrow(RangeError);
    expect(() => hardMarginSvm(matrix(0, 2))).toThrow(RangeError);
  });

  it('single constraint: ŵ = z/‖z‖²', () => {
    const r = hardMarginSvm(matrix(1, 3, [3, 0, 4]));
    expect(Array.from(r.w)).toEqual([3 / 25, 0, 4 / 25].map((v) => expect.closeTo(v, 14) as unknown as number));
    expect(r.theta).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('hardMarginSvmMulticlass', () => {
  it('three symmetric classes: Ŵ rows along the class directions, constraints tight', () => {
    const X = matrix(3, 2);
    const y = [0, 1, 2];
    for (let c = 0; c < 3; c++) {
      X.data[2 * c] = Math.cos((2 * Math.PI * c) / 3);
      X.data[2 * c + 1] = Math.sin((2 * Math.PI * c) / 3);
    }
    const r = hardMarginSvmMulticlass(X, y, 3);
    expect(r.pairs).toHaveLength(6);
    expect(r.binary.kkt.primal).toBeLessThanOrEqual(KKT_TOL);
    // By symmetry ŵ_c = s·x_c with (ŵ_c − ŵ_k)ᵀx_c = s(1 + ½) = 1 ⇒ s = 2/3.
    for (let c = 0; c < 3; c++) {
      expect(r.W.data[2 * c]).toBeCloseTo((2 / 3) * (X.data[2 * c] as number), 10);
      expect(r.W.data[2 * c + 1]).toBeCloseTo((2 / 3) * (X.data[2 * c + 1] as number), 10);
    }
    for (const [n, k] of r.pairs) {
      const c = y[n] as number;
      let m = 0;
      for (let j = 0; j < 2; j++) m += ((r.W.data[c * 2 + j] as number) - (r.W.data[k * 2 + j] as number)) * (X.data[n * 2 + j] as number);
      expect(m).toBeGreaterThanOrEqual(1 - KKT_TOL);
    }
  });

  it('validates labels', () => {
    expect(() => hardMarginSvmMulticlass(matrix(1, 2, [1, 0]), [3], 3)).toThrow(RangeError);
    expect(() => hardMarginSvmMulticlass(matrix(1, 2, [1, 0]), [0, 1], 3)).toThrow(RangeError);
  });
});
