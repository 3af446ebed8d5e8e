/**
 * Empirical NTK Gram K̄ = JJᵀ of a scalar-output deep MLP (mlp.ts), by layer decomposition (NMM21 §4, no per-sample
 * Jacobians): B_L = 1_N, B_k = D_k ∘ (B_{k+1}W_{k+1}ᵀ) with D_k = σ'(G_k), and
 * K̄ = Σ_{k=0}^{L−1} (F_kF_kᵀ) ∘ (B_{k+1}B_{k+1}ᵀ). All-ones B_L, not the (1/√N)1_N printed in NMM21 [README §Kernel derivations].
 * Also the Jacobian references used to test it: central differences in float64 and tfjs autodiff in float32.
 */
import { gram, matmul, matrix, type Matrix } from '@repro/linalg';
import type * as tfc from '@tensorflow/tfjs-core';
import { getTf, matMulIsReproSgemm, selectedBackend } from './backend.js';
import { ensureGradients } from './gradients.js';
import { activation, type Activation } from './activation.js';
import { mlpForward, type MlpParams } from './mlp.js';

/**
 * The empirical NTK Gram K̄ = JJᵀ of a scalar-output MLP and its per-layer ingredients (`empiricalNtk`, `empiricalNtkTf`).
 */
export interface EmpiricalNtk {
  /** K̄ (N×N, float64; float32-accurate on the tfjs path). */
  K: Matrix;
  /** F_kF_kᵀ, k = 0..L−1 (only when asked for on the tfjs path). */
  featureGrams: Matrix[];
  /** ‖(B_{k+1})_{i:}‖², k = 0..L−1: the diagonal of B_{k+1}B_{k+1}ᵀ, one array of length N per k. */
  signalRowSq: Float64Array[];
}

function assertScalarOutput(p: MlpParams): void {
  if (p.widths[p.widths.length - 1] !== 1) throw new RangeError(`the NTK Gram here is for scalar outputs (n_L = 1), got n_L = ${p.widths.at(-1)}`);
}

function diag(A: Matrix): Float64Array {
  const out = new Float64Array(A.rows);
  for (let i = 0; i < A.rows; i++) out[i] = A.data[i * A.cols + i] as number;
  return out;
}

/**
 * K̄ by layer decomposition in float64 (plain JS): reference path for small and medium sizes.
 * @example
 * ```ts
 * import { key, normal } from '@repro/concentration';
 * import { matrix, sub, normFro } from '@repro/linalg';
 * import { empiricalNtk, initMlp, ntkCentralDifferences } from '@repro/nets';
 *
 * const act = { name: 'smoothLeakyRelu', gamma: 0.2, beta: 2 } as const;
 * const p = initMlp(key(0), [3, 6, 6, 1], 'lecun');
 * const X = matrix(4, 3, normal(key(1), 12));
 * const { K } = empiricalNtk(p, X, act); // 4×4, no per-sample Jacobians
 * normFro(sub(K, ntkCentralDifferences(p, X, act))) / normFro(K) < 1e-8; // → true
 * ```
 */
export function empiricalNtk(p: MlpParams, X: Matrix, act: Activation): EmpiricalNtk {
  assertScalarOutput(p);
  const { F, D } = mlpForward(p, X, act);
  const L = p.W.length;
  const N = X.rows;
  const K = matrix(N, N);
  const featureGrams: Matrix[] = new Array<Matrix>(L);
  const signalRowSq: Float64Array[] = new Array<Float64Array>(L);
  let B = matrix(N, 1, new Float64Array(N).fill(1)); // B_L
  for (let k = L - 1; k >= 0; k--) {
    const FG = gram(F[k] as Matrix);
    const BG = gram(B);
    for (let i = 0; i < K.data.length; i++) K.data[i] = (K.data[i] as number) + (FG.data[i] as number) * (BG.data[i] as number);
    featureGrams[k] = FG;
    signalRowSq[k] = diag(BG);
    if (k === 0) break;
    const next = matmul(B, p.W[k] as Matrix, { transB: true }); // B_{k+1} W_{k+1}ᵀ, N×n_k
    const dk = (D[k - 1] as Matrix).data;
    for (let i = 0; i < next.data.length; i++) next.data[i] = (next.data[i] as number) * (dk[i] as number);
    B = next;
  }
  return { K, featureGrams, signalRowSq };
}

