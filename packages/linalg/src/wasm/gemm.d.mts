/**
 * Which WebAssembly GEMM build runs: `relaxed-simd` (fused multiply–add) or plain `simd` (REPRO_GEMM=simd forces it).
 */
export type GemmKind = 'relaxed-simd' | 'simd';

/** What `gemmInfo` reports: the GEMM build and its default thread count. */
export interface GemmInfo {
  /** relaxed-simd: f32x4.relaxed_madd (FMA); simd: mul + add. */
  kind: GemmKind;
  /** Threads a call uses by default (calling thread included). */
  threads: number;
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
 * Which GEMM build (both precisions) runs here and on how many threads; null when the engine has no WebAssembly SIMD.
 * @example
 * ```ts
 * import { gemmInfo } from '@repro/linalg';
 *
 * const info = gemmInfo(); // e.g. { kind: 'relaxed-simd', threads: 2 }; null without WebAssembly SIMD
 * info === null || info.threads >= 1; // → true
 * ```
 */
export function gemmInfo(): GemmInfo | null;
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
 * C = op(A)·op(B), float32, row-major, op(A) M×K, op(B) K×N. Throws when the engine has no WebAssembly SIMD or when
 * the operands do not fit the 4 GiB wasm32 memory.
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
