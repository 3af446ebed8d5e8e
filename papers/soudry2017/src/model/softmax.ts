/**
 * Linear softmax classifier W ∈ ℝ^{K×d} (row-major, row k = w_k) with the summed cross-entropy
 * L(W) = Σ_n −log softmax(W x_n)_{y_n} [arXiv:1710.10345 App. C] [NOTES.md §1]. Float64, log-sum-exp evaluation.
 */
import { fault } from '@repro/harness';
import { softmaxCrossEntropy } from '@repro/nets';

export interface SoftmaxData {
  /** N×d row-major features. */
  X: Float64Array;
  /** labels 0..K−1. */
  y: Int32Array;
  N: number;
  d: number;
  K: number;
}

/** Summed cross-entropy, mean cross-entropy and error rate of W on the data. */
/**
 * One row's cross-entropy and multiclass margin z_c − max_{k≠c} z_k (≤ 0 counts as an error), for the evaluations of the
 * linear softmax model here and of stand-in B's MLP (model/mlp.ts).
 */
export function rowLossAndMargin(z: Float64Array, c: number): { loss: number; margin: number } {
  const loss = softmaxCrossEntropy(z, c);
  let other = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < z.length; k++) if (k !== c) other = Math.max(other, z[k] as number);
  return { loss, margin: (z[c] as number) - other };
}

export function softmaxEval(data: SoftmaxData, W: ArrayLike<number>): { sum: number; mean: number; error: number; minMargin: number } {
  const { X, y, N, d, K } = data;
  const z = new Float64Array(K);
  let sum = 0;
  let wrong = 0;
  let minMargin = Number.POSITIVE_INFINITY;
  for (let n = 0; n < N; n++) {
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (W[k * d + j] as number) * (X[n * d + j] as number);
      z[k] = s;
    }
    const { loss, margin: m } = rowLossAndMargin(z, y[n] as number);
    sum += loss;
    if (!(m > 0)) wrong++;
    minMargin = Math.min(minMargin, m);
  }
  return { sum, mean: sum / N, error: wrong / N, minMargin };
}

/** ∇L(W) into g (K·d, overwritten): Σ_n (softmax(W x_n) − e_{y_n}) x_nᵀ. */
export function softmaxGrad(data: SoftmaxData, W: ArrayLike<number>, g: Float64Array): void {
  const { X, y, N, d, K } = data;
  const polyTail = fault('poly-tail');
  g.fill(0);
  const z = new Float64Array(K);
  const p = new Float64Array(K);
  for (let n = 0; n < N; n++) {
    const o = n * d;
    let m = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < K; k++) {
      let s = 0;
      const wo = k * d;
      for (let j = 0; j < d; j++) s += (W[wo + j] as number) * (X[o + j] as number);
      z[k] = s;
      if (s > m) m = s;
    }
    let tot = 0;
    for (let k = 0; k < K; k++) {
      const x = (z[k] as number) - m; // ≤ 0
      // planted fault 'poly-tail' (the same 'cheap exp' as negDeriv): e^x for x ≤ 0 as 1/(1 − x + x²/2)
      const e = polyTail ? 1 / (1 - x + (x * x) / 2) : Math.exp(x);
      p[k] = e;
      tot += e;
    }
    const c = y[n] as number;
    // The label's coefficient p_c − 1 = −Σ_{k≠c} p_k, summed directly: 1/(1 + ε) − 1 cancels (relative error 2⁻⁵³/ε, all of
    // it once ε < 2⁻⁵³, t ≳ 10¹⁶ on a log-time flow), and the rows of ∇L would stop summing to zero.
    let others = 0;
    for (let k = 0; k < K; k++) if (k !== c) others += p[k] as number;
    for (let k = 0; k < K; k++) {
      const coef = k === c ? -others / tot : (p[k] as number) / tot;
      if (coef === 0) continue;
      const wo = k * d;
      for (let j = 0; j < d; j++) g[wo + j] = (g[wo + j] as number) + coef * (X[o + j] as number);
    }
  }
}

/** T GD steps W ← W − η∇L(W), recording at `times`. */
export function softmaxGd(
  data: SoftmaxData,
  opts: { eta: number; W0: ArrayLike<number>; T: number; times: readonly number[] },
  record: (t: number, W: Float64Array) => void,
): Float64Array {
  const W = Float64Array.from(opts.W0);
  const g = new Float64Array(W.length);
  let next = 0;
  if (opts.times[0] === 0) {
    record(0, W);
    next++;
  }
  for (let t = 1; t <= opts.T; t++) {
    softmaxGrad(data, W, g);
    for (let i = 0; i < W.length; i++) W[i] = (W[i] as number) - opts.eta * (g[i] as number);
    if (next < opts.times.length && opts.times[next] === t) {
      record(t, W);
      next++;
    }
  }
  return W;
}
