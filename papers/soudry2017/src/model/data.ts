/** Our data sets [NOTES.md §1], drawn from keyed PRNG streams only. */
import { foldIn, normal, permutation, uniform, type Key } from '@repro/concentration';
import { hardMarginSvm, matrix, svdvals, type HardMarginSvmResult } from '@repro/linalg';
import { fault } from '@repro/harness';
import type { MarginData } from './linear.js';

/**
 * The logistic GD step bound η < 2β⁻¹σ_max⁻²(X) with β = ¼ (sup ℓ″ of the logistic loss): 8/σ²_max. (A fault doubling it,
 * β = 1/8, was tried and dropped: GD at 1.8× the bound still converges on the Figure-2 data, so no claim can see it.)
 */
export function logisticStepBound(sigmaMax: number): number {
  const beta = 1 / 4;
  return 2 / (beta * sigmaMax ** 2);
}

/** Planted fault 'svm-rotated': the angle by which our call sites rotate the solver's ŵ, radians (5°). */
export const SVM_FAULT_ANGLE = (5 * Math.PI) / 180;

/**
 * A solver's ŵ as it reaches our code: unchanged, or — planted fault 'svm-rotated' — rotated by SVM_FAULT_ANGLE in the plane of
 * its first two coordinates (norm kept), as a solver stopped at a wrong vertex would return it. In place; returns w.
 */
export function svmDirectionAtCallSite(w: Float64Array): Float64Array {
  if (fault('svm-rotated') && w.length >= 2) {
    const c = Math.cos(SVM_FAULT_ANGLE);
    const s = Math.sin(SVM_FAULT_ANGLE);
    const a = w[0] as number;
    const b = w[1] as number;
    w[0] = c * a - s * b;
    w[1] = s * a + c * b;
  }
  return w;
}

/** Labelled points: X N×d row-major, y ∈ {±1}. */
export interface LabelledData {
  X: Float64Array;
  y: Float64Array;
  N: number;
  d: number;
}

/** z_n = y_n·x_n. */
export function absorbLabels(D: LabelledData): MarginData {
  const Z = new Float64Array(D.X.length);
  for (let n = 0; n < D.N; n++) for (let j = 0; j < D.d; j++) Z[n * D.d + j] = (D.y[n] as number) * (D.X[n * D.d + j] as number);
  return { Z, N: D.N, d: D.d };
}

/** σ_max of the data matrix (rows z_n), float64. */
export function sigmaMax(data: MarginData): number {
  return svdvals(matrix(data.N, data.d, data.Z))[0] as number;
}

/** ŵ, α, S by the float64 hard-margin SVM of @repro/linalg. */
export function maxMargin(data: MarginData): HardMarginSvmResult {
  const r = hardMarginSvm(matrix(data.N, data.d, data.Z));
  svmDirectionAtCallSite(r.w);
  return r;
}

/** The fixed support points of Figure 1 [P]: x₁ = (0.5, 1.5), x₂ = (1.5, 0.5) with y = +1, and their negatives with y = −1. */
const FIG1_FIXED = [
  [0.5, 1.5],
  [1.5, 0.5],
] as const;

/**
 * Figure-1 data [P + OURS]: the 4 fixed points plus 6 random points per class, u ~ U[0, 2]² accepted if u₁ + u₂ ≥ 2.2
 * (so ŵᵀu ≥ 1.1 with ŵ = (½, ½): off the margin), negatives −u. The whole set is redrawn (attempt a → foldIn(key, a)) while
 * σ_max ≥ maxSigma, so that η = 1/σ_max satisfies the logistic step bound η < 8/σ²_max. Returns the attempt used.
 */
export function fig1Data(k: Key, maxSigma: number, perClass = 6): { data: LabelledData; attempt: number; sigmaMax: number } {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const ka = foldIn(k, attempt);
    const pts: number[][] = [];
    let batch = 0;
    while (pts.length < 2 * perClass) {
      const u = uniform(foldIn(ka, batch++), 64);
      for (let i = 0; i + 1 < u.length && pts.length < 2 * perClass; i += 2) {
        const a = 2 * (u[i] as number);
        const b = 2 * (u[i + 1] as number);
        if (a + b >= 2.2) pts.push([a, b]);
      }
    }
    const X: number[] = [];
    const y: number[] = [];
    for (const p of FIG1_FIXED) {
      X.push(...p);
      y.push(1);
    }
    for (const p of FIG1_FIXED) {
      X.push(-(p[0] as number), -(p[1] as number));
      y.push(-1);
    }
    for (let i = 0; i < perClass; i++) {
      X.push(...(pts[i] as number[]));
      y.push(1);
    }
    for (let i = perClass; i < 2 * perClass; i++) {
      X.push(-((pts[i] as number[])[0] as number), -((pts[i] as number[])[1] as number));
      y.push(-1);
    }
    const data: LabelledData = { X: Float64Array.from(X), y: Float64Array.from(y), N: y.length, d: 2 };
    const s = sigmaMax(absorbLabels(data));
    if (s < maxSigma) return { data, attempt, sigmaMax: s };
  }
  throw new Error(`fig1Data: no draw with sigma_max < ${maxSigma} in 1000 attempts`);
}

