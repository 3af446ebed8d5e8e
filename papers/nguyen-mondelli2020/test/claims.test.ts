import { minTrialsToExclude, probabilityPower } from '@repro/harness';
import { describe, expect, it } from 'vitest';
import { INIT_DETECT } from '../src/claims/init-sigma-min-f1.js';
import { CHERNOFF_DETECT } from '../src/claims/lemma-5-2-chernoff.js';
import { mcWindow, thm33LambdaStar } from '../src/claims/thm-3-3-lambda-star.js';
import { fig2Order } from '../src/claims/fig2-order.js';
import { lecunWidthScaling } from '../src/claims/lecun-width-scaling.js';
import { lemma31Limit } from '../src/claims/lemma-3-1-limit.js';
import { lemma52Chernoff } from '../src/claims/lemma-5-2-chernoff.js';
import { lemmaB2 } from '../src/claims/lemma-b2.js';
import { sec31WidthN } from '../src/claims/sec-3-1-width-n.js';
import { thm41LinearN1 } from '../src/claims/thm-4-1-linear-n1.js';
import { fig2rLinearN } from '../src/claims/fig2r-linear-n.js';
import { plInequality } from '../src/claims/pl-inequality.js';
import { maxRatioToPlRate, pathAndBound } from '../src/claims/select.js';
import { thm32LinearRate } from '../src/claims/thm-3-2-linear-rate.js';
import { thm41Sandwich } from '../src/claims/thm-4-1-sandwich.js';
import { profiles } from '../src/config.js';
import { gdWidths } from '../src/experiments/gd.js';
import { estimateMemory } from '../src/memory.js';
import type { Fig2Point, GdRun, Nm20Trace } from '../src/trace.js';

// Synthetic traces: the checks must pass on data that satisfies the statement and fail on data that violates it.
const cfg = profiles.smoke;

function gdRun(contraction: number, mu: number, eta: number): GdRun {
  const K = 50;
  const loss = Array.from({ length: K + 1 }, (_, k) => 2 * contraction ** k);
  return {
    n1: 256,
    L: 3,
    gamma: 0.5,
    seed: 0,
    widths: [8, 256, 8, 1],
    eta,
    halvings: 0,
    descentOk: true,
    loss,
    gradSq: loss.map((p) => 2 * mu * p * 1.5),
    gradW2Sq: loss.map((p) => 2 * mu * p * 1.2),
    mu: loss.map(() => mu),
    sigmaF1: loss.map(() => 1),
    minWRatio: loss.map(() => 1),
    maxNormRatio: loss.map(() => 1),
    gradBoundRatio: loss.map(() => 0.5),
    ntkQuad0: 6 * mu,
    lambdaMinK0: mu,
    lambdaMaxK0: 10,
    diverged: null,
    rule: { eta, loss, gradSq: loss.map((p) => 2 * mu * p * 1.5), mu: loss.map(() => mu), sigmaF1: loss.map(() => 1), minWRatio: loss.map(() => 1), descentViolations: 0, firstViolation: -1, diverged: null },
  };
}

const trace = (runs: GdRun[]): Nm20Trace => ({ gd: { N: 16, d: 8, beta: 4, floor: 1e-20, runs } });

function point(curve: string, x: number, lambdaMin: number, trial = 0): Fig2Point {
  // diagSum/diagExpected scatter ±5 % around 1 with the trial index (a clean trace: mean 1 within noise)
  const diagSum = 1000 * (1 + 0.05 * (((trial + x / 50) % 3) - 1));
  return { curve, x, trial, N: x, d: 100, n1: 8 * x, n2: 100, lambdaMin, lambdaMinErrorBound: 1e-9 * lambdaMin, diagSum, diagExpected: 1000, upperTheory: 2 * lambdaMin, lower: 0.5 * lambdaMin, upper: 2 * lambdaMin, lowerTerms: [0, 0.5 * lambdaMin, 0], limitLambdaMin: Number.NaN, solver: 'lanczos', seconds: 0 };
}

