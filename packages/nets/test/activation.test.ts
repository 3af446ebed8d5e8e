import { key, normal } from '@repro/concentration';
import { matrix } from '@repro/linalg';
import { describe, expect, it } from 'vitest';
import { activation, activationFns, activationWithDerivative, angleMatrix, arcCosineKernel, arcCosineThetaMap, gaussianDual, kInfinity } from '../src/index.js';

// One record per activation (issue 22 item 3): the wrappers, the empirical and the closed-form paths all read it.
describe('activation records', () => {
  const z = Float64Array.from(normal(key(3), 200), (v) => 4 * v);
  it('σ and σ′ agree between the scalar and vectorized forms (ReLU bit for bit; σ_{γ,β}: σ bit for bit, σ′ to rounding)', () => {
    for (const a of [{ name: 'relu' } as const, { name: 'smoothLeakyRelu', gamma: 0.2, beta: 2 } as const]) {
      const r = activation(a);
      const { f, df } = r.fdf(z);
      for (let i = 0; i < z.length; i++) {
        expect(f[i]).toBe(r.f(z[i] as number));
        expect(Math.abs((df[i] as number) - r.df(z[i] as number))).toBeLessThanOrEqual(2 * Number.EPSILON);
      }
      // the exported helpers compute with the record
      const fns = activationFns(a);
      expect(z.every((v) => fns.f(v) === r.f(v) && fns.df(v) === r.df(v))).toBe(true);
      expect(Array.from(activationWithDerivative(a, z).f)).toEqual(Array.from(f));
    }
    expect(() => activation({ name: 'smoothLeakyRelu', gamma: 1.5, beta: 1 })).toThrow(RangeError);
  });
  it('ReLU limit maps are the arc-cosine kernels k₀, k₁ at unit norms', () => {
    const lim = activation({ name: 'relu' }).limit;
    expect(lim).toBeDefined();
    const X = matrix(12, 5, normal(key(4), 60));
    for (let i = 0; i < 12; i++) {
      let s = 0;
      for (let c = 0; c < 5; c++) s += (X.data[i * 5 + c] as number) ** 2;
      for (let c = 0; c < 5; c++) X.data[i * 5 + c] = (X.data[i * 5 + c] as number) / Math.sqrt(s);
    }
    const { theta } = angleMatrix(X);
    const k0 = arcCosineKernel(0, X);
    const k1 = kInfinity(X);
    for (let i = 0; i < 144; i++) {
      const t = theta.data[i] as number;
      expect(Math.abs((lim?.k0(t) as number) - (k0.data[i] as number))).toBeLessThan(1e-14);
      expect(Math.abs((lim?.dual(Math.cos(t)) as number) - (k1.data[i] as number))).toBeLessThan(1e-14);
      expect(lim?.k1Angle(t)).toBe(arcCosineThetaMap(1, t));
      expect(Math.abs(Math.cos(lim?.k1Angle(t) as number) - 2 * (k1.data[i] as number))).toBeLessThan(1e-14);
    }
    expect(gaussianDual({ name: 'relu' })).toBe(lim?.dual);
  });
  it('σ_{γ,β} has no closed-form limit; its dual integrates σ by quadrature', () => {
    const a = { name: 'smoothLeakyRelu', gamma: 0.2, beta: 1 } as const;
    expect(activation(a).limit).toBeUndefined();
    const dual = gaussianDual(a, { gridSize: 201, nodes: 40 });
    // ρ = 1: E σ(Z)² by 1-D quadrature of the record's σ
    expect(dual(1)).toBeGreaterThan(0);
  });
});
