/**
 * Soft-margin kernel SVM by sequential minimal optimization (SMO) with second-order working-set selection
 * (Fan, Chen, Lin, JMLR 2005 — the LIBSVM solver), float64, on a precomputed kernel matrix.
 *
 * Dual: min_α ½αᵀQα − 1ᵀα  s.t.  0 ≤ α_i ≤ C,  yᵀα = 0,  Q_ij = y_i y_j K_ij.
 * Decision: f(x) = Σ_i α_i y_i K(x_i, x) + b.
 */
import { ConvergenceError, type Matrix } from './matrix.js';

/** Curvature floor for a non-positive pair curvature K_ii + K_jj − 2K_ij (LIBSVM's τ): keeps the step finite on PSD-singular K. */
const TAU = 1e-12;

/** Options of `svmSmo` and `svmOneVsRest`: box constraint C, KKT tolerance and iteration cap. */
export interface SvmSmoOptions {
  /** Box constraint C > 0 (soft-margin penalty). */
  C: number;
  /** Stop when the maximal KKT violation m(α) − M(α) < tol (LIBSVM's ε; default 1e-3). */
  tol?: number;
  /** Iteration cap (default max(10⁶, 100·n)); exceeding it throws ConvergenceError. */
  maxIter?: number;
}

/** A trained binary kernel SVM (`svmSmo`): dual coefficients, labels and bias; evaluate it with `svmDecision`. */
export interface SvmModel {
  /** Dual coefficients α (length n, 0 ≤ α ≤ C). */
  alpha: Float64Array;
  /** Labels ±1 the model was trained on. */
  y: Float64Array;
  /** Bias b of f(x) = Σ α_i y_i K(x_i, x) + b. */
  b: number;
  C: number;
  iterations: number;
  /** Final maximal violating-pair gap m(α) − M(α) (< tol). */
  gap: number;
  /** Dual objective ½αᵀQα − 1ᵀα at the solution. */
  objective: number;
}

/**
 * Train a binary soft-margin SVM on the n×n kernel matrix K (float64, symmetric PSD; only read) with labels y ∈ {−1, +1}ⁿ.
 * Each iteration picks i = argmax_{I_up} −y_iG_i and j by the second-order gain b²/a (Fan et al. 2005, WSS 2), takes the
 * clipped Newton step along (y_i e_i − y_j e_j) and updates the gradient G = Qα − 1 in O(n). Memory O(n) beyond K.
 * @example
 * ```ts
 * import { matrix, svmSmo } from '@repro/linalg';
 *
 * const x = [-2, -1, 1, 2];
 * const K = matrix(4, 4, x.flatMap((a) => x.map((b) => a * b))); // linear kernel
 * const model = svmSmo(K, [-1, -1, 1, 1], { C: 10 });
 * model.alpha; // → [0, 0.50, 0.50, 0] (support vectors ±1)
 * model.b; // → 0.00
 * ```
 */
