import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPaper } from '@repro/harness';
import { describe, expect, it } from 'vitest';
import { paper } from '../src/index.js';

// The whole smoke profile, end to end: every claim must pass and every figure must render.
describe('nguyen-mondelli2020 smoke profile', () => {
  it('every claim passes and every figure is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nm20-smoke-'));
    const out = join(dir, 'smoke');
    const s = await runPaper(paper, { profile: 'smoke', seed: 0, seeds: 1, backend: 'auto', packageRoot: dir, outDir: out });
    const claims = JSON.parse(readFileSync(join(out, 'claims.json'), 'utf8')) as { id: string; status: string; note?: string }[];
    const failed = claims.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.status} ${c.note ?? ''}`);
    expect(failed).toEqual([]);
    expect(claims.length).toBe(paper.claims.length);
    expect(claims.length).toBe(20);
    for (const id of ['nmm21.lemma3.1-limit', 'nm20.lemmaB2', 'nm20.lecun-width-scaling', 'nm20.sec3.1-width-N', 'nmm21.thm4.1-lambda-min-linear-n1', 'nmm21.lemma5.2-chernoff'])
      expect(claims.find((c) => c.id === id)?.status, id).toBe('pass');
    expect(s.exitCode).toBe(0);
    for (const f of paper.figures) expect(readFileSync(join(out, 'figures', `${f.id}.svg`), 'utf8')).toMatch(/<path/);
    const values = JSON.parse(readFileSync(join(out, 'values.json'), 'utf8')) as Record<string, { value: number; bound?: number; slack?: number }>;
    for (const k of [
      'nm20.pl.n1256.L3.g0.5',
      'nm20.rate.n1256.L3.g0.5',
      'nm20.path.n1256.L3.g0.5',
      'nm20.initSigmaF1.d16.n1x4',
      'nm20.lemmaB2.gradRatio',
      'nm20.lemmaB2.featureRatio',
      'nm20.widthN.finalLossRatio.L4.s1.g0.5',
      'nm20.widthN.rate.L4.s2.g0.5',
      'nmm21.lemma52.rho.d25.n1x4',
    ]) {
      expect(values[k], k).toBeDefined();
      expect(values[k]?.slack, k).toBeGreaterThanOrEqual(1);
    }
    for (const k of ['nm20.lecun.w1Norm.n1256', 'nmm21.n1Sweep.logLogSlope', 'nmm21.n1Sweep.lambdaMin.n13200', 'nmm21.lemma31.logLogSlope']) expect(values[k], k).toBeDefined();
  }, 300_000);
});
