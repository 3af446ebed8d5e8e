import { describe, expect, it } from 'vitest';
import { maxRatioToGeometric, patternFlipBound } from '../src/index.js';

describe('maxRatioToGeometric', () => {
  it('is the worst L(k)/(c^k L(0)) over k ≥ 1, in log space', () => {
    expect(maxRatioToGeometric([1, 0.5, 0.25], 0.5).maxRatio).toBeCloseTo(1, 12);
    expect(maxRatioToGeometric([1, 0.6, 0.25], 0.5).maxRatio).toBeCloseTo(1.2, 12);
    // c^k underflows past k ≈ 1074 while the ratio stays 1: the log form never divides by a zero bound.
    const exact = Array.from({ length: 1500 }, (_, k) => 0.5 ** k);
    expect(maxRatioToGeometric(exact, 0.5).maxRatio).toBeCloseTo(1, 12);
  });
  it('counts floored steps only when a floor is given; NaN loss gives NaN', () => {
    const loss = [1, 1e-13, 1e-14];
    expect(maxRatioToGeometric(loss, 1e-13, 1e-12)).toEqual({ maxRatio: 0, floored: 2 });
    expect(maxRatioToGeometric(loss, 1e-13).floored).toBe(0);
    expect(maxRatioToGeometric([1, Number.NaN], 0.5).maxRatio).toBeNaN();
  });
});

describe('patternFlipBound', () => {
  it('counts neurons flagged at either input, times |ρ_ij|/m', () => {
    // n = 2 inputs, m = 3 neurons; Z is n×m. Flags at R = 0.5: input 0 → neurons {0, 2}; input 1 → neuron {2}.
    const Z = [0.1, 0.9, -0.2, 0.7, 0.6, 0.3];
    const U = patternFlipBound(Z, [1, 0.5, 0.5, 1], 2, 3, 0.5);
    expect([...U.data]).toEqual([2 / 3, (0.5 * 2) / 3, (0.5 * 2) / 3, 1 / 3]);
    expect(() => patternFlipBound(Z, [1], 2, 3, 0.5)).toThrow(RangeError);
  });
});
