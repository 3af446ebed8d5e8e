/**
 * Full-batch gradient descent on the two-layer ReLU net with the SUM loss L = ½ Σ_i (f(x_i) − y_i)² (Du et al. 2019 §2):
 * ∂L/∂w_r = m^{−1/2} Σ_i (u_i − y_i) a_r 1{w_rᵀx_i ≥ 0} x_i (kink active), ∂L/∂a_r = m^{−1/2} Σ_i (u_i − y_i) relu(w_rᵀx_i).
 * Two implementations with identical semantics: float32 on the selected tfjs backend, and a plain-JS float64 reference.
 */
import { gram, lambdaMin, norm2, normFro, sub, type Matrix } from '@repro/linalg';
import { getTf } from './backend.js';
import { gramFromCounts, patternCounts, projections, type TwoLayerParams } from './two-layer.js';

export interface GdOptions {
  X: Matrix;
  y: Float64Array;
  init: TwoLayerParams;
  eta: number;
  steps: number;
  /** Train the output layer a as well (joint training); default false (a fixed). */
  trainOutput?: boolean;
  /** float32 = tfjs on the selected backend (default); float64 = plain-JS reference. */
  precision?: 'float32' | 'float64';
  /** If > 0, record λ_min(H(W_k)) at k = 0, gramEvery, 2·gramEvery, …, and K (float64 Gram from the pattern). */
  gramEvery?: number;
  /** Record ‖H(K) − H(0)‖₂ and ‖H(K) − H(0)‖_F. */
  gramDiff?: boolean;
  /** Return the final W and a. */
  keepFinal?: boolean;
  /** Called after each update with the new step index k = 1..K. */
  onStep?: (k: number) => void;
}

export interface GdTrace {
  /** L(k) at W(k), k = 0..K (float64 sum of squared float32/float64 residuals). */
  loss: number[];
  /** (1/(mn)) Σ_i Σ_r 1{P_ir(0) ≠ P_ir(k)}. */
  patternChange: number[];
  /** max_r ‖w_r(k) − w_r(0)‖₂. */
  maxDistance: number[];
  lambdaMinH?: { step: number; value: number }[];
  hDiff?: { norm2: number; fro: number };
  /** First step whose loss or weights were non-finite; training stops there and the arrays end with that step. */
  diverged?: { step: number; reason: string };
  final?: { W: Float64Array; a: Float64Array };
  u0: Float64Array;
  seconds: number;
  precision: 'float32' | 'float64';
}

