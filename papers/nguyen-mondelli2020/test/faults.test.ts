import { key } from '@repro/concentration';
import { setActiveFault } from '@repro/harness';
import { initMlp, type Activation } from '@repro/nets';
import { afterEach, describe, expect, it } from 'vitest';
import { thm32LinearRate } from '../src/claims/thm-3-2-linear-rate.js';
import { profiles } from '../src/config.js';
import { gaussianY, sphereX } from '../src/experiments/data.js';
import { gdLadder, lossGrad } from '../src/experiments/gd.js';
import { faults } from '../src/faults.js';
import { paper } from '../src/index.js';
import type { GdRun } from '../src/trace.js';

const act: Activation = { name: 'smoothLeakyRelu', gamma: 0.5, beta: 4 };
const X = sphereX(key(1), 6, 4);
const Y = gaussianY(key(2), 6, 1);
const p0 = initMlp(key(3), [4, 24, 4, 1], 'lecun');

afterEach(() => setActiveFault(null));

describe('planted faults on a small GD problem', () => {
  it('the paper declares 3–8 faults, each caught by some claim', () => {
    const names = Object.keys(faults);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names.length).toBeLessThanOrEqual(8);
    for (const f of names) expect(paper.claims.some((c) => (c.catches ?? []).includes(f)), f).toBe(true);
  });
  it('grad-half-dropped: gradients 2× and no step of the ladder meets descent, so the linear-rate claim fails', () => {
    const clean = gdLadder(p0, X, Y, act, 0.5, 0.05, 200, 6);
    expect(clean.diverged).toBe(null);
    const g = lossGrad(p0, X, Y, act);
    setActiveFault('grad-half-dropped');
    const g2 = lossGrad(p0, X, Y, act);
    expect((g2.grads[0]?.data[0] as number) / (g.grads[0]?.data[0] as number)).toBeCloseTo(2, 12);
    const bad = gdLadder(p0, X, Y, act, 0.5, 0.05, 200, 6);
    expect(bad.diverged?.reason).toMatch(/still fails after 6 halvings/);
    const run = (r: typeof clean): GdRun => ({ ...r, n1: 24, L: 3, gamma: 0.5, seed: 0, widths: [4, 24, 4, 1], ntkQuad0: 0, lambdaMinK0: 1, lambdaMaxK0: 1 });
    const tr = (r: typeof clean) => [{ gd: { N: 6, d: 4, beta: 4, floor: 1e-20, runs: [run(r)] } }];
    expect(thm32LinearRate.check(tr(clean), profiles.smoke).status).toBe('pass');
    expect(thm32LinearRate.check(tr(bad), profiles.smoke).status).toBe('fail');
  });
  it('loss-mean: the loss and its gradient scaled by 1/N', () => {
    const g = lossGrad(p0, X, Y, act);
    setActiveFault('loss-mean');
    const m = lossGrad(p0, X, Y, act);
    expect(m.loss / g.loss).toBeCloseTo(1 / 6, 12);
    expect((m.grads[1]?.data[0] as number) / (g.grads[1]?.data[0] as number)).toBeCloseTo(1 / 6, 12);
  });
});
