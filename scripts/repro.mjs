#!/usr/bin/env node
// `pnpm repro <paper…|all> [options]`: validates the invocation, builds what is needed, and runs each paper's `repro` task
// through turbo (an unchanged paper with the same arguments is a cache hit), then summarises and sets the exit code:
// 0 all checked claims pass · 1 a claim failed · 2 bad input (one line, nothing written) · 3 runtime fault.
// `--out DIR` runs the paper's bin directly (no turbo, no cache).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
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

const mergeUsage = `Usage: pnpm repro merge <shardDir…> [--out DIR] [--json]

Merges the partial run directories written by \`pnpm repro <paper> --shard i/n\` (one per shard) into a complete run: refuses
(exit 2, one line) shards of different commits, lockfiles, configurations or seeds, and a missing or duplicated shard; then
checks the claims and writes claims.json, values.json, figures and reports to DIR (default papers/<id>/results/<profile>).
claims.json and values.json are byte-identical to an unsharded run. Exit codes as a run: 0 · 1 a claim failed · 2 · 3.
`;

/** `repro merge DIR… --out DIR`: the paper comes from the shards' manifests. */
async function mergeCommand(args) {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(mergeUsage);
    process.exit(0);
  }
  const userCwd = process.env.INIT_CWD ?? process.cwd();
  const dirs = [];
  let out;
  let json = false;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '--json') json = true;
    else if (a === '--out') {
      const v = args[++k];
      if (v === undefined || v.startsWith('--') || v === '') fail('--out expects a directory');
      out = resolve(userCwd, v);
    } else if (a.startsWith('--out=')) out = resolve(userCwd, a.slice(6));
    else if (a.startsWith('-')) fail(`unknown option '${a}' for repro merge (see pnpm repro merge --help)`);
    else dirs.push(resolve(userCwd, a));
  }
  if (dirs.length === 0) fail('repro merge needs the shard directories (see pnpm repro merge --help)');
  let paperId;
  for (const d of dirs) {
    const f = join(d, 'manifest.json');
    if (!existsSync(f)) fail(`${d} is not a shard directory (no manifest.json)`);
    let m;
    try {
      m = JSON.parse(readFileSync(f, 'utf8'));
    } catch {
      fail(`${f} is not valid JSON`);
    }
    if (m.kind !== 'repro-shard') fail(`${d} is not a shard directory (its manifest.json is not a repro-shard manifest)`);
    if (paperId !== undefined && m.paper !== paperId) fail(`${d} is a shard of ${m.paper}, the others of ${paperId}: merge one paper at a time`);
    paperId = m.paper;
  }
  if (!papers.includes(paperId)) fail(`the shards are of '${paperId}', which is not a paper here`);
  if (process.env.REPRO_NO_BUILD !== '1') {
    const b = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter', `@repro/${paperId}...`, '--output-logs=errors-only', '--log-prefix=none'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
    });
    if (b.status !== 0) fail(`build of ${paperId} failed (run \`pnpm build\` to see why)`, 3);
  }
  const { mergeMain } = await import(pathToFileURL(join(root, 'packages/harness/dist/index.js')).href);
  const { paper } = await import(pathToFileURL(join(root, 'papers', paperId, 'dist/index.js')).href);
  await mergeMain(paper, dirs, { outDir: out, json, packageRoot: join(root, 'papers', paperId) });
}

const usage = `Usage: pnpm repro <paper…|all> [options]
       pnpm repro diff <runA> <runB> [--rtol R] [--atol A] [--strict] [--all] [--json]
       pnpm repro merge <shardDir…> [--out DIR] [--json]
       pnpm repro submit <paper…> --engine slurm --shards N [--partition P] [--time T] [--cpus-per-task C] [--mem M] [--account A] [run options]
       pnpm repro status [runId] [--json]

Papers: ${papers.join(', ')}   (all = every paper)
Options (per paper; see \`pnpm repro <paper> --help\` for its config keys and claims):
  --profile smoke|paper  --seed S  --seeds K  --workers N  --backend auto|wasm|cpu|tensorflow
  --only GLOB  --set key=value  --out DIR  --max-memory SIZE  --fault NAME (smoke only)
  --shard i/n  --shard-by auto|seed|job   compute shard i of n only (a partial run dir; merge them with pnpm repro merge)
  --json     print exactly one JSON document on stdout (the summary of every paper); everything else goes to stderr
  --verbose  show turbo's and the papers' whole output (default: quiet — progress and the summary only)
Verdicts: pass · fail · inconclusive (the data can tell neither) · skip
Exit codes: 0 no checked claim failed · 1 a claim failed · 2 bad input · 3 runtime fault
`;

