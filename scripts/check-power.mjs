#!/usr/bin/env node
// `pnpm check:power [paper…] [--jobs N] [--json] [--keep DIR]`: can our verdicts fail?
//
// Every paper declares planted faults (plausible bugs, `paper.faults`) and every verdict claim names the faults it must
// catch (`claim.catches`). This runs the smoke profile once per fault — only the claims that declare it (`--only`), so only
// the experiments they need — and requires each of those claims NOT to pass (fail or inconclusive). It prints a claim ×
// fault table per paper and ends with `power: K of N claims catch at least one planted fault`.
//
// Fails (exit 1) when a declared catch passes (the claim cannot see the bug it says it sees), when a faulted run crashes,
// or when a verdict claim checked under smoke declares no fault at all (it must catch one or be `observational`).
// Paper-only claims cannot be exercised here (faults are refused under the paper profile) and are listed as such.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listPapers, root, writeCheckResult } from './lib.mjs';

const usage = `Usage: pnpm check:power [paper…] [--jobs N] [--json] [--keep DIR]

Runs each paper's smoke profile once per planted fault (only the claims that declare it) and checks that every declaring
claim does not pass. Ends with "power: K of N claims catch at least one planted fault".
  --jobs N    faulted runs in parallel (default 2)
  --json      also print the claim × fault table as JSON (always written to test-results/power-table.json)
  --keep DIR  keep each faulted run's results under DIR/<paper>/<fault> (default: a temporary directory, removed)
Exit codes: 0 every declared catch caught and every smoke verdict claim declares one · 1 otherwise · 2 bad input
`;
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(usage);
  process.exit(0);
}
const all = listPapers();
const papers = [];
let jobs = 2;
let json = false;
let keep;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--jobs') {
    jobs = Number(args[++i]);
    if (!Number.isInteger(jobs) || jobs < 1) {
      process.stderr.write(`check-power: --jobs expects a positive integer\n`);
      process.exit(2);
    }
  } else if (a === '--json') json = true;
  else if (a === '--keep') keep = args[++i];
  else if (a.startsWith('-')) {
    process.stderr.write(`check-power: unknown option '${a}'\n${usage}`);
    process.exit(2);
  } else if (!all.includes(a)) {
    process.stderr.write(`check-power: unknown paper '${a}' (known: ${all.join(', ')})\n`);
    process.exit(2);
  } else papers.push(a);
}
if (papers.length === 0) papers.push(...all);

const b = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', ...papers.flatMap((p) => ['--filter', `@repro/${p}...`]), '--output-logs=errors-only', '--log-prefix=none'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (b.status !== 0) {
  process.stderr.write('check-power: build failed (run `pnpm build`)\n');
  process.exit(3);
}

const work = keep ?? mkdtempSync(join(tmpdir(), 'repro-power-'));
const t0 = performance.now();
const tasks = [];
const meta = {};
for (const p of papers) {
  const { paper } = await import(pathToFileURL(join(root, 'papers', p, 'dist/index.js')).href);
  const faults = Object.keys(paper.faults ?? {});
  const claims = paper.claims.map((c) => ({
    id: c.id,
    smoke: c.profiles.includes('smoke'),
    observational: c.observational,
    catches: [...(c.catches ?? [])],
  }));
  meta[p] = { faults, claims, descriptions: Object.fromEntries(faults.map((f) => [f, paper.faults[f].description])) };
  for (const f of faults) {
    const ids = claims.filter((c) => c.smoke && c.catches.includes(f)).map((c) => c.id);
    if (ids.length > 0) tasks.push({ paper: p, fault: f, ids });
  }
}

