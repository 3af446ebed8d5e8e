/**
 * Property tests (fast-check) for the PRNG and the samplers.
 *
 * Statistical assertions use 5-sigma bands: a correct implementation fails one with probability ≈ 5.7e-7 (two-sided normal
 * tail), and this file makes at most 4 · 40 = 160 such assertions, so its false-failure rate is ≤ 1e-4 per fresh draw of
 * keys. With the fixed fast-check seed below the keys are the same on every run: the file either always passes or always
 * fails, and a failure is a bug (or one of those 1e-4 draws, which then reproduces and can be examined).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldIn, key, normal, olsFit, permutation, rademacher, randomBits, sphere, split, uniform } from '../src/index.js';

const SEED = 20261201;
const RUNS = 40;
const Z = 5;
const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** Pearson correlation of two equal-length samples (the r of an OLS fit). */
const corr = (a: Float64Array, b: Float64Array): number => olsFit(a, b).r;

describe('PRNG properties', () => {
  it('split children are distinct from each other and the parent, and their streams are uncorrelated', () => {
    const n = 4096;
    fc.assert(
      fc.property(seedArb, (s) => {
        const parent = key(s);
        const [a, b] = split(parent) as [ReturnType<typeof key>, ReturnType<typeof key>];
        expect(a).not.toEqual(b);
        expect(a).not.toEqual(parent);
        // Under independence √n·r ≈ N(0, 1).
        expect(Math.abs(corr(uniform(a, n), uniform(b, n))) * Math.sqrt(n)).toBeLessThan(Z);
        expect(Math.abs(corr(uniform(a, n), uniform(parent, n))) * Math.sqrt(n)).toBeLessThan(Z);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
  it('foldIn with different labels gives different keys; the same label the same key', () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (s, i, j) => {
        const k = key(s);
        expect(foldIn(k, i)).toEqual(foldIn(k, i));
        if (i !== j) expect(foldIn(k, i)).not.toEqual(foldIn(k, j));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
  it('randomBits is a prefix-stable stream: the first n words do not depend on how many are asked for', () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 64 }), (s, n, extra) => {
        expect([...randomBits(key(s), n + extra).subarray(0, n)]).toEqual([...randomBits(key(s), n)]);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});

describe('sampler moments (5-sigma bands)', () => {
  const n = 20000;
  it('uniform: mean 1/2, variance 1/12, inside (0, 1)', () => {
    fc.assert(
      fc.property(seedArb, (s) => {
        const u = uniform(key(s), n);
        let m = 0;
        let inside = true;
        for (const x of u) {
          inside &&= x > 0 && x < 1;
          m += x;
        }
        expect(inside).toBe(true);
        m /= n;
        let v = 0;
        for (const x of u) v += (x - m) ** 2;
        v /= n - 1;
        expect(Math.abs(m - 0.5)).toBeLessThan(Z * Math.sqrt(1 / 12 / n));
        // Var of the sample variance of U(0,1): (μ4 − σ⁴)/n with μ4 = 1/80, σ⁴ = 1/144.
        expect(Math.abs(v - 1 / 12)).toBeLessThan(Z * Math.sqrt((1 / 80 - 1 / 144) / n));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
  it('normal: mean 0, variance 1, fourth moment 3', () => {
    fc.assert(
      fc.property(seedArb, (s) => {
        const z = normal(key(s), n);
        let m1 = 0;
        let m2 = 0;
        let m4 = 0;
        for (const x of z) {
          m1 += x;
          m2 += x * x;
          m4 += x ** 4;
        }
        m1 /= n;
        m2 /= n;
        m4 /= n;
        expect(Math.abs(m1)).toBeLessThan(Z / Math.sqrt(n));
        expect(Math.abs(m2 - 1)).toBeLessThan(Z * Math.sqrt(2 / n)); // Var(z²) = 2
        expect(Math.abs(m4 - 3)).toBeLessThan(Z * Math.sqrt(96 / n)); // Var(z⁴) = 105 − 9 = 96
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
  it('rademacher: ±1 with mean 0', () => {
    fc.assert(
      fc.property(seedArb, (s) => {
        const r = rademacher(key(s), n);
        let m = 0;
        let signs = true;
        for (const x of r) {
          signs &&= x === 1 || x === -1;
          m += x;
        }
        expect(signs).toBe(true);
        expect(Math.abs(m / n)).toBeLessThan(Z / Math.sqrt(n));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
  it('sphere: unit rows; E[x1] = 0 and E[x1²] = 1/d', () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 2, max: 50 }), (s, d) => {
        const rows = 4000;
        const X = sphere(key(s), rows, d);
        let m = 0;
        let m2 = 0;
        let worstNorm = 0;
        for (let i = 0; i < rows; i++) {
          let nrm = 0;
          for (let j = 0; j < d; j++) nrm += (X[i * d + j] as number) ** 2;
          worstNorm = Math.max(worstNorm, Math.abs(nrm - 1));
          const x = X[i * d] as number;
          m += x;
          m2 += x * x;
        }
        expect(worstNorm).toBeLessThan(1e-12);
        m /= rows;
        m2 /= rows;
        // x1 on S^{d−1}: Var(x1) = 1/d; Var(x1²) = E[x1⁴] − 1/d² = 3/(d(d+2)) − 1/d².
        expect(Math.abs(m)).toBeLessThan(Z * Math.sqrt(1 / d / rows));
        expect(Math.abs(m2 - 1 / d)).toBeLessThan(Z * Math.sqrt((3 / (d * (d + 2)) - 1 / d ** 2) / rows));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
  it('permutation: always a permutation of 0..n−1', () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 0, max: 300 }), (s, m) => {
        const p = permutation(key(s), m);
        const seen = new Uint8Array(m);
        for (const x of p) seen[x] = (seen[x] as number) + 1;
        expect(seen.every((c) => c === 1)).toBe(true);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
