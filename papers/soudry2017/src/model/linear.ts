/**
 * The linear classifier of Soudry et al. (2018) on label-absorbed data z_n = y_n·x_n, in plain float64 JS (never tfjs float32:
 * late updates ≈ ŵ/t fall below a float32 ulp) [NOTES.md §4]. L(w) = Σ_n ℓ(wᵀz_n) (a sum, not a mean), ∇L = Σ_n ℓ′(wᵀz_n)·z_n.
 * Optimizers: GD, heavy-ball momentum, per-sample SGD with reshuffled epochs, ADAM, and gradient flow integrated in log-time.
 * They live here, not in @repro/nets, because they act on this paper's sum-loss linear model and no other paper uses them.
 */
import { fault } from '@repro/harness';
import { logisticLoss, logisticNegDeriv, type MarginLossName } from '@repro/nets';

/**
 * −ℓ′(u): e^{−u}/(1 + e^{−u}) (logistic, via @repro/nets) or e^{−u} (exp). Every optimizer of this paper calls it. Planted
 * fault 'poly-tail': e^u replaced by 1 + u + u²/2 for u ≥ 0, so the tail decays like 2/u² instead of e^{−u}.
 */
export function negDeriv(loss: MarginLossName, u: number): number {
  if (fault('poly-tail') && u >= 0) {
    const p = 1 + u + (u * u) / 2;
    return loss === 'logistic' ? 1 / (1 + p) : 1 / p;
  }
  return loss === 'logistic' ? logisticNegDeriv(u) : Math.exp(-u);
}

/** 1 for the summed loss of the paper; planted fault 'mean-loss': 1/N (the gradient of the mean loss). */
function gradScale(N: number): number {
  return fault('mean-loss') ? 1 / N : 1;
}

/** Label-absorbed data: N rows z_n of length d, row-major float64. */
export interface MarginData {
  Z: Float64Array;
  N: number;
  d: number;
}

/** L(w) = Σ_n ℓ(wᵀz_n), evaluated stably (log1p form for the logistic loss). */
export function marginLossSum(data: MarginData, loss: MarginLossName, w: ArrayLike<number>): number {
  const { Z, N, d } = data;
  let L = 0;
  for (let n = 0; n < N; n++) {
    let u = 0;
    for (let j = 0; j < d; j++) u += (Z[n * d + j] as number) * (w[j] as number);
    L += loss === 'logistic' ? logisticLoss(u) : Math.exp(-u);
  }
  return L;
}

/** Margins u_n = wᵀz_n. */
export function margins(data: MarginData, w: ArrayLike<number>): Float64Array {
  const { Z, N, d } = data;
  const out = new Float64Array(N);
  for (let n = 0; n < N; n++) {
    let u = 0;
    for (let j = 0; j < d; j++) u += (Z[n * d + j] as number) * (w[j] as number);
    out[n] = u;
  }
  return out;
}

/** ∇L(w) into `g` (overwritten): Σ_n ℓ′(wᵀz_n)·z_n. */
export function marginLossGrad(data: MarginData, loss: MarginLossName, w: ArrayLike<number>, g: Float64Array): void {
  const { Z, N, d } = data;
  const scale = gradScale(N);
  g.fill(0);
  for (let n = 0; n < N; n++) {
    const o = n * d;
    let u = 0;
    for (let j = 0; j < d; j++) u += (Z[o + j] as number) * (w[j] as number);
    const c = negDeriv(loss, u) * scale;
    for (let j = 0; j < d; j++) g[j] = (g[j] as number) - c * (Z[o + j] as number);
  }
}

/**
 * Recording times: ⌈perDecade⌉ log-spaced points per decade, 10^(j/perDecade) rounded to integers while below `intFrom`
 * (exact GD iterations), exact powers of ten included, ascending, unique, within [1, T]; T itself is always last.
 */
