#!/usr/bin/env node
// Cherry-pick check: pack the core packages and one or more papers into tarballs with `pnpm pack`, install them into a
// scratch project outside the monorepo (offline: third-party dependencies come from the local pnpm store, @repro/* only
// from the tarballs), then run the paper's bin (`repro-<id> --profile smoke`) and its programmatic API
// (`import { paper } from '@repro/<id>'` + `runPaper` from @repro/harness).
//
// Usage: node scripts/cherry-pick.mjs [paper…|all] [--keep]     (default: du2019)
// Prints `cherry-pick: N passed, M failed`, writes test-results/cherry-pick.json, exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPapers, root, writeCheckResult } from './lib.mjs';

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const allPapers = listPapers();
let papers = args.filter((a) => !a.startsWith('--'));
if (papers.length === 0) papers = ['du2019'];
if (papers.includes('all')) papers = allPapers;
for (const p of papers)
  if (!allPapers.includes(p)) {
    console.error(`cherry-pick: error: unknown paper '${p}' (known: ${allPapers.join(', ')}, all)`);
    process.exit(2);
  }
const CORE = ['concentration', 'linalg', 'nets', 'harness'];

let passed = 0;
let failed = 0;
const check = (ok, what, detail = '') => {
  if (ok) passed++;
  else failed++;
  console.log(`cherry-pick: ${ok ? 'ok  ' : 'FAIL'} ${what}${ok || detail === '' ? '' : `\n${detail}`}`);
  return ok;
};
const sh = (cmd, cmdArgs, cwd, extra = {}) => spawnSync(cmd, cmdArgs, { cwd, encoding: 'utf8', ...extra });
const tail = (r) => `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');

const scratch = mkdtempSync(join(tmpdir(), 'cherry-pick-'));
const tarballs = join(scratch, 'tarballs');
mkdirSync(tarballs);
const t0 = Date.now();

// 1. Build, then pack (pnpm pack rewrites workspace:^ ranges to the packages' versions).
const build = sh('pnpm', ['exec', 'turbo', 'run', 'build', ...papers.flatMap((p) => ['--filter', `@repro/${p}...`]), '--output-logs=errors-only'], root);
if (!check(build.status === 0, 'build', tail(build))) process.exit(1);
const dirs = [...CORE.map((c) => join(root, 'packages', c)), ...papers.map((p) => join(root, 'papers', p))];
const tgz = {};
for (const d of dirs) {
  const name = JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')).name;
  const r = sh('pnpm', ['pack', '--pack-destination', tarballs], d);
  const file = readdirSync(tarballs).find((f) => f.startsWith(name.replace('@', '').replace('/', '-')) && f.endsWith('.tgz'));
  if (!check(r.status === 0 && file !== undefined, `pack ${name}`, tail(r))) process.exit(1);
  tgz[name] = join(tarballs, file);
}

// 2. A scratch project that knows nothing of the monorepo: every @repro/* dependency, direct or transitive, is a tarball.
const app = join(scratch, 'app');
mkdirSync(app);
const fileDep = (n) => `file:${tgz[n]}`;
writeFileSync(
  join(app, 'package.json'),
  JSON.stringify(
    {
      name: 'cherry-pick-app',
      private: true,
      type: 'module',
      dependencies: Object.fromEntries([...papers.map((p) => `@repro/${p}`), '@repro/harness'].map((n) => [n, fileDep(n)])),
      pnpm: {
        overrides: Object.fromEntries(Object.keys(tgz).map((n) => [n, fileDep(n)])),
        onlyBuiltDependencies: [],
        ignoredBuiltDependencies: ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu', 'core-js'],
      },
    },
    null,
    2,
  ),
);
// --prefer-offline: third-party packages come from the local pnpm store (the monorepo's install filled it); only metadata the
// store lacks is fetched from the registry. No @repro/* package can come from the registry: the overrides pin them to tarballs.
const install = sh('pnpm', ['install', '--prefer-offline', '--ignore-workspace', '--reporter=append-only'], app);
if (!check(install.status === 0, `install ${Object.keys(tgz).length} tarballs (+ third-party deps from the local store) into ${app}`, tail(install))) process.exit(1);
check(!existsSync(join(app, 'node_modules', '@repro', 'testkit')), 'the private testkit is not installed');

// 3. Each paper: its bin (help and a smoke run) and its programmatic API.
for (const p of papers) {
  const bin = join(app, 'node_modules', '.bin', `repro-${p}`);
  const help = sh(bin, ['--help'], app);
  check(help.status === 0 && help.stdout.includes('--profile'), `${p}: repro-${p} --help`, tail(help));
  const t1 = Date.now();
  const run = sh(bin, ['--profile', 'smoke'], app, { env: { ...process.env, REPRO_PROGRESS: '0' } });
  const claimsFile = join(app, 'results', p, 'smoke', 'claims.json');
  const claims = existsSync(claimsFile) ? JSON.parse(readFileSync(claimsFile, 'utf8')) : [];
  check(
    run.status === 0 && claims.length > 0 && claims.every((c) => c.status !== 'fail'),
    `${p}: repro-${p} --profile smoke → exit ${run.status}, ${claims.filter((c) => c.status === 'pass').length}/${claims.length} pass, results in ./results/${p}/smoke (${((Date.now() - t1) / 1000).toFixed(1)} s)`,
    tail(run),
  );
  const api = join(app, `api-${p}.mjs`);
  writeFileSync(
    api,
    `import { paper } from '@repro/${p}';
import { runPaper } from '@repro/harness';
const first = paper.claims.find((c) => c.profiles.includes('smoke'));
const s = await runPaper(paper, { profile: 'smoke', seed: 0, seeds: 1, backend: 'auto', only: [first.id], outDir: 'api-results/${p}' });
console.log(JSON.stringify({ id: first.id, pass: s.pass, fail: s.fail, skip: s.skip }));
process.exit(s.pass === 1 && s.fail === 0 ? 0 : 1);
`,
  );
  const r = sh(process.execPath, [api], app);
  check(r.status === 0 && existsSync(join(app, 'api-results', p, 'claims.json')), `${p}: import { paper } from '@repro/${p}' + runPaper (one claim) → ${r.stdout.trim().split('\n').pop()}`, tail(r));
}

console.log(`cherry-pick: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(0)} s)${keep ? ` — kept ${scratch}` : ''}`);
if (!keep) rmSync(scratch, { recursive: true, force: true });
writeCheckResult('cherry-pick', passed, failed);
process.exit(failed > 0 ? 1 : 0);
