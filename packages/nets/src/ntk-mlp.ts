/**
 * Deep MLPs in NTK parameterization with biases, and their infinite-width ReLU NTK [README §NTK parameterization]:
 * W_l ∈ ℝ^{n_{l−1}×n_l} and b_l ∈ ℝ^{n_l} with i.i.d. N(0, 1) entries, rows of X are samples,
 * H_l = (σ_w/√n_{l−1})·F_{l−1}W_l + σ_b·1b_lᵀ, F_0 = X, F_l = σ(H_l) for l < L, f(X) = H_L (linear output)
 * [arXiv:1806.07572 §2] [arXiv:1902.06720 §2] [arXiv:1904.11955 §3]. The scale σ_w/√n sits in the forward pass,
 * not in the weights, so the gradient of every parameter is O(1/√n) and the Jacobian Gram has a finite, deterministic
 * limit as the hidden widths grow: `reluNtkLimitWithBias`. The standard parameterization (the `InitScheme`s of `initMlp`)
 * puts the scale in the weights' variance instead.
 * All float64 in plain JavaScript: a reference for small and medium sizes.
 */
import { foldIn, normal, type Key } from '@repro/concentration';
import { gram, matmul, matrix, type Matrix } from '@repro/linalg';
import { activation, type Activation, type ArcCosineLimitMaps } from './activation.js';
import { angleMatrix } from './kernels.js';

/** σ_w and σ_b of the NTK parameterization (the same at every layer): H_l = (σ_w/√n_{l−1})F_{l−1}W_l + σ_b·b_l. */
export interface NtkScales {
  /** σ_w > 0, the weight multiplier: σ_w² is the variance of a pre-activation per unit of mean squared input. */
  wStd: number;
  /** σ_b ≥ 0, the bias multiplier (0: a bias-free network). */
  bStd: number;
}

/** Parameters of a deep MLP in NTK parameterization (`initNtkMlp`). */
export interface NtkMlpParams {
  /** [n_0 = d, n_1, …, n_L]. */
  widths: readonly number[];
  /** W_1..W_L, W_l of shape n_{l−1}×n_l (float64, N(0, 1) at initialization). */
  W: Matrix[];
  /** b_1..b_L, b_l of length n_l (N(0, 1) at initialization; drawn even when σ_b = 0). */
  b: Float64Array[];
  /** σ_w. */
  wStd: number;
  /** σ_b. */
  bStd: number;
}

function checkScales(s: NtkScales): void {
  if (!(Number.isFinite(s.wStd) && s.wStd > 0)) throw new RangeError(`wStd must be a positive number, got ${s.wStd}`);
  if (!(Number.isFinite(s.bStd) && s.bStd >= 0)) throw new RangeError(`bStd must be a non-negative number, got ${s.bStd}`);
}

/**
 * Draw W_l and b_l with i.i.d. N(0, 1) entries: W_l from foldIn(k, `W${l}`), b_l from foldIn(k, `b${l}`), l = 1..L.
 * @example
 * ```ts
 * import { key } from '@repro/concentration';
 * import { initNtkMlp } from '@repro/nets';
 *
 * const p = initNtkMlp(key(0), [3, 64, 64, 1], { wStd: 1.5, bStd: 0.1 }); // two hidden layers of 64, scalar output
 * p.W.map((W) => [W.rows, W.cols]); // → [[3, 64], [64, 64], [64, 1]]
 * p.b.map((b) => b.length); // → [64, 64, 1]
 * ```
 */
export function initNtkMlp(k: Key, widths: readonly number[], scales: NtkScales): NtkMlpParams {
  checkScales(scales);
  if (widths.length < 2) throw new RangeError(`an MLP needs at least [d, n_L], got [${widths.join(', ')}]`);
  for (const n of widths) if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`widths must be positive integers, got [${widths.join(', ')}]`);
  const W: Matrix[] = [];
  const b: Float64Array[] = [];
  for (let l = 1; l < widths.length; l++) {
    const nin = widths[l - 1] as number;
    const nout = widths[l] as number;
    W.push(matrix(nin, nout, normal(foldIn(k, `W${l}`), nin * nout)));
    b.push(Float64Array.from(normal(foldIn(k, `b${l}`), nout)));
  }
  return { widths: [...widths], W, b, wStd: scales.wStd, bStd: scales.bStd };
}

