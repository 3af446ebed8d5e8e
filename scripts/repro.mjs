#!/usr/bin/env node
// `pnpm repro <paper…|all> [options]`: validates the invocation, builds what is needed, and runs each paper's `repro` task
// through turbo (an unchanged paper with the same arguments is a cache hit), then summarises and sets the exit code:
// 0 all checked claims pass · 1 a claim failed · 2 bad input (one line, nothing written) · 3 runtime fault.
// `--out DIR` runs the paper's bin directly (no turbo, no cache).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const fail = (msg, code = 2) => {
  process.stderr.write(`repro: error: ${msg}\n`);
  process.exit(code);
};

const papers = readdirSync(join(root, 'papers'))
  .filter((d) => existsSync(join(root, 'papers', d, 'package.json')))
  .sort();

const diffUsage = `Usage: pnpm repro diff <runA> <runB> [--rtol R] [--atol A] [--strict] [--all] [--json]

Compares two results directories (e.g. papers/du2019/results/smoke and a stored baseline) claim by claim and value by value.
Observed numbers of allclose claims use the claim's own rtol/atol; every other number uses --rtol/--atol (default 1e-9, 0).
  --strict  any number outside its tolerance counts as a regression (default: only pass → fail or a vanished claim)
  --all     print every compared row, not only the differences
  --json    print the comparison as JSON
Exit codes: 0 no regression · 1 regression · 2 bad input (missing or malformed run directory, different papers)
`;

/** `repro diff A B`: one-line errors and exit 2 on bad input, like every other command. */
async function diffCommand(args) {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(diffUsage);
    process.exit(0);
  }
  const dirs = [];
  const opts = {};
  let json = false;
  let all = false;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '--strict') opts.strict = true;
    else if (a === '--all') all = true;
    else if (a === '--json') json = true;
    else if (a === '--rtol' || a === '--atol') {
      const v = args[++k];
      const x = v === undefined ? Number.NaN : Number(v);
      if (v === undefined || v.trim() === '' || !Number.isFinite(x) || x < 0) fail(`${a} expects a finite number ≥ 0, got '${v ?? ''}'`);
      opts[a.slice(2)] = x;
    } else if (a.startsWith('-')) fail(`unknown option '${a}' for repro diff (see pnpm repro diff --help)`);
    else dirs.push(a);
  }
  if (dirs.length !== 2) fail(`repro diff needs exactly two run directories, got ${dirs.length} (see pnpm repro diff --help)`);
  const b = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter', '@repro/harness...', '--output-logs=errors-only', '--log-prefix=none'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) fail('build of @repro/harness failed (run `pnpm build` to see why)', 3);
  const { diffRuns, formatDiff } = await import(pathToFileURL(join(root, 'packages/harness/dist/index.js')).href);
  let r;
  try {
    r = diffRuns(resolve(process.cwd(), dirs[0]), resolve(process.cwd(), dirs[1]), opts);
  } catch (e) {
    if (e?.name === 'UsageError') fail(e.message);
    fail(`diff failed: ${e?.message ?? e}`, 3);
  }
  process.stdout.write(json ? `${JSON.stringify({ a: r.a.dir, b: r.b.dir, regressions: r.regressions, changed: r.changed, rows: r.rows }, null, 2)}\n` : `${formatDiff(r, all)}\n`);
  process.exit(r.regressions > 0 ? 1 : 0);
}

const usage = `Usage: pnpm repro <paper…|all> [options]
       pnpm repro diff <runA> <runB> [--rtol R] [--atol A] [--strict] [--all] [--json]

Papers: ${papers.join(', ')}   (all = every paper)
Options (per paper; see \`pnpm repro <paper> --help\` for its config keys and claims):
  --profile smoke|paper  --seed S  --seeds K  --workers N  --backend auto|wasm|cpu|tensorflow
  --only GLOB  --set key=value  --json  --out DIR  --max-memory SIZE  --fault NAME (smoke only)
Verdicts: pass · fail · inconclusive (the data can tell neither) · skip
Exit codes: 0 no checked claim failed · 1 a claim failed · 2 bad input · 3 runtime fault
`;

const names = [];
let i = 0;
while (i < argv.length && !argv[i].startsWith('-')) names.push(argv[i++]);
const rest = argv.slice(i);
if (names.length === 0) {
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(usage);
    process.exit(0);
  }
  process.stderr.write(usage);
  fail('name a paper (or all)');
}
if (names[0] === 'diff') await diffCommand(argv.slice(1));
const selected = names.includes('all') ? papers : names;
for (const n of selected) if (!papers.includes(n)) fail(`unknown paper '${n}' (known: ${papers.join(', ')}, all)`);

