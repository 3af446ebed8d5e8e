// Replaces tfjs-backend-wasm's BatchMatMul kernel (XNNPACK, one thread, ~25 GFLOP/s here; 1.7 GFLOP/s with a transposed
// operand) by @repro/linalg's sgemm (WebAssembly SIMD with FMA, packed, on every core: ~85 GFLOP/s at 2048² on the
// 2-core reference box, transposes free; products past the crossover go on to onnxruntime-node's MLAS kernel when
// REPRO_GEMM=auto and it loads, writing straight into the tfjs heap). Plain JavaScript so the GD shard workers install
// the same kernel.
// Operands are copied from the tfjs heap into sgemm's shared memory and C back (O(n²) against O(n³) work).

/**
 * @param {typeof import('@tensorflow/tfjs-core')} tf
 * @param {(A: Float32Array, B: Float32Array, M: number, K: number, N: number, o: object) => Float32Array} sgemm
 * @param {{ threads?: number }} [opts]
 * @returns {boolean} whether the kernel was installed (false: no wasm BatchMatMul registered, or already ours)
 */
export function installWasmMatMul(tf, sgemm, opts = {}) {
  const original = tf.getKernel('BatchMatMul', 'wasm');
  if (!original || original.reproSgemm) return false;
  const threads = opts.threads;
  const size = (dims) => dims.reduce((p, v) => p * v, 1);
  const kernelFunc = (args) => {
    const { inputs, backend, attrs } = args;
    const { a, b } = inputs;
    const transA = Boolean(attrs.transposeA);
    const transB = Boolean(attrs.transposeB);
    if (a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length < 2 || b.shape.length < 2) return original.kernelFunc(args);
    const ra = a.shape.length;
    const rb = b.shape.length;
    const M = transA ? a.shape[ra - 1] : a.shape[ra - 2];
    const K = transA ? a.shape[ra - 2] : a.shape[ra - 1];
    const Kb = transB ? b.shape[rb - 1] : b.shape[rb - 2];
    const N = transB ? b.shape[rb - 2] : b.shape[rb - 1];
    const outerA = a.shape.slice(0, -2);
    const outerB = b.shape.slice(0, -2);
    const batchA = size(outerA);
    const batchB = size(outerB);
    const sameOuter = outerA.length === outerB.length && outerA.every((v, i) => v === outerB[i]);
    // Shape errors and general broadcasting stay with the original kernel (it raises tfjs's own messages).
    if (K !== Kb || !(sameOuter || batchA === 1 || batchB === 1)) return original.kernelFunc(args);
    const outer = sameOuter || batchB === 1 ? outerA : outerB;
    const batch = Math.max(batchA, batchB);
    const out = backend.makeOutput([batch, M, N], 'float32');
    // Views taken after the allocation: makeOutput may grow (and so detach) the tfjs heap.
    const av = backend.typedArrayFromHeap(a);
    const bv = backend.typedArrayFromHeap(b);
    const cv = backend.typedArrayFromHeap(out);
    for (let t = 0; t < batch; t++) {
      const ta = batchA === 1 ? 0 : t;
      const tb = batchB === 1 ? 0 : t;
      sgemm(av.subarray(ta * M * K, (ta + 1) * M * K), bv.subarray(tb * K * N, (tb + 1) * K * N), M, K, N, {
        transA,
        transB,
        out: cv.subarray(t * M * N, (t + 1) * M * N),
        ...(threads === undefined ? {} : { threads }),
      });
    }
    out.shape = [...outer, M, N];
    return out;
  };
  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel({ ...original, kernelFunc, reproSgemm: true });
  return true;
}
