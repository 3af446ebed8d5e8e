import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPaper } from '@repro/harness';
import { describe, expect, it } from 'vitest';
import { paper } from '../src/index.js';

/**
 * Claims that do not reproduce under smoke, with the measured reason (README deviation log). They must fail with numbers,
 * never pass silently; a change in this list is a change in the reproduction and belongs in the README.
 */
const KNOWN_FAILURES: Record<string, RegExp> = {
  // m* on the doubling grid grows with slope 1.5 > 1.3 at fixed d = 10 because λ(n) falls with n (Chernoff scale ‖X‖²/λ).
  'song-yang2019.lem.init-gram': /slope 1\.(5|49)\d* outside \[0, 1\.3\]/,
};
/** Not encodable (hypotheses unknown): skipped by design with its empirical companions reported. */
const SKIPPED = ['song-yang2019.claim.quadratic'];

describe('song-yang2019 smoke profile', () => {
  it('every claim passes (or is a documented non-reproduction / by-design skip) and every figure is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'song-yang2019-smoke-'));
    const out = join(dir, 'smoke');
    await runPaper(paper, { profile: 'smoke', seed: 0, seeds: 1, backend: 'auto', packageRoot: dir, outDir: out });
    const claims = JSON.parse(readFileSync(join(out, 'claims.json'), 'utf8')) as { id: string; status: string; note?: string }[];
    expect(claims.length).toBe(paper.claims.length);
    for (const c of claims) {
      const known = KNOWN_FAILURES[c.id];
      if (known !== undefined) {
        expect(c.status, c.id).toBe('fail');
        expect(c.note, c.id).toMatch(known);
      } else if (SKIPPED.includes(c.id)) expect(c.status, c.id).toBe('skip');
      else expect(`${c.id}: ${c.status} ${c.note ?? ''}`).toBe(`${c.id}: pass ${c.note ?? ''}`);
    }
    for (const f of paper.figures) expect(readFileSync(join(out, 'figures', `${f.id}.svg`), 'utf8')).toMatch(/<path/);
    const values = JSON.parse(readFileSync(join(out, 'values.json'), 'utf8')) as Record<string, { value: number; slack?: number }>;
    for (const k of ['thm.main.maxRatioToBound', 'thm.main.maxStepRatio', 'emp.mstar.exponent.d10']) expect(values[k], k).toBeDefined();
    expect(values['thm.main.maxRatioToBound']?.slack).toBeGreaterThanOrEqual(1);
  }, 240_000);
});
