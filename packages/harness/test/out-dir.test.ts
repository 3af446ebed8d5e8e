import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UsageError, definePaper, resolveRun } from '../src/index.js';

const tiny = definePaper({
  meta: { id: 'tiny', title: 'Tiny', authors: ['A'], venue: 'Test', year: 2026, bibtex: '@misc{tiny}' },
  config: z.object({ n: z.number().int().positive().describe('count') }).strict(),
  profiles: { smoke: { n: 1 }, paper: { n: 2 } },
  run: async () => ({}),
  values: () => ({}),
  claims: [],
  figures: [],
  deviations: [],
});
const opts = { profile: 'smoke', seed: 0, seeds: 1, backend: 'auto' };

describe('--out is validated before anything runs', () => {
  it('refuses an uncreatable, unwritable or node_modules path with a UsageError and writes nothing', () => {
    expect(() => resolveRun(tiny, { ...opts, outDir: '/proc/nope' })).toThrow(UsageError);
    expect(() => resolveRun(tiny, { ...opts, outDir: '/proc/nope' })).toThrow(/--out \/proc\/nope is not writable|cannot be created/);
    const d = mkdtempSync(join(tmpdir(), 'outdir-'));
    expect(() => resolveRun(tiny, { ...opts, outDir: join(d, 'node_modules', 'x') })).toThrow(/inside node_modules/);
    const file = join(d, 'a-file');
    writeFileSync(file, 'x');
    expect(() => resolveRun(tiny, { ...opts, outDir: join(file, 'sub') })).toThrow(/is not a directory/);
    expect(() => resolveRun(tiny, { ...opts, outDir: file })).toThrow(/exists and is not a directory/);
    // A creatable path passes and nothing is left behind by the probe.
    expect(resolveRun(tiny, { ...opts, outDir: join(d, 'new', 'deeper') }).outDir).toBe(join(d, 'new', 'deeper'));
    expect(existsSync(join(d, 'new'))).toBe(false);
    expect(readdirSync(d)).toEqual(['a-file']);
  });
});
