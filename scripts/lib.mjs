// Shared by the repo scripts: the paper list and the result file each end-to-end check writes for count-tests.mjs.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

/** Every paper package (a folder of papers/ with a package.json), sorted. */
export const listPapers = () =>
  readdirSync(join(root, 'papers'))
    .filter((d) => existsSync(join(root, 'papers', d, 'package.json')))
    .sort();

/** test-results/<name>.json in vitest's report shape, so scripts/count-tests.mjs adds it to the CI total. */
export function writeCheckResult(name, passed, failed) {
  mkdirSync(join(root, 'test-results'), { recursive: true });
  writeFileSync(join(root, 'test-results', `${name}.json`), JSON.stringify({ numPassedTests: passed, numFailedTests: failed }));
}

/**
 * A run's wall time in words, from its manifest. A merged sharded run's own wallSeconds is the merge alone; its wall is
 * the slowest shard plus the merge (shards run side by side), and the text says so.
 */
export function runWallText(m) {
  if (typeof m.wallSeconds !== 'number') return '?';
  const sw = m.shards?.wallSeconds;
  if (!Array.isArray(sw) || sw.length === 0) return `${Math.round(m.wallSeconds)} s`;
  const slowest = Math.max(...sw);
  return `${Math.round(slowest + m.wallSeconds)} s (${sw.length} shard${sw.length === 1 ? '' : 's'} by ${m.shards.mode ?? '?'}, slowest ${Math.round(slowest)} s, merge ${m.wallSeconds.toFixed(1)} s)`;
}

/**
 * Runs `node <args>` asynchronously (stdout ignored, stderr kept), so checks can run several computations side by side.
 * Resolves to { status, stderr, seconds }.
 */
export function runNodeAsync(args, { cwd, env = process.env } = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b) => {
      stderr += b;
    });
    child.on('error', (e) => {
      stderr += `${e.message}\n`;
    });
    child.on('close', (status) => resolve({ status, stderr, seconds: (performance.now() - t0) / 1000 }));
  });
}
