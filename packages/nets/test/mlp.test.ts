import { key, normal } from '@repro/concentration';
import { matrix } from '@repro/linalg';
import { beforeAll, describe, expect, it } from 'vitest';
import { activationFns, initMlp, mlpLossGrad, mlpLossGradTf, selectBackend, type Activation } from '../src/index.js';

/** Central differences in float64 with h = 1e-6: truncation O(h²·σ''') ≲ 1e-9, rounding ~ε·Φ/h ≲ 1e-9 at these sizes. */
const FD_H = 1e-6;
const RTOL_FD = 1e-6;
/** float32 autodiff vs float64 backprop: fp32 rounding over sums of ≤ 16 terms through 3 layers. */
const RTOL_F32 = 2e-4;

const smooth: Activation = { name: 'smoothLeakyRelu', gamma: 0.5, beta: 4 };
const X = matrix(6, 4, normal(key(1), 24));
const Y = matrix(6, 2, normal(key(2), 12));
const p = initMlp(key(3), [4, 7, 5, 3, 2], 'lecun');

describe('activations', () => {
  it('σ_{γ,β}: σ(0) = 0, σ′ ∈ (γ, 1), |σ(x)| ≤ |x|, σ′ matches a difference quotient', () => {
    const { f, df } = activationFns(smooth);
    expect(f(0)).toBe(0);
    for (const x of [-50, -3, -0.1, 0.2, 2, 40]) {
      expect(df(x)).toBeGreaterThan(0.5 - 1e-15);
      expect(df(x)).toBeLessThanOrEqual(1);
      expect(Math.abs(f(x))).toBeLessThanOrEqual(Math.abs(x) + 1e-15);
      expect((f(x + 1e-6) - f(x - 1e-6)) / 2e-6).toBeCloseTo(df(x), 7);
    }
    expect(Number.isFinite(f(1e6))).toBe(true);
  });
  it('rejects γ outside (0, 1)', () => {
    expect(() => activationFns({ name: 'smoothLeakyRelu', gamma: 1, beta: 4 })).toThrow(RangeError);
  });
});

describe('mlpLossGrad (float64 backprop)', () => {
  it('matches central differences for every weight', () => {
    const { grads } = mlpLossGrad(p, X, Y, smooth);
    let worst = 0;
    p.W.forEach((W, l) => {
      for (let i = 0; i < W.data.length; i++) {
        const w = W.data[i] as number;
        W.data[i] = w + FD_H;
        const up = mlpLossGrad(p, X, Y, smooth).loss;
        W.data[i] = w - FD_H;
        const dn = mlpLossGrad(p, X, Y, smooth).loss;
        W.data[i] = w;
        const fd = (up - dn) / (2 * FD_H);
        const g = (grads[l]?.data[i] ?? Number.NaN) as number;
        worst = Math.max(worst, Math.abs(fd - g) / (1e-8 + Math.abs(g)));
      }
    });
    expect(worst).toBeLessThan(RTOL_FD);
  });
  it('rejects mismatched shapes', () => {
    expect(() => mlpLossGrad(p, X, matrix(6, 3), smooth)).toThrow(RangeError);
    expect(() => initMlp(key(0), [4, 0, 1], 'he')).toThrow(RangeError);
  });
  it('He init has variance 2/fan_in', () => {
    const q = initMlp(key(9), [200, 300, 1], 'he');
    const w = q.W[0]?.data ?? new Float64Array();
    let s = 0;
    for (const v of w) s += v * v;
    // 6·10⁴ draws: the sample variance is within 3 sd (√(2/n)·var ≈ 0.6 %) of 2/200
    expect(s / w.length).toBeGreaterThan(0.01 * (1 - 0.02));
    expect(s / w.length).toBeLessThan(0.01 * (1 + 0.02));
  });
});

describe('mlpLossGradTf (float32 autodiff)', () => {
  beforeAll(async () => {
    await selectBackend('auto');
  });
  for (const act of [smooth, { name: 'relu' } as Activation]) {
    it(`agrees with float64 backprop (${act.name})`, async () => {
      const ref = mlpLossGrad(p, X, Y, act);
      const tf = await mlpLossGradTf(p, X, Y, act);
      expect(Math.abs(tf.loss - ref.loss) / ref.loss).toBeLessThan(RTOL_F32);
      let scale = 0;
      for (const g of ref.grads) for (const v of g.data) scale = Math.max(scale, Math.abs(v));
      ref.grads.forEach((g, l) => {
        const t = tf.grads[l]?.data ?? new Float64Array();
        for (let i = 0; i < g.data.length; i++) expect(Math.abs((t[i] as number) - (g.data[i] as number))).toBeLessThan(RTOL_F32 * scale);
      });
    });
  }
});

describe('activationWithDerivative (fused σ, σ′)', () => {
  it('σ equals activationFns bit for bit; σ′ to rounding; ReLU exact; bad γ, β rejected', async () => {
    const { activationFns, activationWithDerivative } = await import('../src/index.js');
    const z = Float64Array.from({ length: 2001 }, (_, i) => (i - 1000) / 37);
    z[0] = -800; // far tails: no overflow in either form
    z[1] = 800;
    for (const a of [{ name: 'smoothLeakyRelu', gamma: 0.2, beta: 1 }, { name: 'smoothLeakyRelu', gamma: 0.5, beta: 7 }, { name: 'relu' }] as const) {
      const { f, df } = activationFns(a);
      const fused = activationWithDerivative(a, z);
      for (let i = 0; i < z.length; i++) {
        expect(fused.f[i]).toBe(f(z[i] as number));
        expect(Math.abs((fused.df[i] as number) - df(z[i] as number))).toBeLessThanOrEqual(4 * Number.EPSILON);
      }
    }
    expect(() => activationWithDerivative({ name: 'smoothLeakyRelu', gamma: 1.5, beta: 1 }, z)).toThrow(RangeError);
  });
});
