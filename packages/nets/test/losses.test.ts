import { describe, expect, it } from 'vitest';
import { expLoss, logSumExp, logisticLoss, logisticNegDeriv, logisticSecondDeriv, marginLoss, marginLossNegDeriv, softmaxCrossEntropy } from '../src/index.js';

/** Central finite differences with step 1e-5 on O(1) functions: truncation ~1e-10, rounding ~1e-11. */
const FD_STEP = 1e-5;
const FD_TOL = 1e-8;

describe('logistic loss', () => {
  it('is accurate where the naive formula underflows or overflows', () => {
    // ln(1 + e^{−40}) = e^{−40} − e^{−80}/2 + …: the naive log(1 + exp(−40)) returns 0.
    expect(logisticLoss(40)).toBeCloseTo(Math.exp(-40), 30);
    expect(logisticLoss(40) / Math.exp(-40)).toBeCloseTo(1, 14);
    expect(logisticLoss(800)).toBe(0); // e^{−800} underflows to 0: correct to within the smallest subnormal
    expect(logisticLoss(-800)).toBe(800); // naive: log(1 + Inf) = Inf
    expect(logisticLoss(0)).toBeCloseTo(Math.LN2, 15);
    expect(logisticLoss(-30)).toBeCloseTo(30 + Math.exp(-30), 13);
  });

  it('−ℓ′ and ℓ″ are finite for |u| up to 1e3 and match finite differences', () => {
    for (const u of [-1000, -30, -5, -0.3, 0, 0.7, 5, 30, 1000]) {
      const g = logisticNegDeriv(u);
      const h = logisticSecondDeriv(u);
      expect(Number.isFinite(g) && Number.isFinite(h)).toBe(true);
      expect(g).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThanOrEqual(0.25);
      if (Math.abs(u) <= 30) {
        const fd = -(logisticLoss(u + FD_STEP) - logisticLoss(u - FD_STEP)) / (2 * FD_STEP);
        expect(Math.abs(fd - g)).toBeLessThan(FD_TOL);
        const fd2 = -(logisticNegDeriv(u + FD_STEP) - logisticNegDeriv(u - FD_STEP)) / (2 * FD_STEP);
        expect(Math.abs(fd2 - h)).toBeLessThan(FD_TOL);
      }
    }
    expect(logisticNegDeriv(-1000)).toBe(1);
    expect(logisticNegDeriv(40) / Math.exp(-40)).toBeCloseTo(1, 14); // the exponential tail −ℓ′ ≈ e^{−u}
  });

  it('NaN propagates', () => {
    expect(logisticLoss(Number.NaN)).toBeNaN();
    expect(logisticNegDeriv(Number.NaN)).toBeNaN();
  });
});

describe('exp loss', () => {
  it('ℓ = −ℓ′ = e^{−u}; named dispatch', () => {
    expect(expLoss(2)).toBe(Math.exp(-2));
    expect(marginLoss('exp', 3)).toBe(Math.exp(-3));
    expect(marginLossNegDeriv('exp', 3)).toBe(Math.exp(-3));
    expect(marginLoss('logistic', 3)).toBe(logisticLoss(3));
    expect(marginLossNegDeriv('logistic', 3)).toBe(logisticNegDeriv(3));
    expect(expLoss(-710)).toBe(Number.POSITIVE_INFINITY); // documented overflow
  });
});

describe('softmax cross-entropy', () => {
  it('log-sum-exp is stable for logits of size ~1e3', () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp([-1000, -1000, -1000])).toBeCloseTo(-1000 + Math.log(3), 12);
    expect(logSumExp([])).toBe(Number.NEGATIVE_INFINITY);
    expect(logSumExp([5, 1, 2, 3], 1, 2)).toBeCloseTo(Math.log(Math.exp(1) + Math.exp(2)), 14);
  });

  it('matches the definition, is tiny but nonzero when the label dominates, and gives probabilities', () => {
    const z = [0.3, -1.2, 2.0];
    const p = new Float64Array(3);
    const L = softmaxCrossEntropy(z, 2, p);
    const ref = -Math.log(Math.exp(2) / (Math.exp(0.3) + Math.exp(-1.2) + Math.exp(2)));
    expect(L).toBeCloseTo(ref, 14);
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 15);
    // Margin 40 between the label and the others (as in ‖W‖ ~ 30 training): loss ≈ 2e^{−40}, not 0.
    const big = softmaxCrossEntropy([40, 0, 0], 0);
    expect(big / (2 * Math.exp(-40))).toBeCloseTo(1, 12);
    expect(softmaxCrossEntropy([800, 0, 0], 1)).toBeCloseTo(800, 10);
    expect(softmaxCrossEntropy([1e300, -1e300], 1)).toBe(2e300);
    expect(() => softmaxCrossEntropy(z, 3)).toThrow(RangeError);
  });

  it('gradient p − e_label matches finite differences', () => {
    const z = [0.1, 0.5, -0.4, 1.3];
    const p = new Float64Array(4);
    softmaxCrossEntropy(z, 1, p);
    for (let k = 0; k < 4; k++) {
      const zp = [...z];
      const zm = [...z];
      zp[k] = (zp[k] as number) + FD_STEP;
      zm[k] = (zm[k] as number) - FD_STEP;
      const fd = (softmaxCrossEntropy(zp, 1) - softmaxCrossEntropy(zm, 1)) / (2 * FD_STEP);
      expect(Math.abs(fd - ((p[k] as number) - (k === 1 ? 1 : 0)))).toBeLessThan(FD_TOL);
    }
  });
});
