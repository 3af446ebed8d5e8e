/**
 * Float32 and float64 GEMM in WebAssembly SIMD on every core, behind a synchronous call. Plain JavaScript (types in gemm.d.mts) so worker
 * threads of other packages can import it by URL (`gemmModuleUrl`) without a TypeScript loader.
 *
 * C = op(A)·op(B) with op(A) M×K and op(B) K×N, row-major. The kernels (kernels/gemm-wat.mjs) is a packed, register-tiled
 * GotoBLAS loop nest; the work is split over threads by columns (or rows when N is small) of C, so each thread packs its
 * own operands and no synchronisation happens inside a call. Threads are the calling thread plus `threads − 1` workers
 * that sleep in `Atomics.wait` on a shared control block and run the same module on one shared `WebAssembly.Memory`.
 * The order in which every entry of C is summed depends only on K, so the result is bit-identical for any thread count
 * (tested) and on every run on the same CPU.
 *
 * Relaxed SIMD (f32x4.relaxed_madd → FMA) is used where the engine has it; Node 20 ships it behind
 * `--experimental-wasm-relaxed-simd`, which we switch on at run time (the flag only adds the instructions). Without it the
 * plain-SIMD build (mul + add) runs. Measured at 2048² float32 on the 2-core reference box: relaxed 44 GFLOP/s per
 * thread, plain 30, tfjs-backend-wasm's XNNPACK matMul 25.
 *
 * Tuning: REPRO_GEMM=simd forces the plain-SIMD build; REPRO_GEMM_THREADS=k caps the threads (default: available cores).
 *
 * The native provider (../native/gemm-native.mjs, onnxruntime-node's MLAS kernels) sits behind the same two functions:
 * REPRO_GEMM=auto (the default) sends a product of at least NATIVE_MIN_WORK multiply-adds to it when it loads, and keeps
 * smaller ones (and everything when it does not load) here; REPRO_GEMM=native / cuda send every product to it (an error
 * when it does not load); REPRO_GEMM=wasm / simd / js never load it (js: matmul and gram stay in TypeScript, sgemm/dgemm
 * here), so they give the bytes of the WebAssembly kernels alone.
 */
import { availableParallelism } from 'node:os';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { ARGS, DONE, ERR, FN, SEQ, SLOT_WORDS } from './gemm-ctrl.mjs';
import { DGEMM_NR, GEMM_MR, GEMM_RELAXED_SIMD, GEMM_SIMD, SGEMM_NR } from './kernels.generated.mjs';
import { loadNative, nativeGemm } from '../native/gemm-native.mjs';

/**
 * Per precision: element bytes, register tile width, cache blocks (MC×KC of A in L2, KC×NC of B in L3, a KC×NR strip in
 * L1; tuned on the reference box), the bytes of one thread's packing workspace, and the worker function code.
 */
const PREC = {
  f32: { E: 4, NR: SGEMM_NR, MC: 128, KC: 256, NC: 1024, fn: 0, name: 'sgemm', Arr: Float32Array, prec: 'f32' },
  f64: { E: 8, NR: DGEMM_NR, MC: 64, KC: 256, NC: 512, fn: 1, name: 'dgemm', Arr: Float64Array, prec: 'f64' },
};
for (const p of Object.values(PREC)) p.WS = p.E * (p.MC * p.KC + p.KC * p.NC + GEMM_MR * p.NR);
const PAGE = 65536;
/** wasm32 addresses: the shared memory is capped at 4 GiB (65536 pages). */
const MAX_PAGES = 65536;
/** Below this many multiply-adds a call runs on the calling thread alone (waking a worker costs ~20–50 µs). */
const PARALLEL_MIN_WORK = 1 << 21;
/**
 * REPRO_GEMM=auto: products of at least this many multiply-adds (M·N·K) go to the native provider. A native call costs
 * ≈ 8–10 µs more than a WebAssembly one (three tensor views, the session's dispatch, waking its pool): measured square
 * n³ on the 2-core box (loaded), native/wasm time 6.3 / 2.8 / 1.6 / 1.0 / 0.64 / 0.46 at n = 16 / 32 / 48 / 64 / 96 / 128
 * (float32) and 5.0 / 2.1 / 1.2 / 0.79 / 0.59 / 0.47 (float64). Break-even is ≈ 64³ = 2^18 (float32) and ≈ 52³ (float64);
 * the thresholds sit past it (≈ 81³ and 64³) so a product sent native is clearly faster. `pnpm bench` prints the sweep
 * (scripts/bench.mjs; README § Native GEMM).
 */
