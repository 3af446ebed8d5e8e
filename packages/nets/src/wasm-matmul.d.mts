import type * as tfc from '@tensorflow/tfjs-core';

/** Replace tfjs-backend-wasm's BatchMatMul by @repro/linalg's sgemm; false when there is none to replace or it is done. */
export function installWasmMatMul(
  tf: typeof tfc,
  sgemm: (A: Float32Array, B: Float32Array, M: number, K: number, N: number, o: object) => Float32Array,
  opts?: { threads?: number },
): boolean;
