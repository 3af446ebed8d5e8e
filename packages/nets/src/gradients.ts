/**
 * Gradient functions for the tfjs kernels our autodiff paths use. tfjs-core registers none by itself, and its ESM
 * `register_all_gradients` does not load under plain Node (directory imports), so the few we need are defined here for
 * whatever tfjs-core instance the process uses: BatchMatMul (2-D), Relu, Softplus, Multiply, Add, Sub, Sum, Square, Reshape.
 * Each follows the corresponding tfjs-core gradient (Apache-2.0 semantics, re-derived: ∂/∂a of a·b etc.).
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { getTf } from './backend.js';

let registered = false;

/** Sum a broadcast gradient back to `shape` (numpy broadcasting rules). */
function reduceTo(tf: typeof tfc, g: tfc.Tensor, shape: readonly number[]): tfc.Tensor {
  if (g.shape.length === shape.length && g.shape.every((s, i) => s === shape[i])) return g;
  const lead = g.rank - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < g.rank; i++) if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) axes.push(i);
  const s = axes.length > 0 ? tf.sum(g, axes) : g;
  return tf.reshape(s, [...shape]);
}

/** Register the gradient configs once per process (idempotent; skips kernels that already have one). */
export function ensureGradients(): void {
  if (registered) return;
  const tf = getTf();
  const configs: tfc.GradConfig[] = [
    {
      kernelName: 'BatchMatMul',
      inputsToSave: ['a', 'b'],
      gradFunc: (dy, saved, attrs) => {
        const [a, b] = saved as [tfc.Tensor2D, tfc.Tensor2D];
        const g = dy as tfc.Tensor2D;
        const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
        if (!transposeA && !transposeB) return { a: () => tf.matMul(g, b, false, true), b: () => tf.matMul(a, g, true, false) };
        if (!transposeA && transposeB) return { a: () => tf.matMul(g, b, false, false), b: () => tf.matMul(g, a, true, false) };
        if (transposeA && !transposeB) return { a: () => tf.matMul(b, g, false, true), b: () => tf.matMul(a, g, false, false) };
        return { a: () => tf.matMul(b, g, true, true), b: () => tf.matMul(g, a, true, true) };
      },
    },
    { kernelName: 'Relu', inputsToSave: ['x'], gradFunc: (dy, [x]) => ({ x: () => tf.mul(dy as tfc.Tensor, tf.step(x as tfc.Tensor, 0)) }) },
    { kernelName: 'Softplus', inputsToSave: ['x'], gradFunc: (dy, [x]) => ({ x: () => tf.mul(dy as tfc.Tensor, tf.sigmoid(x as tfc.Tensor)) }) },
    { kernelName: 'Square', inputsToSave: ['x'], gradFunc: (dy, [x]) => ({ x: () => tf.mul(dy as tfc.Tensor, tf.mul(x as tfc.Tensor, 2)) }) },
    {
      kernelName: 'Multiply',
      inputsToSave: ['a', 'b'],
      gradFunc: (dy, saved) => {
        const [a, b] = saved as [tfc.Tensor, tfc.Tensor];
        const g = dy as tfc.Tensor;
        return { a: () => reduceTo(tf, tf.mul(g, b), a.shape), b: () => reduceTo(tf, tf.mul(g, a), b.shape) };
      },
    },
    {
      kernelName: 'Add',
      inputsToSave: ['a', 'b'],
      gradFunc: (dy, saved) => {
        const [a, b] = saved as [tfc.Tensor, tfc.Tensor];
        return { a: () => reduceTo(tf, dy as tfc.Tensor, a.shape), b: () => reduceTo(tf, dy as tfc.Tensor, b.shape) };
      },
    },
    {
      kernelName: 'Sub',
      inputsToSave: ['a', 'b'],
      gradFunc: (dy, saved) => {
        const [a, b] = saved as [tfc.Tensor, tfc.Tensor];
        return { a: () => reduceTo(tf, dy as tfc.Tensor, a.shape), b: () => reduceTo(tf, tf.neg(dy as tfc.Tensor), b.shape) };
      },
    },
    {
      kernelName: 'Sum',
      inputsToSave: ['x'],
      gradFunc: (dy, [x], attrs) => {
        const xt = x as tfc.Tensor;
        const raw = (attrs as { axis: number | number[] | null }).axis;
        const axes = raw === null || raw === undefined ? xt.shape.map((_, i) => i) : (Array.isArray(raw) ? raw : [raw]).map((a) => (a < 0 ? a + xt.rank : a));
        const kept = xt.shape.map((s, i) => (axes.includes(i) ? 1 : s));
        return { x: () => tf.mul(tf.reshape(dy as tfc.Tensor, kept), tf.onesLike(xt)) };
      },
    },
    { kernelName: 'Reshape', inputsToSave: ['x'], gradFunc: (dy, [x]) => ({ x: () => tf.reshape(dy as tfc.Tensor, (x as tfc.Tensor).shape) }) },
  ];
  for (const c of configs) {
    // registerGradient warns and overwrites on duplicates: keep any existing (e.g. tfjs's own when a bundler registered them).
    const has = (tf as unknown as { getGradient?: (k: string) => unknown }).getGradient;
    if (has !== undefined && has(c.kernelName) !== undefined) continue;
    tf.registerGradient(c);
  }
  registered = true;
}
