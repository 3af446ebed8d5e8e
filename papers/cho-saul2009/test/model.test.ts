import { key, uniform } from '@repro/concentration';
import { arcCosineJ } from '@repro/nets';
import { describe, expect, it } from 'vitest';
import { spearman } from '../src/claims/select.js';
import { eqRecursion } from '../src/claims/eq-recursion.js';
import { psdClaim } from '../src/claims/psd.js';
import { profiles } from '../src/config.js';
import { failsPairwiseConvexity, generate, PIXELS, SIDE } from '../src/experiments/datasets.js';
import { jOperator } from '../src/experiments/kernel-checks.js';
import { gaussLegendre, jQuadrature } from '../src/experiments/quadrature.js';

const cfg = profiles.smoke;

describe('quadrature and operator references', () => {
  it('Gauss–Legendre integrates x^{2N−1} exactly and gives J_n to 1e-13', () => {
    const { x, w } = gaussLegendre(8);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(2, 14);
    expect(Array.from(x).reduce((s, xi, i) => s + (w[i] as number) * xi ** 14, 0)).toBeCloseTo(2 / 15, 14);
    for (const n of [0, 1, 2, 3, 4]) for (const t of [0, 0.7, 2.2, Math.PI]) expect(jQuadrature(n, t, 64)).toBeCloseTo(arcCosineJ(n, t), 12);
  });
  it('the operator formula gives J_0..J_2', () => {
    for (const n of [0, 1, 2]) expect(jOperator(n, 1.3, 1e-3) / arcCosineJ(n, 1.3)).toBeCloseTo(1, 8);
  });
});

describe('datasets', () => {
  it('rectangles: 1-px outline, label tall vs wide', () => {
    const d = generate('rectangles', key(1), 50);
    for (let i = 0; i < 50; i++) {
      const rows = new Set<number>();
      const cols = new Set<number>();
      for (let p = 0; p < PIXELS; p++)
        if (d.X[i * PIXELS + p] === 1) {
          rows.add(Math.floor(p / SIDE));
          cols.add(p % SIDE);
        }
      expect(d.y[i]).toBe(rows.size > cols.size ? 1 : -1);
      expect(Math.abs(rows.size - cols.size)).toBeGreaterThanOrEqual(3);
    }
  });
  it('convex: binary, balanced, non-convex class fails the pairwise test, counts matched', () => {
    const d = generate('convex', key(2), 200);
    expect(d.X.every((v) => v === 0 || v === 1)).toBe(true);
    expect(d.y.filter((v) => v === 1).length).toBe(100);
    for (let i = 1; i < 200; i += 2) expect(failsPairwiseConvexity(Uint8Array.from(d.X.subarray(i * PIXELS, (i + 1) * PIXELS)))).toBe(true);
    const m = d.meanOnPixels as { positive: number; negative: number };
    expect(Math.abs(m.positive - m.negative) / m.negative).toBeLessThan(0.1);
    // a filled square is convex: no segment crosses an off pixel
    const sq = new Uint8Array(PIXELS);
    for (let r = 5; r < 15; r++) for (let c = 5; c < 15; c++) sq[r * SIDE + c] = 1;
    expect(failsPairwiseConvexity(sq)).toBe(false);
    sq[10 * SIDE + 10] = 0;
    expect(failsPairwiseConvexity(sq)).toBe(true);
  });
  it('the row-mask convexity test gives the pairwise loop\'s answer on every image tried', () => {
    // Oracle: the pairwise loop the row-mask version replaced (every pair a < b of on-pixels, half-pixel steps, rounded).
    const byPairs = (img: Uint8Array): boolean => {
      const on: number[] = [];
      for (let i = 0; i < PIXELS; i++) if (img[i] === 1) on.push(i);
      for (let a = 0; a < on.length; a++)
        for (let b = a + 1; b < on.length; b++) {
          const [ra, ca, rb, cb] = [Math.floor((on[a] as number) / SIDE), (on[a] as number) % SIDE, Math.floor((on[b] as number) / SIDE), (on[b] as number) % SIDE];
          const steps = 2 * Math.max(Math.abs(rb - ra), Math.abs(cb - ca));
          for (let s = 1; s < steps; s++) if (img[Math.round(ra + ((rb - ra) * s) / steps) * SIDE + Math.round(ca + ((cb - ca) * s) / steps)] === 0) return true;
        }
      return false;
    };
    const u = uniform(key(11), 200_000);
    let q = 0;
    const next = (): number => u[q++ % u.length] as number;
    // Unions of 1–3 random half-plane polygons (many of them convex, so the full scan runs), sparse noise, lines, corners.
    const polygon = (): Uint8Array => {
      const img = new Uint8Array(PIXELS).fill(1);
      const h = 1 + Math.floor(next() * 8);
      for (let k = 0; k < h; k++) {
        const [px, py, phi] = [next() * SIDE, next() * SIDE, next() * 2 * Math.PI];
        for (let r = 0; r < SIDE; r++) for (let c = 0; c < SIDE; c++) if ((c + 0.5 - px) * Math.cos(phi) + (r + 0.5 - py) * Math.sin(phi) < 0) img[r * SIDE + c] = 0;
      }
      return img;
    };
    const images: Uint8Array[] = [new Uint8Array(PIXELS), new Uint8Array(PIXELS).fill(1)];
    for (let t = 0; t < 300; t++) {
      const img = polygon();
      const parts = Math.floor(next() * 3);
      for (let s = 0; s < parts; s++) polygon().forEach((v, i) => (img[i] = (img[i] as number) | v));
      images.push(img);
    }
    for (const density of [0.003, 0.01, 0.05]) for (let t = 0; t < 30; t++) images.push(Uint8Array.from({ length: PIXELS }, () => (next() < density ? 1 : 0)));
    for (const [a, b] of [[0, PIXELS - 1], [SIDE - 1, PIXELS - SIDE], [3 * SIDE + 4, 20 * SIDE + 9], [5, 5 + 3 * SIDE]] as const) {
      const img = new Uint8Array(PIXELS);
      img[a] = 1;
      img[b] = 1;
      images.push(img);
    }
    const d = generate('convex', key(2), 60);
    for (let i = 0; i < 60; i++) images.push(Uint8Array.from(d.X.subarray(i * PIXELS, (i + 1) * PIXELS)));
    let fails = 0;
    for (const img of images) {
      const want = byPairs(img);
      expect(failsPairwiseConvexity(img)).toBe(want);
      if (want) fails++;
    }
    // Both answers occur often (the comparison is not one-sided).
    expect(fails).toBeGreaterThan(50);
    expect(images.length - fails).toBeGreaterThan(50);
  });
  it('mnistBackRand: 10 classes, background replaced by noise, deterministic', () => {
    const a = generate('mnistBackRand', key(3), 100);
    const b = generate('mnistBackRand', key(3), 100);
    expect(a.X).toEqual(b.X);
    expect(a.X.every((v) => v > 0 && v <= 1)).toBe(true);
    expect(new Set(a.y).size).toBe(10);
  });
});

