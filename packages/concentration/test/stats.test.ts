import { describe, expect, it } from 'vitest';
import { erf, erfc, logLogSlope, meanSd, normalCdf, normalQuantile, olsFit, studentTQuantile, wilsonInterval } from '../src/index.js';
import { hoeffdingDeviation, hoeffdingTail } from '../src/index.js';

describe('special functions against published reference values', () => {
  it('erf / erfc', () => {
    expect(erf(0)).toBe(0);
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 15);
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 15);
    expect(erf(-2)).toBeCloseTo(-0.9953222650189527, 15);
    expect(erfc(3) / 2.209049699858544e-5).toBeCloseTo(1, 12);
    expect(erfc(5) / 1.5374597944280349e-12).toBeCloseTo(1, 12);
    expect(erf(Number.NaN)).toBeNaN();
    expect(erf(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('normal quantile and CDF', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.95996398454005, 12);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
    expect(normalCdf(normalQuantile(0.01))).toBeCloseTo(0.01, 14);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(2)).toBeNaN();
  });

  it('Student-t quantile', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062047361747, 9);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.22813885198627, 11);
    expect(studentTQuantile(0.025, 3)).toBeCloseTo(-3.18244630528371, 10);
  });
});

describe('estimators', () => {
  it('meanSd edge cases', () => {
    expect(meanSd([]).mean).toBeNaN();
    expect(meanSd([3])).toEqual({ mean: 3, sd: 0, se: 0, n: 1 });
    const s = meanSd([1, 2, 3, 4]);
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 15);
  });

  it('Wilson interval matches hand computation and handles the ends', () => {
    // 8/10 at 95%: center (0.8 + 1.9208/10)/(1 + 3.8415/10), half 1.96·√(0.016 + 0.0096)/(1.38415)
    const [lo, hi] = wilsonInterval(8, 10);
    expect(lo).toBeCloseTo(0.4901624, 6);
    expect(hi).toBeCloseTo(0.9433178, 6);
    expect(wilsonInterval(0, 20)[0]).toBe(0);
    expect(wilsonInterval(20, 20)[1]).toBe(1);
    expect(wilsonInterval(20, 20)[0]).toBeCloseTo(0.8388748, 6);
    expect(() => wilsonInterval(1, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
  });

  it('OLS recovers an exact line and gives a t-based CI', () => {
    const f = olsFit([1, 2, 3, 4], [3, 5, 7, 9]);
    expect(f.slope).toBeCloseTo(2, 14);
    expect(f.intercept).toBeCloseTo(1, 14);
    expect(f.slopeCi[0]).toBeCloseTo(2, 12);
    expect(f.r).toBeCloseTo(1, 14);
    const g = olsFit([0, 1, 2, 3], [0, 1.1, 1.9, 3.2]);
    // slope 1.05, residuals (−0.03, 0.02, −0.23? no) – check CI brackets the slope symmetrically with t_{0.975,2}
    expect(g.slopeCi[1] - g.slope).toBeCloseTo(g.se * 4.30265272974946, 10);
    expect(() => olsFit([1], [1])).toThrow(RangeError);
    expect(() => olsFit([1, 1], [1, 2])).toThrow(RangeError);
  });

  it('log-log slope of a power law', () => {
    const xs = [100, 400, 1600, 6400];
    expect(logLogSlope(xs, xs.map((x) => 3 * x ** -0.5)).slope).toBeCloseTo(-0.5, 13);
    expect(() => logLogSlope([1, 2], [0, 1])).toThrow(RangeError);
  });

  it('Hoeffding deviation inverts the tail', () => {
    const t = hoeffdingDeviation(100, 2, 0.05);
    expect(hoeffdingTail(100, 2, t)).toBeCloseTo(0.05, 14);
  });
});
