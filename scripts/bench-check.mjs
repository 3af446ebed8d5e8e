#!/usr/bin/env node
// `pnpm bench --check [--update] [--runs K] [--tolerance 0.25]` (alias `pnpm bench:check`): runs `pnpm bench` (one package at a time) with BENCH_RECORD set, so each
// bench records its figures (seconds, lower is better), and compares them with the stored figures of this box in
// bench/baseline.json: a figure more than 25 % slower than its baseline fails (exit 1); a figure with no baseline is
// reported. `--update` rewrites the baseline from this run (do it on an idle machine). Not part of CI's default run:
// timings on a shared CI runner say little. Prints `bench-check: N passed, M failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const update = args.includes('--update');
const known = new Set(['--update', '--runs', '--tolerance']);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs' || args[i] === '--tolerance') i++;
  else if (!known.has(args[i])) {
    console.error(`bench-check: error: unknown argument '${args[i]}' (see pnpm bench --help)`);
    process.exit(2);
  }
}
const ti = args.indexOf('--tolerance');
const tolerance = ti >= 0 ? Number(args[ti + 1]) : 0.25;
if (!(tolerance > 0)) {
  console.error('bench-check: error: --tolerance expects a positive number (0.25 = 25 %)');
  process.exit(2);
}
const ri = args.indexOf('--runs');
// Timings on this VM vary from run to run (the du2019 GD iteration by up to ±40 %): the baseline is the median of 3 runs,
// a check the best of --runs (default 1; use 3 to cut false alarms).
const runs = ri >= 0 ? Number(args[ri + 1]) : update ? 3 : 1;
if (!(Number.isInteger(runs) && runs >= 1)) {
  console.error('bench-check: error: --runs expects a positive integer');
  process.exit(2);
}
// The GEMM kernels the benches run on (REPRO_GEMM, default auto): stored with the baseline, printed with the check.
const { gemmInfo } = await import(new URL('../packages/linalg/src/wasm/gemm.mjs', import.meta.url).href);
const gemm = gemmInfo()?.label ?? 'no WebAssembly SIMD';
console.log(`bench-check: GEMM kernels: ${gemm}`);
const record = join(mkdtempSync(join(tmpdir(), 'bench-')), 'record.jsonl');
writeFileSync(record, '');
// The benches' own exit codes (a bench may exit 1 when it misses its target) do not decide this check: the comparison does.
for (let r = 0; r < runs; r++) spawnSync('pnpm', ['bench'], { cwd: root, stdio: 'inherit', env: { ...process.env, BENCH_RECORD: record } });
const samples = {};
for (const line of readFileSync(record, 'utf8').split('\n').filter(Boolean)) {
  const { name, seconds } = JSON.parse(line);
  (samples[name] ??= []).push(seconds);
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
// Baseline: the median of the runs (a typical time). Check: the best of the runs (a slowdown must show in every run).
const figures = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, update ? median(xs) : Math.min(...xs)]));
const baselineFile = join(root, 'bench', 'baseline.json');
if (update) {
  mkdirSync(join(root, 'bench'), { recursive: true });
  const meta = { note: `seconds, lower is better; median of ${runs} run(s) of \`pnpm bench --check --update\` on the 2-core reference box, idle`, recorded: new Date().toISOString(), gemm };
  writeFileSync(baselineFile, `${JSON.stringify({ meta, figures }, null, 2)}\n`);
  console.log(`bench-check: wrote ${Object.keys(figures).length} figures to ${baselineFile}`);
  process.exit(0);
}
if (!existsSync(baselineFile)) {
  console.error(`bench-check: error: no ${baselineFile} (run pnpm bench --check --update on an idle machine)`);
  process.exit(2);
}
const stored = JSON.parse(readFileSync(baselineFile, 'utf8'));
const baseline = stored.figures;
const mode = (label) => String(label ?? 'REPRO_GEMM=wasm').split(':')[0];
if (mode(stored.meta?.gemm) !== mode(gemm))
  console.log(`bench-check: note: the baseline was recorded with ${stored.meta?.gemm ?? 'the WebAssembly kernels (before the native provider)'}; this run uses ${mode(gemm)}`);
let passed = 0;
let failed = 0;
for (const [name, base] of Object.entries(baseline)) {
  const now = figures[name];
  if (now === undefined) {
    failed++;
    console.log(`bench-check: FAIL ${name}: no figure recorded this run (bench removed or crashed?)`);
    continue;
  }
  const ratio = now / base;
  const ok = ratio <= 1 + tolerance;
  if (ok) passed++;
  else failed++;
  console.log(`bench-check: ${ok ? 'ok  ' : 'FAIL'} ${name}: ${now.toFixed(3)} s vs ${base.toFixed(3)} s (${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(0)} %)`);
}
for (const name of Object.keys(figures)) if (!(name in baseline)) console.log(`bench-check: new  ${name}: ${figures[name].toFixed(3)} s (no baseline yet)`);
console.log(`bench-check: ${passed} passed, ${failed} failed (slowdown tolerance ${(tolerance * 100).toFixed(0)} %)`);
process.exit(failed > 0 ? 1 : 0);
