import { key, normal, sphere } from '@repro/concentration';
import { matrix } from '@repro/linalg';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTwoLayer, selectBackend, trainTwoLayerGd, type GdOptions, type GdTrace } from '../src/index.js';

// The fused shard (plain loops around sgemm) must give tfjs-backend-wasm's bits: every recorded number equal, step by step.
const n = 40;
const d = 24;
const m = 300;
const X = matrix(n, d, sphere(key(21), n, d));
const y = normal(key(22), n);
const init = initTwoLayer(key(23), m, d);

beforeAll(async () => {
  const info = await selectBackend('wasm');
  expect(info.detail).toMatch(/sgemm/);
});

const same = (a: GdTrace, b: GdTrace): void => {
  expect(a.shardKernel).toBe('fused');
  expect(b.shardKernel).toBe('tfjs');
  for (const k of ['loss', 'patternChange', 'maxDistance', 'lambdaMinH', 'hDiff', 'diverged', 'u0', 'final'] as const) expect(a[k], k).toEqual(b[k]);
  // toEqual treats −0 and +0 alike on typed arrays? Compare the bytes of the final weights as well.
  if (a.final && b.final) expect(Buffer.from(a.final.W.buffer).equals(Buffer.from(b.final.W.buffer))).toBe(true);
};

describe('fused GD shard = tfjs shard on the wasm backend, bit for bit', () => {
  const cases: [string, Partial<GdOptions>][] = [
    ['one shard in this thread', { shards: 1 }],
    ['two shards in workers, joint training, Gram spectra', { shards: 2, trainOutput: true, gramEvery: 4, gramDiff: true }],
    ['two shards in this thread, joint', { shards: 2, workers: false, trainOutput: true }],
    ['three uneven shards in workers', { shards: 3 }],
  ];
  for (const [name, extra] of cases)
    it(name, async () => {
      const opts: GdOptions = { X, y, init, eta: 0.3, steps: 12, keepFinal: true, shardKernel: 'fused', ...extra };
      same(await trainTwoLayerGd(opts), await trainTwoLayerGd({ ...opts, shardKernel: 'tfjs' }));
    });
  it('sizes that are not multiples of four (the tails of the four-row loops) give the same bits too', async () => {
    const [nt, dt, mt] = [43, 27, 90];
    const Xt = matrix(nt, dt, sphere(key(30), nt, dt));
    const opts: GdOptions = { X: Xt, y: normal(key(31), nt), init: initTwoLayer(key(32), mt, dt), eta: 0.3, steps: 8, keepFinal: true, shards: 2, trainOutput: true, shardKernel: 'fused' };
    same(await trainTwoLayerGd(opts), await trainTwoLayerGd({ ...opts, shardKernel: 'tfjs' }));
  });
  it('products past the native crossover (onnxruntime-node where it loads) give the same bits too', async () => {
    const [nb, db, mb] = [96, 96, 512]; // 96·96·256 multiply-adds per shard GEMM ≥ 2^19
    const Xb = matrix(nb, db, sphere(key(24), nb, db));
    const opts: GdOptions = { X: Xb, y: normal(key(25), nb), init: initTwoLayer(key(26), mb, db), eta: 0.05, steps: 5, keepFinal: true, shards: 2, trainOutput: true, shardKernel: 'fused' };
    same(await trainTwoLayerGd(opts), await trainTwoLayerGd({ ...opts, shardKernel: 'tfjs' }));
  });
  it('a diverging run stops at the same step with the same non-finite values', async () => {
    const opts: GdOptions = { X, y, init, eta: 1e7, steps: 200, trainOutput: true, shards: 2, shardKernel: 'fused' };
    const fused = await trainTwoLayerGd(opts);
    expect(fused.diverged?.step).toBeGreaterThan(0);
    same(fused, await trainTwoLayerGd({ ...opts, shardKernel: 'tfjs' }));
  });
  it('rejects an unknown shard kernel', async () => {
    await expect(trainTwoLayerGd({ X, y, init, eta: 0.3, steps: 1, shardKernel: 'simd' as 'auto' })).rejects.toThrow(/shardKernel/);
  });
  it("'auto' picks the fused shard at any size on the wasm backend with sgemm", async () => {
    expect((await trainTwoLayerGd({ X, y, init, eta: 0.3, steps: 1 })).shardKernel).toBe('fused');
    expect((await trainTwoLayerGd({ X, y, init, eta: 0.3, steps: 1, shardKernel: 'tfjs' })).shardKernel).toBe('tfjs');
  });
  it('the fused kernel is not a copy of the tfjs one: a different step size gives different bits', async () => {
    const a = await trainTwoLayerGd({ X, y, init, eta: 0.3, steps: 3, shardKernel: 'fused' });
    const b = await trainTwoLayerGd({ X, y, init, eta: 0.3 * (1 + 2 ** -20), steps: 3, shardKernel: 'tfjs' });
    expect(a.loss.slice(1)).not.toEqual(b.loss.slice(1));
  });
});