export function svmSmo(K: Matrix, labels: ArrayLike<number>, opts: SvmSmoOptions): SvmModel {
  const n = labels.length;
  if (K.rows !== n || K.cols !== n) throw new RangeError(`svmSmo: kernel is ${K.rows}×${K.cols} but there are ${n} labels`);
  const C = opts.C;
  if (!(C > 0) || !Number.isFinite(C)) throw new RangeError(`svmSmo: C must be positive and finite, got ${C}`);
  const tol = opts.tol ?? 1e-3;
  if (!(tol > 0)) throw new RangeError(`svmSmo: tol must be positive, got ${tol}`);
  const maxIter = opts.maxIter ?? Math.max(1_000_000, 100 * n);
  const y = new Float64Array(n);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const v = labels[i] as number;
    if (v !== 1 && v !== -1) throw new RangeError(`svmSmo: labels must be ±1, got ${v} at ${i}`);
    y[i] = v;
    if (v === 1) pos++;
  }
  if (pos === 0 || pos === n) throw new RangeError('svmSmo: both classes must be present');
  const Kd = K.data;
  const diag = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    diag[i] = Kd[i * n + i] as number;
    if (!Number.isFinite(diag[i] as number)) throw new RangeError(`svmSmo: kernel diagonal entry ${i} is ${diag[i]}`);
  }
  const alpha = new Float64Array(n);
  const G = new Float64Array(n).fill(-1);
  // Index sets as flags, kept in step with α (only α_i, α_j change per iteration): up ⇔ t ∈ I_up, low ⇔ t ∈ I_low.
  const up = new Uint8Array(n);
  const low = new Uint8Array(n);
  const setFlags = (t: number): void => {
    const yt = y[t] as number;
    const at = alpha[t] as number;
    up[t] = (yt === 1 ? at < C : at > 0) ? 1 : 0;
    low[t] = (yt === 1 ? at > 0 : at < C) ? 1 : 0;
  };
  for (let t = 0; t < n; t++) setFlags(t);
  // yG_t = y_t·G_t; −yG_t is exactly −y_t·G_t (y = ±1), so both selections read it.
  const yG = new Float64Array(n);
  // i: most violating index in I_up, i.e. argmax_{I_up} −y_tG_t, last index on ties. The first scan is here; later
  // ones are fused into the gradient update (same values, same ascending order, so the same i).
  let Gmax = Number.NEGATIVE_INFINITY;
  let i = -1;
  for (let t = 0; t < n; t++) {
    const g = (y[t] as number) * (G[t] as number);
    yG[t] = g;
    if (up[t] === 1 && -g >= Gmax) {
      Gmax = -g;
      i = t;
    }
  }
  let iter = 0;
  let gap = Number.POSITIVE_INFINITY;
  for (;;) {
    // j: in I_low = {α < C, y = −1} ∪ {α > 0, y = +1}, maximal second-order gain; Gmax2 = max_{I_low} y_tG_t for the gap.
    let Gmax2 = Number.NEGATIVE_INFINITY;
    let j = -1;
    let best = Number.POSITIVE_INFINITY;
    if (i >= 0) {
      const Kii = diag[i] as number;
      const ri = i * n;
      for (let t = 0; t < n; t++) {
        if (low[t] === 1) {
          const g = yG[t] as number;
          if (g >= Gmax2) Gmax2 = g;
          const bgain = Gmax + g;
          if (bgain > 0) {
            let a = Kii + (diag[t] as number) - 2 * (Kd[ri + t] as number);
            if (a <= 0) a = TAU;
            const obj = -(bgain * bgain) / a;
            if (obj <= best) {
              best = obj;
              j = t;
            }
          }
        }
      }
    }
    gap = Gmax + Gmax2;
    if (i < 0 || j < 0 || gap < tol) break;
    if (iter >= maxIter) throw new ConvergenceError(`svmSmo: no convergence in ${maxIter} iterations (gap ${gap}, tol ${tol})`, iter);
    iter++;
    const yi = y[i] as number;
    const yj = y[j] as number;
    const ai = alpha[i] as number;
    const aj = alpha[j] as number;
    let a = (diag[i] as number) + (diag[j] as number) - 2 * (Kd[i * n + j] as number);
    if (a <= 0) a = TAU;
    const bgain = -yi * (G[i] as number) + yj * (G[j] as number);
    // Step t ≥ 0 along α_i += y_i t, α_j −= y_j t (keeps yᵀα), clipped to the box.
    const capI = yi === 1 ? C - ai : ai;
    const capJ = yj === 1 ? aj : C - aj;
    let step = bgain / a;
    let clipI = false;
    let clipJ = false;
    if (step >= capI) {
      step = capI;
      clipI = true;
    }
    if (step >= capJ) {
      step = capJ;
      clipJ = true;
      clipI = step === capI;
    }
    alpha[i] = clipI ? (yi === 1 ? C : 0) : ai + yi * step;
    alpha[j] = clipJ ? (yj === 1 ? 0 : C) : aj - yj * step;
    setFlags(i);
    setFlags(j);
    const ri = i * n;
    const rj = j * n;
    // G_k += y_k·t·(K_ki − K_kj), and the next i from the updated G_k in the same pass.
    Gmax = Number.NEGATIVE_INFINITY;
    i = -1;
    for (let k = 0; k < n; k++) {
      const yk = y[k] as number;
      const Gk = (G[k] as number) + yk * step * ((Kd[ri + k] as number) - (Kd[rj + k] as number));
      G[k] = Gk;
      const g = yk * Gk;
      yG[k] = g;
      if (up[k] === 1 && -g >= Gmax) {
        Gmax = -g;
        i = k;
      }
    }
  }
  const b = bias(alpha, y, G, C);
  let objective = 0;
  for (let t = 0; t < n; t++) objective += (alpha[t] as number) * ((G[t] as number) - 1);
  return { alpha, y, b, C, iterations: iter, gap, objective: objective / 2 };
}