/** What `ntkMlpForward` returns. */
export interface NtkMlpForward {
  /** F_0 = X, F_1, …, F_{L−1}: the inputs of each layer (post-activations of the hidden layers). */
  F: Matrix[];
  /** H_1..H_L: pre-activations; H_L (N×n_L) is the output f(X). */
  H: Matrix[];
  /** σ′(H_1)..σ′(H_{L−1}). */
  D: Matrix[];
  /** f(X) = H_L, N×n_L. */
  out: Matrix;
}

/**
 * Forward pass in float64: H_l = (σ_w/√n_{l−1})·F_{l−1}W_l + σ_b·1b_lᵀ, F_l = σ(H_l) (ReLU unless `act` says otherwise),
 * f(X) = H_L.
 * @example
 * ```ts
 * import { key } from '@repro/concentration';
 * import { matrix } from '@repro/linalg';
 * import { initNtkMlp, ntkMlpForward } from '@repro/nets';
 *
 * const p = initNtkMlp(key(0), [2, 16, 1], { wStd: 1, bStd: 0.5 });
 * const { out, F, H } = ntkMlpForward(p, matrix(3, 2, [1, 0, 0, 1, 0, 0]));
 * [out.rows, out.cols, F.length, H.length]; // → [3, 1, 2, 2]
 * ```
 */
export function ntkMlpForward(p: NtkMlpParams, X: Matrix, act: Activation = { name: 'relu' }): NtkMlpForward {
  if (X.cols !== p.widths[0]) throw new RangeError(`X has ${X.cols} columns but the network expects d = ${p.widths[0]}`);
  const L = p.W.length;
  const F: Matrix[] = [X];
  const H: Matrix[] = [];
  const D: Matrix[] = [];
  for (let l = 1; l <= L; l++) {
    const Z = matmul(F[l - 1] as Matrix, p.W[l - 1] as Matrix);
    const c = p.wStd / Math.sqrt(p.widths[l - 1] as number);
    const bl = p.b[l - 1] as Float64Array;
    const n = Z.cols;
    for (let i = 0; i < Z.data.length; i++) Z.data[i] = c * (Z.data[i] as number) + p.bStd * (bl[i % n] as number);
    H.push(Z);
    if (l === L) break;
    const { f, df } = activation(act).fdf(Z.data);
    F.push(matrix(Z.rows, Z.cols, f));
    D.push(matrix(Z.rows, Z.cols, df));
  }
  return { F, H, D, out: H[L - 1] as Matrix };
}

/** What `ntkMlpLossGrad` returns: Φ = ½‖f(X) − Y‖_F² and its gradient in the parameters (same shapes as W and b). */
export interface NtkMlpLossGrad {
  /** Φ = ½‖f(X) − Y‖_F² (a sum over samples and outputs, not a mean). */
  loss: number;
  /** ∂Φ/∂W_l = (σ_w/√n_{l−1})·F_{l−1}ᵀΔ_l, l = 1..L. */
  gradW: Matrix[];
  /** ∂Φ/∂b_l = σ_b·1ᵀΔ_l, l = 1..L. */
  gradB: Float64Array[];
  /** f(X), N×n_L. */
  out: Matrix;
}

/**
 * Φ = ½‖f(X) − Y‖_F² and its gradient by backprop in float64: Δ_L = f(X) − Y,
 * Δ_{l−1} = (σ_w/√n_{l−1})·(Δ_lW_lᵀ)∘σ′(H_{l−1}).
 * @example
 * ```ts
 * import { key } from '@repro/concentration';
 * import { matrix } from '@repro/linalg';
 * import { initNtkMlp, ntkMlpLossGrad } from '@repro/nets';
 *
 * const p = initNtkMlp(key(0), [2, 8, 1], { wStd: 1, bStd: 1 });
 * const g = ntkMlpLossGrad(p, matrix(2, 2, [1, 0, 0, 1]), matrix(2, 1, [0.5, -0.5]));
 * g.gradW.map((G) => [G.rows, G.cols]); // → [[2, 8], [8, 1]]
 * g.gradB.map((v) => v.length); // → [8, 1]
 * ```
 */
