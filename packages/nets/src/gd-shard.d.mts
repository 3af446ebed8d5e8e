import type * as tfc from '@tensorflow/tfjs-core';

export interface ShardForward {
  u: Float32Array;
  changed: number;
  maxSq: number;
  z: Float32Array | null;
  a: Float32Array | null;
}
export interface Shard {
  forward(wantZ: boolean): ShardForward;
  update(r: Float32Array): void;
  final(): { Wt: Float32Array; a: Float32Array };
  dispose(): void;
}
export function createShard(
  tf: typeof tfc,
  o: { n: number; d: number; ms: number; X: Float32Array; Xt: Float32Array; Wt: Float32Array; a: Float32Array; scale: number; eta: number; joint: boolean },
): Shard;
export function createFusedShard(
  sgemm: (A: Float32Array, B: Float32Array, M: number, K: number, N: number, o?: { out?: Float32Array; threads?: number }) => Float32Array,
  o: { n: number; d: number; ms: number; X: Float32Array; Xt: Float32Array; Wt: Float32Array; a: Float32Array; scale: number; eta: number; joint: boolean },
  gemmOpts?: { threads?: number },
): Shard;
