import { describe, expect, it } from 'vitest';
import { loadMnist } from '../src/index.js';

describe('loadMnist', () => {
  it('loads 10 000 images of 784 pixels in [0, 1], labels in digit order', () => {
    const m = loadMnist();
    expect(m.n).toBe(10000);
    expect(m.X.length).toBe(m.n * 784);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of m.X) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    expect(lo).toBe(0);
    expect(hi).toBeLessThanOrEqual(1);
    expect(m.y[0]).toBe(0);
    expect(m.y[m.n - 1]).toBe(9);
    expect(loadMnist()).toBe(m);
  });
});