export function ntkMlpLossGrad(p: NtkMlpParams, X: Matrix, Y: Matrix, act: Activation = { name: 'relu' }): NtkMlpLossGrad {
  const { F, D, out } = ntkMlpForward(p, X, act);
  if (Y.rows !== out.rows || Y.cols !== out.cols) throw new RangeError(`Y is ${Y.rows}×${Y.cols} but the output is ${out.rows}×${out.cols}`);
  const L = p.W.length;
  let loss = 0;
  let Delta = matrix(out.rows, out.cols);
  for (let i = 0; i < Delta.data.length; i++) {
    const r = (out.data[i] as number) - (Y.data[i] as number);
    Delta.data[i] = r;
    loss += r * r;
  }
  const gradW: Matrix[] = new Array<Matrix>(L);
  const gradB: Float64Array[] = new Array<Float64Array>(L);
  for (let l = L; l >= 1; l--) {
    const c = p.wStd / Math.sqrt(p.widths[l - 1] as number);
    const gW = matmul(F[l - 1] as Matrix, Delta, { transA: true });
    for (let i = 0; i < gW.data.length; i++) gW.data[i] = c * (gW.data[i] as number);
    gradW[l - 1] = gW;
    const gb = new Float64Array(Delta.cols);
    for (let i = 0; i < Delta.rows; i++) for (let j = 0; j < Delta.cols; j++) gb[j] = (gb[j] as number) + (Delta.data[i * Delta.cols + j] as number);
    for (let j = 0; j < gb.length; j++) gb[j] = p.bStd * (gb[j] as number);
    gradB[l - 1] = gb;
    if (l === 1) break;
    const back = matmul(Delta, p.W[l - 1] as Matrix, { transB: true });
    const dl = (D[l - 2] as Matrix).data;
    for (let i = 0; i < back.data.length; i++) back.data[i] = c * (back.data[i] as number) * (dl[i] as number);
    Delta = back;
  }
  return { loss: loss / 2, gradW, gradB, out };
}

/**
 * The empirical NTK Θ̂ = JJᵀ of a scalar-output NTK-parameterized MLP, J the Jacobian of f(X) in all parameters (every W_l
 * and b_l), by layer decomposition in float64 (no per-sample Jacobians): B_L = 1_N, B_{l−1} = (σ_w/√n_{l−1})·(B_lW_lᵀ)∘σ′(H_{l−1}),
 * Θ̂ = Σ_l [(σ_w²/n_{l−1})·(F_{l−1}F_{l−1}ᵀ) + σ_b²·11ᵀ]∘(B_lB_lᵀ). As the hidden widths grow it tends to
 * `reluNtkLimitWithBias(X, L, scales).K` (ReLU) [arXiv:1806.07572 Thm. 1] [arXiv:1904.11955 Thm. 3.1].
 * @example
 * ```ts
 * import { key } from '@repro/concentration';
 * import { matrix } from '@repro/linalg';
 * import { initNtkMlp, ntkMlpEmpiricalNtk, reluNtkLimitWithBias } from '@repro/nets';
 *
 * const X = matrix(2, 2, [1, 0, 0.6, 0.8]);
 * const scales = { wStd: 1.5, bStd: 0.5 };
 * const emp = ntkMlpEmpiricalNtk(initNtkMlp(key(0), [2, 4000, 1], scales), X);
 * const lim = reluNtkLimitWithBias(X, 2, scales).K;
 * Math.abs(emp.data[1]! - lim.data[1]!) / lim.data[1]! < 0.1; // → true (Monte Carlo: O(1/√width))
 * ```
 */
export function ntkMlpEmpiricalNtk(p: NtkMlpParams, X: Matrix, act: Activation = { name: 'relu' }): Matrix {
  if (p.widths[p.widths.length - 1] !== 1) throw new RangeError(`the NTK Gram here is for scalar outputs (n_L = 1), got n_L = ${p.widths.at(-1)}`);
  const { F, D } = ntkMlpForward(p, X, act);
  const L = p.W.length;
  const N = X.rows;
  const K = matrix(N, N);
  const sb2 = p.bStd * p.bStd;
  let B = matrix(N, 1, new Float64Array(N).fill(1)); // B_L
  for (let l = L; l >= 1; l--) {
    const nin = p.widths[l - 1] as number;
    const c2 = (p.wStd * p.wStd) / nin;
    const FG = gram(F[l - 1] as Matrix);
    const BG = gram(B);
    for (let i = 0; i < K.data.length; i++) K.data[i] = (K.data[i] as number) + (c2 * (FG.data[i] as number) + sb2) * (BG.data[i] as number);
    if (l === 1) break;
    const c = p.wStd / Math.sqrt(nin);
    const next = matmul(B, p.W[l - 1] as Matrix, { transB: true }); // B_l W_lᵀ, N×n_{l−1}
    const dl = (D[l - 2] as Matrix).data;
    for (let i = 0; i < next.data.length; i++) next.data[i] = c * (next.data[i] as number) * (dl[i] as number);
    B = next;
  }
  return K;
}