describe('NM20 claims on synthetic traces', () => {
  it('PL inequality passes at ratio 1.2 and fails below 1', () => {
    expect(plInequality.check([trace([gdRun(0.9, 0.1, 0.5)])], cfg).status).toBe('pass');
    const bad = gdRun(0.9, 0.1, 0.5);
    bad.gradW2Sq[10] = 0.5 * (bad.gradW2Sq[10] as number);
    expect(plInequality.check([trace([bad])], cfg).status).toBe('fail');
  });
  it('linear rate: passes below Π(1 − ημ) and fails above', () => {
    // 1 − ημ = 0.95 per step; contraction 0.9 is faster (pass), 0.97 slower (fail).
    expect(thm32LinearRate.check([trace([gdRun(0.9, 0.1, 0.5)])], cfg).status).toBe('pass');
    expect(thm32LinearRate.check([trace([gdRun(0.97, 0.1, 0.5)])], cfg).status).toBe('fail');
    expect(maxRatioToPlRate(gdRun(0.95, 0.1, 0.5), 1e-20)).toBeCloseTo(1, 10);
  });
  it('linear rate: a run whose ladder is exhausted (no step size meets descent) fails the ladder part', () => {
    const r = gdRun(0.9, 0.1, 0.5);
    r.diverged = { step: 3, reason: 'descent precondition still fails after 12 halvings' };
    const v = thm32LinearRate.check([trace([gdRun(0.9, 0.1, 0.5), r])], cfg);
    expect(v.status).toBe('fail');
    expect(v.note).toMatch(/ladder: fail .*12 halvings/);
  });
  it('path bound is 2√(2Φ0/μ̂)', () => {
    const r = gdRun(0.9, 0.1, 0.5);
    expect(pathAndBound(r).bound).toBeCloseTo(2 * Math.sqrt((2 * 2) / 0.1), 12);
  });
  it('a diverged run fails the claim with its step', () => {
    const r = gdRun(0.9, 0.1, 0.5);
    r.diverged = { step: 7, reason: 'non-finite loss NaN' };
    expect(() => plInequality.check([trace([r])], cfg)).toThrow(/training diverged: .*step 7/);
  });
  it('gdWidths truncates the pyramid', () => {
    expect(gdWidths(8, 64, [8, 4], 3)).toEqual([8, 64, 8, 1]);
    expect(gdWidths(8, 64, [8, 4], 4)).toEqual([8, 64, 8, 4, 1]);
    expect(() => gdWidths(8, 64, [8], 4)).toThrow(RangeError);
  });
});

describe('Figure 2 claims on synthetic traces', () => {
  const Ns = [50, 100, 150, 200, 250];
  const curves = ['d=50, n2=50', 'd=100, n2=50', 'd=100, n2=100'];
  const good: Fig2Point[] = curves.flatMap((c, i) => Ns.map((N) => point(c, N, 100 * (i + 1) + 3 * N)));
  it('linear growth passes on affine data and fails on flat data', () => {
    expect(fig2rLinearN.check([{ fig2R: good }], cfg).status).toBe('pass');
    const flat = good.map((p) => ({ ...p, lambdaMin: 100 + (p.x % 100 === 0 ? 1 : -1) }));
    expect(fig2rLinearN.check([{ fig2R: flat }], cfg).status).toBe('fail');
  });
  it('order fails when the curves swap at the largest N', () => {
    const left = good.map((p) => ({ ...p, curve: p.curve.replace('d=', 'N=') }));
    expect(fig2Order.check([{ fig2R: good, fig2L: left }], cfg).status).toBe('pass');
    const swapped = good.map((p) => (p.x === 250 && p.curve === curves[2] ? { ...p, lambdaMin: 1 } : p));
    expect(fig2Order.check([{ fig2R: swapped, fig2L: left }], cfg).status).toBe('fail');
  });
  it('sandwich fails when λ_min exceeds min_i E[K̄_ii], when the diagonal misses its expectation, or when the error bound is large', () => {
    expect(thm41Sandwich.check([{ fig2R: good, fig2L: good }], cfg).status).toBe('pass');
    const bad = good.map((p, i) => (i === 3 ? { ...p, upperTheory: 0.9 * p.lambdaMin } : p));
    expect(thm41Sandwich.check([{ fig2R: bad, fig2L: good }], cfg).status).toBe('fail');
    // an init variance 1.2× too large scales K̄ (and its diagonal) by 1.44: the diagonal part fails, the loose bounds do not
    const scaled = good.map((p) => ({ ...p, diagSum: 1.44 * p.diagSum }));
    const v = thm41Sandwich.check([{ fig2R: good, fig2L: scaled }], cfg);
    expect(v.status).toBe('fail');
    expect(v.note).toMatch(/diagLeft: fail/);
    const loose = good.map((p) => ({ ...p, lambdaMinErrorBound: 0.01 * p.lambdaMin }));
    expect(thm41Sandwich.check([{ fig2R: loose, fig2L: good }], cfg).note).toMatch(/errorBound: fail/);
  });
  it('order: a violation within the noise is inconclusive, a large one fails', () => {
    const left = good.map((p) => ({ ...p, curve: p.curve.replace('d=', 'N=') }));
    // two trials per point, sd 40: the curves 100 apart at the largest N swapped by 10 (within noise) or by 300 (not)
    const twoTrials = (pts: Fig2Point[], dx: number) =>
      pts.flatMap((p) => [0, 1].map((t) => ({ ...p, trial: t, lambdaMin: p.x === 250 && p.curve === curves[2] ? p.lambdaMin - dx + (t === 0 ? 40 : -40) : p.lambdaMin + (t === 0 ? 40 : -40) })));
    expect(fig2Order.check([{ fig2R: twoTrials(good, 110), fig2L: left }], cfg).status).toBe('inconclusive');
    expect(fig2Order.check([{ fig2R: twoTrials(good, 400), fig2L: left }], cfg).status).toBe('fail');
  });
});

