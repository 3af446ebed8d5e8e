// One shard of neurons of the two-layer net, trained on tfjs (float32). Plain JavaScript so the same code runs in the
// main thread and inside a worker_threads worker: the sharded result does not depend on where a shard runs.
// Big operands are stored so every GEMM is un-transposed (tfjs-wasm's transposed matMul paths are 10-40x slower).

/**
 * @param {typeof import('@tensorflow/tfjs-core')} tf
 * @param {{ n: number, d: number, ms: number, X: Float32Array, Xt: Float32Array, Wt: Float32Array, a: Float32Array,
 *           scale: number, eta: number, joint: boolean }} o
 */
export function createShard(tf, o) {
  const { n, d, ms, scale, eta, joint } = o;
  const X32 = tf.tensor2d(o.X, [n, d]);
  const Xt32 = tf.tensor2d(o.Xt, [d, n]);
  let Wt = tf.tensor2d(o.Wt, [d, ms]);
  const W0t = tf.clone(Wt);
  let aRow = tf.tensor2d(o.a, [1, ms]);
  const P0 = tf.tidy(() => tf.cast(tf.greaterEqual(tf.matMul(X32, Wt), 0), 'float32'));
  let P = null;
  let R = null;
  return {
    /** Partial outputs Σ_{r in shard} a_r relu(z_ir) (unscaled), pattern-change count, max squared distance, optional Z. */
    forward(wantZ) {
      if (P) P.dispose();
      if (R) R.dispose();
      let out;
      tf.tidy(() => {
        const Z = tf.matMul(X32, Wt);
        P = tf.keep(tf.cast(tf.greaterEqual(Z, 0), 'float32'));
        R = tf.keep(tf.mul(Z, P));
        const u = tf.sum(tf.mul(R, aRow), 1);
        const changed = tf.sum(tf.cast(tf.notEqual(P, P0), 'int32'));
        const maxSq = tf.max(tf.sum(tf.square(tf.sub(Wt, W0t)), 0));
        out = {
          u: u.dataSync().slice(),
          changed: changed.dataSync()[0],
          maxSq: maxSq.dataSync()[0],
          z: wantZ ? Z.dataSync().slice() : null,
          a: wantZ && joint ? aRow.dataSync().slice() : null,
        };
      });
      return out;
    },
    /** GD step with residual r (n floats): W ← W − η·scale·Xᵀ(P ∘ r aᵀ); jointly a ← a − η·scale·Rᵀr. */
    update(r) {
      tf.tidy(() => {
        const rc = tf.tensor2d(r, [n, 1]);
        const M = tf.mul(P, tf.mul(rc, aRow));
        const newWt = tf.keep(tf.sub(Wt, tf.mul(tf.matMul(Xt32, M), eta * scale)));
        const newA = joint ? tf.keep(tf.sub(aRow, tf.mul(tf.matMul(tf.reshape(rc, [1, n]), R), eta * scale))) : null;
        Wt.dispose();
        Wt = newWt;
        if (newA) {
          aRow.dispose();
          aRow = newA;
        }
      });
    },
    final() {
      return { Wt: Wt.dataSync().slice(), a: aRow.dataSync().slice() };
    },
    dispose() {
      tf.dispose([X32, Xt32, Wt, W0t, aRow, P0, ...(P ? [P] : []), ...(R ? [R] : [])]);
      P = null;
      R = null;
    },
  };
}