/** The infinite-width NTK of an NTK-parameterized ReLU MLP with biases (`reluNtkLimitWithBias`) and its NNGP Grams. */
export interface NtkLimitWithBias {
  /** Θ^{(L)} (N×N float64): the limit of the empirical NTK `ntkMlpEmpiricalNtk` as the hidden widths grow. */
  K: Matrix;
  /** Σ^{(1)}, …, Σ^{(L)}: the NNGP covariance of the pre-activations of each layer (Σ^{(L)}: of the output). */
  G: Matrix[];
}

/**
 * Angle between (a_i·x̂_i, σ_b) and (a_j·x̂_j, σ_b) for unit x̂ at angle t, from the chord lengths of the normalized
 * vectors (no cosine is rounded, so equal inputs keep angle 0 and nearby ones keep their relative accuracy).
 */
function biasedAngle(t: number, ai: number, aj: number, sb: number, qi: number, qj: number): number {
  const ni = Math.sqrt(qi);
  const nj = Math.sqrt(qj);
  const al = ai / ni;
  const be = aj / nj;
  const s = Math.sin(t / 2);
  const c = Math.cos(t / 2);
  const dd = (al - be) ** 2;
  const db = sb * (1 / ni - 1 / nj);
  const sbsum = sb * (1 / ni + 1 / nj);
  const chordMinus = Math.sqrt(dd + 4 * al * be * s * s + db * db);
  const chordPlus = Math.sqrt(dd + 4 * al * be * c * c + sbsum * sbsum);
  return 2 * Math.atan2(chordMinus, chordPlus);
}

/**
 * Θ^{(L)} and Σ^{(1..L)} of a ReLU MLP in NTK parameterization with biases, L ≥ 1 layers of weights (L − 1 hidden),
 * σ_w = `wStd`, σ_b = `bStd` at every layer [arXiv:1806.07572 Thm. 1] [arXiv:1902.06720 §2] [arXiv:1904.11955 §3]:
 * Σ^{(1)} = (σ_w²/d)·XXᵀ + σ_b², Θ^{(1)} = Σ^{(1)}; for l = 2..L, with q = diag Σ^{(l−1)} and θ its angles,
 * Σ^{(l)}_{ij} = (σ_w²/(2π))·√(q_iq_j)·J₁(θ_ij) + σ_b² (J₁(θ) = sin θ + (π − θ)cos θ), Σ̇^{(l)}_{ij} = σ_w²(π − θ_ij)/(2π),
 * Θ^{(l)} = Θ^{(l−1)}∘Σ̇^{(l)} + Σ^{(l)}. The diagonal now changes per layer, q ← σ_w²q/2 + σ_b², so the recursion runs
 * in angle space with general diagonals: θ ↦ θ̃ = `arcCosineThetaMap(1, θ)` (the bias-free ReLU map) and then the angle
 * between (a_i x̂_i, σ_b) and (a_j x̂_j, σ_b), a² = σ_w²q/2, from chord lengths (x = y keeps θ = 0 exactly).
 * **Normalization**: with bStd = 0 and wStd = √2 this is (2/d)·`reluNtkLimit(X, L)` (K and every G), d = X.cols — the
 * same mapping as neural-tangents' Dense(W_std = √2, b_std = 0) [README §NTK parameterization]. A zero input with bStd = 0
 * keeps angle π/2 as in `reluNtkLimit`.
 * @example
 * ```ts
 * import { matrix } from '@repro/linalg';
 * import { reluNtkLimit, reluNtkLimitWithBias } from '@repro/nets';
 *
 * const X = matrix(2, 2, [1, 0, 0, 1]); // orthogonal unit inputs, d = 2
 * reluNtkLimitWithBias(X, 2, { wStd: Math.SQRT2, bStd: 0 }).K.data; // → [2, 0.31830989, 0.31830989, 2] ((2/d)·reluNtkLimit)
 * reluNtkLimit(X, 2).K.data; // → [2, 0.31830989, 0.31830989, 2]
 * reluNtkLimitWithBias(X, 1, { wStd: 1, bStd: 1 }).K.data; // → [1.5, 1, 1, 1.5] (σ_w²XXᵀ/d + σ_b²)
 * ```
 */
