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

/**
 * The same shard without tfjs: plain loops around @repro/linalg's `sgemm`, for the wasm backend with that sgemm installed
 * as its matMul (`installWasmMatMul`). It performs tfjs-backend-wasm's float32 arithmetic in tfjs's order, so it returns
 * the same bits as `createShard` there (a unit test compares them step by step): the elementwise products are rounded to
 * float32 one by one, `sum` accumulates in float32 sequentially along the reduced axis, `max` propagates NaN, and each
 * matMul is the same `sgemm` call on the same shapes. What it saves is passes over the n×ms activations: the forward's
 * pattern, ReLU, output and pattern-change count are one pass, the update's step and the next ‖w_r − w_r(0)‖² another,
 * against about fifteen tfjs kernels (each a pass, several allocating).
 * @param {(A: Float32Array, B: Float32Array, M: number, K: number, N: number, o: object) => Float32Array} sgemm
 * @param {{ n: number, d: number, ms: number, X: Float32Array, Xt: Float32Array, Wt: Float32Array, a: Float32Array,
 *           scale: number, eta: number, joint: boolean }} o
 * @param {{ threads?: number }} [gemmOpts] passed to every sgemm call (as `installWasmMatMul` does)
 */
export function createFusedShard(sgemm, o, gemmOpts = {}) {
  const { n, d, ms, scale, eta, joint } = o;
  const X = o.X;
  const Xt = o.Xt;
  const Wt = Float32Array.from(o.Wt);
  const W0t = Float32Array.from(o.Wt);
  const a = Float32Array.from(o.a);
  // tfjs turns the JavaScript scalar η·scale into a float32 tensor before multiplying.
  const step = Math.fround(eta * scale);
  const Z = new Float32Array(n * ms); // Z = XW, then R = Z ∘ P in place
  const P = new Uint8Array(n * ms);
  const M = new Float32Array(n * ms);
  const G = new Float32Array(d * ms);
  const P0 = new Uint8Array(n * ms);
  sgemm(X, Wt, n, d, ms, { ...gemmOpts, out: Z });
  for (let t = 0; t < n * ms; t++) P0[t] = Z[t] >= 0 ? 1 : 0;
  const acc = new Float32Array(ms);
  // max over r of Σ_j (w_jr − w0_jr)² with float32 sums in j order (tf.sum over axis 0), NaN if any is NaN (tf.max).
  const maxOfAcc = () => {
    let mx = acc[0];
    for (let r = 0; r < ms; r++) {
      const v = acc[r];
      if (Number.isNaN(v)) return Number.NaN;
      if (v > mx) mx = v;
    }
    return mx;
  };
  // At W = W(0) the distances are all exactly 0 (the same pass as after an update, kept general).
  for (let j = 0; j < d; j++)
    for (let r = 0; r < ms; r++) {
      const dv = Math.fround(Wt[j * ms + r] - W0t[j * ms + r]);
      acc[r] = acc[r] + Math.fround(dv * dv);
    }
  let maxSq = maxOfAcc();
  return {
    forward(wantZ) {
      sgemm(X, Wt, n, d, ms, { ...gemmOpts, out: Z });
      const z = wantZ ? Z.slice() : null;
      const u = new Float32Array(n);
      let changed = 0;
      // Four rows at a time: four independent float32 sums (each still in r order) instead of one dependency chain, and
      // no branches — the pattern bit is 50/50 random, so a branch on it mispredicts half the time (2.3× slower).
      let i = 0;
      for (; i + 4 <= n; i += 4) {
        const r0 = i * ms;
        const r1 = r0 + ms;
        const r2 = r1 + ms;
        const r3 = r2 + ms;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let r = 0; r < ms; r++) {
          const ar = a[r];
          let zv = Z[r0 + r];
          let p = (zv >= 0) | 0; // NaN → 0, as tfjs's greaterEqual
          P[r0 + r] = p;
          changed += p ^ P0[r0 + r];
          let rv = zv * p; // exact (p ∈ {0, 1}); −0 and NaN as tfjs's mul
          Z[r0 + r] = rv;
          s0 = Math.fround(s0 + Math.fround(rv * ar));
          zv = Z[r1 + r];
          p = (zv >= 0) | 0;
          P[r1 + r] = p;
          changed += p ^ P0[r1 + r];
          rv = zv * p;
          Z[r1 + r] = rv;
          s1 = Math.fround(s1 + Math.fround(rv * ar));
          zv = Z[r2 + r];
          p = (zv >= 0) | 0;
          P[r2 + r] = p;
          changed += p ^ P0[r2 + r];
          rv = zv * p;
          Z[r2 + r] = rv;
          s2 = Math.fround(s2 + Math.fround(rv * ar));
          zv = Z[r3 + r];
          p = (zv >= 0) | 0;
          P[r3 + r] = p;
          changed += p ^ P0[r3 + r];
          rv = zv * p;
          Z[r3 + r] = rv;
          s3 = Math.fround(s3 + Math.fround(rv * ar));
        }
        u[i] = s0;
        u[i + 1] = s1;
        u[i + 2] = s2;
        u[i + 3] = s3;
      }
      for (; i < n; i++) {
        const row = i * ms;
        let s = 0;
        for (let r = 0; r < ms; r++) {
          const zv = Z[row + r];
          const p = (zv >= 0) | 0;
          P[row + r] = p;
          changed += p ^ P0[row + r];
          const rv = zv * p;
          Z[row + r] = rv;
          s = Math.fround(s + Math.fround(rv * a[r]));
        }
        u[i] = s;
      }
      return { u, changed, maxSq, z, a: wantZ && joint ? a.slice() : null };
    },
    update(rIn) {
      for (let i = 0; i < n; i++) {
        const ri = rIn[i];
        const row = i * ms;
        for (let r = 0; r < ms; r++) M[row + r] = P[row + r] * Math.fround(ri * a[r]);
      }
      sgemm(Xt, M, d, n, ms, { ...gemmOpts, out: G });
      // a's step reads R (in Z) and the old a, so it is computed before W's pass and applied after it.
      const ga = joint ? sgemm(rIn, Z, 1, n, ms, gemmOpts) : null;
      acc.fill(0);
      // Four rows of Wᵀ at a time: one read and write of acc[r] per four rows; each acc[r] still sums in j order.
      let j = 0;
      for (; j + 4 <= d; j += 4) {
        const r0 = j * ms;
        const r1 = r0 + ms;
        const r2 = r1 + ms;
        const r3 = r2 + ms;
        for (let r = 0; r < ms; r++) {
          const w0 = Math.fround(Wt[r0 + r] - Math.fround(G[r0 + r] * step));
          Wt[r0 + r] = w0;
          const d0 = Math.fround(w0 - W0t[r0 + r]);
          const w1 = Math.fround(Wt[r1 + r] - Math.fround(G[r1 + r] * step));
          Wt[r1 + r] = w1;
          const d1 = Math.fround(w1 - W0t[r1 + r]);
          const w2 = Math.fround(Wt[r2 + r] - Math.fround(G[r2 + r] * step));
          Wt[r2 + r] = w2;
          const d2 = Math.fround(w2 - W0t[r2 + r]);
          const w3 = Math.fround(Wt[r3 + r] - Math.fround(G[r3 + r] * step));
          Wt[r3 + r] = w3;
          const d3 = Math.fround(w3 - W0t[r3 + r]);
          let s = Math.fround(acc[r] + Math.fround(d0 * d0));
          s = Math.fround(s + Math.fround(d1 * d1));
          s = Math.fround(s + Math.fround(d2 * d2));
          acc[r] = s + Math.fround(d3 * d3);
        }
      }
      for (; j < d; j++) {
        const row = j * ms;
        for (let r = 0; r < ms; r++) {
          const w = Math.fround(Wt[row + r] - Math.fround(G[row + r] * step));
          Wt[row + r] = w;
          const dv = Math.fround(w - W0t[row + r]);
          acc[r] = acc[r] + Math.fround(dv * dv);
        }
      }
      maxSq = maxOfAcc();
      if (ga) for (let r = 0; r < ms; r++) a[r] = Math.fround(a[r] - Math.fround(ga[r] * step));
    },
    final() {
      return { Wt: Wt.slice(), a: a.slice() };
    },
    dispose() {},
  };
}
