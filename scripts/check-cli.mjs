#!/usr/bin/env node
// End-to-end check of `pnpm repro` on bad input: every invocation must exit 2 with a single `repro: error:` line on stderr,
// no stack trace, and must not create or touch any results directory. Prints `cli: N passed, M failed`; exits 1 on failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const cases = [
  ['nope'],
  [],
  ['du2019', '--profile', 'huge'],
  ['du2019', '--set', 'foo=1'],
  ['du2019', '--set', 'fig1Widths=[-5]'],
  ['du2019', '--set', 'fig1Widths=abc'],
  ['du2019', '--set', 'fig1N=0'],
  ['du2019', '--set', 'fig1N=1.5'],
  ['du2019', '--set', 'fig1EtaScale=NaN'],
  ['du2019', '--set', 'fig1EtaScale=0'],
  ['du2019', '--set', 'fig1EtaScale=-1'],
  ['du2019', '--set', 'delta=2'],
  ['du2019', '--set', 'fig1N'],
  ['du2019', '--backend', 'gpu'],
  ['du2019', '--seed', '-1'],
  ['du2019', '--seed', 'x'],
  ['du2019', '--seeds', '0'],
  ['du2019', '--bogus'],
  ['du2019', '--only', 'zzz*'],
  ['du2019', '--max-memory', 'lots'],
  ['du2019', '--set', 'fig1N=100000', '--set', 'fig1D=1000'],
  ['diff', 'a', 'b'],
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

let passed = 0;
let failed = 0;
const before = snapshot();
for (const args of cases) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/repro.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  const lines = r.stderr.trim().split('\n').filter((l) => l.startsWith('repro:') || /Error|at /.test(l));
  const ok = r.status === 2 && lines.length === 1 && lines[0].startsWith('repro: error: ') && !/\n\s+at /.test(r.stderr);
  if (ok) passed++;
  else {
    failed++;
    console.log(`cli: FAIL pnpm repro ${args.join(' ')} → exit ${r.status}\n${r.stderr}`);
  }
}
if (snapshot() !== before) {
  failed++;
  console.log('cli: FAIL a bad invocation touched a results directory');
} else passed++;
console.log(`cli: ${passed} passed, ${failed} failed`);
// Same shape as vitest's JSON report, so scripts/count-tests.mjs adds these to the CI total.
mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(join(root, 'test-results', 'cli.json'), JSON.stringify({ numPassedTests: passed, numFailedTests: failed }));
process.exit(failed > 0 ? 1 : 0);
