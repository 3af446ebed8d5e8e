import { key, normal } from '@repro/concentration';
import { gemmBoundRatio } from '@repro/testkit';
import { describe, expect, it } from 'vitest';
import { ensureGradients } from '../src/gradients.js';
import { getTf, selectBackend } from '../src/index.js';

/** The float32 dot-product bound ratio (testkit gemmBoundRatio, u = 2⁻²⁴). */
function maxBoundRatio(c: Float32Array, a: Float32Array, b: Float32Array, M: number, K: number, N: number, tA: boolean, tB: boolean): number {
  return gemmBoundRatio(c, a, b, { M, K, N, transA: tA, transB: tB, u: 2 ** -24 });
}

describe('tfjs matMul on the wasm backend runs on @repro/linalg sgemm', () => {
  it('is installed and recorded in the backend detail', async () => {
    const info = await selectBackend('auto');
    if (info.name !== 'wasm') return; // a GPU box: tfjs-node's own kernel stays
    expect(info.detail).toMatch(/matMul: @repro\/linalg sgemm \((relaxed-simd|simd), \d+ threads?\)/);
  });

  it('matMul with every transpose, batched and broadcast, matches float64 within the float32 dot-product bound', async () => {
    await selectBackend('auto');
    const tf = getTf();
    const [M, K, N] = [33, 70, 45];
    for (const tA of [false, true]) {
      for (const tB of [false, true]) {
        const a = Float32Array.from(normal(key(1), 3 * M * K));
        const b = Float32Array.from(normal(key(2), 3 * K * N));
        const A = tf.tensor3d(a, tA ? [3, K, M] : [3, M, K]);
        const B = tf.tensor3d(b, tB ? [3, N, K] : [3, K, N]);
        const C = tf.matMul(A, B, tA, tB);
        expect(C.shape).toEqual([3, M, N]);
        const c = C.dataSync() as Float32Array;
        for (let t = 0; t < 3; t++) {
          expect(maxBoundRatio(c.subarray(t * M * N), a.subarray(t * M * K), b.subarray(t * K * N), M, K, N, tA, tB)).toBeLessThanOrEqual(1);
        }
        // Broadcast: one A against the batch of B.
        const A1 = tf.tensor2d(a.subarray(0, M * K), tA ? [K, M] : [M, K]);
        const C1 = tf.matMul(A1, B, tA, tB);
        expect(C1.shape).toEqual([3, M, N]);
        const c1 = C1.dataSync() as Float32Array;
        expect(maxBoundRatio(c1.subarray(2 * M * N), a, b.subarray(2 * K * N), M, K, N, tA, tB)).toBeLessThanOrEqual(1);
        tf.dispose([A, B, C, A1, C1]);
      }
    }
  });

  it('autodiff through matMul (its gradients are transposed matMuls) matches the analytic gradient', async () => {
    await selectBackend('auto');
    ensureGradients();
    const tf = getTf();
    const x = tf.tensor2d(Float32Array.from(normal(key(3), 20 * 30)), [20, 30]);
    const w = tf.tensor2d(Float32Array.from(normal(key(4), 30 * 10)), [30, 10]);
    // f(w) = ½‖x w‖² → ∇f = xᵀ x w
    const g = tf.grad((v) => tf.mul(0.5, tf.sum(tf.square(tf.matMul(x, v as typeof w)))))(w);
    const xd = x.dataSync();
    const wd = w.dataSync();
    const xtx = new Float64Array(30 * 30);
    for (let i = 0; i < 30; i++) for (let j = 0; j < 30; j++) for (let r = 0; r < 20; r++) xtx[i * 30 + j] = (xtx[i * 30 + j] as number) + (xd[r * 30 + i] as number) * (xd[r * 30 + j] as number);
    const gd = g.dataSync();
    let rel = 0;
    for (let i = 0; i < 30; i++) {
      for (let j = 0; j < 10; j++) {
        let s = 0;
        for (let k = 0; k < 30; k++) s += (xtx[i * 30 + k] as number) * (wd[k * 10 + j] as number);
        rel = Math.max(rel, Math.abs((gd[i * 10 + j] as number) - s) / (Math.abs(s) + 1));
      }
    }
    expect(rel).toBeLessThan(1e-4);
    tf.dispose([x, w, g]);
  });

  it('shape errors still come from tfjs', async () => {
    await selectBackend('auto');
    const tf = getTf();
    expect(() => tf.matMul(tf.zeros([2, 3]), tf.zeros([4, 5]))).toThrow(/inner shapes/);
  });
});
