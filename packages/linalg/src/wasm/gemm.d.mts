export type GemmKind = 'relaxed-simd' | 'simd';

export interface GemmInfo {
  /** relaxed-simd: f32x4.relaxed_madd (FMA); simd: mul + add. */
  kind: GemmKind;
  /** Threads a call uses by default (calling thread included). */
  threads: number;
}

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

/** Which GEMM build (both precisions) runs here and on how many threads; null when the engine has no WebAssembly SIMD. */
export function gemmInfo(): GemmInfo | null;
/** Cap the threads of every later call (e.g. 1 inside a process that already runs one job per core). */
export function setGemmThreads(n: number): void;
/**
 * C = op(A)·op(B), float32, row-major, op(A) M×K, op(B) K×N. Throws when the engine has no WebAssembly SIMD or when
 * the operands do not fit the 4 GiB wasm32 memory.
 */
export function sgemm(A: Float32Array, B: Float32Array, M: number, K: number, N: number, opts?: GemmOptions<Float32Array>): Float32Array;
/** C = op(A)·op(B), float64, row-major; as sgemm. */
export function dgemm(A: Float64Array, B: Float64Array, M: number, K: number, N: number, opts?: GemmOptions<Float64Array>): Float64Array;