/** tfjs-backend-wasm's own matMul with a transposed operand (measured 1.7 vs 22 GFLOP/s); not sgemm, not tfjs-node. */
function transposeIsSlow(): boolean {
  return selectedBackend()?.name === 'wasm' && !matMulIsReproSgemm();
}

/** Row blocks for the symmetric Gram products: only blocks i ≤ j are formed, (b + 1)/(2b) of the full GEMM cost. */
function gramBlocks(N: number): number[] {
  const b = Math.max(1, Math.min(4, Math.floor(N / 250)));
  const edges = [0];
  for (let i = 1; i <= b; i++) edges.push(Math.round((i * N) / b));
  return edges;
}

/**
 * K += (FFᵀ)∘(BBᵀ), formed blockwise over row blocks i ≤ j and mirrored, so K is exactly symmetric and the float32 GEMMs
 * cost (b+1)/(2b) of the full products. With tfjs's own wasm matMul the transposes are materialized first (its
 * transposeB path is ~10× slower: 1.7 vs 22 GFLOP/s at 500×4000); sgemm takes them as strides.
 * Returns FFᵀ (float64) when `keepFeatureGram`.
 */
async function addGramProductTerm(F: tfc.Tensor2D, B: tfc.Tensor2D, edges: readonly number[], K: Matrix, keepFeatureGram: boolean): Promise<Matrix | undefined> {
  const tf = getTf();
  const N = K.rows;
  const FG = keepFeatureGram ? matrix(N, N) : undefined;
  const nb = edges.length - 1;
  // Row blocks. On the wasm backend from one read of each operand: its slice kernel copies the whole input out of the
  // heap on every call (readSync), which for the N×n_1 operands of a wide net cost 4 full copies per operand (≈ 0.5 s
  // of a 6 s Figure 2 trial). Elsewhere tf.slice (on-device for tfjs-node, no download). Same numbers either way.
  const blocksOf = async (T: tfc.Tensor2D): Promise<tfc.Tensor2D[]> => {
    if (nb === 1) return [T];
    if (selectedBackend()?.name !== 'wasm')
      return Array.from({ length: nb }, (_, i) => tf.slice(T, [edges[i] as number, 0], [(edges[i + 1] as number) - (edges[i] as number), -1]));
    const v = (await T.data()) as Float32Array;
    const c = T.shape[1];
    return Array.from({ length: nb }, (_, i) => tf.tensor2d(v.subarray((edges[i] as number) * c, (edges[i + 1] as number) * c), [(edges[i + 1] as number) - (edges[i] as number), c]));
  };
  const Fi = await blocksOf(F);
  const Bi = await blocksOf(B);
  // Materialized transposes only where the backend's transposed matMul is slow (tfjs's own wasm kernel); sgemm and
  // tfjs-node take Bᵀ as a stride.
  const explicitT = transposeIsSlow();
  const FiT = explicitT ? Fi.map((t) => tf.transpose(t) as tfc.Tensor2D) : [];
  const BiT = explicitT ? Bi.map((t) => tf.transpose(t) as tfc.Tensor2D) : [];
  const prod = (X: tfc.Tensor2D[], XT: tfc.Tensor2D[], i: number, j: number) =>
    explicitT ? tf.matMul(X[i] as tfc.Tensor2D, XT[j] as tfc.Tensor2D) : tf.matMul(X[i] as tfc.Tensor2D, X[j] as tfc.Tensor2D, false, true);
  for (let i = 0; i < nb; i++)
    for (let j = i; j < nb; j++) {
      const fg = prod(Fi, FiT, i, j);
      const bg = prod(Bi, BiT, i, j);
      const term = tf.mul(fg, bg);
      const t = await term.data();
      const f = FG !== undefined ? await fg.data() : undefined;
      tf.dispose([fg, bg, term]);
      const r0 = edges[i] as number;
      const c0 = edges[j] as number;
      const nr = (edges[i + 1] as number) - r0;
      const nc = (edges[j + 1] as number) - c0;
      for (let a = 0; a < nr; a++)
        for (let b = 0; b < nc; b++) {
          const r = r0 + a;
          const c = c0 + b;
          if (i === j && c < r) continue; // diagonal block: take its upper triangle, mirror below
          const v = t[a * nc + b] as number;
          K.data[r * N + c] = (K.data[r * N + c] as number) + v;
          if (c !== r) K.data[c * N + r] = (K.data[c * N + r] as number) + v;
          if (FG !== undefined && f !== undefined) {
            const w = f[a * nc + b] as number;
            FG.data[r * N + c] = w;
            FG.data[c * N + r] = w;
          }
        }
    }
  tf.dispose([...FiT, ...BiT]);
  if (nb > 1) tf.dispose([...Fi, ...Bi]);
  return FG;
}


