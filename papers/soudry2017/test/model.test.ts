import { key } from '@repro/concentration';
import { describe, expect, it } from 'vitest';
import { asymmetricData, fig1Data, absorbLabels, maxMargin, sigmaMax } from '../src/model/data.js';
import { angleGap, directionGap } from '../src/model/geometry.js';
import { logGrid, logTimeFlow, marginLossGrad, marginLossSum, runGd, type MarginData } from '../src/model/linear.js';
import { softmaxEval, softmaxGrad, type SoftmaxData } from '../src/model/softmax.js';
import { wTildeOf } from '../src/experiments/asym.js';

/** Central differences, step 1e-6 on O(10)-sized losses: truncation ~1e-12·L‴, rounding ~1e-10; relative check at 1e-6. */
const FD_STEP = 1e-6;
const FD_RTOL = 1e-6;

function fdGrad(f: (w: Float64Array) => number, w: Float64Array): Float64Array {
  const g = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const p = Float64Array.from(w);
    const m = Float64Array.from(w);
    p[i] = (p[i] as number) + FD_STEP;
    m[i] = (m[i] as number) - FD_STEP;
    g[i] = (f(p) - f(m)) / (2 * FD_STEP);
  }
  return g;
}

describe('linear model', () => {
  const data = asymmetricData();

  it('loss is finite and accurate at ‖w‖ ~ 30 (no overflow/underflow to 0 for the logistic loss)', () => {
    // Along ŵ with ‖w‖ ≈ 30 every margin is ≥ 23, so ℓ ≈ e^{−u}: the naive log(1 + exp(−u)) would round to 0 beyond u ≈ 37.
    const w = Float64Array.from([23.4, 18.72]);
    const L = marginLossSum(data, 'logistic', w);
    const Lexp = marginLossSum(data, 'exp', w);
    expect(L).toBeGreaterThan(0);
    expect(L / Lexp).toBeCloseTo(1, 9);
    // Opposite direction: margins ≈ −30, the loss is ≈ Σ|u| (the naive exp(30) path would still be finite here; at −800 it is not).
    const far = Float64Array.from([-800, -640]);
    expect(Number.isFinite(marginLossSum(data, 'logistic', far))).toBe(true);
    const g = new Float64Array(2);
    marginLossGrad(data, 'logistic', far, g);
    expect(g.every(Number.isFinite)).toBe(true);
  });

  it('gradient matches finite differences for both losses', () => {
    for (const loss of ['logistic', 'exp'] as const)
      for (const w of [Float64Array.from([0.3, -0.2]), Float64Array.from([2, 1.5])]) {
        const g = new Float64Array(2);
        marginLossGrad(data, loss, w, g);
        const fd = fdGrad((x) => marginLossSum(data, loss, x), w);
        for (let i = 0; i < 2; i++) expect(Math.abs((g[i] as number) - (fd[i] as number))).toBeLessThan(FD_RTOL * (1 + Math.abs(g[i] as number)));
      }
  });

  it('GD on the asymmetric data reaches the prototype reference t·L = 16.4079 at 10⁴ and w̃ = (−2.128232, −1.653795)', () => {
    const svm = maxMargin(data);
    const wt = wTildeOf(data, svm.alpha, svm.support, 0.1, [0, 0]);
    expect(wt[0]).toBeCloseTo(-2.128232, 6);
    expect(wt[1]).toBeCloseTo(-1.653795, 6);
    let tL = 0;
    runGd(data, 'logistic', { eta: 0.1, w0: [0, 0], T: 10_000, times: [10_000] }, (t, w) => (tL = t * marginLossSum(data, 'logistic', w)));
    expect(tL).toBeCloseTo(16.4079, 3);
  });

  it('log-time RK4 flow matches exact GD from 10⁴ to 10⁵ (GD–flow gap O(1/t₀))', () => {
    let w4 = new Float64Array(2);
    let w5 = new Float64Array(2);
    runGd(data, 'logistic', { eta: 0.1, w0: [0, 0], T: 100_000, times: [10_000, 100_000] }, (t, w) => {
      if (t === 10_000) w4 = Float64Array.from(w);
      else w5 = Float64Array.from(w);
    });
    const fl = logTimeFlow((w, g) => marginLossGrad(data, 'logistic', w, g), { eta: 0.1, w0: w4, t0: 1e4, t1: 1e5, times: [1e5], hMax: 0.2, tol: 1e-10 }, () => {});
    expect(Math.hypot((fl.w[0] as number) - (w5[0] as number), (fl.w[1] as number) - (w5[1] as number))).toBeLessThan(1e-4);
    expect(fl.stats.steps).toBeLessThan(100);
  });

  it('logGrid: log-spaced, integer below the switch, powers of ten exact, ends at T', () => {
    const g = logGrid(1e6, 10, 1e4);
    expect(g[0]).toBe(1);
    expect(g).toContain(1e3);
    expect(g).toContain(1e6);
    expect(g[g.length - 1]).toBe(1e6);
    for (const t of g) if (t <= 1e4) expect(Number.isInteger(t)).toBe(true);
    expect(logGrid(2e5, 10, 2e5).at(-1)).toBe(2e5);
  });

  it('Figure-1 data: σ_max < 8, ŵ = (½, ½), deterministic per key', () => {
    const a = fig1Data(key(0), 8);
    const b = fig1Data(key(0), 8);
    expect(Array.from(a.data.X)).toEqual(Array.from(b.data.X));
    expect(a.sigmaMax).toBeLessThan(8);
    const Z: MarginData = absorbLabels(a.data);
    expect(sigmaMax(Z)).toBeCloseTo(a.sigmaMax, 12);
    const svm = maxMargin(Z);
    expect(svm.w[0]).toBeCloseTo(0.5, 9);
    expect(svm.w[1]).toBeCloseTo(0.5, 9);
    expect(svm.theta).toBeGreaterThanOrEqual(1.1 - 1e-9);
  });

  it('angle gap = ½ direction gap², accurate for nearly parallel vectors', () => {
    expect(angleGap([1, 1e-6], [1, 0])).toBeCloseTo(5e-13, 20);
    expect(directionGap([2, 0], [0, 3])).toBeCloseTo(Math.SQRT2, 15);
  });
});

