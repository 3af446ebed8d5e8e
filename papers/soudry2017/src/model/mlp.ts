/**
 * Stand-in B's network [NOTES.md §8]: a bias-free ReLU MLP d → h → h → K (so positively homogeneous of degree 3 in its
 * weights), He initialization N(0, 2/fan_in), softmax cross-entropy, mini-batch SGD with heavy-ball momentum at a constant
 * learning rate (v ← γv − η∇L_B, W ← W + v, L_B the mean cross-entropy over the batch), reshuffled every epoch. Float64 on
 * the GEMMs of @repro/linalg. The planted fault 'poly-tail' replaces e^x (x ≤ 0) by 1/(1 − x + x²/2) in the softmax
 * probabilities of the gradient, exactly as in the linear softmax model (model/softmax.ts).
 */
import { fault } from '@repro/harness';
import { normal, permutation, foldIn, type Key } from '@repro/concentration';
import { matmul, matrix, type Matrix } from '@repro/linalg';
import { rowLossAndMargin } from './softmax.js';

export interface Mlp3 {
  /** d×h, h×h, h×K, row-major (input rows multiply from the left: H₁ = X·W₁). */
  W: [Matrix, Matrix, Matrix];
}

export interface MlpData {
  /** N×d row-major. */
  X: Float64Array;
  y: Int32Array;
  N: number;
  d: number;
  K: number;
}

/** He initialization N(0, 2/fan_in) for every layer (the last one too). */
export function initMlp3(k: Key, d: number, h: number, K: number): Mlp3 {
  const layer = (name: string, a: number, b: number): Matrix => {
    const z = normal(foldIn(k, name), a * b);
    const s = Math.sqrt(2 / a);
    for (let i = 0; i < z.length; i++) z[i] = (z[i] as number) * s;
    return matrix(a, b, z);
  };
  return { W: [layer('W1', d, h), layer('W2', h, h), layer('W3', h, K)] };
}

function relu(H: Matrix): Matrix {
  const out = new Float64Array(H.data.length);
  for (let i = 0; i < out.length; i++) {
    const v = H.data[i] as number;
    out[i] = v > 0 ? v : 0;
  }
  return matrix(H.rows, H.cols, out);
}

/** Logits of rows [from, to) of the data. */
function logits(p: Mlp3, data: MlpData, from: number, to: number): Matrix {
  const X = matrix(to - from, data.d, data.X.subarray(from * data.d, to * data.d));
  const A1 = relu(matmul(X, p.W[0]));
  const A2 = relu(matmul(A1, p.W[1]));
  return matmul(A2, p.W[2]);
}

/** Mean cross-entropy (true log-sum-exp, never the faulted exp), error rate and min multi-class margin on the data. */
export function mlpEval(p: Mlp3, data: MlpData): { meanLoss: number; error: number; minMargin: number } {
  const { N, K, y } = data;
  const CH = 1000;
  let sum = 0;
  let wrong = 0;
  let minMargin = Number.POSITIVE_INFINITY;
  const z = new Float64Array(K);
  for (let a = 0; a < N; a += CH) {
    const b = Math.min(N, a + CH);
    const Z = logits(p, data, a, b);
    for (let r = 0; r < b - a; r++) {
      for (let k = 0; k < K; k++) z[k] = Z.data[r * K + k] as number;
      const { loss, margin: m } = rowLossAndMargin(z, y[a + r] as number);
      sum += loss;
      if (!(m > 0)) wrong++;
      minMargin = Math.min(minMargin, m);
    }
  }
  return { meanLoss: sum / N, error: wrong / N, minMargin };
}