/**
 * K̄ by layer decomposition with float32 tfjs GEMMs on the selected backend (the big products: XW_1, F_kF_kᵀ, B_kB_kᵀ,
 * B_{k+1}W_{k+1}ᵀ), copied to float64 and symmetrized. `keepFeatureGrams` also downloads F_kF_kᵀ (for bounds on λ_min).
 * Intermediates are disposed as soon as they are used: peak ≈ (L + 3) N×max(n_k) float32 tensors.
 * @example
 * ```ts
 * import { key, normal } from '@repro/concentration';
 * import { matrix, sub, normFro } from '@repro/linalg';
 * import { empiricalNtk, empiricalNtkTf, initMlp, selectBackend } from '@repro/nets';
 *
 * await selectBackend('cpu');
 * const p = initMlp(key(0), [3, 16, 1], 'he');
 * const X = matrix(4, 3, normal(key(1), 12));
 * const { K } = await empiricalNtkTf(p, X, { name: 'relu' });
 * normFro(sub(K, empiricalNtk(p, X, { name: 'relu' }).K)) / normFro(K) < 1e-5; // → true (float32 GEMMs)
 * ```
 */
export async function empiricalNtkTf(p: MlpParams, X: Matrix, act: Activation, opts: { keepFeatureGrams?: boolean } = {}): Promise<EmpiricalNtk> {
  assertScalarOutput(p);
  if (X.cols !== p.widths[0]) throw new RangeError(`X has ${X.cols} columns but the network expects d = ${p.widths[0]}`);
  const tf = getTf();
  const L = p.W.length;
  const N = X.rows;
  const Ws = p.W.map((W) => tf.tensor2d(Float32Array.from(W.data), [W.rows, W.cols]));
  const F: tfc.Tensor2D[] = [tf.tensor2d(Float32Array.from(X.data), [N, X.cols])];
  const D: tfc.Tensor2D[] = [];
  const sigma = activation(act);
  for (let l = 1; l < L; l++) {
    const g = tf.matMul(F[l - 1] as tfc.Tensor2D, Ws[l - 1] as tfc.Tensor2D);
    F.push(tf.tidy(() => sigma.tf(g)) as tfc.Tensor2D);
    D.push(sigma.dfTf(g) as tfc.Tensor2D);
    g.dispose();
  }
  const K = matrix(N, N);
  const featureGrams: Matrix[] = new Array<Matrix>(L);
  const signalRowSq: Float64Array[] = new Array<Float64Array>(L);
  const blocks = gramBlocks(N);
  let B: tfc.Tensor2D = tf.ones([N, 1]);
  for (let k = L - 1; k >= 0; k--) {
    const FG = await addGramProductTerm(F[k] as tfc.Tensor2D, B, blocks, K, opts.keepFeatureGrams === true);
    if (FG !== undefined) featureGrams[k] = FG;
    const rs = tf.tidy(() => tf.sum(tf.square(B), 1)); // tidy: the N×n_{k+1} square must not outlive the sum
    signalRowSq[k] = Float64Array.from(await rs.data());
    rs.dispose();
    (F[k] as tfc.Tensor).dispose();
    if (k > 0) {
      let back: tfc.Tensor2D;
      if (transposeIsSlow()) {
        const Wt = tf.transpose(Ws[k] as tfc.Tensor2D) as tfc.Tensor2D;
        back = tf.matMul(B, Wt);
        Wt.dispose();
      } else back = tf.matMul(B, Ws[k] as tfc.Tensor2D, false, true);
      const Bk = tf.mul(back, D[k - 1] as tfc.Tensor2D) as tfc.Tensor2D;
      back.dispose();
      (D[k - 1] as tfc.Tensor).dispose();
      B.dispose();
      B = Bk;
    }
  }
  B.dispose();
  tf.dispose(Ws);
  return { K, featureGrams: opts.keepFeatureGrams === true ? featureGrams : [], signalRowSq };
}

