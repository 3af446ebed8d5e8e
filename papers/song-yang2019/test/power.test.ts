import { foldIn, key, meanSd, normal, sphere } from '@repro/concentration';
import { minTrialsToExclude, probabilityPower, setActiveFault } from '@repro/harness';
import { gram, matrix } from '@repro/linalg';
import { patternFlipBound, projections } from '@repro/nets';
import { afterEach, describe, expect, it } from 'vitest';
import { claimC1C4 } from '../src/claims/claim-c1-c4.js';
import { factDynamics } from '../src/claims/fact-dynamics.js';
import { lemMove } from '../src/claims/lem-move.js';
import { PERTURB_DETECT } from '../src/claims/lem-perturb.js';
import { thmMain } from '../src/claims/thm-main.js';
import { CHERNOFF_DETECT_EXCESS } from '../src/claims/tool-chernoff.js';
import { profiles } from '../src/config.js';
import { gramHDeviationScale } from '@repro/nets';
import { froDistSq } from '../src/experiments/data.js';
import { gramAt, hcts } from '../src/experiments/model.js';
import { expectedUFroSq } from '../src/experiments/perturb.js';
import type { DecompRun, MainTrace, SongYang2019Trace } from '../src/trace.js';

afterEach(() => setActiveFault(null));

describe('power statements (config .describe())', () => {
  it('lem.perturb: 50 / 200 draws catch a 20 % violation rate with probability ≥ 0.998', () => {
    expect(profiles.smoke.perturbTrials).toBe(50);
    expect(profiles.paper.perturbTrials).toBe(200);
    expect(probabilityPower(50, PERTURB_DETECT, 0.05 / 6)).toBeGreaterThan(0.998);
    expect(probabilityPower(200, PERTURB_DETECT, 0.05 / 8)).toBeGreaterThan(0.998);
    expect(minTrialsToExclude(PERTURB_DETECT, 0.05 / 8)).toBeLessThanOrEqual(30);
  });
  it('tool.chernoff: 500 / 5000 draws catch a 5-point excess over the bound with probability ≥ 0.999', () => {
    expect(probabilityPower(profiles.smoke.chernoffTrials, CHERNOFF_DETECT_EXCESS, 0.05 / 20)).toBeGreaterThan(0.999);
    expect(probabilityPower(profiles.paper.chernoffTrials, CHERNOFF_DETECT_EXCESS, 0.05 / 30)).toBeGreaterThan(0.999);
    expect(minTrialsToExclude(CHERNOFF_DETECT_EXCESS, 0.05 / 30)).toBeLessThanOrEqual(188);
  });
});

describe('exact expectations behind the tight parts', () => {
  const n = 6;
  const d = 3;
  const X = matrix(n, d, sphere(key(11), n, d));
  it('m·E‖H(0) − H^cts‖_F² = Σρ²p(1 − p): Monte Carlo within 4 SE; the gram-indicator fault moves it by > 10 SE', () => {
    const m = 50;
    const V = gramHDeviationScale(X);
    const draws = (): number[] => Array.from({ length: 400 }, (_, t) => (m * froDistSq(gramAt(X, normal(foldIn(key(12), t), m * d), m), hcts(X))) / V);
    const clean = meanSd(draws());
    expect(Math.abs(clean.mean - 1)).toBeLessThan(4 * clean.se);
    setActiveFault('gram-indicator');
    const bad = meanSd(draws());
    expect(Math.abs(bad.mean - 1)).toBeGreaterThan(10 * bad.se);
  });
  it('E‖U‖_F² (binomial counts, bivariate-normal flip probability) matches Monte Carlo within 4 SE', () => {
    const m = 200;
    const R = 0.3;
    const absRho = gram(X).data.map(Math.abs);
    const xs = Array.from({ length: 400 }, (_, t) => {
      const U = patternFlipBound(projections(X, normal(foldIn(key(13), t), m * d), m), absRho, n, m, R);
      return U.data.reduce((s, u) => s + u * u, 0);
    });
    const s = meanSd(xs);
    expect(Math.abs(s.mean - expectedUFroSq(gram(X).data, n, m, R))).toBeLessThan(4 * s.se);
  });
});

