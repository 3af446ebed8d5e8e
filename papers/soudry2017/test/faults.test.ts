import { setActiveFault } from '@repro/harness';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBand, checkGapConvergence, gapConvergence } from '../src/claims/select.js';
import { checkSlopeApproach } from '../src/claims/val-loss.js';
import { paper } from '../src/index.js';
import { svmDirectionAtCallSite } from '../src/model/data.js';
import { negDeriv } from '../src/model/linear.js';

const grid = Array.from({ length: 61 }, (_, j) => 10 ** (2 + j / 20)); // 10² … 10⁵, 20 per decade
const T = 1e5;

afterEach(() => {
  setActiveFault(null);
});

describe('soudry2017 gap criterion (NOTES.md)', () => {
  it('passes a gap at the O(ln ln t/ln t) envelope, a 1/ln t gap and a crossing bump below the earlier level', () => {
    for (const g of [(t: number) => Math.log(Math.log(t)) / Math.log(t), (t: number) => 0.2 / Math.log(t), (t: number) => Math.abs(0.3 - 1.4 * Math.log(t) ** -0.5) / Math.log(t)])
      expect(checkGapConvergence(gapConvergence(grid, grid.map(g), 100, T), 'gap').status).toBe('pass');
  });
  it('fails a gap that levels at a nonzero constant (a wrong ŵ) and one that rises', () => {
    const flat = gapConvergence(
      grid,
      grid.map((t) => 0.05 + 0.1 / Math.log(t)),
      100,
      T,
    );
    expect(checkGapConvergence(flat, 'gap').status).not.toBe('pass');
    expect(checkGapConvergence(gapConvergence(grid, grid.map(() => 0.05), 100, T), 'gap').status).toBe('fail');
    expect(checkGapConvergence(gapConvergence(grid, grid.map((t) => 0.01 * Math.log(t)), 100, T), 'gap').status).toBe('fail');
  });
  it('is inconclusive when the gap falls but gap·ln t/ln ln t outgrows its earlier level', () => {
    // g = (ln t)^{-0.4}: falls, but H = (ln t)^{0.6}/ln ln t grows over the last decade (1 < growth < flat 1.135)
    const c = gapConvergence(grid, grid.map((t) => Math.log(t) ** -0.4), 100, T);
    expect(c.growth).toBeGreaterThan(1);
    expect(checkGapConvergence(c, 'gap').status).toBe('inconclusive');
  });
  it('crossing bumps: below the envelope level pass, above it inconclusive; a new high of the gap in the last decade fails (second revision)', () => {
    const step = (a: number, b: number, c: number) => (t: number) => (t < 1e3 ? a : t < 1e4 ? b : c);
    // a bump well below the earlier envelope level passes; one that lifts gap·ln t/ln ln t above it is inconclusive
    expect(checkGapConvergence(gapConvergence(grid, grid.map(step(0.01, 0.002, 0.005)), 100, T), 'gap').status).toBe('pass');
    const bump = gapConvergence(grid, grid.map(step(0.003, 0.001, 0.0025)), 100, T);
    expect(bump.lastSup).toBeLessThan(bump.maxEarlierSup);
    expect(bump.growth).toBeGreaterThan(1);
    expect(checkGapConvergence(bump, 'gap').status).toBe('inconclusive');
    expect(checkGapConvergence(gapConvergence(grid, grid.map(step(0.01, 0.002, 0.012)), 100, T), 'gap').status).toBe('fail');
  });
  it('checkBand is three-valued', () => {
    expect(checkBand(0.9, 1, 1.2, 'x').status).toBe('pass');
    expect(checkBand(1.1, 1, 1.2, 'x').status).toBe('inconclusive');
    expect(checkBand(1.2, 1, 1.2, 'x').status).toBe('fail');
    expect(checkBand(Number.NaN, 1, 1.2, 'x').status).toBe('fail');
  });
  it('val-loss: within 5% passes; a shrinking deficit beyond 5% is inconclusive; a growing one or an overshoot fails', () => {
    expect(checkSlopeApproach(0.97, 0.95).status).toBe('pass');
    expect(checkSlopeApproach(0.93, 0.9).status).toBe('inconclusive');
    expect(checkSlopeApproach(0.9, 0.93).status).toBe('fail');
    expect(checkSlopeApproach(1.08, 1.0).status).toBe('fail');
  });
});

describe('soudry2017 planted faults', () => {
  it('declares the faults the claims catch; every smoke verdict claim declares one', () => {
    expect(Object.keys(paper.faults ?? {}).sort()).toEqual(['label-flip', 'mean-loss', 'norm-l1', 'poly-tail', 'svm-rotated']);
    for (const c of paper.claims) if (c.observational === undefined) expect(c.catches?.length ?? 0, c.id).toBeGreaterThan(0);
  });
  it("'poly-tail' turns −ℓ′'s exponential tail polynomial; clean runs are untouched", () => {
    expect(negDeriv('exp', 20)).toBeCloseTo(Math.exp(-20), 20);
    setActiveFault('poly-tail');
    expect(negDeriv('exp', 20)).toBeCloseTo(1 / 221, 12);
    expect(negDeriv('logistic', 0)).toBe(0.5);
  });
  it("'svm-rotated' rotates ŵ by 5° and keeps its norm", () => {
    const w = Float64Array.from([0.5, 0.5]);
    expect(Array.from(svmDirectionAtCallSite(Float64Array.from(w)))).toEqual([0.5, 0.5]);
    setActiveFault('svm-rotated');
    const r = svmDirectionAtCallSite(Float64Array.from(w));
    expect(Math.hypot(r[0] as number, r[1] as number)).toBeCloseTo(Math.SQRT1_2, 14);
    expect(Math.acos(((r[0] as number) * 0.5 + (r[1] as number) * 0.5) / 0.5) * (180 / Math.PI)).toBeCloseTo(5, 9);
  });
});