const pnpmExec = (args, opts = {}) => spawnSync('pnpm', ['exec', ...args], { cwd: root, stdio: 'inherit', ...opts });

// 1. Build what the selected papers need (cached by turbo; quiet unless it fails).
const filters = selected.flatMap((p) => ['--filter', `@repro/${p}...`]);
// REPRO_NO_BUILD=1 skips this step for callers that have just built everything (scripts/check-cli.mjs runs dozens of
// invocations); a missing dist/ is still reported below.
if (process.env.REPRO_NO_BUILD !== '1') {
  const build = pnpmExec(['turbo', 'run', 'build', ...filters, '--output-logs=errors-only', '--log-prefix=none'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) fail('build failed (run `pnpm build` to see why)', 3);
}
const importPaper = async (p) => {
  const entry = join(root, 'papers', p, 'dist/index.js');
  if (!existsSync(entry)) fail(`${p} is not built (${entry} is missing; run pnpm build)`, 3);
  return import(pathToFileURL(entry).href);
};

// 2. Validate every invocation before anything runs (bad input → one line, exit 2, nothing written).
const { validateInvocation, helpText, writeIndex } = await import(pathToFileURL(join(root, 'packages/harness/dist/index.js')).href);
const wantsHelp = rest.includes('--help') || rest.includes('-h');
let profile = 'paper';
let outDir;
for (const p of selected) {
  const { paper } = await importPaper(p);
  try {
    const inv = validateInvocation(paper, rest, join(root, 'papers', p));
    if (wantsHelp) {
      process.stdout.write(helpText(paper));
      continue;
    }
    profile = (inv.set ?? []).length > 0 ? 'custom' : inv.profile;
    outDir = inv.outDir;
  } catch (e) {
    if (e?.name === 'UsageError') fail(e.message);
    throw e;
  }
}
if (wantsHelp) process.exit(0);
if (outDir !== undefined && selected.length > 1) fail('--out takes a single paper');

// 3. Run: through turbo (cached), or directly when --out is given.
let crashed = false;
const env = { ...process.env, ...(process.stdout.isTTY ? { REPRO_PROGRESS: '1' } : {}) };
if (outDir !== undefined) {
  const r = spawnSync(process.execPath, [join(root, 'papers', selected[0], 'dist/bin.js'), ...rest], { cwd: join(root, 'papers', selected[0]), stdio: 'inherit', env });
  process.exit(r.status ?? 3);
}
// Single paper: stream its log live (progress lines); several: group each paper's log.
const logOrder = selected.length === 1 ? 'stream' : 'grouped';
const turboArgs = ['turbo', 'run', 'repro', ...selected.flatMap((p) => ['--filter', `@repro/${p}`]), '--output-logs=full', `--log-order=${logOrder}`, '--', ...rest];
const hits = new Set();
const status = await new Promise((resolve) => {
  const child = spawn('pnpm', ['exec', ...turboArgs], { cwd: root, env, stdio: ['inherit', 'pipe', 'inherit'] });
  let pending = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const m = /@repro\/([\w.-]+):repro: cache hit/.exec(line);
      if (m) hits.add(m[1]);
    }
  });
  child.on('close', (code) => resolve(code ?? 3));
});
if (status !== 0) crashed = true;
for (const p of hits) process.stdout.write(`${p}: turbo cache hit — results restored from cache, nothing recomputed\n`);

// 4. Summarise from the written claims.json files and set the exit code.
let anyFail = false;
const runs = [];
for (const p of selected) {
  const dir = join(root, 'papers', p, 'results', profile);
  const file = join(dir, 'claims.json');
  if (!existsSync(file)) {
    process.stdout.write(`${p}: no results (the run did not complete)\n`);
    crashed = true;
    continue;
  }
  const claims = JSON.parse(readFileSync(file, 'utf8'));
  const count = (s) => claims.filter((c) => c.status === s).length;
  const ids = (s) => claims.filter((c) => c.status === s).map((c) => c.id);
  const failed = ids('fail');
  const unsure = ids('inconclusive');
  if (failed.length > 0) anyFail = true;
  runs.push({ paper: p, dir });
  process.stdout.write(
    `${p} [${profile}]: ${count('pass')} pass, ${count('fail')} fail, ${count('inconclusive')} inconclusive, ${count('skip')} skip — papers/${p}/results/${profile}/report.html${failed.length ? `\n  failed: ${failed.join(', ')}` : ''}${unsure.length ? `\n  inconclusive: ${unsure.join(', ')}` : ''}\n`,
  );
}
if (names.includes('all') || selected.length > 1) process.stdout.write(`index: ${writeIndex(root, runs)}\n`);
process.exit(crashed ? 3 : anyFail ? 1 : 0);
