import { describe, expect, it } from 'vitest';
import { decadeSups, increases } from '../src/claims/select.js';
import { standinANorm } from '../src/claims/standin-a-norm.js';
import { tightRate } from '../src/claims/tight-rate.js';
import { valLossClaim } from '../src/claims/val-loss.js';
import { profiles } from '../src/config.js';
import type { StandinTrace, TightTrace, ValLossTrace } from '../src/trace.js';

// Synthetic traces: the checks must pass on data that satisfies the statement and fail on data that violates it.
const cfg = profiles.smoke;
const grid = Array.from({ length: 71 }, (_, j) => 10 ** (j / 10));

describe('soudry2017 claims on synthetic traces', () => {
  it('tight: passes for gap = 1/ln t, fails for gap = 1/ln² t', () => {
    const mk = (p: number): TightTrace => ({ t: grid, w1: grid.map((t) => Math.log(t)), w2: 1, gap: grid.map((t) => 1 / Math.log(Math.max(t, 2)) ** p), wHat: [1, 0] });
    expect(tightRate.check([{ tight: mk(1) }], cfg).status).toBe('pass');
    const v = tightRate.check([{ tight: mk(2) }], cfg);
    expect(v.status).toBe('fail');
    expect(v.observed['rate.slope']).toBeCloseTo(-2, 6);
  });

  it('val-loss: slope within 5% passes, 10% above fails', () => {
    const mk = (slope: number): ValLossTrace => ({
      attempt: 0, eta: 1, svm: { wHat: [1], alpha: [1], support: [0], theta: 2, kktMax: 0 }, wHatNormSq: 1, predictedSlope: 0.4, svmValError: 0.3,
      flowFrom: 1e5, t: grid, trainLoss: grid.map((t) => 1 / t), valLoss: grid.map((t) => 0.5 + slope * Math.log(t)), valError: grid.map(() => 0.3), normW: grid.map((t) => Math.log(t)),
    });
    expect(valLossClaim.check([{ valLoss: mk(0.41) }], cfg).status).toBe('pass');
    expect(valLossClaim.check([{ valLoss: mk(0.44) }], cfg).status).toBe('fail');
  });

  it('standinA-norm: equal increments pass, growing increments fail', () => {
    const mk = (f: (t: number) => number): StandinTrace => ({
      source: 'synthetic', features: 2, nTrain: 2, nVal: 2, eta: 1, flowFrom: 10, t: grid, trainLoss: grid.map((t) => 1 / t), trainError: grid.map(() => 0),
      normW: grid.map(f), valLoss: grid.map(() => 1), valError: grid.map(() => 0.2), separatedAt: 1,
    });
    expect(standinANorm.check([{ standin: mk((t) => 3 + 2 * Math.log(t)) }], cfg).status).toBe('pass');
    expect(standinANorm.check([{ standin: mk((t) => Math.log(t) ** 2) }], cfg).status).toBe('fail');
  });

  it('decade suprema and increase counting', () => {
    const s = decadeSups([1, 5, 10, 50, 100], [3, 4, 2, 1, 0.5], 1, 100);
    expect(s.map((x) => x.sup)).toEqual([4, 2]);
    expect(increases([3, 2, 2, 1])).toEqual({ count: 1, worstRatio: 1 });
  });

  it('a missing experiment fails the claim with a message', () => {
    expect(() => tightRate.check([{}], cfg)).toThrow(/no 'tight' experiment/);
  });
});