export function logGrid(T: number, perDecade: number, intUpTo = Number.POSITIVE_INFINITY): number[] {
  const out: number[] = [];
  const jMax = Math.floor(Math.log10(T) * perDecade + 1e-9);
  for (let j = 0; j <= jMax; j++) {
    let t = 10 ** (j / perDecade);
    if (t <= intUpTo) t = Math.round(t);
    if (t > T) break;
    if (out.length === 0 || t > (out[out.length - 1] as number)) out.push(t);
  }
  if ((out[out.length - 1] as number) < T) out.push(T);
  return out;
}

/** One optimizer step's view for recording: the iterate at iteration t. */
export type Recorder = (t: number, w: Float64Array) => void;

/** Non-finite iterate: where and why (a claim reading it fails with this reason). */
export interface Divergence {
  t: number;
  reason: string;
}

function finite(w: Float64Array): boolean {
  for (const v of w) if (!Number.isFinite(v)) return false;
  return true;
}

/**
 * GD (γ = 0) or heavy-ball momentum (v ← γv − η∇L, w ← w + v) for T iterations from w0, calling `record(t, w)` at every t in
 * `times` (t = 0 allowed). Returns the final w and the first divergence (NaN/Inf), if any, at which it stops.
 */
export function runGd(
  data: MarginData,
  loss: MarginLossName,
  opts: { eta: number; gamma?: number; w0: ArrayLike<number>; T: number; times: readonly number[] },
  record: Recorder,
): { w: Float64Array; diverged: Divergence | null } {
  const { Z, N, d } = data;
  const { eta, T, times } = opts;
  const gamma = opts.gamma ?? 0;
  const w = Float64Array.from(opts.w0);
  const v = new Float64Array(d);
  const g = new Float64Array(d);
  let next = 0;
  while (next < times.length && (times[next] as number) < 0) next++;
  if (next < times.length && times[next] === 0) {
    record(0, w);
    next++;
  }
  const logistic = loss === 'logistic' && !fault('poly-tail') && !fault('mean-loss'); // the fast path: no planted fault
  const scale = gradScale(N);
  for (let t = 1; t <= T; t++) {
    g.fill(0);
    for (let n = 0; n < N; n++) {
      const o = n * d;
      let u = 0;
      for (let j = 0; j < d; j++) u += (Z[o + j] as number) * (w[j] as number);
      let c: number;
      if (logistic) {
        // inlined negDeriv('logistic', u) (the hot loop of 10⁶ GD steps)
        if (u >= 0) {
          const e = Math.exp(-u);
          c = e / (1 + e);
        } else c = 1 / (1 + Math.exp(u));
      } else c = negDeriv(loss, u) * scale;
      for (let j = 0; j < d; j++) g[j] = (g[j] as number) + c * (Z[o + j] as number);
    }
    // g = −∇L
    if (gamma === 0) for (let j = 0; j < d; j++) w[j] = (w[j] as number) + eta * (g[j] as number);
    else
      for (let j = 0; j < d; j++) {
        v[j] = gamma * (v[j] as number) + eta * (g[j] as number);
        w[j] = (w[j] as number) + (v[j] as number);
      }
    if (next < times.length && times[next] === t) {
      if (!finite(w)) return { w, diverged: { t, reason: 'non-finite iterate' } };
      record(t, w);
      next++;
    }
  }
  return { w, diverged: finite(w) ? null : { t: T, reason: 'non-finite iterate' } };
}

/**
 * ADAM (Kingma & Ba) on L: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², w ← w − lr·m̂/(√v̂ + ε) with bias-corrected m̂, v̂.
 */
