import { describe, expect, it } from 'vitest';
import { cor41Distance } from '../src/claims/cor-4-1-distance.js';
import { fig1aConvergence } from '../src/claims/fig-1a-convergence.js';
import { fig1bPatternChanges } from '../src/claims/fig-1b-pattern-changes.js';
import { initResidual } from '../src/claims/init-residual.js';
import { lem33GfRateAndDistance } from '../src/claims/lem-3-3-gf-rate-and-distance.js';
import { maxRatioToGeometric } from '../src/claims/select.js';
import { thm32GradientFlow } from '../src/claims/thm-3-2-gradient-flow.js';
import { thm41LinearRate } from '../src/claims/thm-4-1-linear-rate.js';
import { profiles } from '../src/config.js';
import type { Du2019Trace, Fig1Run, Fig1Trace, GfRun, Thm41Trace } from '../src/trace.js';

// Synthetic traces: the checks must pass on data that satisfies the statement and fail on data that violates it.
const cfg = profiles.smoke;

function run(m: number, seed: number, decay: number, patternEnd: number, distEnd: number): Fig1Run {
  const K = 100;
  const loss = Array.from({ length: K + 1 }, (_, k) => 10 * decay ** k);
  const ramp = (end: number) => Array.from({ length: K + 1 }, (_, k) => end * Math.min(1, k / 5));
  return {
    m,
    seed,
    loss,
    patternChange: ramp(patternEnd),
    maxDistance: ramp(distEnd),
    lambdaMinH: [{ step: 0, value: 0.2 }],
    hDiffNorm2: 1 / Math.sqrt(m),
    hDiffFro: 2 / Math.sqrt(m),
    residual0: 4,
    diverged: null,
  };
}

function fig1(decays: Record<number, number>): Fig1Trace {
  const runs: Fig1Run[] = [];
  for (const m of [10, 100, 400, 1600, 6400])
    for (const seed of [0, 1]) runs.push(run(m, seed, decays[m] ?? 0.9, 0.3 / Math.sqrt(m), 5 / Math.sqrt(m)));
  return { n: 100, d: 100, lambda0: 0.2, lambda0ErrorBound: 1e-14, lambdaMax: 1, eta: 0.5, yNormSq: 100, runs };
}

const thm41: Thm41Trace = {
  n: 8,
  m: 512,
  lambda0: 0.3,
  eta: 0.3 / 256,
  steps: 50,
  precision: 'float64',
  loss: Array.from({ length: 51 }, (_, k) => 3 * (1 - 0.3 ** 2 / 256) ** k),
  maxDistance: Array.from({ length: 51 }, () => 0.01),
  residual0: 2,
  diverged: null,
};

