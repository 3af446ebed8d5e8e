import { key, normal, sphere } from '@repro/concentration';
import { matrix } from '@repro/linalg';
import { beforeAll, describe, expect, it } from 'vitest';
import { forwardTwoLayer, getTf, initTwoLayer, selectBackend, trainTwoLayerGd, type TwoLayerParams } from '../src/index.js';

const n = 12;
const d = 6;
const m = 64;
const X = matrix(n, d, sphere(key(1), n, d));
const y = normal(key(2), n);
const init = initTwoLayer(key(3), m, d);
const loss = (p: TwoLayerParams) => forwardTwoLayer(p, X).reduce((s, u, i) => s + 0.5 * (u - (y[i] as number)) ** 2, 0);

beforeAll(async () => {
  await selectBackend('cpu');
});

describe('two-layer GD', () => {
  it('rejects bad input with a clear message', async () => {
    await expect(trainTwoLayerGd({ X, y, init, eta: 0, steps: 1 })).rejects.toThrow(/eta/);
    await expect(trainTwoLayerGd({ X, y, init, eta: Number.NaN, steps: 1 })).rejects.toThrow(/eta/);
    await expect(trainTwoLayerGd({ X, y, init, eta: 0.1, steps: -1 })).rejects.toThrow(/steps/);
    await expect(trainTwoLayerGd({ X, y: y.subarray(0, 3), init, eta: 0.1, steps: 1 })).rejects.toThrow(/rows/);
  });

  it('float64 step equals −η times the finite-difference gradient of the sum loss', async () => {
    const eta = 1e-3;
    const tr = await trainTwoLayerGd({ X, y, init, eta, steps: 1, precision: 'float64', keepFinal: true });
    expect(tr.loss[0]).toBeCloseTo(loss(init), 12);
    const h = 1e-6;
    for (const idx of [0, 7, 100, 300]) {
      const plus = { ...init, W: Float64Array.from(init.W) };
      const minus = { ...init, W: Float64Array.from(init.W) };
      plus.W[idx] = (plus.W[idx] as number) + h;
      minus.W[idx] = (minus.W[idx] as number) - h;
      const fd = (loss(plus) - loss(minus)) / (2 * h);
      const step = ((init.W[idx] as number) - (tr.final?.W[idx] as number)) / eta;
      expect(Math.abs(step - fd)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)));
    }
  });

  it('float32 (tfjs) and float64 traces agree; loss decreases; diagnostics start at 0', async () => {
    const opts = { X, y, init, eta: 0.2, steps: 30, gramEvery: 10, gramDiff: true } as const;
    const a = await trainTwoLayerGd({ ...opts, precision: 'float32' });
    const b = await trainTwoLayerGd({ ...opts, precision: 'float64' });
    expect(a.patternChange[0]).toBe(0);
    expect(a.maxDistance[0]).toBe(0);
    expect(a.loss.at(-1) as number).toBeLessThan((a.loss[0] as number) * 0.5);
    // float32 rounding (~1e-7 relative per op) accumulated over 30 steps: 1e-4 relative is a wide, stated margin
    for (let k = 0; k <= 30; k++) expect(Math.abs((a.loss[k] as number) - (b.loss[k] as number)) / (b.loss[k] as number)).toBeLessThan(1e-4);
    expect(a.lambdaMinH?.map((p) => p.step)).toEqual([0, 10, 20, 30]);
    expect(Math.abs((a.hDiff?.fro ?? 0) - (b.hDiff?.fro ?? 1))).toBeLessThan(1e-9 + 1e-3 * (b.hDiff?.fro ?? 0));
  });

  it('is deterministic and does not leak tensors', async () => {
    const tf = getTf();
    const before = tf.memory().numTensors;
    const a = await trainTwoLayerGd({ X, y, init, eta: 0.2, steps: 20 });
    const b = await trainTwoLayerGd({ X, y, init, eta: 0.2, steps: 20 });
    expect(a.loss).toEqual(b.loss);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('sharded training: worker threads and in-thread shards give bit-identical traces', async () => {
    const opts = { X, y, init, eta: 0.2, steps: 15, gramEvery: 5, trainOutput: true, keepFinal: true, shards: 2 } as const;
    const inWorkers = await trainTwoLayerGd(opts);
    const inThread = await trainTwoLayerGd({ ...opts, workers: false });
    expect(inWorkers.workers).toBe(2);
    expect(inThread.workers).toBe(0);
    expect(inWorkers.loss).toEqual(inThread.loss);
    expect(inWorkers.patternChange).toEqual(inThread.patternChange);
    expect(inWorkers.lambdaMinH).toEqual(inThread.lambdaMinH);
    expect(inWorkers.final?.W).toEqual(inThread.final?.W);
    // one shard sums the outputs in a different order: equal up to float32 rounding
    const one = await trainTwoLayerGd({ ...opts, shards: 1 });
    for (let k = 0; k <= 15; k++) expect(Math.abs((one.loss[k] as number) - (inWorkers.loss[k] as number))).toBeLessThan(1e-5 * (one.loss[k] as number));
  });

  it('joint training updates a and still decreases the loss', async () => {
    const tr = await trainTwoLayerGd({ X, y, init, eta: 0.05, steps: 20, trainOutput: true, keepFinal: true, precision: 'float32' });
    expect(tr.final?.a).not.toEqual(init.a);
    expect(tr.loss.at(-1) as number).toBeLessThan(tr.loss[0] as number);
  });

  it('reports divergence with its step instead of throwing', async () => {
    const tr = await trainTwoLayerGd({ X, y, init, eta: 1e6, steps: 200, precision: 'float32' });
    expect(tr.diverged?.step).toBeGreaterThan(0);
    expect(tr.loss.length).toBe((tr.diverged?.step ?? 0) + 1);
    expect(Number.isFinite(tr.loss.at(-1)) && Number.isFinite(tr.maxDistance.at(-1))).toBe(false);
    expect(tr.diverged?.reason).toMatch(/loss is|overflowed/);
  });
});