export function runAdam(
  data: MarginData,
  loss: MarginLossName,
  opts: { lr: number; beta1?: number; beta2?: number; eps?: number; w0: ArrayLike<number>; T: number; times: readonly number[] },
  record: Recorder,
): { w: Float64Array; diverged: Divergence | null } {
  const { d } = data;
  const b1 = opts.beta1 ?? 0.9;
  const b2 = opts.beta2 ?? 0.999;
  const eps = opts.eps ?? 1e-8;
  const w = Float64Array.from(opts.w0);
  const m = new Float64Array(d);
  const v = new Float64Array(d);
  const g = new Float64Array(d);
  let next = 0;
  if (opts.times[0] === 0) {
    record(0, w);
    next++;
  }
  let b1t = 1;
  let b2t = 1;
  for (let t = 1; t <= opts.T; t++) {
    marginLossGrad(data, loss, w, g);
    b1t *= b1;
    b2t *= b2;
    for (let j = 0; j < d; j++) {
      const gj = g[j] as number;
      m[j] = b1 * (m[j] as number) + (1 - b1) * gj;
      v[j] = b2 * (v[j] as number) + (1 - b2) * gj * gj;
      const mh = (m[j] as number) / (1 - b1t);
      const vh = (v[j] as number) / (1 - b2t);
      w[j] = (w[j] as number) - (opts.lr * mh) / (Math.sqrt(vh) + eps);
    }
    if (next < opts.times.length && opts.times[next] === t) {
      if (!finite(w)) return { w, diverged: { t, reason: 'non-finite iterate' } };
      record(t, w);
      next++;
    }
  }
  return { w, diverged: null };
}

/**
 * Per-sample SGD (batch 1): each epoch visits the samples in the order perm(e) and steps w ← w − η ℓ′(wᵀz_n)·z_n.
 * `order(e)` returns the permutation of epoch e (1-based); records at epoch ends in `times`.
 */
export function runSgd(
  data: MarginData,
  loss: MarginLossName,
  opts: { eta: number; w0: ArrayLike<number>; epochs: number; times: readonly number[]; order: (epoch: number) => ArrayLike<number> },
  record: Recorder,
): { w: Float64Array; diverged: Divergence | null } {
  const { Z, N, d } = data;
  const w = Float64Array.from(opts.w0);
  let next = 0;
  if (opts.times[0] === 0) {
    record(0, w);
    next++;
  }
  for (let e = 1; e <= opts.epochs; e++) {
    const perm = opts.order(e);
    for (let i = 0; i < N; i++) {
      const o = (perm[i] as number) * d;
      let u = 0;
      for (let j = 0; j < d; j++) u += (Z[o + j] as number) * (w[j] as number);
      const c = negDeriv(loss, u);
      for (let j = 0; j < d; j++) w[j] = (w[j] as number) + opts.eta * c * (Z[o + j] as number);
    }
    if (next < opts.times.length && opts.times[next] === e) {
      if (!finite(w)) return { w, diverged: { t: e, reason: 'non-finite iterate' } };
      record(e, w);
      next++;
    }
  }
  return { w, diverged: null };
}

/** Statistics of one log-time flow integration. */
export interface FlowStats {
  steps: number;
  rejected: number;
  gradEvals: number;
}

/**
 * Gradient flow dw/dt = −η∇L(w) from (t0, w0) to t1, integrated in s = ln t where it reads dw/ds = η·eˢ·(−∇L(w)): after
 * the transient the Jacobian tends to −Σ_S α_n z_n z_nᵀ = O(1), so the system is not stiff [NOTES.md §3]. Classical RK4
 * with step-doubling error control (error ≈ |w_h − w_{h/2,h/2}|/15 ≤ tol·(1 + ‖w‖_∞)) and h ≤ hMax, landing exactly on
 * every recording time in `times` (those > t0). `grad(w, out)` writes ∇L(w). Works for any parameter vector (binary or
 * stacked multi-class weights). The GD–flow gap after t0 is O(1/t0) [NOTES.md §3].
 */
