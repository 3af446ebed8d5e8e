/** Outcome of loading onnxruntime-node for one execution provider. */
export type NativeLoad = { ok: true; version: string; provider: string } | { ok: false; error: string };
/** Load onnxruntime-node for 'cpu' or 'cuda', once per provider and process; never throws. */
export function loadNative(provider?: 'cpu' | 'cuda'): NativeLoad;
/** C = op(A)·op(B) on a loaded provider (see gemm-native.mjs). */
export function nativeGemm<T extends Float32Array | Float64Array>(
  provider: 'cpu' | 'cuda',
  prec: 'f32' | 'f64',
  A: T,
  B: T,
  M: number,
  K: number,
  N: number,
  transA: boolean,
  transB: boolean,
  C: T,
  threads: number,
): T;
