/**
 * Full-batch gradient descent on the two-layer ReLU net with the SUM loss L = ½ Σ_i (f(x_i) − y_i)² (Du et al. 2019 §2):
 * ∂L/∂w_r = m^{−1/2} Σ_i (u_i − y_i) a_r 1{w_rᵀx_i ≥ 0} x_i (kink active), ∂L/∂a_r = m^{−1/2} Σ_i (u_i − y_i) relu(w_rᵀx_i).
 * Two implementations with identical semantics: float32 on the selected tfjs backend, and a plain-JS float64 reference.
 */
import { gram, lambdaMin, norm2, normFro, gemmModuleUrl, sgemm, sub, type Matrix } from '@repro/linalg';
import { Worker } from 'node:worker_threads';
import { getTf, matMulIsReproSgemm, selectedBackend, type BackendInfo } from './backend.js';
import { createFusedShard, createShard, type ShardForward } from './gd-shard.mjs';
import { gramFromCounts, patternCounts, projections, type TwoLayerParams } from './two-layer.js';

/**
 * Inputs of `trainTwoLayerGd`: data X (n×d) and targets y, the initial net, step size η, step count K, and what to record.
 */
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
  /** float32 path: neuron shards (default 2 for steps ≥ 2·10⁸ flops, else 1). Results depend on this, never on `workers`. */
  shards?: number;
  /** float32 path: run shards in worker threads (default true); false runs the same shard code in this thread. */
  workers?: boolean;
  /**
   * float32 path: how a shard computes. 'fused' runs plain loops around @repro/linalg's sgemm and gives the tfjs shard's
   * bits with fewer passes; it applies on the wasm backend with that sgemm as its matMul (every other backend runs
   * 'tfjs'). Default 'auto': fused wherever it applies — with its loops unrolled over four rows and free of branches
   * on the 50/50 activation pattern it is faster than the tfjs shard at every size measured, from 400 to 5 M
   * activations per shard (tfjs vs fused, a step: 0.07 vs 0.01 ms at n = d = 4, m = 100; 33 vs 29 ms at n = d = m = 1000, two shards).
   * The bits do not depend on it.
   */
  shardKernel?: 'auto' | 'fused' | 'tfjs';
}

/**
 * What `trainTwoLayerGd` records: per-step loss, pattern change and neuron distance (length K + 1, or up to a divergence), optional Gram spectra, the initial outputs u(0) and the wall time.
 */
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
  /** float32 path: neuron shards used, and how many ran in worker threads (0 = in this thread). */
  shards?: number;
  workers?: number;
  /** float32 path: the shard kernel that ran ('fused' or 'tfjs'; see GdOptions.shardKernel). */
  shardKernel?: 'fused' | 'tfjs';
}