export const NATIVE_MIN_WORK = { f32: 1 << 19, f64: 1 << 18 };
/** Values of REPRO_GEMM (and setGemmKernel). */
const MODES = ['auto', 'wasm', 'simd', 'js', 'native', 'cuda'];


/** @type {any} */
let engine;
let threadCap = Number.POSITIVE_INFINITY;
/** @type {string | undefined} the GEMM mode (REPRO_GEMM, or setGemmKernel), read once */
let mode;

function gemmMode() {
  if (mode === undefined) {
    const v = (process.env.REPRO_GEMM ?? '').trim() || 'auto';
    if (!MODES.includes(v)) throw new Error(`REPRO_GEMM='${v}' is not a GEMM kernel (choose ${MODES.join(', ')})`);
    mode = v;
  }
  return mode;
}

/** The GEMM mode in force (auto, wasm, simd, js, native, cuda); throws on an unknown REPRO_GEMM. */
export function gemmKernelMode() {
  return gemmMode();
}

/** Whether the WebAssembly kernels run here (WebAssembly SIMD present); cheap after the first call. */
export function wasmGemmAvailable() {
  return load() !== null;
}

/** The native provider a product of `work` multiply-adds goes to ('cpu' | 'cuda'), or null: the WebAssembly kernels. */
function nativeRoute(P, work) {
  const m = gemmMode();
  if (m === 'native' || m === 'cuda') {
    const provider = m === 'cuda' ? 'cuda' : 'cpu';
    const r = loadNative(provider);
    if (!r.ok) {
      const hint = provider === 'cuda' ? ' (the CUDA 12 binaries are fetched only on request: ONNXRUNTIME_NODE_INSTALL=cuda12, README § Native GEMM)' : '';
      throw new Error(`REPRO_GEMM=${m}: onnxruntime-node (${provider}) did not load: ${r.error}${hint}`);
    }
    return provider;
  }
  if (m === 'auto' && work >= NATIVE_MIN_WORK[P.prec] && loadNative('cpu').ok) return 'cpu';
  return null;
}