describe('claims on synthetic traces', () => {
  it('spearman: ±1 on monotone data', () => {
    expect(spearman([1, 2, 3, 4], [9, 7, 5, 1])).toBeCloseTo(-1, 14);
    expect(spearman([1, 2, 3], [1, 1, 2])).toBeGreaterThan(0);
  });
  it('eq-recursion fails on a 10% bias and ignores n = 2, ℓ = 3', () => {
    const ok = { d: 10, m: 1000, seeds: 8, cases: [{ n: 1, depth: 1, exact: 1, mean: 1.01, se: 0.01, sd: 0.03 }, { n: 2, depth: 3, exact: 1, mean: 3, se: 0.1, sd: 0.3 }] };
    expect(eqRecursion.check([{ recursion: ok }], cfg).status).toBe('pass');
    const bad = { ...ok, cases: [{ n: 1, depth: 2, exact: 1, mean: 1.1, se: 0.01, sd: 0.03 }] };
    expect(eqRecursion.check([{ recursion: bad }], cfg).status).toBe('fail');
  });
  it('psd fails on a clearly negative eigenvalue', () => {
    const row = { degree: 0, depth: 1, lambdaMax: 1, solver: 'eigvalsh', errorBoundMax: 1e-14 };
    const t = (lambdaMin: number, errorBoundMin: number) => ({ psd: { n: 3, rows: [{ ...row, lambdaMin, errorBoundMin }] } });
    expect(psdClaim.check([t(-1e-3, 1e-14)], cfg).status).toBe('fail');
    expect(psdClaim.check([t(-1e-14, 1e-14)], cfg).status).toBe('pass');
    // λ_min's error bound straddles the tolerance −1e-10·λ_max: the data cannot tell.
    expect(psdClaim.check([t(-1e-10, 1e-11)], cfg).status).toBe('inconclusive');
  });
});