describe('du2019 claims on synthetic traces', () => {
  const good: Du2019Trace = { fig1: fig1({ 10: 0.99, 100: 0.9, 400: 0.85, 1600: 0.8, 6400: 0.75 }), thm41 };

  it('fig1a passes on monotone widths and fails when a wider net ends higher', () => {
    expect(fig1aConvergence.check([good], cfg).status).toBe('pass');
    const bad: Du2019Trace = { fig1: fig1({ 10: 0.99, 100: 0.8, 400: 0.85, 1600: 0.8, 6400: 0.75 }), thm41 };
    const v = fig1aConvergence.check([bad], cfg);
    expect(v.status).toBe('fail');
    expect(v.note).toMatch(/m=400/);
  });

  it('fig1a fails when m = 10 does not stall', () => {
    const v = fig1aConvergence.check([{ fig1: fig1({ 10: 0.9, 100: 0.9, 400: 0.85, 1600: 0.8, 6400: 0.75 }) }], cfg);
    expect(v.status).toBe('fail');
  });

  it('fig1a fails (does not pass silently) when the m = 10 or m = 100 control is missing from the grid', () => {
    for (const drop of [10, 100]) {
      const t = structuredClone(good);
      if (t.fig1 !== undefined) t.fig1.runs = t.fig1.runs.filter((r) => r.m !== drop);
      const v = fig1aConvergence.check([t], cfg);
      expect(v.status).toBe('fail');
      expect(v.note).toMatch(/not checked/);
    }
  });

  it('fig1b checks the m^-1/2 slope', () => {
    expect(fig1bPatternChanges.check([good], cfg).status).toBe('pass');
    const flat = structuredClone(good);
    for (const r of flat.fig1?.runs ?? []) r.patternChange = r.patternChange.map((x) => (x * Math.sqrt(r.m)) / r.m ** 0.05);
    expect(fig1bPatternChanges.check([flat], cfg).status).toBe('fail');
  });

  it('thm4.1 passes below the geometric bound and fails above it', () => {
    expect(thm41LinearRate.check([good], cfg).status).toBe('pass');
    const slow: Thm41Trace = { ...thm41, loss: thm41.loss.map((L, k) => (k === 20 ? L * 1.01 : L)) };
    const v = thm41LinearRate.check([{ ...good, thm41: slow }], cfg);
    expect(v.status).toBe('fail');
    // the synthetic loss contracts faster than the bound, so the bump shows up slightly below 1.01
    expect(v.observed['insideHypothesis.observed']).toBeGreaterThan(1);
    expect(v.observed['insideHypothesis.observed']).toBeLessThan(1.01);
  });

  it('maxRatioToGeometric is computed in log space and honours the float32 floor', () => {
    expect(maxRatioToGeometric([1, 0.5, 0.25], 0.5).maxRatio).toBeCloseTo(1, 12);
    const tiny = [1, 1e-14, 1e-14];
    const r = maxRatioToGeometric(tiny, 1e-7);
    expect(r.floored).toBe(1); // k = 2: both the loss and the bound are below the floor
    expect(r.maxRatio).toBeCloseTo(1e-7, 12); // k = 1: 1e-14 / 1e-7
    // Non-finite losses surface as NaN, which fails every bound.
    expect(maxRatioToGeometric([1, Number.NaN], 0.5).maxRatio).toBeNaN();
  });

  it('cor4.1 fails when a neuron moves beyond the radius', () => {
    expect(cor41Distance.check([good], cfg).status).toBe('pass');
    const far = { ...good, thm41: { ...thm41, maxDistance: thm41.maxDistance.map(() => 100) } };
    expect(cor41Distance.check([far], cfg).status).toBe('fail');
  });

  it('init.residual compares the mean with ‖y‖² + n/2 within 4 SE', () => {
    const n = 50;
    const yNormSq = 40;
    const around = (c: number) => Array.from({ length: 400 }, (_, i) => c + (i % 2 === 0 ? 5 : -5));
    expect(initResidual.check([{ init: { n, m: 500, yNormSq, residualSq: around(yNormSq + n / 2) } }], cfg).status).toBe('pass');
    expect(initResidual.check([{ init: { n, m: 500, yNormSq, residualSq: around(yNormSq + n) } }], cfg).status).toBe('fail');
  });

  const gfRun = (m: number, seed: number, maxExcess: number, maxDistance: number): GfRun => ({
    m,
    seed,
    steps: 100,
    eta: 0.05,
    maxExcess,
    lambdaRatios: [1, 0.9, 0.8],
    maxDistance,
    residual0: 5,
    diverged: null,
  });

  it('lem3.3 and thm3.2 pass on 16 good runs and fail when the exponential bound is exceeded', () => {
    const gfTrace = (runs: GfRun[]): Du2019Trace => ({ gf: { n: 50, lambda0: 0.2, lambda0ErrorBound: 1e-14, lambdaMax: 1, lambdaMaxJoint: 5, runs, joint: [] } });
    // distance ∝ m^{-1/2} with a little seed scatter; 16 runs exclude a 25 % violation rate
    const good16 = [100, 400, 1600, 6400].flatMap((m) => [0, 1, 2, 3].map((s) => gfRun(m, s, -0.1, (0.1 * (1 + 0.02 * (s - 1.5))) / Math.sqrt(m))));
    expect(lem33GfRateAndDistance.check([gfTrace(good16)], cfg).status).toBe('pass');
    expect(thm32GradientFlow.check([gfTrace(good16)], cfg).status).toBe('pass');
    // 2 runs cannot exclude the violation rate: inconclusive, never a silent pass
    expect(thm32GradientFlow.check([gfTrace(good16.slice(0, 2))], cfg).status).toBe('inconclusive');
    const bad = gfTrace(Array.from({ length: 20 }, (_, i) => gfRun(100 * (1 + (i % 4)), i, 0.05, 0.01 / Math.sqrt(1 + (i % 4)))));
    expect(lem33GfRateAndDistance.check([bad], cfg).status).toBe('fail');
    expect(thm32GradientFlow.check([bad], cfg).status).toBe('fail');
    // a distance that does not shrink with m fails the tight part even though R′ holds with room
    const flat = gfTrace(good16.map((r) => ({ ...r, maxDistance: 0.01 })));
    const v = lem33GfRateAndDistance.check([flat], cfg);
    expect(v.status).toBe('fail');
    expect(v.observed['radius.slack']).toBeGreaterThan(10);
  });

  it('a missing experiment is an error the harness reports, not a silent pass', () => {
    expect(() => thm41LinearRate.check([{}], cfg)).toThrow(/thm41/);
  });
});

describe('du2019 tight parts on constructed traces', () => {
  it('lem3.2 fails when the flag fraction is off its exact erf(R/√2) (a sampler variance 20 % high), though Markov holds', async () => {
    const { lem32PatternFlips } = await import('../src/claims/lem-3-2-pattern-flips.js');
    const { erf } = await import('@repro/concentration');
    const R = 0.05;
    const exactSum = 50;
    const mk = (fraction: number, sums: number[]): Du2019Trace => ({
      lem32: {
        n: 50,
        m: 2000,
        trials: sums.length,
        dims: [
          {
            d: 10,
            lambda0: 0.2,
            radii: [R],
            flagFraction: [{ mean: fraction, se: 1.5e-4, neurons: 40000 }],
            sumU: [sums],
            sumUExpected: [exactSum],
            sumUBound: [2000],
            rStar: 1e-5,
            uFroAtRStar: sums.map(() => 0.001),
            lem41Count: [sums.map(() => 2000 * 50 * fraction)],
            lem41Bound: [1e6],
            lem41Expected: [2000 * 50 * erf(R / Math.SQRT2)],
          },
        ],
      },
    });
    const around = (c: number) => Array.from({ length: 20 }, (_, i) => c + (i % 2 === 0 ? 0.2 : -0.2));
    expect(lem32PatternFlips.check([mk(erf(R / Math.SQRT2), around(exactSum))], cfg).status).toBe('pass');
    const v = lem32PatternFlips.check([mk(erf(R / Math.sqrt(2.4)), around(exactSum))], cfg);
    expect(v.status).toBe('fail');
    expect(v.note).toMatch(/flag_d10_R0p05: fail/);
    expect(v.observed['markov_d10_R0p05.frequency']).toBe(1);
  });
});
