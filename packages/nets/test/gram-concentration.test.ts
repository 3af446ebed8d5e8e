import { foldIn, key, normal, sphere, type Key } from '@repro/concentration';
import { matrix, normFro, sub, type Matrix } from '@repro/linalg';
import { describe, expect, it } from 'vitest';
import { gramDeviationRate, gramH, gramHDeviationScale, gramHoeffdingTrials, hInfinity, hoeffdingGramBound } from '../src/index.js';

const n = 12;
const d = 5;
const X = matrix(n, d, sphere(key(7), n, d));
const Hinf = hInfinity(X);
const sample = (k: Key, m: number): Matrix => gramH(X, normal(k, m * d), m);

describe('Lemma 3.1 (Du et al. 2019) data shared by du2019 and song-yang2019', () => {
  it('hoeffdingGramBound is n√(log(2n²/δ)/(2m)), shrinking like m^{-1/2}', () => {
    expect(hoeffdingGramBound(50, 100, 0.1)).toBeCloseTo(50 * Math.sqrt(Math.log(5000 / 0.1) / 200), 12);
    expect(hoeffdingGramBound(50, 400, 0.1) / hoeffdingGramBound(50, 1600, 0.1)).toBeCloseTo(2, 12);
    expect(() => hoeffdingGramBound(50, 100, 0)).toThrow(RangeError);
  });

  it('gramDeviationRate draws H(0) under the documented keys and its squared Frobenius distances average to V/m', () => {
    const widths = [20, 80];
    const r = gramDeviationRate({ X, Hinf, widths, draws: 200, key: key(1), sample });
    expect(r.widths).toEqual(widths);
    expect(r.fro.map((f) => f.length)).toEqual([200, 200]);
    // The key of draw t at width m is foldIn(foldIn(key, 'rate-m<m>'), t): a caller's trace stays reproducible.
    expect(r.fro[1]?.[3]).toBe(normFro(sub(sample(foldIn(foldIn(key(1), 'rate-m80'), 3), 80), Hinf)));
    const V = gramHDeviationScale(X);
    expect(r.froSqExpected).toEqual([V / 20, V / 80]);
    // E‖H(0) − H∞‖_F² = V/m exactly; 200 draws put the mean within a few percent (the sd of the ratio is ≈ 0.3 here).
    widths.forEach((m, i) => {
      const mean = (r.fro[i] as number[]).reduce((s, f) => s + f * f, 0) / 200;
      expect(mean / (V / m)).toBeGreaterThan(0.9);
      expect(mean / (V / m)).toBeLessThan(1.1);
    });
    // ‖·‖₂ ≤ ‖·‖_F for every draw.
    r.spec.flat().forEach((s, q) => expect(s).toBeLessThanOrEqual((r.fro.flat()[q] as number) * (1 + 1e-12)));
  });

  it('gramHoeffdingTrials counts draws within the explicit bound, and a doubled Gram is caught', () => {
    const widths = [10, 40];
    const ok = gramHoeffdingTrials({ Hinf, widths, trials: 30, delta: 0.1, key: key(2), sample });
    expect(ok.probTrials).toBe(30);
    expect(ok.probBound).toEqual(widths.map((m) => hoeffdingGramBound(n, m, 0.1)));
    expect(ok.probSuccesses).toEqual([30, 30]); // the bound is loose: it holds on every draw
    ok.probWorstFro.forEach((w, i) => expect(w).toBeLessThanOrEqual(ok.probBound[i] as number));
    const doubled = (k: Key, m: number): Matrix => {
      const H = sample(k, m);
      return matrix(n, n, H.data.map((v) => 2 * v));
    };
    // Loose as it is, the bound is below ‖H∞‖_F ≈ 3 once m is in the hundreds.
    const bad = gramHoeffdingTrials({ Hinf, widths: [400, 1600], trials: 30, delta: 0.1, key: key(2), sample: doubled });
    expect(bad.probSuccesses).toEqual([0, 0]);
  });
});