export function logTimeFlow(
  grad: (w: Float64Array, out: Float64Array) => void,
  opts: { eta: number; w0: ArrayLike<number>; t0: number; t1: number; times: readonly number[]; hMax: number; tol: number; hMin?: number },
  record: Recorder,
): { w: Float64Array; stats: FlowStats; diverged: Divergence | null } {
  const P = opts.w0.length;
  const w = Float64Array.from(opts.w0);
  const hMin = opts.hMin ?? 1e-6;
  const k1 = new Float64Array(P);
  const k2 = new Float64Array(P);
  const k3 = new Float64Array(P);
  const k4 = new Float64Array(P);
  const tmp = new Float64Array(P);
  const full = new Float64Array(P);
  const half = new Float64Array(P);
  const f0 = new Float64Array(P);
  const stats: FlowStats = { steps: 0, rejected: 0, gradEvals: 0 };
  // f(s, w) = −η eˢ ∇L(w)
  const f = (s: number, x: Float64Array, out: Float64Array): void => {
    grad(x, out);
    stats.gradEvals++;
    const c = -opts.eta * Math.exp(s);
    for (let i = 0; i < P; i++) out[i] = c * (out[i] as number);
  };
  /** One RK4 step of size h from (s, x) with f(s, x) = fx given; result into `out`. */
  const rk4 = (s: number, x: Float64Array, fx: Float64Array, h: number, out: Float64Array): void => {
    for (let i = 0; i < P; i++) tmp[i] = (x[i] as number) + (h / 2) * (fx[i] as number);
    f(s + h / 2, tmp, k2);
    for (let i = 0; i < P; i++) tmp[i] = (x[i] as number) + (h / 2) * (k2[i] as number);
    f(s + h / 2, tmp, k3);
    for (let i = 0; i < P; i++) tmp[i] = (x[i] as number) + h * (k3[i] as number);
    f(s + h, tmp, k4);
    for (let i = 0; i < P; i++) out[i] = (x[i] as number) + (h / 6) * ((fx[i] as number) + 2 * (k2[i] as number) + 2 * (k3[i] as number) + (k4[i] as number));
  };
  const targets = opts.times.filter((t) => t > opts.t0 && t <= opts.t1);
  if (targets.length === 0 || targets[targets.length - 1] !== opts.t1) targets.push(opts.t1);
  let s = Math.log(opts.t0);
  let h = Math.min(opts.hMax, 0.05);
  const timeSet = new Set(opts.times);
  for (const target of targets) {
    const sEnd = Math.log(target);
    while (s < sEnd - 1e-14) {
      const step = Math.min(h, sEnd - s);
      f(s, w, f0);
      rk4(s, w, f0, step, full);
      rk4(s, w, f0, step / 2, half);
      f(s + step / 2, half, k1);
      rk4(s + step / 2, half, k1, step / 2, half);
      let err = 0;
      let scale = 1;
      for (let i = 0; i < P; i++) {
        err = Math.max(err, Math.abs((full[i] as number) - (half[i] as number)));
        scale = Math.max(scale, Math.abs(half[i] as number));
      }
      err /= 15;
      if (!Number.isFinite(err)) return { w, stats, diverged: { t: Math.exp(s), reason: 'non-finite flow step' } };
      if (err <= opts.tol * scale || step <= hMin) {
        // Richardson: the two half steps plus the error estimate are 5th-order accurate.
        for (let i = 0; i < P; i++) w[i] = (half[i] as number) + ((half[i] as number) - (full[i] as number)) / 15;
        s = step === sEnd - s ? sEnd : s + step;
        stats.steps++;
        const grow = err === 0 ? 2 : Math.min(2, 0.9 * (opts.tol * scale / err) ** 0.2);
        if (step === h) h = Math.min(opts.hMax, h * grow);
      } else {
        stats.rejected++;
        h = Math.max(hMin, step * Math.max(0.2, 0.9 * (opts.tol * scale / err) ** 0.2));
      }
    }
    s = sEnd;
    if (timeSet.has(target) || target === opts.t1) record(target, w);
  }
  return { w, stats, diverged: null };
}
