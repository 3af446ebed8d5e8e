import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, diffRuns, formatDiff } from '../src/index.js';

type C = { id: string; status: string; observed: Record<string, number | string>; tolerance: Record<string, unknown> };
function runDir(claims: C[], values: Record<string, unknown>, paper = 'p'): string {
  const d = mkdtempSync(join(tmpdir(), 'diff-'));
  writeFileSync(join(d, 'manifest.json'), JSON.stringify({ paper, profile: 'smoke', backend: { name: 'wasm' }, git: { commit: 'abc' } }));
  writeFileSync(join(d, 'claims.json'), JSON.stringify(claims));
  writeFileSync(join(d, 'values.json'), JSON.stringify(values));
  return d;
}
const ac = { kind: 'allclose', rtol: 1e-3, atol: 0 };
const bd = { kind: 'bound', side: 'le' };

describe('diffRuns', () => {
  it('identical runs: no differences, no regression', () => {
    const cl = [{ id: 'a', status: 'pass', observed: { x: 1, n: 'NaN' }, tolerance: ac }];
    const r = diffRuns(runDir(cl, { v: { value: 2 } }), runDir(cl, { v: { value: 2 } }));
    expect(r.regressions).toBe(0);
    expect(r.rows.every((x) => x.verdict === 'same')).toBe(true);
    expect(formatDiff(r)).toContain('(no differences)');
  });
  it('uses the claim tolerance for allclose observations and rtol elsewhere; pass → fail is a regression', () => {
    const a = runDir(
      [
        { id: 'a', status: 'pass', observed: { x: 1 }, tolerance: ac },
        { id: 'b', status: 'pass', observed: { y: 1 }, tolerance: bd },
        { id: 'c', status: 'fail', observed: {}, tolerance: bd },
        { id: 'gone', status: 'pass', observed: {}, tolerance: bd },
      ],
      { v: { value: 1, sd: 0.1 } },
    );
    const b = runDir(
      [
        { id: 'a', status: 'pass', observed: { x: 1.0005 }, tolerance: ac },
        { id: 'b', status: 'fail', observed: { y: 1.0005 }, tolerance: bd },
        { id: 'c', status: 'pass', observed: {}, tolerance: bd },
      ],
      { v: { value: 1.5, sd: 0.1 } },
    );
    const r = diffRuns(a, b);
    const v = (item: string) => r.rows.find((x) => x.item === item)?.verdict;
    expect(v('claim a observed.x')).toBe('within');
    expect(v('claim b')).toBe('regression');
    expect(v('claim b observed.y')).toBe('changed');
    expect(v('claim c')).toBe('improved');
    expect(v('claim gone')).toBe('regression');
    expect(v('value v')).toBe('changed');
    expect(r.regressions).toBe(2);
    expect(diffRuns(a, b, { strict: true }).regressions).toBe(4);
    expect(diffRuns(a, b, { rtol: 0.6 }).rows.find((x) => x.item === 'value v')?.verdict).toBe('within');
  });
  it('refuses malformed run directories and different papers with a UsageError', () => {
    const good = runDir([], {});
    const empty = mkdtempSync(join(tmpdir(), 'diff-'));
    expect(() => diffRuns(good, empty)).toThrow(UsageError);
    expect(() => diffRuns(good, join(empty, 'nope'))).toThrow(/does not exist/);
    const bad = runDir([], {});
    writeFileSync(join(bad, 'claims.json'), '{not json');
    expect(() => diffRuns(good, bad)).toThrow(/not valid JSON/);
    const notArray = runDir([], {});
    writeFileSync(join(notArray, 'claims.json'), '{}');
    expect(() => diffRuns(good, notArray)).toThrow(/not an array/);
    const badClaim = runDir([{ id: 'a', status: 'maybe', observed: {}, tolerance: bd }], {});
    expect(() => diffRuns(good, badClaim)).toThrow(/entry 0 is not a claim/);
    expect(() => diffRuns(good, runDir([], {}, 'q'))).toThrow(/different papers/);
    mkdirSync(join(empty, 'sub'));
    expect(() => diffRuns(good, good, { rtol: -1 })).toThrow(UsageError);
  });
});
