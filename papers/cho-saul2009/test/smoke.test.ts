import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPaper } from '@repro/harness';
import { describe, expect, it } from 'vitest';
import { paper } from '../src/index.js';

// The whole smoke profile, end to end: every smoke claim must pass (paper-only claims are skipped), every figure renders.
describe('cho-saul2009 smoke profile', () => {
  it('every claim passes (or is paper-only and skipped) and every figure is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cho-saul2009-smoke-'));
    const out = join(dir, 'smoke');
    const t0 = performance.now();
    const s = await runPaper(paper, { profile: 'smoke', seed: 0, seeds: 1, backend: 'auto', packageRoot: dir, outDir: out });
    const seconds = (performance.now() - t0) / 1000;
    const claims = JSON.parse(readFileSync(join(out, 'claims.json'), 'utf8')) as { id: string; status: string; note?: string }[];
    const smokeIds = new Set(paper.claims.filter((c) => c.profiles.includes('smoke')).map((c) => c.id));
    const failed = claims.filter((c) => (smokeIds.has(c.id) ? c.status !== 'pass' : c.status !== 'skip')).map((c) => `${c.id}: ${c.status} ${c.note ?? ''}`);
    expect(failed).toEqual([]);
    expect(claims.length).toBe(paper.claims.length);
    expect(s.exitCode).toBe(0);
    for (const f of paper.figures) expect(readFileSync(join(out, 'figures', `${f.id}.svg`), 'utf8')).toMatch(/<(path|rect)/);
    const values = JSON.parse(readFileSync(join(out, 'values.json'), 'utf8')) as Record<string, { value: number; paper?: number | string }>;
    expect(values['svm.convex.n1.l2.testError']?.paper).toBe(18.53);
    expect(values['svm.convex.rbf.testError']?.value).toBeGreaterThan(0);
    const pos = values['svm.convex.meanOnPixels.positive']?.value as number;
    const neg = values['svm.convex.meanOnPixels.negative']?.value as number;
    expect(Math.abs(pos - neg) / neg).toBeLessThan(0.1); // card: otherwise pixel count is a shortcut
    console.log(`cho-saul2009 smoke wall time: ${seconds.toFixed(1)} s`);
  }, 240_000);
});