/** b = −mean(y_iG_i) over free α (0 < α < C); without free α, the midpoint of the feasible interval (LIBSVM's ρ = −b). */
function bias(alpha: Float64Array, y: Float64Array, G: Float64Array, C: number): number {
  let ub = Number.POSITIVE_INFINITY;
  let lb = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let free = 0;
  for (let t = 0; t < alpha.length; t++) {
    const yG = (y[t] as number) * (G[t] as number);
    const at = alpha[t] as number;
    const yt = y[t] as number;
    if (at >= C) {
      if (yt === -1) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else if (at <= 0) {
      if (yt === 1) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else {
      free++;
      sum += yG;
    }
  }
  const rho = free > 0 ? sum / free : (ub + lb) / 2;
  return -rho;
}

/**
 * Decision values f(x_r) = Σ_i α_i y_i K_ri + b for the rows of Kcross (r × n: evaluation points × training points).
 * Only support vectors (α_i > 0) are read.
 * @example
 * ```ts
 * import { matrix, svmDecision, svmSmo } from '@repro/linalg';
 *
 * const x = [-2, -1, 1, 2];
 * const K = matrix(4, 4, x.flatMap((a) => x.map((b) => a * b)));
 * const model = svmSmo(K, [-1, -1, 1, 1], { C: 10 });
 * const t = [3, -0.5]; // evaluation points
 * svmDecision(model, matrix(2, 4, t.flatMap((a) => x.map((b) => a * b)))); // → [3.0, -0.5]
 * ```
 */
export function svmDecision(model: SvmModel, Kcross: Matrix): Float64Array {
  const n = model.alpha.length;
  if (Kcross.cols !== n) throw new RangeError(`svmDecision: kernel has ${Kcross.cols} columns but the model has ${n} training points`);
  const sv: number[] = [];
  const coef: number[] = [];
  for (let i = 0; i < n; i++)
    if ((model.alpha[i] as number) > 0) {
      sv.push(i);
      coef.push((model.alpha[i] as number) * (model.y[i] as number));
    }
  const out = new Float64Array(Kcross.rows);
  const d = Kcross.data;
  for (let r = 0; r < Kcross.rows; r++) {
    const o = r * n;
    let s = 0;
    for (let t = 0; t < sv.length; t++) s += (coef[t] as number) * (d[o + (sv[t] as number)] as number);
    out[r] = s + model.b;
  }
  return out;
}

/**
 * KKT residual of a trained model on its training kernel K: max over i of
 * max(0, 1 − y_if_i) if α_i = 0 · |1 − y_if_i| if 0 < α_i < C · max(0, y_if_i − 1) if α_i = C;
 * plus |yᵀα|. Zero exactly at the optimum of the dual; SMO stops with residual ≲ tol.
 * @example
 * ```ts
 * import { matrix, svmKktResidual, svmSmo } from '@repro/linalg';
 *
 * const x = [-2, -1, 1, 2];
 * const K = matrix(4, 4, x.flatMap((a) => x.map((b) => a * b)));
 * const model = svmSmo(K, [-1, -1, 1, 1], { C: 10, tol: 1e-6 });
 * svmKktResidual(K, model).max < 1e-6; // → true
 * ```
 */
export function svmKktResidual(K: Matrix, model: SvmModel): { max: number; equality: number; index: number } {
  const f = svmDecision(model, K);
  let worst = 0;
  let index = -1;
  let eq = 0;
  for (let i = 0; i < f.length; i++) {
    const a = model.alpha[i] as number;
    const m = (model.y[i] as number) * (f[i] as number);
    const r = a <= 0 ? Math.max(0, 1 - m) : a >= model.C ? Math.max(0, m - 1) : Math.abs(1 - m);
    if (!(r <= worst)) {
      worst = r;
      index = i;
    }
    eq += a * (model.y[i] as number);
  }
  return { max: worst, equality: Math.abs(eq), index };
}

/**
 * A one-vs-rest multi-class kernel SVM (`svmOneVsRest`): one binary `SvmModel` per class; predict with `svmOneVsRestPredict`.
 */
export interface OneVsRestModel {
  /** Class labels, ascending; models[c] separates classes[c] (+1) from the rest (−1). */
  classes: number[];
  models: SvmModel[];
}

/**
 * One-vs-rest multi-class SVM: one binary `svmSmo` per class on the same kernel K (n×n).
 * @example
 * ```ts
 * import { gram, matrix, svmOneVsRest } from '@repro/linalg';
 *
 * const X = matrix(6, 2, [1, 0, 2, 0, 0, 1, 0, 2, -1, -1, -2, -2]);
 * const model = svmOneVsRest(gram(X), [0, 0, 1, 1, 2, 2], { C: 10 });
 * model.classes; // → [0, 1, 2]
 * model.models.length; // → 3
 * ```
 */
export function svmOneVsRest(K: Matrix, labels: ArrayLike<number>, opts: SvmSmoOptions): OneVsRestModel {
  const classes = [...new Set(Array.from(labels))].sort((a, b) => a - b);
  if (classes.length < 2) throw new RangeError('svmOneVsRest: need at least two classes');
  const models = classes.map((c) => svmSmo(K, Array.from(labels, (v) => (v === c ? 1 : -1)), opts));
  return { classes, models };
}

/**
 * Predicted class per row of Kcross (r × n): the class whose one-vs-rest decision value is largest.
 * @example
 * ```ts
 * import { gram, matrix, svmOneVsRest, svmOneVsRestPredict } from '@repro/linalg';
 *
 * const X = matrix(6, 2, [1, 0, 2, 0, 0, 1, 0, 2, -1, -1, -2, -2]);
 * const model = svmOneVsRest(gram(X), [0, 0, 1, 1, 2, 2], { C: 10 });
 * svmOneVsRestPredict(model, gram(X)); // → [0, 0, 1, 1, 2, 2] (training points: Kcross = K)
 * ```
 */
export function svmOneVsRestPredict(model: OneVsRestModel, Kcross: Matrix): Int32Array {
  const scores = model.models.map((m) => svmDecision(m, Kcross));
  const out = new Int32Array(Kcross.rows);
  for (let r = 0; r < Kcross.rows; r++) {
    let best = 0;
    for (let c = 1; c < scores.length; c++) if ((scores[c]?.[r] as number) > (scores[best]?.[r] as number)) best = c;
    out[r] = model.classes[best] as number;
  }
  return out;
}