describe('added claims on synthetic traces', () => {
  it('lemmaB2 fails when a gradient or feature ratio exceeds 1', () => {
    const lip = { pairs: [{ n1: 16, L: 3, pair: 0, distance: 1e-2, ratio: 0.7, perLayer: [0.7] }] };
    expect(lemmaB2.check([{ ...trace([gdRun(0.9, 0.1, 0.5)]), lipschitz: lip }], cfg).status).toBe('pass');
    const bad = gdRun(0.9, 0.1, 0.5);
    bad.gradBoundRatio[3] = 1.01;
    expect(lemmaB2.check([{ ...trace([bad]), lipschitz: lip }], cfg).status).toBe('fail');
    expect(lemmaB2.check([{ ...trace([gdRun(0.9, 0.1, 0.5)]), lipschitz: { pairs: [{ n1: 16, L: 3, pair: 0, distance: 1e-2, ratio: 1.2, perLayer: [1.2] }] } }], cfg).status).toBe('fail');
  });
  it('lecun-width-scaling: passes at the formula, fails 20% off or with a growing output', () => {
    const cell = (n1: number, w: number, o: number) => ({ n1, N: 32, d: 16, w1Norm: [w], outputNorm: [o] });
    const good = [256, 1024, 4096].map((n1) => cell(n1, 1 + Math.sqrt(n1 / 16), 0.5));
    expect(lecunWidthScaling.check([{ lecun: good }], cfg).status).toBe('pass');
    expect(lecunWidthScaling.check([{ lecun: good.map((c) => ({ ...c, w1Norm: [1.2 * (c.w1Norm[0] as number)] })) }], cfg).status).toBe('fail');
    expect(lecunWidthScaling.check([{ lecun: good.map((c) => ({ ...c, outputNorm: [Math.sqrt(c.n1)] })) }], cfg).status).toBe('fail');
  });
  it('sec3.1-width-N fails when the loss stalls', () => {
    const r = { ...gdRun(0.5, 0.1, 0.5), s: 1 };
    expect(sec31WidthN.check([{ widthN: { N: 16, d: 20, floor: 1e-20, runs: [r] } }], cfg).status).toBe('pass');
    const slow = { ...gdRun(0.9, 0.1, 0.5), s: 1 };
    expect(sec31WidthN.check([{ widthN: { N: 16, d: 20, floor: 1e-20, runs: [slow] } }], cfg).status).toBe('fail');
  });
  it('lemma5.2-chernoff fails when ρ < ¼ too often, and when E[ρ] > 1 (λ underestimated)', () => {
    const cell = (f: number, rho: number[]) => ({ d: 25, N: 50, n1: f * 50, rho, lambda: rho.map(() => 1), chernoffTail: rho.map(() => 1) });
    const spread = (m: number) => Array.from({ length: 20 }, (_, i) => m + 0.01 * ((i % 5) - 2));
    expect(lemma52Chernoff.check([{ chernoff: { cells: [cell(4, spread(0.5)), cell(16, spread(0.8))] } }], cfg).status).toBe('pass');
    expect(lemma52Chernoff.check([{ chernoff: { cells: [cell(4, spread(0.2)), cell(16, spread(0.8))] } }], cfg).status).toBe('fail');
    // a 2× underestimate of λ doubles ρ: the floors would pass it, the Jensen side E[ρ] ≤ 1 does not
    const v = lemma52Chernoff.check([{ chernoff: { cells: [cell(4, spread(1.0)), cell(16, spread(1.7))] } }], cfg);
    expect(v.status).toBe('fail');
    expect(v.note).toMatch(/meanAtMostOne: fail/);
  });
  it('probability parts: the trial counts detect a 10 % violation rate (power statements of the configs)', () => {
    // init: 2 d × 2 widths × 10 (smoke) and 3 × 3 × 20 (paper); chernoff: 2 × 3 × 10 and 4 × 3 × 20 draws with n_1 ≥ 4N
    expect(INIT_DETECT).toBe(0.1);
    expect(CHERNOFF_DETECT).toBe(0.1);
    for (const [n, p] of [[40, 0.985], [180, 0.975], [60, 0.986], [240, 0.984]] as const) expect(probabilityPower(n, 0.1, 0.05)).toBeGreaterThan(p);
    expect(minTrialsToExclude(0.1, 0.05)).toBeLessThanOrEqual(40);
    const smoke = profiles.smoke;
    expect(smoke.initDims.length * smoke.initWidthFactors.length * smoke.initTrials).toBe(40);
    expect(smoke.chernoffDims.length * smoke.chernoffWidthFactors.length * smoke.chernoffTrials).toBe(60);
  });
  it('λ_* Monte-Carlo window: two-sided, and a 20 % λ_* error on either side leaves it', () => {
    const [lo, hi] = mcWindow(128, 200_000);
    expect(lo).toBeCloseTo(0.901, 3);
    expect(hi).toBeCloseTo(1.0316, 3);
    const ls = (ratio: number) => ({ init: { gamma: 0.5, beta: 4, cells: [], lambdaStar: [16, 32, 64].map((d) => ({ d, N: 2 * d, values: [0.01, 0.01, 0.01], mc: 0.01 * ratio, mcDraws: 200_000 })) } });
    expect(thm33LambdaStar.check([ls(0.99)], cfg).status).not.toBe('fail');
    expect(thm33LambdaStar.check([ls(1.25)], cfg).status).toBe('fail');
    expect(thm33LambdaStar.check([ls(0.8)], cfg).status).toBe('fail');
  });
  it('thm4.1-lambda-min-linear-n1: linear passes, √n_1 fails', () => {
    const pts = (f: (n1: number) => number) => [400, 800, 1600, 3200].map((n1) => ({ ...point('N=100, d=50, n2=50', n1, f(n1)), N: 100, n1 }));
    expect(thm41LinearN1.check([{ n1Sweep: pts((n) => 0.2 * n) }], cfg).status).toBe('pass');
    expect(thm41LinearN1.check([{ n1Sweep: pts((n) => Math.sqrt(n)) }], cfg).status).toBe('fail');
  });
});

describe('lemma3.1-limit on synthetic traces', () => {
  const rows = (f: (n: number) => number) => [100, 200, 400, 800, 1600].map((n) => ({ n, trial: 0, relErr: f(n) }));
  it('passes at n^{−1/2} and fails when the error stalls at a bias', () => {
    expect(lemma31Limit.check([{ ntkLimit: { N: 50, d: 50, rows: rows((n) => 3 / Math.sqrt(n)) } }], cfg).status).toBe('pass');
    expect(lemma31Limit.check([{ ntkLimit: { N: 50, d: 50, rows: rows((n) => 0.3 + 1 / Math.sqrt(n)) } }], cfg).status).toBe('fail');
  });
});

describe('memory estimate', () => {
  it('the paper profile fits in 24 GiB with room to spare', () => {
    expect(estimateMemory(profiles.paper)).toBeLessThan(24 * 2 ** 30 * 0.25);
  });
});