const names = [];
let i = 0;
while (i < argv.length && !argv[i].startsWith('-')) names.push(argv[i++]);
// Output-only flags are handled here and never reach the paper's task: they are not part of turbo's cache key, so asking
// for JSON (or more output) restores a cached run instead of recomputing it.
const OUTPUT_ONLY = ['--json', '--verbose'];
const json = argv.slice(i).includes('--json');
const verbose = argv.slice(i).includes('--verbose');
// Where the user stands (pnpm sets INIT_CWD); a relative --out resolves against it, wherever the bin then runs.
const userCwd = process.env.INIT_CWD ?? process.cwd();
const rest = [];
for (let k = i; k < argv.length; k++) {
  const a = argv[k];
  if (OUTPUT_ONLY.includes(a)) continue;
  if (a === '--out' && k + 1 < argv.length && !argv[k + 1].startsWith('--')) {
    rest.push(a, resolve(userCwd, argv[++k]));
    continue;
  }
  if (a.startsWith('--out=')) {
    rest.push('--out', resolve(userCwd, a.slice('--out='.length)));
    continue;
  }
  rest.push(a);
}
// Everything that is not the result goes to stderr under --json: stdout carries exactly one JSON document.
const say = (text) => (json ? process.stderr : process.stdout).write(text);
// turbo: no telemetry notice, no update notice.
const quietEnv = { TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', TURBO_NO_UPDATE_NOTIFIER: '1' };
if (names.length === 0) {
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(usage);
    process.exit(0);
  }
  process.stderr.write(usage);
  fail('name a paper (or all)');
}
if (names[0] === 'diff') await diffCommand(argv.slice(1));
if (names[0] === 'merge') await mergeCommand(argv.slice(1));
if (names[0] === 'submit' || names[0] === 'status') {
  const { submitCommand, statusCommand } = await import('./slurm/submit.mjs');
  process.exit(names[0] === 'submit' ? await submitCommand(argv.slice(1), { root, papers, userCwd }) : await statusCommand(argv.slice(1), { root, userCwd }));
}
const selected = names.includes('all') ? papers : names;
for (const n of selected) if (!papers.includes(n)) fail(`unknown paper '${n}' (known: ${papers.join(', ')}, all)`);

const pnpmExec = (args, opts = {}) => spawnSync('pnpm', ['exec', ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...quietEnv }, ...opts });

