import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeShards, parseShard, runPaper, shardMode } from '../src/index.js';
import { greedyShare } from '../src/shard.js';
import { paper as pooled } from './fixtures/pooled-paper.js';
import { paper as seeded } from './fixtures/seeded-paper.js';

const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'repro-shard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = { profile: 'smoke', seed: 3, backend: 'auto', packageRoot: here, maxMemoryBytes: 2 ** 30 };
const bytes = (d: string) => [readFileSync(join(d, 'claims.json'), 'utf8'), readFileSync(join(d, 'values.json'), 'utf8')];

async function sharded(p: typeof pooled, seeds: number, n: number, by: 'seed' | 'job', tag: string): Promise<string[]> {
  const dirs: string[] = [];
  for (let i = 0; i < n; i++) {
    const out = join(dir, `${tag}-${n}-${i}`);
    const s = await runPaper(p, { ...base, seeds, shard: { index: i, count: n }, shardBy: by, outDir: out });
    expect(s.shard?.mode).toBe(by);
    dirs.push(out);
  }
  return dirs;
}

describe('--shard i/n and merge', () => {
  it('parses i/n (0-based) and refuses the rest', () => {
    expect(parseShard('1/3')).toEqual({ index: 1, count: 3 });
    for (const bad of ['3/3', '1', '-1/2', 'a/b', '0/0']) expect(() => parseShard(bad)).toThrow(/--shard/);
    expect(shardMode('auto', true, 1, 3)).toBe('job');
    expect(shardMode('auto', true, 4, 3)).toBe('seed');
    expect(shardMode('auto', false, 1, 3)).toBe('seed');
  });

  for (const [by, seeds] of [
    ['job', 1],
    ['job', 2],
    ['seed', 3],
  ] as const)
    it(`merged claims.json/values.json equal the unsharded run's bytes (by ${by}, ${seeds} seeds, n = 1, 2, 3)`, async () => {
      const whole = join(dir, `whole-${by}-${seeds}`);
      await runPaper(pooled, { ...base, seeds, outDir: whole });
      for (const n of [1, 2, 3]) {
        const dirs = await sharded(pooled, seeds, n, by, `${by}${seeds}`);
        const out = join(dir, `merged-${by}-${seeds}-${n}`);
        const m = await mergeShards(pooled, dirs, { outDir: out, packageRoot: here });
        expect(m.fail).toBe(0);
        expect(bytes(out)).toEqual(bytes(whole));
        const man = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
        expect(man.shards.count).toBe(n);
      }
    });

  it('splits a call with costs greedily: every job in exactly one shard, loads balanced, the same split in every shard', () => {
    const costs = [9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 8, 2];
    for (const n of [1, 2, 3]) {
      const shares = Array.from({ length: n }, (_, i) => greedyShare(costs, new Array<number>(n).fill(0), i));
      expect(shares.flat().sort((a, b) => a - b)).toEqual(costs.map((_, j) => j));
      const loads = shares.map((sh) => sh.reduce((a, j) => a + (costs[j] as number), 0));
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(Math.max(...costs.slice(2)));
    }
    // round-robin would give shard 0 of 2 both expensive jobs (indices 0 and 10): 9 + 8 + 4 = 21 against 7
    expect(greedyShare(costs, [0, 0], 0)).toEqual([0, 1, 2, 4, 6, 8]); // 14 against 14
    // the load carries over from earlier calls of the run
    expect(greedyShare([1, 1], [5, 0], 1)).toEqual([0, 1]);
  });

  it('refuses a missing, duplicated or mismatched shard with a one-line reason', async () => {
    const dirs = await sharded(pooled, 1, 3, 'job', 'refuse');
    const merge = (ds: string[]) => mergeShards(pooled, ds, { outDir: join(dir, 'refused'), packageRoot: here });
    await expect(merge([dirs[0] as string, dirs[2] as string])).rejects.toThrow(/^missing shard 1\/3/);
    await expect(merge([dirs[0] as string, dirs[1] as string, dirs[1] as string])).rejects.toThrow(/duplicate shard 1\/3/);
    const other = await runPaper(pooled, { ...base, seeds: 1, set: ['a=6'], shard: { index: 1, count: 3 }, shardBy: 'job', outDir: join(dir, 'other') });
    await expect(merge([dirs[0] as string, other.outDir, dirs[2] as string])).rejects.toThrow(/different configuration/);
    await expect(mergeShards(seeded, dirs, { outDir: join(dir, 'refused'), packageRoot: here })).rejects.toThrow(/of pooled, not seeded/);
    // A tampered manifest (another commit) is refused too.
    const m = JSON.parse(readFileSync(join(dirs[1] as string, 'manifest.json'), 'utf8'));
    m.git.commit = '0'.repeat(40);
    writeFileSync(join(dirs[1] as string, 'manifest.json'), JSON.stringify(m));
    await expect(merge(dirs)).rejects.toThrow(/commit 000000000000/);
    await expect(merge([here])).rejects.toThrow(/not a (shard|repro-shard)|no manifest/);
    for (const e of [merge([dirs[0] as string])].map((p) => p.catch((x: Error) => x.message))) expect(await e).not.toMatch(/\n/);
  });

  it('seed-sharding a seed-pool run with 2 workers gives the same bytes', async () => {
    const paperModule = pathToFileURL(join(here, 'fixtures', 'seeded-paper.ts')).href;
    const whole = join(dir, 'seeded-whole');
    await runPaper(seeded, { ...base, seeds: 4, outDir: whole });
    const dirs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const out = join(dir, `seeded-${i}`);
      await runPaper(seeded, { ...base, seeds: 4, workers: 2, paperModule, shard: { index: i, count: 2 }, outDir: out });
      dirs.push(out);
    }
    const out = join(dir, 'seeded-merged');
    await mergeShards(seeded, dirs, { outDir: out, packageRoot: here });
    expect(bytes(out)).toEqual(bytes(whole));
  });
});
