/**
 * Conformance of the PRNG and samplers (issue 18): conformance/fixtures/prng.json from conformance/generate/prng.py —
 * Threefry-2x32-20 known-answer vectors (Random123 kat_vectors, agreeing with an independent Python implementation of the
 * Salmon et al. 2011 spec), the derived streams recomputed in Python, and exact moments (mpmath) for z-tests on fresh draws.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldIn, key, normal, permutation, rademacher, randomBits, sphere, split, threefry2x32, uniform } from '../src/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fx: { meta: Record<string, unknown>; cases: any } = JSON.parse(readFileSync(new URL('../../../conformance/fixtures/prng.json', import.meta.url), 'utf8'));

describe('Threefry-2x32-20', () => {
  it('Random123 known-answer vectors, bit for bit', () => {
    const out = new Uint32Array(2);
    for (const v of fx.cases.kat) {
      threefry2x32(v.key[0], v.key[1], v.ctr[0], v.ctr[1], out, 0);
      expect([out[0], out[1]]).toEqual(v.out);
    }
  });
  it('derived streams (randomBits, split, foldIn, key) equal the independent Python construction, bit for bit', () => {
    for (const s of fx.cases.streams) {
      const k = key(s.seed);
      expect([...k]).toEqual(s.key);
      expect(Array.from(randomBits(k, 9))).toEqual(s.randomBits);
      expect(split(k, 3).map((c) => [...c])).toEqual(s.split3);
      expect([...foldIn(k, 7)]).toEqual(s.foldIn7);
      expect([...foldIn(k, s.foldInLabel.label)]).toEqual(s.foldInLabel.key);
      expect(Array.from(rademacher(k, 8))).toEqual(s.rademacher);
      expect(Array.from(uniform(k, 6))).toEqual(s.uniform); // exact: integer arithmetic and power-of-two scaling
      // Box–Muller through log, cos, sin: libm and V8 may differ in the last bit
      const z = normal(k, 5);
      for (let i = 0; i < 5; i++) expect(Math.abs((z[i] as number) - s.normal[i])).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(1, Math.abs(s.normal[i])));
    }
  });
});

describe('sampler moments vs exact values (z-tests at |z| ≤ 5 on 400 000 fresh draws, key foldIn(key(18), "conformance"))', () => {
  const N = 400_000;
  const k = foldIn(key(18), 'conformance');
  const [ku, kn, ks, kr, kp] = split(k, 5) as [ReturnType<typeof key>, ReturnType<typeof key>, ReturnType<typeof key>, ReturnType<typeof key>, ReturnType<typeof key>];
  /** z of the sample mean of xᵏ against E[xᵏ], with Var(xᵏ) = E[x^{2k}] − E[xᵏ]² from the fixture. */
  function z(xs: ArrayLike<number>, p: number, m: number[]): number {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += (xs[i] as number) ** p;
    const mean = s / xs.length;
    const ex = m[p - 1] as number;
    const v = (m[2 * p - 1] as number) - ex * ex;
    return (mean - ex) / Math.sqrt(v / xs.length);
  }
  it('uniform: E[Uᵏ] = 1/(k+1), k = 1..4; within (0, 1)', () => {
    const u = uniform(ku, N);
    for (let p = 1; p <= 4; p++) expect(Math.abs(z(u, p, fx.cases.moments.uniform)), `k=${p}`).toBeLessThan(5);
    let lo = 1;
    let hi = 0;
    for (const x of u) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(1);
  });
  it('normal: E[Zᵏ] = 0, 1, 0, 3', () => {
    const x = normal(kn, N);
    for (let p = 1; p <= 4; p++) expect(Math.abs(z(x, p, fx.cases.moments.normal)), `k=${p}`).toBeLessThan(5);
  });
  it('sphere S^{d−1}: E[x₁²] = 1/d, E[x₁⁴] = 3/(d(d+2)); rademacher mean 0; permutation P(π(0) = j) = 1/n', () => {
    const { d, m2, m4, m8 } = fx.cases.moments.sphere;
    const M = 100_000;
    const S = sphere(ks, M, d);
    let s2 = 0;
    let s4 = 0;
    for (let i = 0; i < M; i++) {
      const x = S[i * d] as number;
      s2 += x * x;
      s4 += x ** 4;
    }
    expect(Math.abs((s2 / M - m2) / Math.sqrt((m4 - m2 * m2) / M))).toBeLessThan(5);
    expect(Math.abs((s4 / M - m4) / Math.sqrt((m8 - m4 * m4) / M))).toBeLessThan(5);
    const r = rademacher(kr, N);
    let sr = 0;
    for (const v of r) sr += v;
    expect(Math.abs(sr / Math.sqrt(N))).toBeLessThan(5);
    // permutation of 5 elements, 20 000 draws: first-position counts, chi-square with 4 dof below its 1e-6 quantile (≈ 33.4)
    const n = 5;
    const draws = 20_000;
    const counts = new Array<number>(n).fill(0);
    const keys = split(kp, draws);
    for (const kk of keys) counts[permutation(kk, n)[0] as number]! += 1;
    const e = draws / n;
    const chi2 = counts.reduce((a, c) => a + (c - e) ** 2 / e, 0);
    expect(chi2).toBeLessThan(33.4);
  });
});
