#!/usr/bin/env node
// End-to-end check of `pnpm repro` on bad input: every invocation must exit 2 with a single `repro: error:` line on stderr,
// no stack trace, and must not create or touch any results directory. Prints `cli: N passed, M failed`; exits 1 on failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPapers, root, writeCheckResult } from './lib.mjs';

// Each case: [args, env?]. Table-driven: every row must exit 2 with one `repro: error:` line and touch nothing.
const paperIds = listPapers();
const scratch = mkdtempSync(join(tmpdir(), 'check-cli-'));
// Malformed run directories for `repro diff`.
const notRun = join(scratch, 'not-a-run');
mkdirSync(notRun);
writeFileSync(join(notRun, 'notes.txt'), 'hello');
const badJson = join(scratch, 'bad-json');
mkdirSync(badJson);
for (const f of ['manifest.json', 'values.json']) writeFileSync(join(badJson, f), '{"paper":"du2019"}');
writeFileSync(join(badJson, 'claims.json'), '[{"id": ');
const badClaims = join(scratch, 'bad-claims');
mkdirSync(badClaims);
writeFileSync(join(badClaims, 'manifest.json'), '{"paper":"du2019"}');
writeFileSync(join(badClaims, 'values.json'), '{}');
writeFileSync(join(badClaims, 'claims.json'), '[{"id":"x","status":"maybe"}]');
const otherPaper = join(scratch, 'other-paper');
mkdirSync(otherPaper);
writeFileSync(join(otherPaper, 'manifest.json'), '{"paper":"zzz"}');
writeFileSync(join(otherPaper, 'values.json'), '{}');
writeFileSync(join(otherPaper, 'claims.json'), '[]');
const good = join(scratch, 'good');
mkdirSync(good);
writeFileSync(join(good, 'manifest.json'), '{"paper":"du2019"}');
writeFileSync(join(good, 'values.json'), '{}');
writeFileSync(join(good, 'claims.json'), '[]');
const faulted = join(scratch, 'faulted');
mkdirSync(faulted);
writeFileSync(join(faulted, 'manifest.json'), '{"paper":"du2019","fault":{"name":"x","description":"planted","layer":"model"}}');
writeFileSync(join(faulted, 'values.json'), '{}');
writeFileSync(join(faulted, 'claims.json'), '[]');
const aFile = join(scratch, 'a-file');
writeFileSync(aFile, 'x');