function decode(b64) {
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

function pickModule() {
  const relaxed = decode(GEMM_RELAXED_SIMD);
  const simd = decode(GEMM_SIMD);
  if (gemmMode() !== 'simd') {
    if (!WebAssembly.validate(relaxed)) v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
    if (WebAssembly.validate(relaxed)) return { kind: 'relaxed-simd', bytes: relaxed };
  }
  if (WebAssembly.validate(simd)) return { kind: 'simd', bytes: simd };
  return null;
}

function defaultThreads() {
  const env = Number(process.env.REPRO_GEMM_THREADS);
  const cores = availableParallelism();
  return Math.max(1, Math.min(cores, Number.isInteger(env) && env > 0 ? env : cores, threadCap));
}

function load() {
  if (engine !== undefined) return engine;
  const picked = pickModule();
  if (!picked) return (engine = null);
  const module = new WebAssembly.Module(picked.bytes);
  const memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  const gemm = [instance.exports.sgemm, instance.exports.dgemm];
  const ctrl = new Int32Array(new SharedArrayBuffer(4 * SLOT_WORDS * 16));
  engine = { kind: picked.kind, module, memory, gemm, ctrl, workers: [], seq: 0 };
  return engine;
}

/** Start workers until `count` exist (the calling thread is the last thread). Blocks until each has its instance. */
function ensureWorkers(e, count) {
  while (e.workers.length < count && e.workers.length < 15) {
    const slot = e.workers.length;
    Atomics.store(e.ctrl, slot * SLOT_WORDS + DONE, -1);
    Atomics.store(e.ctrl, slot * SLOT_WORDS + SEQ, 0);
    const w = new Worker(new URL('./gemm-worker.mjs', import.meta.url), {
      workerData: { module: e.module, memory: e.memory, ctrl: e.ctrl.buffer, slot },
    });
    w.unref();
    const t0 = Date.now();
    while (Atomics.load(e.ctrl, slot * SLOT_WORDS + DONE) === -1) {
      Atomics.wait(e.ctrl, slot * SLOT_WORDS + DONE, -1, 1000);
      if (Date.now() - t0 > 30_000) throw new Error('gemm: a worker thread did not start within 30 s');
    }
    e.workers.push(w);
  }
}

/**
 * Which GEMM kernels run here and on how many threads; null when the engine has no WebAssembly SIMD. In mode auto this
 * loads the native provider (once) to say whether it runs.
 */
export function gemmInfo() {
  const e = load();
  if (!e) return null;
  const m = gemmMode();
  const threads = defaultThreads();
  const provider = m === 'cuda' ? 'cuda' : m === 'native' || m === 'auto' ? 'cpu' : null;
  const nat = provider === null ? null : loadNative(provider);
  const wasm = `WebAssembly ${e.kind}`;
  let kernel = 'wasm';
  let native = null;
  let label;
  if (nat?.ok) {
    kernel = m === 'auto' ? 'auto' : 'native';
    native = { module: 'onnxruntime-node', version: nat.version, provider, minWork: m === 'auto' ? { ...NATIVE_MIN_WORK } : { f32: 1, f64: 1 } };
    const ort = `onnxruntime-node ${nat.version} (${provider})`;
    label = m === 'auto' ? `${ort} from 2^${Math.log2(NATIVE_MIN_WORK.f32)} (f32) / 2^${Math.log2(NATIVE_MIN_WORK.f64)} (f64) multiply-adds, ${wasm} below` : `${ort}, every product`;
  } else if (nat) {
    label = m === 'auto' ? `${wasm} (onnxruntime-node did not load: ${nat.error})` : `unavailable: onnxruntime-node (${provider}) did not load: ${nat.error}`;
  } else label = wasm;
  return { kind: e.kind, threads, mode: m, kernel, native, ...(nat && !nat.ok ? { nativeError: nat.error } : {}), label: `REPRO_GEMM=${m}: ${label}; ${threads} thread${threads === 1 ? '' : 's'}` };
}

// The harness (which does not import this package) names the kernels in every manifest, report and --help through this.
globalThis[Symbol.for('@repro/linalg.gemmInfo')] = gemmInfo;

/**
 * Choose the GEMM kernels of every later call, as REPRO_GEMM would (auto, wasm, simd, js, native, cuda). The WebAssembly
 * build (relaxed or plain SIMD) is chosen once, at the first call: switching to or from simd later has no effect on it.
 */
export function setGemmKernel(m) {
  if (!MODES.includes(m)) throw new RangeError(`setGemmKernel: expected one of ${MODES.join(', ')}, got ${m}`);
  mode = m;
}

/** Cap the threads of every later call (e.g. 1 inside a process that already runs one job per core). */
export function setGemmThreads(n) {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`setGemmThreads: expected a positive integer, got ${n}`);
  threadCap = n;
}

function checkDim(fn, name, v) {
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`${fn}: ${name} must be a non-negative integer, got ${v}`);
}

