import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPaper } from '@repro/harness';
import { describe, expect, it } from 'vitest';
import { paper } from '../src/index.js';

// The whole smoke profile, end to end: every claim must pass and every figure must render.
describe('du2019 smoke profile', () => {
  it('every claim passes and every figure is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'du2019-smoke-'));
    const out = join(dir, 'smoke');
    const s = await runPaper(paper, { profile: 'smoke', seed: 0, seeds: 1, backend: 'auto', packageRoot: dir, outDir: out });
    const claims = JSON.parse(readFileSync(join(out, 'claims.json'), 'utf8')) as { id: string; status: string; note?: string }[];
    const failed = claims.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.status} ${c.note ?? ''}`);
    expect(failed).toEqual([]);
    expect(claims.length).toBe(paper.claims.length);
    expect(s.exitCode).toBe(0);
    for (const f of paper.figures) expect(readFileSync(join(out, 'figures', `${f.id}.svg`), 'utf8')).toMatch(/<path/);
    const values = JSON.parse(readFileSync(join(out, 'values.json'), 'utf8')) as Record<string, { value: number }>;
    for (const k of ['fig1.lambda0', 'fig1.finalLoss.m6400', 'fig1.patternChange.m100', 'fig1.maxDistance.m1600']) expect(values[k], k).toBeDefined();
  }, 240_000);
});