/** Output f(X) ∈ ℝ^N of a scalar-output MLP in float64. */
function outputs(p: MlpParams, X: Matrix, act: Activation): Float64Array {
  return (mlpForward(p, X, act).F[p.W.length] as Matrix).data;
}

/**
 * JJᵀ with J the N×P Jacobian by central differences (float64, step h per weight): the independent reference for the
 * layer decomposition on small nets. Truncation O(h²) for smooth σ; exact for ReLU unless a pre-activation crosses 0.
 * @example
 * ```ts
 * import { key, normal } from '@repro/concentration';
 * import { matrix } from '@repro/linalg';
 * import { initMlp, ntkCentralDifferences } from '@repro/nets';
 *
 * const p = initMlp(key(0), [2, 3, 1], 'he');
 * const K = ntkCentralDifferences(p, matrix(2, 2, normal(key(1), 4)), { name: 'smoothLeakyRelu', gamma: 0.5, beta: 1 });
 * [K.rows, K.cols]; // → [2, 2]
 * ```
 */
export function ntkCentralDifferences(p: MlpParams, X: Matrix, act: Activation, h = 1e-5): Matrix {
  assertScalarOutput(p);
  const N = X.rows;
  const cols: Float64Array[] = [];
  for (const W of p.W)
    for (let i = 0; i < W.data.length; i++) {
      const w = W.data[i] as number;
      W.data[i] = w + h;
      const up = outputs(p, X, act);
      W.data[i] = w - h;
      const dn = outputs(p, X, act);
      W.data[i] = w;
      const c = new Float64Array(N);
      for (let r = 0; r < N; r++) c[r] = ((up[r] as number) - (dn[r] as number)) / (2 * h);
      cols.push(c);
    }
  const J = matrix(N, cols.length);
  cols.forEach((c, j) => {
    for (let r = 0; r < N; r++) J.data[r * cols.length + j] = c[r] as number;
  });
  return gram(J);
}

/**
 * JJᵀ with J from tfjs autodiff, one gradient per sample (float32; small N only).
 * @example
 * ```ts
 * import { key, normal } from '@repro/concentration';
 * import { matrix, sub, normFro } from '@repro/linalg';
 * import { empiricalNtk, initMlp, ntkAutodiff, selectBackend } from '@repro/nets';
 *
 * await selectBackend('cpu');
 * const p = initMlp(key(0), [3, 8, 1], 'he');
 * const X = matrix(3, 3, normal(key(1), 9));
 * const K = await ntkAutodiff(p, X, { name: 'relu' });
 * normFro(sub(K, empiricalNtk(p, X, { name: 'relu' }).K)) / normFro(K) < 1e-5; // → true
 * ```
 */
export async function ntkAutodiff(p: MlpParams, X: Matrix, act: Activation): Promise<Matrix> {
  assertScalarOutput(p);
  const tf = getTf();
  ensureGradients();
  const N = X.rows;
  const Ws = p.W.map((W) => tf.tensor2d(Float32Array.from(W.data), [W.rows, W.cols]));
  const L = Ws.length;
  const sigma = activation(act);
  const rows: Float64Array[] = [];
  for (let i = 0; i < N; i++) {
    const x = tf.tensor2d(Float32Array.from(X.data.subarray(i * X.cols, (i + 1) * X.cols)), [1, X.cols]);
    const f = (...ws: tfc.Tensor[]): tfc.Scalar => {
      let h: tfc.Tensor = x;
      for (let l = 0; l < L; l++) {
        h = tf.matMul(h as tfc.Tensor2D, ws[l] as tfc.Tensor2D);
        if (l < L - 1) h = sigma.tf(h);
      }
      return tf.sum(h) as tfc.Scalar;
    };
    const gs = tf.grads(f)(Ws);
    const flat = tf.tidy(() => tf.concat(gs.map((g) => tf.reshape(g, [-1]))));
    rows.push(Float64Array.from(await flat.data()));
    tf.dispose([x, flat, ...gs]);
  }
  tf.dispose(Ws);
  const P = rows[0]?.length ?? 0;
  const J = matrix(N, P);
  rows.forEach((r, i) => J.data.set(r, i * P));
  return gram(J);
}
