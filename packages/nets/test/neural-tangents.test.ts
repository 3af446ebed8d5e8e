import { readFileSync } from 'node:fs';
import { matrix } from '@repro/linalg';
import { describe, expect, it } from 'vitest';
import { reluNtkLimit } from '../src/index.js';

/**
 * The deep ReLU NTK/NNGP closed form against neural-tangents' stax (fixture: conformance/fixtures/neural-tangents-ntk.json,
 * generator conformance/generate/neural_tangents_ntk.py). Their parameterization: Dense with W_std = √2, b_std = 0 (NTK
 * parameterization: the input layer divides by d), ReLU between layers. Ours (reluNtkLimit) starts from G⁽¹⁾ = XXᵀ and keeps
 * the diagonal with c_σ = 2, so Θ_NT = (2/d)·K and Σ_NT = (2/d)·G⁽ᴸ⁾.
 * Tolerance: 1e-12 of √(Θ_ii Θ_jj) — both sides are float64 closed forms — on every pair but the exactly parallel one
 * (rows 0 and 1 = 2.5·row 0). There NT takes θ = arccos of a rounded cosine (1 − O(ε)), i.e. θ ≈ 2e-8 instead of 0, and is
 * off by ~2e-9 relative (measured 1.7e-9 at L = 2); ours carries θ = 0 and must equal the exact value √(K₀₀K₁₁) to rounding,
 * with NT within 1e-8 of it.
 */
interface Fixture {
  meta: { N: number; d: number; X: number[]; mapping: string };
  cases: { L: number; ntk: number[]; nngp: number[] }[];
}
const fx = JSON.parse(readFileSync(new URL('../../../conformance/fixtures/neural-tangents-ntk.json', import.meta.url), 'utf8')) as Fixture;

describe('reluNtkLimit vs neural-tangents stax', () => {
  const { N, d } = fx.meta;
  const X = matrix(N, d, Float64Array.from(fx.meta.X));
  const c = 2 / d;
  for (const k of fx.cases)
    it(`depth L = ${k.L}: NTK and NNGP within 1e-12 of the scale`, () => {
      const r = reluNtkLimit(X, k.L);
      const G = r.G[k.L - 1];
      if (G === undefined) throw new Error('no G for the last layer');
      let worst = 0;
      const parallel = (i: number, j: number) => (i === 0 && j === 1) || (i === 1 && j === 0);
      const exactParallel = Math.sqrt((r.K.data[0] as number) * (r.K.data[N + 1] as number));
      expect(Math.abs((r.K.data[1] as number) - exactParallel) / exactParallel).toBeLessThan(1e-14);
      expect(Math.abs(c * exactParallel - (k.ntk[1] as number)) / (c * exactParallel)).toBeLessThan(1e-8);
      for (let i = 0; i < N; i++)
        for (let j = 0; j < N; j++) {
          if (parallel(i, j)) continue;
          const s = Math.sqrt((k.ntk[i * N + i] as number) * (k.ntk[j * N + j] as number));
          worst = Math.max(worst, Math.abs(c * (r.K.data[i * N + j] as number) - (k.ntk[i * N + j] as number)) / s);
          worst = Math.max(worst, Math.abs(c * (G.data[i * N + j] as number) - (k.nngp[i * N + j] as number)) / s);
        }
      if (process.env.CONFORMANCE_REPORT === '1') console.log(`neural-tangents L=${k.L}: worst relative error ${worst.toExponential(2)}`);
      expect(worst).toBeLessThan(1e-12);
    });
});
