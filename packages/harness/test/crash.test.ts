/**
 * Fault tolerance with real processes: a run killed with SIGKILL at a random point leaves the previous results readable and
 * complete, the next run recovers (stale lock, leftover temp dirs), and two concurrent runs of one paper do not interleave.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { key, uniform } from '@repro/concentration';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const child = join(here, 'fixtures', 'slow-paper.ts');
const nodeArgs = ['--conditions=source', '--import', 'tsx', child];
const run = (root: string, ...args: string[]) => spawnSync(process.execPath, [...nodeArgs, root, ...args], { cwd: here, encoding: 'utf8' });

/** The results directory is complete and self-consistent: every file parses and the values carry one tag. */
function readResults(out: string): number {
  for (const f of ['manifest.json', 'claims.json', 'values.json', 'report.md', 'report.html']) expect(existsSync(join(out, f)), f).toBe(true);
  const claims = JSON.parse(readFileSync(join(out, 'claims.json'), 'utf8')) as { observed: { tag: number } }[];
  const values = JSON.parse(readFileSync(join(out, 'values.json'), 'utf8')) as Record<string, { value: number }>;
  const tags = new Set(Object.values(values).map((v) => v.value));
  expect(tags.size).toBe(1);
  const tag = claims[0]?.observed.tag as number;
  expect(tags.has(tag)).toBe(true);
  return tag;
}

describe('SIGKILL at a random point', () => {
  it('leaves the previous good results intact; the next run recovers', async () => {
    const root = mkdtempSync(join(tmpdir(), 'crash-'));
    const out = join(root, 'results', 'custom'); // any --set relabels the run 'custom'
    const first = run(root, '--profile', 'smoke', '--set', 'tag=1', '--set', 'values=20000');
    expect(first.status, first.stderr).toBe(0);
    expect(readResults(out)).toBe(1);
    // Kill times spread over start-up, compute and publishing (values=20000 makes the writes take a while); keyed, so
    // the test is reproducible.
    const delays = uniform(key(7), 6);
    let tag = 1;
    let killed = 0;
    for (let i = 0; i < delays.length; i++) {
      const p = spawn(process.execPath, [...nodeArgs, root, '--profile', 'smoke', '--set', `tag=${i + 2}`, '--set', 'values=20000', '--set', 'ms=300'], { cwd: here, stdio: 'ignore' });
      // Registered at spawn: 'close' can fire before a later listener is attached (that race hung this test under load).
      const closed = new Promise((r) => p.once('close', r));
      const ms = 200 + (delays[i] as number) * 1800;
      const exited = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          p.kill('SIGKILL');
          resolve(false);
        }, ms);
        p.on('exit', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      await closed;
      const now = readResults(out);
      // Either the old results or the complete new ones, never a mix.
      expect([tag, i + 2]).toContain(now);
      tag = now;
      if (exited) expect(now).toBe(i + 2);
      else killed++;
    }
    // Not vacuous: most delays land before the run could finish (start-up alone takes ~1 s).
    expect(killed).toBeGreaterThanOrEqual(3);
    const last = run(root, '--profile', 'smoke', '--set', 'tag=99');
    expect(last.status, last.stderr).toBe(0);
    expect(readResults(out)).toBe(99);
    expect(readdirSync(join(root, 'results')).filter((e) => e.startsWith('.') || e.endsWith('.lock'))).toEqual([]);
  }, 120_000);
});

describe('concurrent runs', () => {
  it('the second run of the same paper and profile is refused while the first holds the lock', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lock-'));
    // A holds the lock far longer than B can take to start, even on a loaded machine; it is killed once B has been refused.
    const a = spawn(process.execPath, [...nodeArgs, root, '--profile', 'smoke', '--set', 'tag=5', '--set', 'ms=600000'], { cwd: here, stdio: 'ignore' });
    const lock = join(root, 'results', 'custom.lock');
    const t0 = Date.now();
    while (!existsSync(lock) && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(lock)).toBe(true);
    const b = run(root, '--profile', 'smoke', '--set', 'tag=6', '--set', 'ms=1');
    expect(b.status, b.stderr).toBe(3);
    expect(b.stderr.trim().split('\n')).toHaveLength(1);
    expect(b.stderr).toMatch(/^repro: another run \(pid \d+\) is writing/);
    expect(existsSync(join(root, 'results', 'custom'))).toBe(false);
    a.kill('SIGKILL');
    await new Promise((r) => a.on('exit', r));
    // A died holding the lock: the next run takes the stale lock over and publishes.
    const c = run(root, '--profile', 'smoke', '--set', 'tag=7', '--set', 'ms=1');
    expect(c.status, c.stderr).toBe(0);
    expect(readResults(join(root, 'results', 'custom'))).toBe(7);
  }, 120_000);
});
