import { key, normal, sphere } from '@repro/concentration';
import { eigvalsh, matrix, normFro, sub, type Matrix } from '@repro/linalg';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  empiricalNtk,
  empiricalNtkTf,
  expectedFeatureGram,
  gaussHermite,
  gaussianDual,
  initMlp,
  mlpLossGrad,
  ntkAutodiff,
  ntkCentralDifferences,
  reluNtkLimit,
  selectBackend,
  type Activation,
} from '../src/index.js';

/** Layer formula vs float64 central differences (h = 1e-5): O(h²) truncation and ε/h rounding, both ≪ 1e-7 relative. */
const RTOL_F64 = 1e-7;
/** float32 paths (autodiff Jacobian, tfjs GEMMs) vs float64: fp32 accumulation over ≤ 10³ terms. */
const RTOL_F32 = 1e-4;

const smooth: Activation = { name: 'smoothLeakyRelu', gamma: 0.5, beta: 4 };
const relu: Activation = { name: 'relu' };
const X = matrix(8, 5, normal(key(11), 40));

function relErrMax(A: Matrix, B: Matrix): number {
  let scale = 0;
  for (const v of B.data) scale = Math.max(scale, Math.abs(v));
  let e = 0;
  for (let i = 0; i < A.data.length; i++) e = Math.max(e, Math.abs((A.data[i] as number) - (B.data[i] as number)));
  return e / scale;
}

describe('empirical NTK by layer decomposition', () => {
  beforeAll(async () => {
    await selectBackend('auto');
  });
  for (const widths of [
    [5, 12, 6, 1],
    [5, 12, 6, 4, 1],
  ])
    for (const act of [relu, smooth]) {
      const p = initMlp(key(widths.length), widths, 'he');
      it(`equals JJᵀ by central differences, ${act.name} [${widths.join(',')}]`, () => {
        const K = empiricalNtk(p, X, act).K;
        expect(relErrMax(K, ntkCentralDifferences(p, X, act))).toBeLessThan(RTOL_F64);
      });
      it(`equals JJᵀ by tfjs autodiff and the tfjs layer formula, ${act.name} [${widths.join(',')}]`, async () => {
        const K = empiricalNtk(p, X, act).K;
        expect(relErrMax(await ntkAutodiff(p, X, act), K)).toBeLessThan(RTOL_F32);
        const Kt = await empiricalNtkTf(p, X, act, { keepFeatureGrams: true });
        expect(relErrMax(Kt.K, K)).toBeLessThan(RTOL_F32);
        expect(Kt.featureGrams.length).toBe(widths.length - 1);
      });
    }
  it('the tfjs paths leave no tensor behind (a leak of N×n₁ per call crashed the 10-trial Figure 2 run)', async () => {
    const { getTf, mlpLossGradTf } = await import('../src/index.js');
    const tf = getTf();
    const before = tf.memory().numTensors;
    const big = matrix(600, 5, normal(key(12), 3000)); // N = 600: the blocked Gram path (several row blocks)
    for (const act of [relu, smooth]) {
      const p = initMlp(key(7), [5, 40, 12, 1], 'he');
      await empiricalNtkTf(p, big, act, { keepFeatureGrams: true });
      await empiricalNtkTf(p, X, act);
      await ntkAutodiff(p, X, act);
      await mlpLossGradTf(p, X, matrix(8, 1, normal(key(8), 8)), act);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
  it('‖∇Φ‖² = rᵀK̄r (NTK-PL identity) in float64', () => {
    const p = initMlp(key(5), [5, 12, 6, 1], 'lecun');
    const Y = matrix(8, 1, normal(key(6), 8));
    const g = mlpLossGrad(p, X, Y, smooth);
    let lhs = 0;
    for (const G of g.grads) for (const v of G.data) lhs += v * v;
    const r = g.Delta.at(-1)?.data ?? new Float64Array();
    const K = empiricalNtk(p, X, smooth).K;
    let rhs = 0;
    for (let i = 0; i < 8; i++) for (let j = 0; j < 8; j++) rhs += (r[i] as number) * (K.data[i * 8 + j] as number) * (r[j] as number);
    expect(Math.abs(lhs - rhs) / rhs).toBeLessThan(1e-12);
  });
});

describe('closed-form ReLU NTK limit', () => {
  it('L = 1 is XXᵀ; the diagonal is L‖x_i‖² (homogeneity)', () => {
    const { K } = reluNtkLimit(X, 3);
    for (let i = 0; i < 8; i++) {
      let s = 0;
      for (let c = 0; c < 5; c++) s += (X.data[i * 5 + c] as number) ** 2;
      expect(K.data[i * 8 + i]).toBeCloseTo(3 * s, 10);
    }
    expect(reluNtkLimit(X, 1).K.data).toEqual(reluNtkLimit(X, 1).G[0]?.data);
    expect(() => reluNtkLimit(X, 0)).toThrow(RangeError);
  });
  it('(4/(n₁n₂))K̄ under N(0,1) weights approaches K^{(3)} as the width grows', () => {
    const Xs = matrix(8, 5, sphere(key(12), 8, 5));
    const limit = reluNtkLimit(Xs, 3).K;
    const err = (n: number): number => {
      const p = initMlp(key(n), [5, n, n, 1], 'standard');
      const K = empiricalNtk(p, Xs, relu).K;
      const Ks = matrix(8, 8, K.data.map((v) => (4 * v) / (n * n)));
      return normFro(sub(Ks, limit)) / normFro(limit);
    };
    const e1 = err(64);
    const e2 = err(1024);
    // Monte Carlo error ~ c/√n: at n = 1024 a few percent; 0.1 is > 3× the typical value (c ≈ 1 here).
    expect(e2).toBeLessThan(0.1);
    expect(e2).toBeLessThan(e1);
  });
});

describe('Gaussian dual (Gauss–Hermite)', () => {
  it('integrates moments of N(0,1) exactly', () => {
    const { z, w } = gaussHermite(40);
    const m = (k: number) => z.reduce((s, x, i) => s + (w[i] as number) * x ** k, 0);
    expect(m(0)).toBeCloseTo(1, 12);
    expect(m(2)).toBeCloseTo(1, 12);
    expect(m(4)).toBeCloseTo(3, 10);
  });
  it('matches the ReLU arc-cosine closed form (s + (π − θ)ρ)/(2π)', () => {
    const dual = gaussianDual(relu, { nodes: 120 });
    for (const rho of [-0.9, -0.3, 0, 0.5, 0.95, 1]) {
      const th = Math.acos(rho);
      // ReLU has a kink at 0, so quadrature converges only algebraically: 120 nodes give ~1e-3.
      expect(Math.abs(dual(rho) - (Math.sqrt(1 - rho * rho) + (Math.PI - th) * rho) / (2 * Math.PI))).toBeLessThan(2e-3);
    }
  });
  it('expectedFeatureGram is symmetric PSD with E[σ(z)²] on the diagonal', () => {
    const d = 16;
    const Xs = matrix(10, d, sphere(key(3), 10, d).map((v) => v * Math.sqrt(d)));
    const M = expectedFeatureGram(Xs, smooth);
    expect(eigvalsh(M)[0]).toBeGreaterThan(0);
    expect(M.data[0]).toBeCloseTo(M.data[11] as number, 12);
  });
});