describe('softmax model', () => {
  const data: SoftmaxData = { X: Float64Array.from([1, 0.5, -0.3, 1, 0.2, -1]), y: Int32Array.from([0, 1, 2]), N: 3, d: 2, K: 3 };

  it('gradient matches finite differences', () => {
    const W = Float64Array.from([0.3, -0.1, 0.2, 0.5, -0.4, 0.1]);
    const g = new Float64Array(6);
    softmaxGrad(data, W, g);
    const fd = fdGrad((x) => softmaxEval(data, x).sum, W);
    for (let i = 0; i < 6; i++) expect(Math.abs((g[i] as number) - (fd[i] as number))).toBeLessThan(FD_RTOL);
  });

  it('stable at ‖W‖ ~ 30: tiny positive loss, no NaN', () => {
    const W = Float64Array.from([20, 0, -10, 10, 0, -20]);
    const e = softmaxEval(data, W);
    expect(Number.isFinite(e.sum)).toBe(true);
    expect(e.sum).toBeGreaterThanOrEqual(0);
    const g = new Float64Array(6);
    softmaxGrad(data, W, g);
    expect(g.every(Number.isFinite)).toBe(true);
  });

  it('far along a separating direction (margins 36–72): the rows of ∇L sum to zero and the gradient is not lost to cancellation', () => {
    // Every sample is classified with margin 36–72, so p_k ≈ 1e-16…1e-32 for k ≠ y: p_y − 1 must be −Σ_{k≠y} p_k, not 1/(1+ε) − 1
    // (0 or a rounding of ε).
    const W = Float64Array.from([120, 0, 0, 120, -120, -120]);
    const g = new Float64Array(6);
    softmaxGrad(data, W, g);
    const colSum = [0, 1].map((j) => (g[j] as number) + (g[2 + j] as number) + (g[4 + j] as number));
    const scale = Math.max(...Array.from(g, Math.abs));
    expect(scale).toBeGreaterThan(0);
    for (const s of colSum) expect(Math.abs(s)).toBeLessThanOrEqual(1e-12 * scale);
    // Exact reference in log space: g = Σ_n Σ_{k≠y_n} p_nk (e_k − e_{y_n}) x_nᵀ with p_nk = e^{z_k − z_y} / (1 + Σ e^{…}).
    const ref = new Float64Array(6);
    for (let n = 0; n < 3; n++) {
      const x = [data.X[2 * n] as number, data.X[2 * n + 1] as number];
      const z = [0, 1, 2].map((k) => (W[2 * k] as number) * (x[0] as number) + (W[2 * k + 1] as number) * (x[1] as number));
      const c = data.y[n] as number;
      const rest = z.map((zk, k) => (k === c ? 0 : Math.exp(zk - (z[c] as number))));
      const tot = 1 + rest.reduce((a, b) => a + b, 0);
      for (let k = 0; k < 3; k++) {
        if (k === c) continue;
        const p = (rest[k] as number) / tot;
        for (let j = 0; j < 2; j++) {
          ref[2 * k + j] = (ref[2 * k + j] as number) + p * (x[j] as number);
          ref[2 * c + j] = (ref[2 * c + j] as number) - p * (x[j] as number);
        }
      }
    }
    for (let i = 0; i < 6; i++) expect(Math.abs((g[i] as number) - (ref[i] as number))).toBeLessThanOrEqual(1e-12 * scale);
  });
});