/** Gradient of the mean cross-entropy over the batch rows `idx` into g (three matrices, overwritten by new ones). */
export function mlpBatchGrad(p: Mlp3, data: MlpData, idx: ArrayLike<number>, B: number): [Matrix, Matrix, Matrix] {
  const { d, K } = data;
  const xb = new Float64Array(B * d);
  for (let r = 0; r < B; r++) {
    const i = idx[r] as number;
    xb.set(data.X.subarray(i * d, (i + 1) * d), r * d);
  }
  const X = matrix(B, d, xb);
  const H1 = matmul(X, p.W[0]);
  const A1 = relu(H1);
  const H2 = matmul(A1, p.W[1]);
  const A2 = relu(H2);
  const Z = matmul(A2, p.W[2]);
  const polyTail = fault('poly-tail');
  const dZ = new Float64Array(B * K);
  for (let r = 0; r < B; r++) {
    let m = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < K; k++) m = Math.max(m, Z.data[r * K + k] as number);
    let tot = 0;
    for (let k = 0; k < K; k++) {
      const x = (Z.data[r * K + k] as number) - m; // ≤ 0
      // planted fault 'poly-tail' (the same 'cheap exp' as the linear models): e^x for x ≤ 0 as 1/(1 − x + x²/2)
      const e = polyTail ? 1 / (1 - x + (x * x) / 2) : Math.exp(x);
      dZ[r * K + k] = e;
      tot += e;
    }
    const c = data.y[idx[r] as number] as number;
    for (let k = 0; k < K; k++) dZ[r * K + k] = ((dZ[r * K + k] as number) / tot - (k === c ? 1 : 0)) / B;
  }
  const G3 = matrix(B, K, dZ);
  const g3 = matmul(A2, G3, { transA: true });
  const dA2 = matmul(G3, p.W[2], { transB: true });
  for (let i = 0; i < dA2.data.length; i++) if (!((H2.data[i] as number) > 0)) dA2.data[i] = 0;
  const g2 = matmul(A1, dA2, { transA: true });
  const dA1 = matmul(dA2, p.W[1], { transB: true });
  for (let i = 0; i < dA1.data.length; i++) if (!((H1.data[i] as number) > 0)) dA1.data[i] = 0;
  const g1 = matmul(X, dA1, { transA: true });
  return [g1, g2, g3];
}

/** Frobenius norm of a matrix. */
export function froNorm(A: Matrix): number {
  let s = 0;
  for (const v of A.data) s += v * v;
  return Math.sqrt(s);
}

/**
 * Mini-batch SGD with heavy-ball momentum for `epochs` epochs (each a fresh permutation from foldIn(k, epoch); the last
 * batch of an epoch may be smaller). `record(step, epoch)` is called after every step whose count is in `steps` (sorted) and
 * after every epoch in `epochsToRecord`; it reads the parameters in place.
 */
export function mlpSgdMomentum(
  p: Mlp3,
  data: MlpData,
  opts: { lr: number; momentum: number; batch: number; epochs: number; steps: readonly number[] },
  k: Key,
  record: (step: number, epoch: number) => void,
): void {
  const v = p.W.map((W) => new Float64Array(W.data.length));
  let step = 0;
  let next = 0;
  const steps = opts.steps;
  while (next < steps.length && (steps[next] as number) <= 0) {
    if (steps[next] === 0) record(0, 0);
    next++;
  }
  for (let e = 1; e <= opts.epochs; e++) {
    const perm = permutation(foldIn(k, e), data.N);
    for (let a = 0; a < data.N; a += opts.batch) {
      const B = Math.min(opts.batch, data.N - a);
      const g = mlpBatchGrad(p, data, perm.subarray(a, a + B), B);
      for (let l = 0; l < 3; l++) {
        const W = (p.W[l] as Matrix).data;
        const vl = v[l] as Float64Array;
        const gl = (g[l] as Matrix).data;
        for (let i = 0; i < W.length; i++) {
          const nv = opts.momentum * (vl[i] as number) - opts.lr * (gl[i] as number);
          vl[i] = nv;
          W[i] = (W[i] as number) + nv;
        }
      }
      step++;
      while (next < steps.length && (steps[next] as number) <= step) {
        if (steps[next] === step) record(step, e - 1 + (a + B) / data.N);
        next++;
      }
    }
  }
}
