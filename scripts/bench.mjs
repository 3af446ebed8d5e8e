#!/usr/bin/env node
// `pnpm bench` runs every package's benchmark, one package at a time (run in parallel they would share the 2 cores and
// skew every figure); each prints its figures next to their targets.
// `pnpm bench --check [--update] [--runs K] [--tolerance 0.25]` compares the figures with the stored figures of this box
// (bench/baseline.json) and fails on a > 25 % slowdown: see scripts/bench-check.mjs. Other arguments go to turbo
// (e.g. `pnpm bench --filter @repro/linalg`).
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(`usage: pnpm bench [turbo options]          run every benchmark (one package at a time)
       pnpm bench --check [--runs K] [--tolerance F]   compare with bench/baseline.json, exit 1 on a slowdown > F (0.25)
       pnpm bench --check --update [--runs K]          rewrite the baseline (median of K runs, default 3; idle machine)`);
  process.exit(0);
}
const root = new URL('..', import.meta.url).pathname;
const run = (cmd, argv) => spawnSync(cmd, argv, { cwd: root, stdio: 'inherit' }).status ?? 1;
if (args.includes('--check')) process.exit(run(process.execPath, [`${root}scripts/bench-check.mjs`, ...args.filter((a) => a !== '--check')]));
process.exit(run('pnpm', ['exec', 'turbo', 'run', 'bench', '--concurrency=1', '--continue', ...args]));