function validate(o: GdOptions): void {
  const { X, y, init, eta, steps } = o;
  if (X.cols !== init.d) throw new RangeError(`X has ${X.cols} columns but the network expects d = ${init.d}`);
  if (y.length !== X.rows) throw new RangeError(`y has ${y.length} entries but X has ${X.rows} rows`);
  if (!(Number.isFinite(eta) && eta > 0)) throw new RangeError(`learning rate eta must be finite and > 0, got ${eta}`);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be a non-negative integer, got ${steps}`);
  if (o.gramEvery !== undefined && !(Number.isInteger(o.gramEvery) && o.gramEvery >= 0)) throw new RangeError(`gramEvery must be a non-negative integer, got ${o.gramEvery}`);
  if (o.shardKernel !== undefined && !['auto', 'fused', 'tfjs'].includes(o.shardKernel)) throw new RangeError(`shardKernel must be 'auto', 'fused' or 'tfjs', got ${String(o.shardKernel)}`);
  for (const v of X.data) if (!Number.isFinite(v)) throw new RangeError('X contains a non-finite value');
  for (const v of y) if (!Number.isFinite(v)) throw new RangeError('y contains a non-finite value');
}

/**
 * Run K steps of full-batch GD, recording the loss, pattern changes and distance at every step (and Gram spectra if asked).
 * @example
 * ```ts
 * import { key, sphere, normal } from '@repro/concentration';
 * import { matrix } from '@repro/linalg';
 * import { initTwoLayer, trainTwoLayerGd } from '@repro/nets';
 *
 * const n = 4, d = 3, m = 200;
 * const X = matrix(n, d, sphere(key(1), n, d)); // unit-norm inputs
 * const y = normal(key(2), n);
 * const trace = await trainTwoLayerGd({ X, y, init: initTwoLayer(key(3), m, d), eta: 1, steps: 100, precision: 'float64' });
 * trace.loss.length; // → 101 (k = 0..K)
 * trace.loss[0]; // → 1.54500026
 * trace.loss[100]; // → 0.05584805
 * ```
 */
export async function trainTwoLayerGd(opts: GdOptions): Promise<GdTrace> {
  validate(opts);
  const t0 = performance.now();
  const trace = (opts.precision ?? 'float32') === 'float64' ? trainF64(opts) : await trainF32(opts);
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
    this.recordCounts(k, patternCounts(Z, n, m, aSquared), m);
  }
  /** Record from pattern counts C (which add up over neuron shards). */
  recordCounts(k: number, C: Float64Array, m: number): void {
    if (this.XXt === undefined) return;
    const H = gramFromCounts(this.XXt, C, m);
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

/** Append step k's diagnostics; returns the divergence record when the loss or the weights stopped being finite. */
function recordStep(
  series: { loss: number[]; patternChange: number[]; maxDistance: number[] },
  k: number,
  L: number,
  changedFraction: number,
  maxSq: number,
): { step: number; reason: string } | undefined {
  series.loss.push(L);
  series.patternChange.push(changedFraction);
  series.maxDistance.push(Math.sqrt(maxSq));
  if (Number.isFinite(L) && Number.isFinite(maxSq)) return undefined;
  return { step: k, reason: Number.isFinite(L) ? `weights overflowed (max distance ${Math.sqrt(maxSq)})` : `loss is ${L}` };
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
    diverged = recordStep({ loss, patternChange, maxDistance }, k, L, changed / (n * m), maxSq);
    if (diverged !== undefined) break;
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

/** Neuron shards: contiguous ranges of r, fixed by the options (not by the worker count), so results never depend on it. */
function shardRanges(m: number, shards: number): [number, number][] {
  const out: [number, number][] = [];
  for (let s = 0; s < shards; s++) out.push([Math.floor((s * m) / shards), Math.floor(((s + 1) * m) / shards)]);
  return out.filter(([a, b]) => b > a);
}

/** Default shard count: 2 (both cores) once a step is big enough (≥ 2·10⁸ flops) to amortize the message round trips. */
export function defaultShards(n: number, d: number, m: number): number {
  return 4 * n * d * m >= 2e8 && m >= 64 ? 2 : 1;
}

interface ShardHandle {
  forward(wantZ: boolean): Promise<ShardForward>;
  /** update(r), then forward(wantZ) at the new weights: one round trip per GD step instead of two. */
  step(r: Float32Array, wantZ: boolean): Promise<ShardForward>;
  final(): Promise<{ Wt: Float32Array; a: Float32Array }>;
  close(): Promise<void>;
}

/** A shard in a worker thread (its own tfjs instance on the same backend); one request in flight at a time. */
async function workerShard(args: Parameters<typeof createShard>[1], backend: BackendInfo, fused: boolean): Promise<ShardHandle> {
  const worker = new Worker(new URL('./gd-shard-worker.mjs', import.meta.url));
  worker.unref();
  const call = <R>(msg: Record<string, unknown>): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      const onMsg = (reply: R & { error?: string }) => {
        worker.off('error', onErr);
        if (reply !== null && typeof reply === 'object' && 'error' in reply && reply.error !== undefined) reject(new Error(`GD shard worker: ${reply.error}`));
        else resolve(reply);
      };
      const onErr = (e: Error) => {
        worker.off('message', onMsg);
        reject(e);
      };
      worker.once('message', onMsg);
      worker.once('error', onErr);
      worker.postMessage(msg);
    });
  const sgemmUrl = matMulIsReproSgemm(backend) ? gemmModuleUrl : undefined;
  await call({ cmd: 'init', backend: backend.name, detail: backend.detail, sgemmUrl, fused, args });
  return {
    forward: (wantZ) => call<ShardForward>({ cmd: 'forward', wantZ }),
    step: (r, wantZ) => call<ShardForward>({ cmd: 'step', r, wantZ }),
    final: () => call<{ Wt: Float32Array; a: Float32Array }>({ cmd: 'final' }),
    close: async () => {
      await call({ cmd: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}

/** The same shard code in this thread (fallback when workers cannot start; also the 1-shard path). */
function localShard(args: Parameters<typeof createShard>[1], fused: boolean): ShardHandle {
  const sh = fused ? createFusedShard(sgemm, args) : createShard(getTf(), args);
  return {
    forward: async (wantZ) => sh.forward(wantZ),
    step: async (r, wantZ) => {
      sh.update(r);
      return sh.forward(wantZ);
    },
    final: async () => sh.final(),
    close: async () => sh.dispose(),
  };
}

async function trainF32(opts: GdOptions): Promise<GdTrace> {
  getTf(); // a backend must have been selected
  const backend = selectedBackend();
  const { X, y, init, eta, steps: K } = opts;
  const n = X.rows;
  const d = X.cols;
  const m = init.m;
  const scale = 1 / Math.sqrt(m);
  const joint = opts.trainOutput ?? false;
  const shards = opts.shards ?? defaultShards(n, d, m);
  if (!Number.isInteger(shards) || shards < 1) throw new RangeError(`shards must be a positive integer, got ${shards}`);
  const Xf = Float32Array.from(X.data);
  const Xt = new Float32Array(d * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) Xt[j * n + i] = X.data[i * d + j] as number;
  // The fused shard reproduces tfjs-backend-wasm's arithmetic around the sgemm installed as its matMul, so it applies there.
  const fusable = matMulIsReproSgemm(backend);
  const ranges = shardRanges(m, shards);
  const kernel = opts.shardKernel ?? 'auto';
  const fused = fusable && kernel !== 'tfjs';
  const argsFor = ([r0, r1]: [number, number]): Parameters<typeof createShard>[1] => {
    const ms = r1 - r0;
    const Wt = new Float32Array(d * ms);
    for (let q = r0; q < r1; q++) for (let j = 0; j < d; j++) Wt[j * ms + (q - r0)] = init.W[q * d + j] as number;
    return { n, d, ms, X: Xf, Xt, Wt, a: Float32Array.from(init.a.subarray(r0, r1)), scale, eta, joint };
  };
  let handles: ShardHandle[];
  let workers = 0;
  if (ranges.length > 1 && backend !== undefined && opts.workers !== false) {
    try {
      handles = await Promise.all(ranges.map((r) => workerShard(argsFor(r), backend, fused)));
      workers = handles.length;
    } catch {
      handles = ranges.map((r) => localShard(argsFor(r), fused));
    }
  } else handles = ranges.map((r) => localShard(argsFor(r), fused));
  const rec = new GramRecorder(X, opts.gramEvery ?? 0, opts.gramDiff ?? false, K);
  const loss: number[] = [];
  const patternChange: number[] = [];
  const maxDistance: number[] = [];
  let u0 = new Float64Array(n);
  let diverged: { step: number; reason: string } | undefined;
  const r32 = new Float32Array(n);
  let next: ShardForward[] = [];
  try {
    for (let k = 0; k <= K; k++) {
      const wantGram = rec.wants(k);
      // Step 0's forward pass here; each later one comes back with the update that precedes it.
      const outs = k === 0 ? await Promise.all(handles.map((h) => h.forward(wantGram))) : next;
      // Partial outputs are summed in float64 in shard order: fixed, so the result is deterministic.
      const u = new Float64Array(n);
      let changed = 0;
      let maxSq = 0;
      for (const o of outs) {
        for (let i = 0; i < n; i++) u[i] = (u[i] as number) + (o.u[i] as number);
        changed += o.changed;
        maxSq = Number.isNaN(o.maxSq) ? Number.NaN : Math.max(maxSq, o.maxSq);
      }
      let L = 0;
      for (let i = 0; i < n; i++) {
        const ui = (u[i] as number) * scale;
        u[i] = ui;
        const ri = ui - (y[i] as number);
        r32[i] = ri;
        L += 0.5 * ri * ri;
      }
      if (k === 0) u0 = Float64Array.from(u);
      diverged = recordStep({ loss, patternChange, maxDistance }, k, L, changed / (n * m), maxSq);
      if (diverged !== undefined) break;
      if (wantGram) {
        const C = new Float64Array(n * n);
        outs.forEach((o, s) => {
          const [r0, r1] = ranges[s] as [number, number];
          const Cs = patternCounts(o.z as Float32Array, n, r1 - r0, o.a?.map((v) => v * v));
          for (let t = 0; t < C.length; t++) C[t] = (C[t] as number) + (Cs[t] as number);
        });
        rec.recordCounts(k, C, m);
      }
      if (k === K) break;
      next = await Promise.all(handles.map((h) => h.step(r32, rec.wants(k + 1))));
      opts.onStep?.(k + 1);
    }
    let final: { W: Float64Array; a: Float64Array } | undefined;
    if (opts.keepFinal) {
      const parts = await Promise.all(handles.map((h) => h.final()));
      const W = new Float64Array(m * d);
      const a = new Float64Array(m);
      parts.forEach((p, s) => {
        const [r0, r1] = ranges[s] as [number, number];
        const ms = r1 - r0;
        for (let q = 0; q < ms; q++) {
          a[r0 + q] = p.a[q] as number;
          for (let j = 0; j < d; j++) W[(r0 + q) * d + j] = p.Wt[j * ms + q] as number;
        }
      });
      final = { W, a };
    }
    const trace = finish({ loss, patternChange, maxDistance, u0 }, rec, opts, 'float32', diverged, final);
    trace.shards = ranges.length;
    trace.workers = workers;
    trace.shardKernel = fused ? 'fused' : 'tfjs';
    return trace;
  } finally {
    await Promise.all(handles.map((h) => h.close()));
  }
}