/** One faulted smoke run of one paper, restricted to the claims that declare the fault. */
function runTask(t) {
  const out = join(work, t.paper, t.fault);
  rmSync(out, { recursive: true, force: true });
  const a = performance.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(root, 'papers', t.paper, 'dist/bin.js'), '--profile', 'smoke', '--fault', t.fault, ...t.ids.flatMap((id) => ['--only', id]), '--out', out, '--json'],
      { cwd: join(root, 'papers', t.paper), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, REPRO_PROGRESS: '0' } },
    );
    let err = '';
    child.stderr.on('data', (d) => {
      err += d.toString();
    });
    child.stdout.resume();
    child.on('close', (code) => {
      const file = join(out, 'claims.json');
      const statuses = {};
      if (existsSync(file)) for (const c of JSON.parse(readFileSync(file, 'utf8'))) statuses[c.id] = { status: c.status, note: c.note ?? '' };
      resolve({ ...t, code, statuses, seconds: (performance.now() - a) / 1000, error: code === 0 || code === 1 ? '' : err.trim().split('\n').pop() });
    });
  });
}

const results = [];
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(jobs, tasks.length) }, async () => {
    while (next < tasks.length) {
      const t = tasks[next++];
      const r = await runTask(t);
      results.push(r);
      const caught = r.ids.filter((id) => r.statuses[id] !== undefined && r.statuses[id].status !== 'pass' && r.statuses[id].status !== 'skip').length;
      process.stdout.write(`power: ${r.paper} --fault ${r.fault}: ${caught}/${r.ids.length} declaring claims caught it (${r.seconds.toFixed(1)} s)${r.error ? ` — run failed: ${r.error}` : ''}\n`);
    }
  }),
);

let problems = 0;
let verdictClaims = 0;
let catching = 0;
const table = {};
const lines = [];
for (const p of papers) {
  const m = meta[p];
  table[p] = {};
  lines.push('', `## ${p} (${m.faults.length} planted fault${m.faults.length === 1 ? '' : 's'})`, '');
  for (const f of m.faults) lines.push(`  ${f}: ${m.descriptions[f]}`);
  lines.push('');
  const head = ['claim', ...m.faults];
  const rows = [];
  for (const c of m.claims) {
    const row = [c.id];
    table[p][c.id] = {};
    let caughtAny = false;
    for (const f of m.faults) {
      if (!c.catches.includes(f)) {
        row.push('·');
        continue;
      }
      if (!c.smoke) {
        row.push('paper-only');
        continue;
      }
      const r = results.find((x) => x.paper === p && x.fault === f);
      const st = r?.statuses[c.id]?.status ?? (r?.error ? 'crash' : 'missing');
      table[p][c.id][f] = st;
      const ok = st === 'fail' || st === 'inconclusive';
      if (ok) caughtAny = true;
      else problems++;
      row.push(ok ? `caught (${st})` : `MISSED (${st})`);
    }
    if (c.observational !== undefined) row.push('observational');
    else {
      verdictClaims++;
      if (caughtAny) catching++;
      else if (!c.smoke) row.push('paper-only: not exercised');
      else if (c.catches.length === 0) {
        row.push('NO FAULT DECLARED');
        problems++;
      }
    }
    rows.push(row);
  }
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const fmt = (r) => r.map((x, i) => String(x).padEnd(w[i] ?? 0)).join('  ').trimEnd();
  lines.push(fmt(head), fmt(w.map((n) => '-'.repeat(n))), ...rows.map(fmt));
}
for (const r of results) if (r.error) problems++;
process.stdout.write(`${lines.join('\n')}\n\n`);
const summary = `power: ${catching} of ${verdictClaims} claims catch at least one planted fault (${tasks.length} faulted runs, ${((performance.now() - t0) / 1000).toFixed(0)} s, ${problems} problem${problems === 1 ? '' : 's'})`;
process.stdout.write(`${summary}\n`);
mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(join(root, 'test-results', 'power-table.json'), JSON.stringify({ table, catching, verdictClaims, problems }, null, 2));
if (json) process.stdout.write(`${JSON.stringify({ table, catching, verdictClaims, problems })}\n`);
writeCheckResult('power', problems === 0 ? 1 : 0, problems === 0 ? 0 : 1);
if (keep === undefined) rmSync(work, { recursive: true, force: true });
process.exit(problems === 0 ? 0 : 1);