function validate(o: GdOptions): void {
  const { X, y, init, eta, steps } = o;
  if (X.cols !== init.d) throw new RangeError(`X has ${X.cols} columns but the network expects d = ${init.d}`);
  if (y.length !== X.rows) throw new RangeError(`y has ${y.length} entries but X has ${X.rows} rows`);
  if (!(Number.isFinite(eta) && eta > 0)) throw new RangeError(`learning rate eta must be finite and > 0, got ${eta}`);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be a non-negative integer, got ${steps}`);
  if (o.gramEvery !== undefined && !(Number.isInteger(o.gramEvery) && o.gramEvery >= 0)) throw new RangeError(`gramEvery must be a non-negative integer, got ${o.gramEvery}`);
  for (const v of X.data) if (!Number.isFinite(v)) throw new RangeError('X contains a non-finite value');
  for (const v of y) if (!Number.isFinite(v)) throw new RangeError('y contains a non-finite value');
}

/** Run K steps of full-batch GD, recording the loss, pattern changes and distance at every step (and Gram spectra if asked). */
export async function trainTwoLayerGd(opts: GdOptions): Promise<GdTrace> {
  validate(opts);
  const t0 = performance.now();
  const trace = (opts.precision ?? 'float32') === 'float64' ? trainF64(opts) : trainF32(opts);
  trace.seconds = (performance.now() - t0) / 1000;
  return trace;
}

/** Gram spectra bookkeeping shared by both paths. */
class GramRecorder {
  readonly lambdaMinH: { step: number; value: number }[] = [];
  private H0: Matrix | undefined;
  hDiff: { norm2: number; fro: number } | undefined;
  private readonly XXt: Matrix | undefined;
  constructor(
    X: Matrix,
    private readonly every: number,
    private readonly diff: boolean,
    private readonly K: number,
  ) {
    this.XXt = every > 0 || diff ? gram(X) : undefined;
  }
  wants(k: number): boolean {
    return (this.every > 0 && (k % this.every === 0 || k === this.K)) || (this.diff && (k === 0 || k === this.K));
  }
  record(k: number, Z: ArrayLike<number>, n: number, m: number, aSquared: ArrayLike<number> | undefined): void {
    if (this.XXt === undefined) return;
    const H = gramFromCounts(this.XXt, patternCounts(Z, n, m, aSquared), m);
    if (this.every > 0 && (k % this.every === 0 || k === this.K)) this.lambdaMinH.push({ step: k, value: lambdaMin(H, { tol: 1e-10 }) });
    if (this.diff && k === 0) this.H0 = H;
    if (this.diff && k === this.K && this.H0 !== undefined) {
      const D = sub(H, this.H0);
      this.hDiff = { norm2: norm2(D), fro: normFro(D) };
    }
  }
}

function finish(
  base: { loss: number[]; patternChange: number[]; maxDistance: number[]; u0: Float64Array },
  rec: GramRecorder,
  opts: GdOptions,
  precision: 'float32' | 'float64',
  diverged: { step: number; reason: string } | undefined,
  final: { W: Float64Array; a: Float64Array } | undefined,
): GdTrace {
  const out: GdTrace = { ...base, seconds: 0, precision };
  if ((opts.gramEvery ?? 0) > 0) out.lambdaMinH = rec.lambdaMinH;
  if (opts.gramDiff && rec.hDiff !== undefined) out.hDiff = rec.hDiff;
  if (diverged !== undefined) out.diverged = diverged;
  if (opts.keepFinal && final !== undefined) out.final = final;
  return out;
}

function trainF64(opts: GdOptions): GdTrace {
  const { X, y, init, eta, steps: K } = opts;
  const n = X.rows;
  const d = X.cols;
  const m = init.m;
  const s = 1 / Math.sqrt(m);
  const W = Float64Array.from(init.W);
  const a = Float64Array.from(init.a);
  const W0 = Float64Array.from(init.W);
  const rec = new GramRecorder(X, opts.gramEvery ?? 0, opts.gramDiff ?? false, K);
  const loss: number[] = [];
  const patternChange: number[] = [];
  const maxDistance: number[] = [];
  let P0: Uint8Array | undefined;
  let u0 = new Float64Array(n);
  let diverged: { step: number; reason: string } | undefined;
  const r = new Float64Array(n);
  for (let k = 0; k <= K; k++) {
    const Z = projections(X, W, m);
    if (P0 === undefined) {
      P0 = new Uint8Array(n * m);
      for (let i = 0; i < n * m; i++) P0[i] = (Z[i] as number) >= 0 ? 1 : 0;
    }
    let L = 0;
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let q = 0; q < m; q++) {
        const z = Z[i * m + q] as number;
        const on = z >= 0 ? 1 : 0;
        if (on !== P0[i * m + q]) changed++;
        if (z > 0) acc += (a[q] as number) * z;
      }
      r[i] = acc * s - (y[i] as number);
      L += 0.5 * (r[i] as number) ** 2;
    }
    if (k === 0) u0 = Float64Array.from(r, (ri, i) => ri + (y[i] as number));
    let maxSq = 0;
    for (let q = 0; q < m; q++) {
      let ss = 0;
      for (let j = 0; j < d; j++) ss += ((W[q * d + j] as number) - (W0[q * d + j] as number)) ** 2;
      maxSq = Math.max(maxSq, ss);
    }
    loss.push(L);
    patternChange.push(changed / (n * m));
    maxDistance.push(Math.sqrt(maxSq));
    if (!Number.isFinite(L) || !Number.isFinite(maxSq)) {
      diverged = { step: k, reason: Number.isFinite(L) ? `weights overflowed (max distance ${Math.sqrt(maxSq)})` : `loss is ${L}` };
      break;
    }
    if (rec.wants(k)) rec.record(k, Z, n, m, opts.trainOutput ? a.map((v) => v * v) : undefined);
    if (k === K) break;
    // Gradient step (a's gradient uses the pre-update W).
    const ga = opts.trainOutput ? new Float64Array(m) : undefined;
    for (let q = 0; q < m; q++) {
      const aq = a[q] as number;
      const gw = new Float64Array(d);
      let gaq = 0;
      for (let i = 0; i < n; i++) {
        const z = Z[i * m + q] as number;
        if (z >= 0) {
          const c = (r[i] as number) * aq * s;
          for (let j = 0; j < d; j++) gw[j] = (gw[j] as number) + c * (X.data[i * d + j] as number);
          gaq += (r[i] as number) * z * s;
        }
      }
      for (let j = 0; j < d; j++) W[q * d + j] = (W[q * d + j] as number) - eta * (gw[j] as number);
      if (ga !== undefined) ga[q] = gaq;
    }
    if (ga !== undefined) for (let q = 0; q < m; q++) a[q] = (a[q] as number) - eta * (ga[q] as number);
    opts.onStep?.(k + 1);
  }
  return finish({ loss, patternChange, maxDistance, u0 }, rec, opts, 'float64', diverged, { W, a });
}

function trainF32(opts: GdOptions): GdTrace {
  const tf = getTf();
  const { X, y, init, eta, steps: K } = opts;
  const n = X.rows;
  const d = X.cols;
  const m = init.m;
  const s = 1 / Math.sqrt(m);
  const joint = opts.trainOutput ?? false;
  // Big operands are stored so every GEMM is un-transposed: tfjs-wasm's transposed matMul paths are 10–40× slower here.
  const Wt0 = new Float32Array(d * m);
  for (let q = 0; q < m; q++) for (let j = 0; j < d; j++) Wt0[j * m + q] = init.W[q * d + j] as number;
  const Xt = new Float32Array(d * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) Xt[j * n + i] = X.data[i * d + j] as number;
  const X32 = tf.tensor2d(Float32Array.from(X.data), [n, d]);
  const Xt32 = tf.tensor2d(Xt, [d, n]);
  const y32 = tf.tensor2d(Float32Array.from(y), [n, 1]);
  const W0t = tf.tensor2d(Wt0, [d, m]);
  let Wt: ReturnType<typeof tf.sub> = tf.tensor2d(Wt0, [d, m]);
  let aRow: ReturnType<typeof tf.sub> = tf.tensor2d(Float32Array.from(init.a), [1, m]);
  const P0 = tf.tidy(() => tf.cast(tf.greaterEqual(tf.matMul(X32, Wt), 0), 'float32'));
  const rec = new GramRecorder(X, opts.gramEvery ?? 0, opts.gramDiff ?? false, K);
  const loss: number[] = [];
  const patternChange: number[] = [];
  const maxDistance: number[] = [];
  let u0 = new Float64Array(n);
  let diverged: { step: number; reason: string } | undefined;
  try {
    for (let k = 0; k <= K; k++) {
      const wantGram = rec.wants(k);
      const update = k < K;
      type T = ReturnType<typeof tf.sub>;
      const out: { r?: T; changed?: T; maxSq?: T; Z: T | null; newWt: T | null; newA: T | null } = { Z: null, newWt: null, newA: null };
      tf.tidy(() => {
        const Z = tf.matMul(X32, Wt);
        const P = tf.cast(tf.greaterEqual(Z, 0), 'float32');
        const R = tf.mul(Z, P);
        const u = tf.mul(tf.sum(tf.mul(R, aRow), 1, true), s);
        const r = tf.sub(u, y32);
        out.r = tf.keep(r);
        out.changed = tf.keep(tf.sum(tf.cast(tf.notEqual(P, P0), 'int32')));
        out.maxSq = tf.keep(tf.max(tf.sum(tf.square(tf.sub(Wt, W0t)), 0)));
        if (wantGram) out.Z = tf.keep(Z);
        if (update) {
          const M = tf.mul(P, tf.mul(r, aRow)); // n×m: r_i a_r 1{z_ir ≥ 0}
          out.newWt = tf.keep(tf.sub(Wt, tf.mul(tf.matMul(Xt32, M), eta * s)));
          if (joint) out.newA = tf.keep(tf.sub(aRow, tf.mul(tf.matMul(tf.reshape(r, [1, n]), R), eta * s)));
        }
      });
      if (out.r === undefined || out.changed === undefined || out.maxSq === undefined) throw new Error('GD step produced no output');
      const rv = out.r.dataSync() as Float32Array;
      const changed = out.changed.dataSync()[0] as number;
      const maxSq = out.maxSq.dataSync()[0] as number;
      let L = 0;
      for (let i = 0; i < n; i++) L += 0.5 * (rv[i] as number) ** 2;
      if (k === 0) u0 = Float64Array.from(rv, (ri: number, i: number) => ri + (y[i] as number));
      loss.push(L);
      patternChange.push(changed / (n * m));
      maxDistance.push(Math.sqrt(maxSq));
      let zData: Float32Array | undefined;
      if (out.Z !== null) zData = out.Z.dataSync() as Float32Array;
      const aNow = joint && zData !== undefined ? (aRow.dataSync() as Float32Array) : undefined;
      tf.dispose([out.r, out.changed, out.maxSq, ...(out.Z !== null ? [out.Z] : [])]);
      if (!Number.isFinite(L) || !Number.isFinite(maxSq)) {
        diverged = { step: k, reason: Number.isFinite(L) ? `weights overflowed (max distance ${Math.sqrt(maxSq)})` : `loss is ${L}` };
        tf.dispose([...(out.newWt ? [out.newWt] : []), ...(out.newA ? [out.newA] : [])]);
        break;
      }
      if (zData !== undefined) rec.record(k, zData, n, m, aNow?.map((v) => v * v));
      if (out.newWt !== null) {
        Wt.dispose();
        Wt = out.newWt;
      }
      if (out.newA !== null) {
        aRow.dispose();
        aRow = out.newA;
      }
      if (update) opts.onStep?.(k + 1);
    }
    let final: { W: Float64Array; a: Float64Array } | undefined;
    if (opts.keepFinal) {
      const wt = Wt.dataSync();
      const W = new Float64Array(m * d);
      for (let q = 0; q < m; q++) for (let j = 0; j < d; j++) W[q * d + j] = wt[j * m + q] as number;
      final = { W, a: Float64Array.from(aRow.dataSync()) };
    }
    return finish({ loss, patternChange, maxDistance, u0 }, rec, opts, 'float32', diverged, final);
  } finally {
    tf.dispose([X32, Xt32, y32, W0t, Wt, aRow, P0]);
  }
}
