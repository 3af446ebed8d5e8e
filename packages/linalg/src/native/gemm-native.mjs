// The native GEMM provider: onnxruntime-node (an optional dependency) runs C = op(A)·op(B) on its MLAS kernels (AVX2 /
// AVX-512 / NEON, the CPU's own SIMD width) or, with REPRO_GEMM=cuda, on its CUDA execution provider. Plain JavaScript
// like wasm/gemm.mjs, which dispatches to it, so worker threads import both by URL without a TypeScript loader.
//
// One tiny ONNX model per (precision, transposes) — a single MatMul or Gemm node with symbolic dimensions, written by
// onnx-model.mjs — is loaded into one InferenceSession per (model, thread count) the first time it is needed and kept:
// a call builds no graph, only two input tensor views and one output view on the caller's arrays (no copy of A, B or C).
// Sessions are created and run through the binding's synchronous entry points: `loadModel` completes before it returns
// for a session without JavaScript callbacks (its promise is already settled), and `run` is synchronous (the public
// `InferenceSession.run` only wraps it in a promise resolved on setImmediate). So sgemm/dgemm stay synchronous calls.
import { createRequire } from 'node:module';
import { gemmModel, ONNX_DOUBLE, ONNX_FLOAT } from './onnx-model.mjs';

const requireHere = createRequire(import.meta.url);

/**
 * The module to load. REPRO_GEMM_NATIVE_MODULE overrides it (tests point it at a missing module to exercise the
 * fallback of an install where onnxruntime-node failed or was left out).
 */
function moduleName() {
  return process.env.REPRO_GEMM_NATIVE_MODULE || 'onnxruntime-node';
}

/** @type {Map<string, any>} provider → loaded state, or { error } */
const providers = new Map();

/**
 * Load onnxruntime-node for one execution provider ('cpu' or 'cuda'). Returns { ok: true, version, provider } or
 * { ok: false, error } (one line). Never throws; tried once per provider and process.
 */
export function loadNative(provider = 'cpu') {
  const hit = providers.get(provider);
  if (hit !== undefined) return hit.public;
  let state;
  try {
    const name = moduleName();
    const ort = requireHere(name);
    const { binding, initOrt } = requireHere(`${name}/dist/binding`);
    // ORT's own log would print a CUDA load failure to stderr as well; the error reaches the caller through loadNative.
    if (ort.env && ort.env.logLevel === 'warning') ort.env.logLevel = 'fatal';
    initOrt();
    const version = String(ort.env?.versions?.node ?? ort.env?.versions?.common ?? 'unknown');
    const supported = binding.listSupportedBackends().map((b) => b.name);
    if (!supported.includes(provider)) throw new Error(`onnxruntime-node ${version} has no '${provider}' execution provider (has ${supported.join(', ')})`);
    state = { ort, binding, version, provider, sessions: new Map() };
    // Probe: a 1×1×1 product must load and run; a CUDA provider whose binaries are missing fails here, once.
    run(state, 'f32', Float32Array.of(3), Float32Array.of(5), 1, 1, 1, false, false, new Float32Array(1), 1);
    state.public = { ok: true, version, provider };
  } catch (err) {
    const msg = String(err?.message ?? err).split('\n')[0];
    state = { public: { ok: false, error: msg } };
  }
  providers.set(provider, state);
  return state.public;
}

function session(state, prec, transA, transB, threads) {
  const id = `${prec}${transA ? 'T' : 'N'}${transB ? 'T' : 'N'}/${threads}`;
  let s = state.sessions.get(id);
  if (s !== undefined) return s;
  const bytes = gemmModel(prec === 'f32' ? ONNX_FLOAT : ONNX_DOUBLE, { transA, transB });
  s = new state.binding.InferenceSession();
  const options = {
    executionProviders: state.provider === 'cuda' ? [{ name: 'cuda', deviceId: 0 }] : ['cpu'],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'basic',
    // Idle pool threads sleep instead of spinning: sessions are many (per precision, transposes, thread count) and the
    // calling thread does other work between products.
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  };
  const pending = s.loadModel(bytes.buffer, bytes.byteOffset, bytes.byteLength, options);
  let failure;
  if (pending && typeof pending.then === 'function') pending.then(undefined, (e) => (failure = e));
  // A session that loaded has its inputs' metadata now; one still loading (or failed) does not.
  const meta = s.inputMetadata;
  if (failure !== undefined) throw failure;
  if (!Array.isArray(meta) || meta.length !== 2) throw new Error('onnxruntime-node: the GEMM session did not load synchronously');
  state.sessions.set(id, s);
  return s;
}

function run(state, prec, A, B, M, K, N, transA, transB, C, threads) {
  const T = state.ort.Tensor;
  const type = prec === 'f32' ? 'float32' : 'float64';
  const s = session(state, prec, transA, transB, threads);
  const a = plain(A.length === M * K ? A : A.subarray(0, M * K));
  const b = plain(B.length === K * N ? B : B.subarray(0, K * N));
  const c0 = C.length === M * N ? C : C.subarray(0, M * N);
  const c = plain(c0, false);
  s.run(
    { A: new T(type, a, transA ? [K, M] : [M, K]), B: new T(type, b, transB ? [N, K] : [K, N]) },
    { Y: new T(type, c, [M, N]) },
    {},
  );
  if (c !== c0) c0.set(c);
}

/**
 * The binding rejects views of a SharedArrayBuffer ("Invalid argument"): such an operand is copied to an ordinary array
 * (O(n²) next to the O(n³) product), an output gets an ordinary array that is copied back. Other views pass as they are.
 */
function plain(x, copy = true) {
  if (!(x.buffer instanceof SharedArrayBuffer)) return x;
  return copy ? x.slice() : new x.constructor(x.length);
}

/**
 * C[0 : M·N] = op(A)·op(B) on the loaded provider (loadNative must have returned ok). `prec` 'f32' | 'f64'; C must be
 * a Float32Array / Float64Array of the same precision with at least M·N entries; M, N, K ≥ 1.
 */
export function nativeGemm(provider, prec, A, B, M, K, N, transA, transB, C, threads) {
  const state = providers.get(provider);
  if (state === undefined || !state.public.ok) throw new Error(`native GEMM (${provider}) is not loaded`);
  run(state, prec, A, B, M, K, N, transA, transB, C, threads);
  return C;
}
