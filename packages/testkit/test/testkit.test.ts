import { describe, expect, it } from 'vitest';
import { allClose, expectAllClose, expectRelFro, relFro } from '../src/index.js';

describe('allClose (numpy semantics)', () => {
  it('uses atol + rtol·|expected|', () => {
    expect(allClose([1, 2], [1 + 1e-6, 2])).toBe(true);
    expect(allClose([1], [1.1])).toBe(false);
    expect(allClose(0, 1e-9)).toBe(true);
    expect(allClose([100], [100.002], { rtol: 1e-5, atol: 0 })).toBe(false);
  });
  it('handles NaN and infinities like numpy', () => {
    expect(allClose([Number.NaN], [Number.NaN])).toBe(false);
    expect(allClose([Number.NaN], [Number.NaN], { equalNan: true })).toBe(true);
    expect(allClose([Number.POSITIVE_INFINITY], [Number.POSITIVE_INFINITY])).toBe(true);
    expect(allClose([Number.POSITIVE_INFINITY], [Number.NEGATIVE_INFINITY])).toBe(false);
  });
  it('rejects shape mismatches and names the worst index', () => {
    expect(() => allClose([1, 2], [1])).toThrow(/shape/);
    expect(() => expectAllClose([1, 2, 3], [1, 2.5, 3.1])).toThrow(/index 1/);
  });
  it('relative Frobenius error', () => {
    expect(relFro([3, 4], [3, 4])).toBe(0);
    expect(relFro([3, 5], [3, 4])).toBeCloseTo(0.2, 15);
    expect(() => expectRelFro([3, 5], [3, 4], 0.1)).toThrow(/0.2/);
  });
});
