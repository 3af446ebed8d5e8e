import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPaper } from '@repro/harness';
import { describe, expect, it } from 'vitest';
import { paper } from '../src/index.js';

/**
 * Claims that do not reproduce under the card's criterion on our data draw (seed 0), with the reason; the README's deviation
 * log says the same. The test asserts they still fail, so a change that makes them pass updates this list and the README.
 */
const KNOWN_FAILURES: Record<string, string> = {
  'soudry2017.multiclass': 'gap·ln t rises from 0.99 (10⁴) to 1.20 and then saturates: bounded, as O(1/ln t) allows, but the card requires it not to increase',
};

// The whole smoke profile, end to end: every claim passes (except the documented failures) and every figure renders.
describe('soudry2017 smoke profile', () => {
  it('claims, values and figures; a second run is bit-identical', async () => {
    const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'soudry2017-smoke-')));
    const read = (d: string, f: string): string => readFileSync(join(d, 'smoke', f), 'utf8');
    for (const dir of dirs) await runPaper(paper, { profile: 'smoke', seed: 0, seeds: 1, backend: 'auto', packageRoot: dir, outDir: join(dir, 'smoke') });
    const d0 = dirs[0] as string;
    const claims = JSON.parse(read(d0, 'claims.json')) as { id: string; status: string; note?: string }[];
    expect(claims.length).toBe(paper.claims.length);
    const unexpected = claims.filter((c) => (c.id in KNOWN_FAILURES ? c.status !== 'fail' : c.status !== 'pass')).map((c) => `${c.id}: ${c.status} ${c.note ?? ''}`);
    expect(unexpected).toEqual([]);
    for (const f of paper.figures) expect(read(d0, `figures/${f.id}.svg`)).toMatch(/<path/);
    const values = JSON.parse(read(d0, 'values.json')) as Record<string, { value: number }>;
    for (const k of ['fig1.sigmaMax', 'asym.gd.tL.1e6', 'tight.gapTimesLnT', 'valLoss.predictedSlope']) expect(values[k], k).toBeDefined();
    // Determinism: same seed, same results, byte for byte.
    expect(read(dirs[1] as string, 'claims.json')).toBe(read(d0, 'claims.json'));
    expect(read(dirs[1] as string, 'values.json')).toBe(read(d0, 'values.json'));
  }, 240_000);
});