describe('tight parts on constructed traces', () => {
  const main = (movedFactor: number, flips: number): MainTrace => {
    const eta = 1e-3;
    const eHe = 2.5;
    const HeSq = 3;
    const loss0 = 10;
    return {
      n: 4, m: 100, lambda: 0.2, eta, steps: 2, precision: 'float64', loss: [loss0, loss0 - eta * eHe + 0.5 * eta ** 2 * HeSq, 9.99], maxDistance: [0, 1e-4, 2e-4], residual0: Math.sqrt(2 * loss0), diverged: null,
      firstStep: { movedSq: movedFactor * eta ** 2 * eHe, eHe, HeSq, loss0, loss1: loss0 - movedFactor * (eta * eHe - 0.5 * eta ** 2 * HeSq), flips },
    };
  };
  const cfg = profiles.smoke;
  it('lem.move: a step moving 2η∇L (‖ΔW‖² = 4η²eᵀHe) fails though the loose bound holds; thm.main too', () => {
    expect(lemMove.check([{ main: main(1, 0) }], cfg).status).toBe('pass');
    const v = lemMove.check([{ main: main(4, 0) }], cfg);
    expect(v.status).toBe('fail');
    expect(v.observed['bound.slack']).toBeGreaterThan(1);
    expect(thmMain.check([{ main: main(2, 0) }], cfg).status).toBe('fail');
  });
  it('thm.main: a first step with pattern flips gives the identity no input: inconclusive, not pass', () => {
    expect(thmMain.check([{ main: main(1, 3) }], cfg).status).toBe('inconclusive');
  });
  it('fact.dynamics: no flip-free step is inconclusive', () => {
    const t: SongYang2019Trace = { dynamics: { n: 2, m: 3, eta: 1e-3, flipFree: [0, 0], relErr: [1e-4, 1e-4], flipFreeObserved: [], flipFreeExpected: [] } };
    expect(factDynamics.check([t], cfg).status).toBe('inconclusive');
  });
  it('claim.c1-c4: C2/C3 with no non-vacuous step make the claim inconclusive, never a silent pass', () => {
    const r: DecompRun = { label: 'theory', eta: 1e-3, eSq: [1], eNextSq: [0.99], c1: [-1e-3], c2: [0], c3: [0], c4: [1e-8], radius: [1e-6], radiusWide: [1e-6], c2Wide: [0], c3Wide: [0], maxSbar: [0], lambdaMinH: [0.3], lambdaMinErr: [1e-14], roundU: [0] };
    const v = claimC1C4.check([{ decomp: { n: 4, m: 100, lambda: 0.2, lambdaMax: 2, runs: [r] } }], cfg);
    expect(v.status).toBe('inconclusive');
    expect(v.note).toMatch(/theory_C2: inconclusive/);
    // At R* = ln(n/δ)/m the guarantee is non-vacuous: C2/C3 are judged there (pass inside 8ηnR*‖e‖², fail outside).
    const rStar = Math.log(4 / cfg.delta) / 100;
    const wide = (c2: number): DecompRun => ({ ...r, radiusWide: [rStar], c2Wide: [c2] });
    expect(claimC1C4.check([{ decomp: { n: 4, m: 100, lambda: 0.2, lambdaMax: 2, runs: [wide(0)] } }], cfg).status).toBe('pass');
    expect(claimC1C4.check([{ decomp: { n: 4, m: 100, lambda: 0.2, lambdaMax: 2, runs: [wide(2 * 8 * 1e-3 * 4 * rStar)] } }], cfg).status).toBe('fail');
  });
  it('replicates: a single-run claim holds only if it holds on every replicate', () => {
    const good = { n: 2, m: 3, eta: 1e-3, flipFree: [1], relErr: [1e-4], flipFreeObserved: [1], flipFreeExpected: [1] };
    const bad = { ...good, flipFreeObserved: [2] };
    expect(factDynamics.check([{ dynamics: good, replicas: [{ dynamics: good }] }], cfg).status).toBe('pass');
    const v = factDynamics.check([{ dynamics: good, replicas: [{ dynamics: good }, { dynamics: bad }] }], cfg);
    expect(v.status).toBe('fail');
    expect(v.observed).toMatchObject({ replicatesChecked: 3, replicatesPassed: 2 });
    expect(v.note).toMatch(/fails on replicate 2 of 3/);
  });
});
