import { key, normal } from '@repro/concentration';
import { setActiveFault } from '@repro/harness';
import { arcCosineKernel } from '@repro/nets';
import { matrix } from '@repro/linalg';
import { afterEach, describe, expect, it } from 'vitest';
import { mkmDegreeBackrand, pairedDifference, selectedMkm } from '../src/claims/mkm-degree-backrand.js';
import { profiles } from '../src/config.js';
import { fitKernelPca, projectKernelPca } from '../src/experiments/kpca.js';
import { candidateWidths, knnWrong, mutualInformationRanking, selectKnn } from '../src/experiments/mkm.js';
import type { MkmDatasetTrace, MkmLayerResult } from '../src/trace.js';

const cfg = profiles.smoke;
afterEach(() => setActiveFault(null));

/** rows × cols standard normal matrix from a key. */
function gaussian(rows: number, cols: number, seed: number) {
  return matrix(rows, cols, normal(key(seed), rows * cols));
}

describe('kernel PCA on the arc-cosine kernel', () => {
  it('fit rows project to √λ·v, components are centred and uncorrelated with variances λ/m', () => {
    const X = gaussian(60, 5, 3);
    for (const n of [0, 1, 2]) {
      const model = fitKernelPca(n, X, 10);
      const Z = projectKernelPca(model, X);
      const p = Z.cols;
      expect(p).toBe(10);
      for (let c = 0; c < p; c++) {
        let mean = 0;
        for (let i = 0; i < 60; i++) mean += (Z.data[i * p + c] as number) / 60;
        expect(Math.abs(mean)).toBeLessThan(1e-9);
        for (let e = 0; e < p; e++) {
          let s = 0;
          for (let i = 0; i < 60; i++) s += (Z.data[i * p + c] as number) * (Z.data[i * p + e] as number);
          // ZᵀZ = diag(λ): the components are the centred kernel's eigen-coordinates
          expect(s).toBeCloseTo(c === e ? (model.values[c] as number) : 0, 8);
        }
      }
      // descending eigenvalues that carry a share ≤ 1 of the centred trace
      for (let c = 1; c < p; c++) expect(model.values[c]).toBeLessThanOrEqual(model.values[c - 1] as number);
      expect(model.explained).toBeGreaterThan(0);
      expect(model.explained).toBeLessThanOrEqual(1 + 1e-12);
    }
  });
  it('the fit kernel is k_n up to one constant: Z Zᵀ reproduces the centred k_n when every component is kept', () => {
    const X = gaussian(12, 4, 5);
    const model = fitKernelPca(1, X, 12);
    const Z = projectKernelPca(model, X);
    const K = arcCosineKernel(1, X);
    const m = 12;
    const rowMean = Array.from({ length: m }, (_, i) => K.data.subarray(i * m, (i + 1) * m).reduce((a, b) => a + b, 0) / m);
    const total = rowMean.reduce((a, b) => a + b, 0) / m;
    const scale = Math.exp(model.scaleLog);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        let zz = 0;
        for (let c = 0; c < Z.cols; c++) zz += (Z.data[i * Z.cols + c] as number) * (Z.data[j * Z.cols + c] as number);
        const centred = ((K.data[i * m + j] as number) - (rowMean[i] as number) - (rowMean[j] as number) + total) / scale;
        expect(zz).toBeCloseTo(centred, 8);
      }
  });
  it("'kpca-uncentred' skips the centring", () => {
    setActiveFault('kpca-uncentred');
    expect(fitKernelPca(1, gaussian(20, 3, 7), 5).centred).toBe(false);
  });
});

describe('pruning and the k-NN classifier', () => {
  const rows = 200;
  const y = Int32Array.from({ length: rows }, (_, i) => i % 2);
  // feature 0: noise; feature 1: the label plus small noise; feature 2: noise
  const noise = normal(key(11), rows * 3);
  const F = matrix(rows, 3, Array.from({ length: rows * 3 }, (_, t) => (t % 3 === 1 ? (y[Math.floor(t / 3)] as number) + 0.1 * (noise[t] as number) : (noise[t] as number))));
  it('mutual information ranks the label-carrying feature first (last under mi-ascending)', () => {
    const { order, mi } = mutualInformationRanking(F, y, 2, 8);
    expect(order[0]).toBe(1);
    expect(mi[1]).toBeCloseTo(Math.log(2), 1);
    setActiveFault('mi-ascending');
    expect(mutualInformationRanking(F, y, 2, 8).order[2]).toBe(1);
  });
  it('candidate widths cap the grid and always include every feature', () => {
    expect(candidateWidths([1, 2, 5, 10], 4)).toEqual([1, 2, 4]);
    expect(candidateWidths([3], 3)).toEqual([3]);
  });
  it('validation picks the informative feature alone, and k-NN on it is (nearly) error-free', () => {
    const tr = { rows: 100, cols: 3, data: F.data.subarray(0, 300) };
    const te = { rows: 100, cols: 3, data: F.data.subarray(300) };
    const { order } = mutualInformationRanking(tr, y.subarray(0, 100), 2, 8);
    const sel = selectKnn(tr, y.subarray(0, 100), te, y.subarray(100), order, { mkmWidths: [1, 2], mkmNeighbors: [1, 3] }, 2);
    expect(sel.w).toBe(1);
    expect(sel.valError).toBe(0);
    expect(knnWrong(tr, y.subarray(0, 100), te, y.subarray(100), order, 1, sel.k, 2)).toEqual([]);
  });
});