function gemm(P, A, B, M, K, N, opts) {
  const fn = P.name;
  checkDim(fn, 'M', M);
  checkDim(fn, 'K', K);
  checkDim(fn, 'N', N);
  if (A.length < M * K) throw new RangeError(`${fn}: A has ${A.length} entries, op(A) is ${M}×${K}`);
  if (B.length < K * N) throw new RangeError(`${fn}: B has ${B.length} entries, op(B) is ${K}×${N}`);
  const C = opts.out ?? new P.Arr(M * N);
  if (C.length < M * N) throw new RangeError(`${fn}: out has ${C.length} entries, C is ${M}×${N}`);
  if (M === 0 || N === 0) return C;
  if (K === 0) {
    C.fill(0, 0, M * N);
    return C;
  }
  const native = nativeRoute(P, M * N * K);
  if (native !== null) return nativeGemm(native, P.prec, A, B, M, K, N, opts.transA === true, opts.transB === true, C, Math.min(opts.threads ?? defaultThreads(), 16));
  const e = load();
  if (!e) throw new Error(`${fn}: this JavaScript engine has no WebAssembly SIMD`);

  let threads = Math.min(opts.threads ?? defaultThreads(), 16);
  if (M * N * K < PARALLEL_MIN_WORK) threads = 1;
  // Split the larger of M and N (by whole NR strips / MR panels) so every thread gets a real share.
  const byCols = N >= M;
  const unit = byCols ? P.NR : GEMM_MR;
  const extent = byCols ? N : M;
  const units = Math.ceil(extent / unit);
  threads = Math.max(1, Math.min(threads, units));

  const E = P.E;
  const aOff = 0;
  const bOff = align(aOff + E * M * K);
  const cOff = align(bOff + E * K * N);
  const wsOff = align(cOff + E * M * N);
  const need = wsOff + threads * P.WS;
  if (need > MAX_PAGES * PAGE) throw new RangeError(`${fn}: operands need ${(need / 2 ** 30).toFixed(2)} GiB, over the 4 GiB of wasm32`);
  const have = e.memory.buffer.byteLength;
  if (need > have) e.memory.grow(Math.ceil((need - have) / PAGE));
  const heap = new P.Arr(e.memory.buffer);
  heap.set(A.length === M * K ? A : A.subarray(0, M * K), aOff / E);
  heap.set(B.length === K * N ? B : B.subarray(0, K * N), bOff / E);

  const sAi = opts.transA ? 1 : K;
  const sAk = opts.transA ? M : 1;
  const sBk = opts.transB ? 1 : N;
  const sBj = opts.transB ? K : 1;
  const part = (t) => {
    const lo = Math.round((units * t) / threads) * unit;
    const hi = Math.min(extent, Math.round((units * (t + 1)) / threads) * unit);
    const ws = wsOff + t * P.WS;
    if (byCols) return [M, K, aOff, sAi, sAk, bOff, sBk, sBj, cOff, N, lo, hi, ws, P.MC, P.KC, P.NC];
    // Rows lo..hi: shift A and C, keep all columns.
    return [hi - lo, K, aOff + E * lo * sAi, sAi, sAk, bOff, sBk, sBj, cOff + E * lo * N, N, 0, N, ws, P.MC, P.KC, P.NC];
  };
  const kernel = e.gemm[P.fn];

  if (threads > 1) {
    ensureWorkers(e, threads - 1);
    const seq = ++e.seq;
    for (let t = 0; t < threads - 1; t++) {
      const base = t * SLOT_WORDS;
      const args = part(t);
      for (let i = 0; i < args.length; i++) e.ctrl[base + ARGS + i] = args[i];
      e.ctrl[base + FN] = P.fn;
      Atomics.store(e.ctrl, base + SEQ, seq);
      Atomics.notify(e.ctrl, base + SEQ);
    }
    let mainError;
    try {
      kernel(...part(threads - 1));
    } catch (err) {
      mainError = err;
    }
    let failed = false;
    for (let t = 0; t < threads - 1; t++) {
      const base = t * SLOT_WORDS;
      for (;;) {
        const done = Atomics.load(e.ctrl, base + DONE);
        if (done === seq) break;
        Atomics.wait(e.ctrl, base + DONE, done, 1000);
      }
      if (Atomics.load(e.ctrl, base + ERR) !== 0) failed = true;
    }
    if (mainError) throw mainError;
    if (failed) throw new Error(`${fn}: a worker thread trapped`);
  } else {
    kernel(...part(0));
  }
  C.set(new P.Arr(e.memory.buffer, cOff, M * N));
  return C;
}

/** C = op(A)·op(B), float32, row-major (see gemm.d.mts). */
export function sgemm(A, B, M, K, N, opts = {}) {
  return gemm(PREC.f32, A, B, M, K, N, opts);
}

/** C = op(A)·op(B), float64, row-major (see gemm.d.mts). */
export function dgemm(A, B, M, K, N, opts = {}) {
  return gemm(PREC.f64, A, B, M, K, N, opts);
}

function align(bytes) {
  return Math.ceil(bytes / 64) * 64;
}
