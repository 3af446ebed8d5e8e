import { describe, expect, it } from 'vitest';
import { foldIn, key, permutation } from '../src/index.js';

describe('permutation', () => {
  it('is a permutation, deterministic per key, and handles n = 0, 1', () => {
    const p = permutation(key(3), 1000);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect([...permutation(key(3), 1000)]).toEqual([...p]);
    expect([...permutation(key(4), 1000)]).not.toEqual([...p]);
    expect(permutation(key(0), 0).length).toBe(0);
    expect([...permutation(key(0), 1)]).toEqual([0]);
    expect(() => permutation(key(0), -1)).toThrow(RangeError);
  });
  it('puts each element at position 0 with frequency ≈ 1/n (chi-square, false-failure rate ≈ 1e-4)', () => {
    const n = 5;
    const trials = 20000;
    const counts = new Array(n).fill(0) as number[];
    for (let t = 0; t < trials; t++) counts[permutation(foldIn(key(11), t), n)[0] as number]! += 1;
    const e = trials / n;
    const chi2 = counts.reduce((s, c) => s + (c - e) ** 2 / e, 0);
    // chi-square with 4 degrees of freedom: P(χ² > 23.5) ≈ 1e-4.
    expect(chi2).toBeLessThan(23.5);
  });
});
