import { matrix } from '@repro/linalg';
import { normal, key } from '@repro/concentration';
import { describe, expect, it } from 'vitest';
import { hInfinity, kInfinity, reluNtkLimit } from '../src/index.js';

// One piece of math, two recipes: the deep ReLU NTK recursion at depth 2 is the two-layer NTK of Du et al. — the
// first-layer term H∞ = E[xᵢᵀxⱼ 1{wᵀxᵢ ≥ 0, wᵀxⱼ ≥ 0}] plus the output-layer term K∞ = E[relu(wᵀxᵢ) relu(wᵀxⱼ)] — times
// c_σ = 2 (reluNtkLimit is the limit normalized by Π 2/n_l): K⁽²⁾ = 2(H∞ + K∞), and G⁽²⁾ = 2K∞.
describe('reluNtkLimit(X, 2) and the H∞/K∞ closed forms', () => {
  it('agree to rounding, including near-parallel and zero rows', () => {
    const N = 12;
    const d = 5;
    const X = matrix(N, d, normal(key(7), N * d));
    for (let c = 0; c < d; c++) X.data[1 * d + c] = (X.data[0 * d + c] as number) * 3 + (c === 0 ? 1e-7 : 0); // near-parallel
    for (let c = 0; c < d; c++) X.data[2 * d + c] = 0; // a zero row
    const r = reluNtkLimit(X, 2);
    const H = hInfinity(X);
    const K = kInfinity(X);
    for (let i = 0; i < N; i++)
      for (let j = 0; j < N; j++) {
        const idx = i * N + j;
        const scaleIJ = Math.sqrt((r.K.data[i * N + i] as number) * (r.K.data[j * N + j] as number)) || 1;
        expect(Math.abs((r.K.data[idx] as number) - 2 * ((H.data[idx] as number) + (K.data[idx] as number))) / scaleIJ).toBeLessThan(1e-13);
        expect(Math.abs((r.G[1]?.data[idx] as number) - 2 * (K.data[idx] as number)) / scaleIJ).toBeLessThan(1e-13);
      }
  });
});
