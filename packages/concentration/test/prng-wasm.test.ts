import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { key, randomBits, split, threefry2x32 } from '../src/index.js';
import { threefryBlocksWasm } from '../src/wasm/threefry.mjs';
// @ts-expect-error plain-JS build script without types
import { generate } from '../kernels/build.mjs';

function scalarBlocks(k0: number, k1: number, b0: number, nBlocks: number, c1: number): Uint32Array {
  const out = new Uint32Array(2 * nBlocks);
  for (let i = 0; i < nBlocks; i++) threefry2x32(k0, k1, (b0 + i) >>> 0, c1, out, 2 * i);
  return out;
}

describe('Threefry in WebAssembly SIMD', () => {
  it('gives the scalar words for every length (ragged quads, several chunks), key, start counter and c1', () => {
    const keys = [key(0), key(1), key(2 ** 40 + 7), ...split(key(99), 3)];
    for (const [k0, k1] of keys) {
      for (const [b0, n, c1] of [
        [0, 1, 0],
        [0, 7, 0],
        [5, 13, 1],
        [2 ** 32 - 3, 9, 2], // the block counter wraps exactly as the scalar uint32 arithmetic
        [123, 300_001, 0], // more than one 2^18-block chunk
      ] as const) {
        const w = new Uint32Array(2 * n);
        expect(threefryBlocksWasm(k0, k1, b0, n, c1, w, 0)).toBe(true);
        expect(Buffer.from(w.buffer).equals(Buffer.from(scalarBlocks(k0, k1, b0, n, c1).buffer))).toBe(true);
      }
    }
  });

  it('randomBits is the same stream with and without WebAssembly (REPRO_PRNG=js)', () => {
    const code = `
      import { key, randomBits } from './src/index.ts';
      import { createHash } from 'node:crypto';
      const h = createHash('sha256');
      for (const n of [1, 255, 256, 257, 4099, 1000001]) h.update(randomBits(key(n), n));
      console.log(h.digest('hex'));`;
    const run = (env: Record<string, string>) =>
      execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', code], {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        env: { ...process.env, ...env },
        encoding: 'utf8',
      }).trim();
    const js = run({ REPRO_PRNG: 'js' });
    expect(run({})).toBe(js);
    // and this process (wasm path) agrees on one of them
    expect(randomBits(key(4099), 4099).length).toBe(4099);
  });

  it('the committed generated kernel matches its generator (kernels/build.mjs)', async () => {
    const committed = readFileSync(new URL('../src/wasm/threefry.generated.mjs', import.meta.url), 'utf8');
    expect(await generate()).toBe(committed);
  });
});