// 1. Build what the selected papers need (cached by turbo; quiet unless it fails).
const filters = selected.flatMap((p) => ['--filter', `@repro/${p}...`]);
// REPRO_NO_BUILD=1 skips this step for callers that have just built everything (scripts/check-cli.mjs runs dozens of
// invocations); a missing dist/ is still reported below.
if (process.env.REPRO_NO_BUILD !== '1') {
  // Quiet unless it fails: then its log is shown (on stderr).
  const build = pnpmExec(['turbo', 'run', 'build', ...filters, '--output-logs=errors-only', '--log-prefix=none'], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (verbose || build.status !== 0) process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
  if (build.status !== 0) fail('build failed (its log is above; `pnpm build` reproduces it)', 3);
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
// A shard writes a partial run directory, not results: it runs the bin directly (no turbo cache), one paper at a time.
const shardArg = rest.find((a) => a === '--shard' || a.startsWith('--shard='));
if (shardArg !== undefined && selected.length > 1) fail('--shard takes a single paper (shard each paper on its own)');

// 3. Run: through turbo (cached), or directly when --out is given.
let crashed = false;
const env = { ...process.env, ...quietEnv, ...(process.stderr.isTTY ? { REPRO_PROGRESS: '1' } : {}) };
const hits = new Set();
if (shardArg !== undefined) {
  const r = spawnSync(process.execPath, [join(root, 'papers', selected[0], 'dist/bin.js'), ...rest, ...(json ? ['--json'] : [])], {
    cwd: join(root, 'papers', selected[0]),
    stdio: ['inherit', 'inherit', 'inherit'],
    env,
  });
  process.exit(r.status ?? 3);
} else if (outDir !== undefined) {
  // The bin's own summary goes to stderr under --json (stdout is ours); its exit code says whether claims failed.
  const r = spawnSync(process.execPath, [join(root, 'papers', selected[0], 'dist/bin.js'), ...rest], {
    cwd: join(root, 'papers', selected[0]),
    stdio: ['inherit', json ? 'pipe' : 'inherit', 'inherit'],
    env,
  });
  if (json && r.stdout) process.stderr.write(r.stdout);
  if (r.status !== 0 && r.status !== 1) process.exit(r.status ?? 3);
} else {
  // Single paper: stream its log live; several: group each paper's log. Quiet by default: only progress lines (one
  // updating line on a terminal) and, when the task fails, its whole log; --verbose shows turbo's output as it comes.
  const logOrder = selected.length === 1 ? 'stream' : 'grouped';
  const turboArgs = ['turbo', 'run', 'repro', ...selected.flatMap((p) => ['--filter', `@repro/${p}`]), '--output-logs=full', `--log-order=${logOrder}`, '--', ...rest];
  const captured = [];
  const tty = process.stderr.isTTY === true;
  let progressShown = false;
  const status = await new Promise((done) => {
    const child = spawn('pnpm', ['exec', ...turboArgs], { cwd: root, env, stdio: ['inherit', 'pipe', 'pipe'] });
    let pending = '';
    const onLine = (line) => {
      captured.push(line);
      const m = /@repro\/([\w.-]+):repro: cache hit/.exec(line);
      if (m) hits.add(m[1]);
      if (verbose) {
        say(`${line}\n`);
        return;
      }
      const task = /^@repro\/[\w.-]+:repro: (\[[\w.-]+\] .*)$/.exec(line);
      if (task === null) return;
      if (tty) {
        process.stderr.write(`\r\x1b[K${task[1].slice(0, (process.stderr.columns ?? 120) - 1)}`);
        progressShown = true;
      } else process.stderr.write(`${task[1]}\n`);
    };
    const feed = (chunk) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    };
    child.stdout.on('data', feed);
    child.stderr.on('data', feed);
    child.on('close', (code) => {
      if (pending !== '') onLine(pending);
      done(code ?? 3);
    });
  });
  if (progressShown) process.stderr.write('\r\x1b[K');
  if (status !== 0) {
    crashed = true;
    if (!verbose) process.stderr.write(`${captured.join('\n')}\n`);
  }
  for (const p of hits) say(`${p}: turbo cache hit — results restored from cache, nothing recomputed\n`);
}

// 4. Summarise from the written claims.json files and set the exit code.
let anyFail = false;
const runs = [];
const summaries = [];
for (const p of selected) {
  const dir = outDir ?? join(root, 'papers', p, 'results', profile);
  const file = join(dir, 'claims.json');
  if (!existsSync(file)) {
    say(`${p}: no results (the run did not complete)\n`);
    summaries.push({ paper: p, profile, completed: false });
    crashed = true;
    continue;
  }
  const claims = JSON.parse(readFileSync(file, 'utf8'));
  const manifest = existsSync(join(dir, 'manifest.json')) ? JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) : {};
  const count = (s) => claims.filter((c) => c.status === s).length;
  const ids = (s) => claims.filter((c) => c.status === s).map((c) => c.id);
  const failed = ids('fail');
  const unsure = ids('inconclusive');
  if (failed.length > 0) anyFail = true;
  runs.push({ paper: p, dir });
  const report = join(dir, 'report.html');
  summaries.push({
    paper: p,
    profile,
    completed: true,
    fault: manifest.fault?.name ?? null,
    pass: count('pass'),
    fail: count('fail'),
    inconclusive: count('inconclusive'),
    skip: count('skip'),
    failed,
    inconclusiveIds: unsure,
    cacheHit: hits.has(p),
    wallSeconds: manifest.wallSeconds ?? null,
    outDir: dir,
    report,
  });
  say(
    `${p} [${profile}]${manifest.fault ? ` PLANTED FAULT ${manifest.fault.name}` : ''}: ${count('pass')} pass, ${count('fail')} fail, ${count('inconclusive')} inconclusive, ${count('skip')} skip — ${relative(userCwd, report) || report}${failed.length ? `\n  failed: ${failed.join(', ')}` : ''}${unsure.length ? `\n  inconclusive: ${unsure.join(', ')}` : ''}\n`,
  );
}
let index = null;
if (outDir === undefined && (names.includes('all') || selected.length > 1)) {
  index = writeIndex(root, runs);
  say(`index: ${relative(userCwd, index) || index}\n`);
}
const exitCode = crashed ? 3 : anyFail ? 1 : 0;
if (json) process.stdout.write(`${JSON.stringify({ papers: summaries, index, exitCode }, null, 2)}\n`);
process.exit(exitCode);