/** An MKM trace of one draw: per degree, the test rows it gets wrong at ℓ = 1 (ℓ = 0 shared). */
function mkmDraw(wrongByDegree: Record<number, number[]>, test = 1000, draw = 0): MkmDatasetTrace {
  const layer = (depth: number, wrong: number[]): MkmLayerResult => ({ depth, features: 10, w: 10, k: 1, valError: 0.1, testError: wrong.length / test, wrong });
  return {
    name: 'mnistBackRand',
    draw,
    train: 10,
    val: 10,
    test,
    fit: 10,
    degrees: [0, 1, 2].map((n) => ({ n, layers: [layer(0, []), layer(1, wrongByDegree[n] ?? [])] })),
  };
}
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
const mkmTrace = (draws: MkmDatasetTrace[]) => ({ mkm: { datasets: [draws[0] as MkmDatasetTrace], backRandReplicates: draws.slice(1) } });

describe('mkm-degree-backrand', () => {
  it('paired difference: discordant counts and a normal interval', () => {
    const p = pairedDifference(range(0, 100), range(50, 110), 1000);
    expect(p).toMatchObject({ aOnly: 50, bOnly: 10 });
    expect(p.diff).toBeCloseTo(0.04, 12);
    expect(p.lo).toBeGreaterThan(0);
  });
  it('selects the depth ℓ ≥ 1 with the lowest validation error', () => {
    const d = mkmDraw({ 2: [1] });
    d.degrees[2]?.layers.push({ depth: 2, features: 10, w: 10, k: 1, valError: 0.05, testError: 0.5, wrong: [] });
    expect(selectedMkm(d, 2).depth).toBe(2);
    expect(selectedMkm(d, 0).depth).toBe(1);
  });
  it('pass when n = 2 is clearly worse than both; fail when better; inconclusive when the interval straddles 0', () => {
    expect(mkmDegreeBackrand.check([mkmTrace([mkmDraw({ 0: range(0, 50), 1: range(0, 60), 2: range(0, 120) })])], cfg).status).toBe('pass');
    expect(mkmDegreeBackrand.check([mkmTrace([mkmDraw({ 0: range(0, 120), 1: range(0, 130), 2: range(0, 50) })])], cfg).status).toBe('fail');
    expect(mkmDegreeBackrand.check([mkmTrace([mkmDraw({ 0: range(0, 50), 1: range(0, 60), 2: range(0, 63) })])], cfg).status).toBe('inconclusive');
  });
  it('identical MKMs (a degree that never reaches the kernel) fail, though the interval [0, 0] touches the bound', () => {
    const same = range(0, 80);
    const v = mkmDegreeBackrand.check([mkmTrace([mkmDraw({ 0: same, 1: same, 2: same })])], cfg);
    expect(v.status).toBe('fail');
    expect(v.note).toMatch(/agree on all 1000 test points/);
  });
  it('pools every draw and every harness seed: the same counts split differently give the same verdict', () => {
    const draws = Array.from({ length: 4 }, (_, r) => mkmDraw({ 0: range(0, 50), 1: range(0, 55), 2: range(40, 110) }, 1000, r));
    expect(mkmDegreeBackrand.check([mkmTrace(draws.slice(0, 1))], cfg).status).toBe('inconclusive');
    const pooled = mkmDegreeBackrand.check([mkmTrace(draws)], cfg);
    expect(pooled.status).toBe('pass');
    expect(pooled.observed.draws).toBe(4);
    const split = mkmDegreeBackrand.check([mkmTrace(draws.slice(0, 2)), mkmTrace(draws.slice(2))], cfg);
    expect(split.status).toBe('pass');
    expect(split.observed).toEqual(pooled.observed);
  });
});

describe('eigh with a permuted retry', () => {
  it('every ordering gives the same eigenvalues and eigenvectors of the original matrix', async () => {
    const { eighWithRetry } = await import('../src/experiments/kpca.js');
    const X = gaussian(30, 4, 9);
    const model = fitKernelPca(2, X, 30);
    expect(model.eigSolver).toBe('direct');
    const K = arcCosineKernel(2, X);
    const m = 30;
    for (const order of ['ascending', 'descending'] as const) {
      const r = eighWithRetry(K, [order]);
      expect(r.solver).toBe(`permuted (${order} diagonal)`);
      const direct = eighWithRetry(K, ['direct']);
      for (let j = 0; j < m; j++) expect((r.values[j] as number) / (direct.values[m - 1] as number)).toBeCloseTo((direct.values[j] as number) / (direct.values[m - 1] as number), 12);
      // K v = λ v for the top eigenvector, in the original row order
      const j = m - 1;
      for (let i = 0; i < m; i++) {
        let kv = 0;
        for (let t = 0; t < m; t++) kv += (K.data[i * m + t] as number) * (r.vectors.data[t * m + j] as number);
        expect(kv / (r.values[j] as number)).toBeCloseTo(r.vectors.data[i * m + j] as number, 10);
      }
    }
  });
});