/** Our asymmetric data [NOTES.md §1], label-absorbed: z = (1,0), (0.2,1), (1.5,1.5), (2,0.5); ŵ = (1, 0.8), S = {1, 2}. */
export function asymmetricData(): MarginData {
  return { Z: Float64Array.from([1, 0, 0.2, 1, 1.5, 1.5, 2, 0.5]), N: 4, d: 2 };
}

/** Multiply coordinate `j` of every point by `factor` (Figure 2's ×20 transform of the second coordinate). */
export function scaleCoordinate(D: LabelledData, j: number, factor: number): LabelledData {
  const X = Float64Array.from(D.X);
  for (let n = 0; n < D.N; n++) X[n * D.d + j] = (X[n * D.d + j] as number) * factor;
  return { ...D, X };
}

/**
 * Validation-loss data [OURS]: y = ±1 with probability ½, feature 1 = y·N(1, 0.7²), features 2..d ~ N(0, 2²); N training and
 * V validation points from one stream. The training set is redrawn (foldIn(key, attempt)) until it is separable through the
 * origin (the SVM converges); returns the attempt.
 */
export function valLossData(k: Key, d: number, N: number, V: number): { train: MarginData; val: MarginData; attempt: number; svm: HardMarginSvmResult } {
  const draw = (kk: Key, n: number): MarginData => {
    const g = normal(foldIn(kk, 'features'), n * d);
    const lab = uniform(foldIn(kk, 'labels'), n);
    const Z = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const y = (lab[i] as number) < 0.5 ? -1 : 1;
      // z = y·x: feature 1 becomes y·y·N(1, 0.49) = N(1, 0.49); the others y·N(0, 4), still N(0, 4) in distribution, kept as drawn × y.
      Z[i * d] = 1 + 0.7 * (g[i * d] as number);
      for (let j = 1; j < d; j++) Z[i * d + j] = y * 2 * (g[i * d + j] as number);
    }
    return { Z, N: n, d };
  };
  const val = draw(foldIn(k, 'val'), V);
  for (let attempt = 0; attempt < 100; attempt++) {
    const train = draw(foldIn(foldIn(k, 'train'), attempt), N);
    try {
      const svm = maxMargin(train);
      return { train, val, attempt, svm };
    } catch {
      // not separable through the origin: redraw
    }
  }
  throw new Error('valLossData: no separable training draw in 100 attempts');
}

/** Multi-class data [OURS]: K = 3, d = 2, perClass points at 3·(cos, sin)(120°·c) + N(0, 0.6²). */
export function multiclassData(k: Key, perClass: number): { X: Float64Array; y: Int32Array; N: number; d: number; K: number } {
  const K = 3;
  const N = K * perClass;
  const g = normal(k, 2 * N);
  const X = new Float64Array(2 * N);
  const y = new Int32Array(N);
  for (let c = 0; c < K; c++)
    for (let i = 0; i < perClass; i++) {
      const n = c * perClass + i;
      const a = (2 * Math.PI * c) / K;
      X[2 * n] = 3 * Math.cos(a) + 0.6 * (g[2 * n] as number);
      X[2 * n + 1] = 3 * Math.sin(a) + 0.6 * (g[2 * n + 1] as number);
      y[n] = c;
    }
  return { X, y, N, d: 2, K };
}

/** A keyed random subset split: the first nTrain and next nVal indices of a permutation of 0..n−1. */
export function splitIndices(k: Key, n: number, nTrain: number, nVal: number): { train: Int32Array; val: Int32Array } {
  if (nTrain + nVal > n) throw new RangeError(`splitIndices: ${nTrain} + ${nVal} > ${n}`);
  const p = permutation(k, n);
  return { train: p.slice(0, nTrain), val: p.slice(nTrain, nTrain + nVal) };
}
