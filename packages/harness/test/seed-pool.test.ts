import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPaper } from '../src/index.js';
import { paper } from './fixtures/seeded-paper.js';

const paperModule = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'seeded-paper.ts')).href;
const base = { profile: 'smoke', seed: 3, seeds: 5, backend: 'auto', paperModule };

describe('seed pool (--workers)', () => {
  it('gives byte-identical claims.json and values.json with 1 and 2 workers, traces in seed order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pool-'));
    const serial = await runPaper(paper, { ...base, workers: 1, outDir: join(dir, 'serial') });
    const pooled = await runPaper(paper, { ...base, workers: 2, outDir: join(dir, 'pooled') });
    expect(serial.exitCode).toBe(0);
    expect(pooled.exitCode).toBe(0);
    for (const f of ['claims.json', 'values.json']) expect(readFileSync(join(dir, 'pooled', f), 'utf8')).toBe(readFileSync(join(dir, 'serial', f), 'utf8'));
    const m = JSON.parse(readFileSync(join(dir, 'pooled', 'manifest.json'), 'utf8')) as { workers: number; phases: Record<string, number> };
    expect(m.workers).toBe(2);
    expect(m.phases.sample).toBeGreaterThan(0);
  }, 120_000);
  it('a seed that throws in a worker fails the run (no results published)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pool-'));
    await expect(runPaper(paper, { ...base, workers: 2, set: ['failSeed=3'], outDir: join(dir, 'out') })).rejects.toThrow(/seed 3 fails on purpose/);
  }, 120_000);
});
