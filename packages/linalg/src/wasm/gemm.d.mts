/**
 * Which WebAssembly GEMM build runs: `relaxed-simd` (fused multiply–add) or plain `simd` (REPRO_GEMM=simd forces it).
 */
export type GemmKind = 'relaxed-simd' | 'simd';

/** A value of REPRO_GEMM / `setGemmKernel`: which kernels run `sgemm` and `dgemm` (README § Native GEMM). */
export type GemmMode = 'auto' | 'wasm' | 'simd' | 'js' | 'native' | 'cuda';

/** The native provider in use, as `gemmInfo` reports it. */
export interface NativeGemmInfo {
  /** Always 'onnxruntime-node'. */
  module: string;
  /** Its version (e.g. '1.31.1'). */
  version: string;
  /** ONNX Runtime execution provider: 'cpu' (MLAS) or 'cuda'. */
  provider: 'cpu' | 'cuda';
  /** Products of at least this many multiply-adds (M·N·K) run natively, per precision (1 when every product does). */
  minWork: { f32: number; f64: number };
}

/** What `gemmInfo` reports: the GEMM kernels in force and their default thread count. */
export interface GemmInfo {
  /** The WebAssembly build: relaxed-simd: f32x4.relaxed_madd (FMA); simd: mul + add. */
  kind: GemmKind;
  /** Threads a call uses by default (calling thread included). */
  threads: number;
  /** The requested mode (REPRO_GEMM, default auto). */
  mode: GemmMode;
  /** What runs: 'wasm' (WebAssembly only), 'native' (every product native) or 'auto' (native past `native.minWork`). */
  kernel: 'wasm' | 'native' | 'auto';
  /** The native provider when it runs, else null. */
  native: NativeGemmInfo | null;
  /** Why onnxruntime-node did not load, when the mode wanted it. */
  nativeError?: string;
  /** One line for manifests, reports and --help, e.g. `REPRO_GEMM=auto: onnxruntime-node 1.31.1 (cpu) from 2^20 (f32) … ; 2 threads`. */
  label: string;
}

/** Options of `sgemm` / `dgemm`: operand transposes, an output buffer and the thread count. */
export interface GemmOptions<T extends Float32Array | Float64Array = Float32Array> {
  /** A is stored K×M (op(A) = Aᵀ). */
  transA?: boolean;
  /** B is stored N×K (op(B) = Bᵀ). */
  transB?: boolean;
  /** Where to write C (M·N floats); a fresh array when omitted. */
  out?: T;
  /** Threads for this call (default: available cores, capped by setGemmThreads / REPRO_GEMM_THREADS). */
  threads?: number;
}

/**
 * Which GEMM kernels (both precisions) run here and on how many threads; null when the engine has no WebAssembly SIMD.
 * In mode auto (the default) this loads the native provider, once, to say whether it runs.
 * @example
 * ```ts
 * import { gemmInfo } from '@repro/linalg';
 *
 * const info = gemmInfo(); // e.g. { kind: 'relaxed-simd', threads: 2, mode: 'auto', kernel: 'auto', native: {…}, label: '…' }
 * info === null || info.threads >= 1; // → true
 * ```
 */
export function gemmInfo(): GemmInfo | null;
/**
 * Choose the kernels of every later `sgemm`/`dgemm` call, as REPRO_GEMM does: auto (native past the crossover when
 * onnxruntime-node loads), wasm, simd, js, native or cuda. The WebAssembly build itself (relaxed or plain SIMD) is
 * fixed at the first call.
 * @example
 * ```ts
 * import { gemmInfo, setGemmKernel, sgemm } from '@repro/linalg';
 *
 * setGemmKernel('wasm'); // the WebAssembly kernels only: the bytes of REPRO_GEMM=wasm
 * gemmInfo()?.kernel ?? 'wasm'; // → 'wasm'
 * sgemm(Float32Array.of(1, 2, 3, 4), Float32Array.of(1, 0, 0, 1), 2, 2, 2); // → [1, 2, 3, 4]
 * ```
 */
export function setGemmKernel(mode: GemmMode): void;
/** @internal The mode in force (REPRO_GEMM read once, or the last setGemmKernel); throws on an unknown REPRO_GEMM. */
export function gemmKernelMode(): GemmMode;
/** @internal Whether the WebAssembly kernels run here. */
export function wasmGemmAvailable(): boolean;
/** @internal REPRO_GEMM=auto: products of at least this many multiply-adds run natively, per precision. */
export const NATIVE_MIN_WORK: { f32: number; f64: number };
/**
 * Cap the threads of every later call (e.g. 1 inside a process that already runs one job per core).
 * @example
 * ```ts
 * import { gemmInfo, setGemmThreads } from '@repro/linalg';
 *
 * setGemmThreads(1); // one GEMM thread per process, e.g. inside a job-pool worker
 * gemmInfo()?.threads ?? 1; // → 1
 * ```
 */
export function setGemmThreads(n: number): void;
/**
 * C = op(A)·op(B), float32, row-major, op(A) M×K, op(B) K×N: on onnxruntime-node's MLAS kernel when the mode sends the
 * product there (auto: past the crossover), else on the WebAssembly kernel. Throws when the engine has no WebAssembly
 * SIMD or when the operands do not fit the 4 GiB wasm32 memory (WebAssembly kernel), or when REPRO_GEMM=native/cuda and
 * onnxruntime-node does not load.
 * @example
 * ```ts
 * import { sgemm } from '@repro/linalg';
 *
 * const A = Float32Array.of(1, 2, 3, 4); // 2×2
 * const B = Float32Array.of(5, 6, 7, 8); // 2×2
 * sgemm(A, B, 2, 2, 2); // → [19, 22, 43, 50]
 * sgemm(A, B, 2, 2, 2, { transB: true }); // → [17, 23, 39, 53]
 * ```
 */
export function sgemm(A: Float32Array, B: Float32Array, M: number, K: number, N: number, opts?: GemmOptions<Float32Array>): Float32Array;
/**
 * C = op(A)·op(B), float64, row-major; as sgemm.
 * @example
 * ```ts
 * import { dgemm } from '@repro/linalg';
 *
 * const A = Float64Array.of(1, 2, 3, 4, 5, 6); // 2×3
 * const B = Float64Array.of(1, 0, 0, 1, 1, 1); // 3×2
 * dgemm(A, B, 2, 3, 2); // → [4, 5, 10, 11]
 * ```
 */
export function dgemm(A: Float64Array, B: Float64Array, M: number, K: number, N: number, opts?: GemmOptions<Float64Array>): Float64Array;