export function reluNtkLimitWithBias(X: Matrix, L: number, scales: NtkScales): NtkLimitWithBias {
  if (!(Number.isInteger(L) && L >= 1)) throw new RangeError(`depth L must be a positive integer, got ${L}`);
  checkScales(scales);
  const N = X.rows;
  const d = X.cols;
  const sw2 = scales.wStd * scales.wStd;
  const sb = scales.bStd;
  const sb2 = sb * sb;
  // Layer 1: Σ = (σ_w²/d)XXᵀ + σ_b² from the dot products; its angles from X's angles (angle space).
  let G = matrix(N, N);
  for (let i = 0; i < N; i++)
    for (let j = i; j < N; j++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += (X.data[i * d + c] as number) * (X.data[j * d + c] as number);
      const v = (sw2 / d) * s + sb2;
      G.data[i * N + j] = v;
      G.data[j * N + i] = v;
    }
  const Gs: Matrix[] = [G];
  const K = matrix(N, N, G.data.slice());
  if (L === 1) return { K, G: Gs };
  const relu = activation({ name: 'relu' }).limit as ArcCosineLimitMaps;
  const { theta, sqNormX } = angleMatrix(X);
  let q = new Float64Array(N);
  for (let i = 0; i < N; i++) q[i] = G.data[i * N + i] as number;
  // θ of Σ^{(1)}: the angle between (σ_w x_i/√d, σ_b) and (σ_w x_j/√d, σ_b).
  if (sb > 0) {
    const a = Float64Array.from(sqNormX, (s) => Math.sqrt((sw2 / d) * s));
    for (let i = 0; i < N; i++)
      for (let j = i + 1; j < N; j++) {
        const t = biasedAngle(theta.data[i * N + j] as number, a[i] as number, a[j] as number, sb, q[i] as number, q[j] as number);
        theta.data[i * N + j] = t;
        theta.data[j * N + i] = t;
      }
  }
  for (let l = 2; l <= L; l++) {
    const a = Float64Array.from(q, (v) => Math.sqrt((sw2 * v) / 2));
    const qn = Float64Array.from(q, (v) => (sw2 * v) / 2 + sb2);
    const next = matrix(N, N);
    for (let i = 0; i < N; i++) {
      // diagonal: Σ̇ = σ_w²/2, Σ = q_new
      const ii = i * N + i;
      K.data[ii] = (K.data[ii] as number) * (sw2 / 2) + (qn[i] as number);
      next.data[ii] = qn[i] as number;
      for (let j = i + 1; j < N; j++) {
        const t = theta.data[i * N + j] as number;
        const gdot = (sw2 / 2) * relu.k0(t); // = σ_w²/2 exactly at θ = 0, as on the diagonal
        let t2: number;
        let gnew: number;
        if ((q[i] as number) === 0 || (q[j] as number) === 0) {
          // a zero input without bias: feature 0 at every layer, angle kept at π/2 (reluNtkLimit's convention)
          t2 = t;
          gnew = sb2;
        } else {
          const tt = relu.k1Angle(t);
          t2 = sb > 0 ? biasedAngle(tt, a[i] as number, a[j] as number, sb, qn[i] as number, qn[j] as number) : tt;
          gnew = Math.sqrt((qn[i] as number) * (qn[j] as number)) * Math.cos(t2);
        }
        theta.data[i * N + j] = t2;
        theta.data[j * N + i] = t2;
        const kij = (K.data[i * N + j] as number) * gdot + gnew;
        K.data[i * N + j] = kij;
        K.data[j * N + i] = kij;
        next.data[i * N + j] = gnew;
        next.data[j * N + i] = gnew;
      }
    }
    q = qn;
    G = next;
    Gs.push(G);
  }
  return { K, G: Gs };
}