/** The first planted fault a paper declares in src/faults.ts (its first quoted key), or undefined. */
function firstFault(p) {
  const file = join(root, 'papers', p, 'src', 'faults.ts');
  if (!existsSync(file)) return undefined;
  return /['"]([a-z0-9]+(?:-[a-z0-9]+)*)['"]\s*:\s*\{/.exec(readFileSync(file, 'utf8'))?.[1];
}

const cases = [
  // unknown things
  [['nope']],
  [[]],
  [['du2019', 'nope']],
  [['du2019', '--bogus']],
  [['du2019', '--profile', 'huge']],
  [['du2019', '--profile']],
  [['du2019', '--backend', 'gpu']],
  [['du2019', '--backend']],
  [['du2019', '--set', 'foo=1']],
  [['du2019', '--set', '=5']],
  [['du2019', '--set', 'fig1N']],
  [['du2019', '--only', 'zzz*']],
  // planted faults: unknown, missing value, refused under the paper profile, and a faulted run compared with a clean one
  [['du2019', '--profile', 'smoke', '--fault', 'no-such-fault']],
  [['du2019', '--profile', 'smoke', '--fault']],
  [['du2019', '--fault', 'no-such-fault']],
  [['soudry2017', '--profile', 'paper', '--fault', 'no-such-fault']],
  [['diff', good, faulted]],
  // a real planted fault of each paper under the paper profile (refused: faults are for smoke runs only)
  ...paperIds.flatMap((p) => {
    const f = firstFault(p);
    return f === undefined ? [] : [[[p, '--profile', 'paper', '--fault', f]], [[p, '--fault', f]]];
  }),
  [['all', '--profile', 'huge']],
  [['all', '--set', 'noSuchKeyAnywhere=1']],
  // wrong types and values in --set
  [['du2019', '--set', 'fig1Widths=[-5]']],
  [['du2019', '--set', 'fig1Widths=abc']],
  [['du2019', '--set', 'fig1Widths=[]']],
  [['du2019', '--set', 'fig1Widths=[100,1.5]']],
  [['du2019', '--set', 'fig1N=0']],
  [['du2019', '--set', 'fig1N=-3']],
  [['du2019', '--set', 'fig1N=1.5']],
  [['du2019', '--set', 'fig1N=true']],
  [['du2019', '--set', 'fig1N="ten"']],
  [['du2019', '--set', 'fig1N=1e999']],
  [['du2019', '--set', 'fig1EtaScale=NaN']],
  [['du2019', '--set', 'fig1EtaScale=Infinity']],
  [['du2019', '--set', 'fig1EtaScale=0']],
  [['du2019', '--set', 'fig1EtaScale=-1']],
  [['du2019', '--set', 'delta=2']],
  [['du2019', '--set', 'thm41Precision=float16']],
  // seeds
  [['du2019', '--seed', '-1']],
  [['du2019', '--seed', 'x']],
  [['du2019', '--seed', '1.5']],
  [['du2019', '--seed']],
  [['du2019', '--seeds', '0']],
  [['du2019', '--seeds', '-2']],
  [['du2019', '--seeds', 'abc']],
  [['du2019', '--workers', '0']],
  [['du2019', '--workers', 'two']],
  [['du2019', '--workers']],
  // memory budget
  [['du2019', '--max-memory', 'lots']],
  [['du2019', '--max-memory', '0']],
  [['du2019', '--max-memory', '-5GB']],
  [['du2019', '--max-memory', '1KB']],
  [['du2019', '--set', 'fig1N=100000', '--set', 'fig1D=1000']],
  [['du2019'], { REPRO_MAX_MEMORY: 'lots' }],
  [['du2019', '--profile', 'smoke'], { REPRO_MAX_MEMORY: '1MB' }],
  // output directory that is not a results directory
  [['du2019', '--profile', 'smoke', '--out', '.']],
  [['du2019', '--profile', 'smoke', '--out', aFile]],
  // repro diff
  [['diff']],
  [['diff', good]],
  [['diff', good, join(scratch, 'missing')]],
  [['diff', good, aFile]],
  [['diff', good, notRun]],
  [['diff', good, badJson]],
  [['diff', good, badClaims]],
  [['diff', good, otherPaper]],
  [['diff', good, good, '--rtol', '-1']],
  [['diff', good, good, '--rtol']],
  [['diff', good, good, '--bogus']],
  // shards, merge, submit, status (issue 19)
  [['du2019', '--profile', 'smoke', '--shard', '2/2']],
  [['du2019', '--profile', 'smoke', '--shard', 'x']],
  [['du2019', '--profile', 'smoke', '--shard']],
  [['du2019', '--profile', 'smoke', '--shard', '0/2', '--shard-by', 'grid']],
  [['du2019', '--profile', 'smoke', '--shard-by', 'seed']],
  [['du2019', 'soudry2017', '--profile', 'smoke', '--shard', '0/2']],
  [['merge']],
  [['merge', notRun]],
  [['merge', good]],
  [['merge', good, '--bogus']],
  [['submit']],
  [['submit', 'du2019', '--shards', '2']],
  [['submit', 'du2019', '--engine', 'pbs', '--shards', '2']],
  [['submit', 'du2019', '--engine', 'slurm', '--shards', '0']],
  [['submit', 'du2019', '--engine', 'slurm']],
  [['submit', 'nope', '--engine', 'slurm', '--shards', '2']],
  [['status', 'no-such-run']],
  [['status', '--bogus']],
  // every paper: unknown profile and unknown key
  ...paperIds.flatMap((p) => [[[p, '--profile', 'nope']], [[p, '--set', 'noSuchKey=1']], [[p, '--seeds', '0']]]),
];

function snapshot() {
  const out = {};
  for (const p of readdirSync(join(root, 'papers'))) {
    const dir = join(root, 'papers', p, 'results');
    if (!existsSync(dir)) continue;
    for (const e of readdirSync(dir)) out[`${p}/${e}`] = statSync(join(dir, e)).mtimeMs;
  }
  return JSON.stringify(out);
}

// Build once, then run every case without the per-invocation build (REPRO_NO_BUILD), so the table stays fast.
const built = process.env.REPRO_NO_BUILD === '1' ? { status: 0 } : spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) {
  console.log('cli: FAIL the build failed');
  process.exit(1);
}
let passed = 0;
let failed = 0;
const before = snapshot();
// Each case is one short process (start-up bound, one thread): run as many at once as there are cores.
const runCase = ([args, env = {}]) =>
  new Promise((resolveCase) => {
    const child = spawn(process.execPath, [join(root, 'scripts/repro.mjs'), ...args], { cwd: root, env: { ...process.env, REPRO_NO_BUILD: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('close', (status) => resolveCase({ args, env, r: { status, stderr } }));
  });
const results = new Array(cases.length);
let nextCase = 0;
await Promise.all(
  Array.from({ length: Math.max(1, availableParallelism()) }, async () => {
    while (nextCase < cases.length) {
      const k = nextCase++;
      results[k] = await runCase(cases[k]);
    }
  }),
);
for (const { args, env, r } of results) {
  const lines = r.stderr.trim().split('\n').filter((l) => l.startsWith('repro:') || /Error|at /.test(l));
  const ok = r.status === 2 && lines.length === 1 && lines[0].startsWith('repro: error: ') && !/\n\s+at /.test(r.stderr);
  if (ok) passed++;
  else {
    failed++;
    console.log(`cli: FAIL ${Object.entries(env).map(([k, v]) => `${k}=${v} `).join('')}pnpm repro ${args.join(' ')} → exit ${r.status}\n${r.stderr}`);
  }
}
if (snapshot() !== before) {
  failed++;
  console.log('cli: FAIL a bad invocation touched a results directory');
} else passed++;
rmSync(scratch, { recursive: true, force: true });
console.log(`cli: ${cases.length} bad invocations; ${passed} passed, ${failed} failed`);
// Same shape as vitest's JSON report, so scripts/count-tests.mjs adds these to the CI total.
writeCheckResult('cli', passed, failed);
process.exit(failed > 0 ? 1 : 0);
