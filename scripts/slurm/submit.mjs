// `pnpm repro submit <paper…> --engine slurm --shards N [sbatch options] [run options]` and `pnpm repro status [runId]`.
//
// submit: builds the papers, validates the run options, then per paper writes and submits an sbatch array job (one task per
// shard: `node papers/<id>/dist/bin.js … --shard $SLURM_ARRAY_TASK_ID/N --out <run>/<id>/shards/<i>`) and a merge job
// (`--dependency=afterok:<array> --kill-on-invalid-dep=yes`: `pnpm repro merge` of the shards). Everything lives in
// results/slurm/<runId>/ of this checkout, which must be on a filesystem the compute nodes share. A failed shard also
// cancels the merge itself (belt and braces for clusters without kill_invalid_depend). status: the state of each run.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const SBATCH_PASS = ['--partition', '--time', '--cpus-per-task', '--mem', '--account'];

const submitUsage = `Usage: pnpm repro submit <paper…> --engine slurm --shards N [--partition P] [--time T] [--cpus-per-task C]
                         [--mem M] [--account A] [--wait] [--json] [run options: --profile --seed --seeds --set --only --backend --shard-by …]

Per paper: an sbatch array job (one task per shard, tasks 0..N-1) and an afterok merge job. Results, shard directories and
logs go to results/slurm/<runId>/<paper>/ in this checkout (it must be on a filesystem the nodes share). Prints the job ids.
--wait blocks until every merge has finished or failed and exits like \`pnpm repro status\`.
Shards are seeds (--seeds K) or, for papers that use the job pool with fewer seeds than shards, mapJobs jobs; papers
without a job pool shard only by seed. See \`pnpm repro <paper> --help\` (--shard, --shard-by).
`;
const statusUsage = `Usage: pnpm repro status [runId] [--json] [--wait]

State of submitted runs (default: the 5 most recent in results/slurm/): per paper, each shard (pending, running, done,
FAILED with its exit code and log) and the merge (waiting, running, done with its verdict counts, cancelled).
Exit codes: 0 nothing failed (done or still running) · 1 a shard or merge failed · 2 bad input.
`;

const die = (msg, code = 2) => {
  process.stderr.write(`repro: error: ${msg}\n`);
  process.exit(code);
};
const sh = (cmd, args, opts = {}) => spawnSync(cmd, args, { encoding: 'utf8', ...opts });
const shq = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${String(s).replaceAll("'", `'\\''`)}'`);

export async function submitCommand(args, { root, papers, userCwd }) {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(submitUsage);
    return 0;
  }
  const names = [];
  let k = 0;
  while (k < args.length && !args[k].startsWith('-')) names.push(args[k++]);
  let engine;
  let shards;
  let wait = false;
  let json = false;
  const sbatch = {};
  const rest = [];
  for (; k < args.length; k++) {
    const a = args[k];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? args[++k];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) die(`${flag} expects a value (see pnpm repro submit --help)`);
      return v;
    };
    if (flag === '--engine') engine = value();
    else if (flag === '--shards') shards = value();
    else if (SBATCH_PASS.includes(flag)) sbatch[flag] = value();
    else if (flag === '--wait') wait = true;
    else if (flag === '--json') json = true;
    else if (flag === '--out' || flag === '--shard' || flag === '--workers') die(`${flag} is set by submit itself (each shard writes to the run folder)`);
    else rest.push(a);
  }
  if (names.length === 0) die('name the paper(s) to submit (see pnpm repro submit --help)');
  const selected = names.includes('all') ? papers : names;
  for (const n of selected) if (!papers.includes(n)) die(`unknown paper '${n}' (known: ${papers.join(', ')}, all)`);
  if (engine === undefined) die('--engine is required (slurm; GitHub Actions runs .github/workflows/reproduce.yml instead)');
  if (engine !== 'slurm') die(`unknown engine '${engine}' (choose slurm)`);
  const n = Number(shards);
  if (shards === undefined || !/^\d+$/.test(shards) || !Number.isSafeInteger(n) || n < 1) die(`--shards must be a positive integer, got '${shards ?? ''}'`);
  if (sbatch['--cpus-per-task'] !== undefined && !/^[1-9]\d*$/.test(sbatch['--cpus-per-task'])) die(`--cpus-per-task must be a positive integer, got '${sbatch['--cpus-per-task']}'`);
  if (sh('sbatch', ['--version']).status !== 0) die('sbatch not found: submit from a Slurm login node (or start the local cluster: scripts/slurm/start.sh)');

  // Build (shared filesystem: the nodes run this checkout's dist/), then validate each paper's options with --shard 0/N.
  const quiet = { TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', TURBO_NO_UPDATE_NOTIFIER: '1' };
  const b = sh('pnpm', ['exec', 'turbo', 'run', 'build', ...selected.flatMap((p) => ['--filter', `@repro/${p}...`]), '--output-logs=errors-only', '--log-prefix=none'], {
    cwd: root,
    env: { ...process.env, ...quiet },
  });
  if (b.status !== 0) die(`build failed (run pnpm build to see why)\n${b.stdout}${b.stderr}`.split('\n')[0], 3);
  const { validateInvocation } = await import(pathToFileURL(join(root, 'packages/harness/dist/index.js')).href);
  for (const p of selected) {
    const { paper } = await import(pathToFileURL(join(root, 'papers', p, 'dist/index.js')).href);
    try {
      validateInvocation(paper, [...rest, '--shard', `0/${n}`], join(root, 'papers', p));
    } catch (e) {
      if (e?.name === 'UsageError') die(`${p}: ${e.message}`);
      throw e;
    }
  }

  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const runId = `${stamp}-${Math.random().toString(36).slice(2, 6)}`;
  const runDir = join(root, 'results', 'slurm', runId);
  const sbatchLines = Object.entries(sbatch).map(([f, v]) => `#SBATCH ${f}=${v}`);
  const record = { id: runId, engine: 'slurm', submitted: new Date().toISOString(), root, shards: n, options: rest, sbatch, papers: [] };
  for (const p of selected) {
    const pdir = join(runDir, p);
    for (const d of ['shards', 'logs', 'exit', 'pids']) mkdirSync(join(pdir, d), { recursive: true });
    const bin = join(root, 'papers', p, 'dist', 'bin.js');
    const opts = rest.map(shq).join(' ');
    writeFileSync(
      join(pdir, 'shards.sbatch'),
      [
        '#!/bin/bash',
        `#SBATCH --job-name=repro-${p}-shards`,
        `#SBATCH --array=0-${n - 1}`,
        `#SBATCH --output=${pdir}/logs/shard-%a.out`,
        `#SBATCH --chdir=${join(root, 'papers', p)}`,
        ...sbatchLines,
        '# One shard of the run: its share of the jobs, written as a partial run directory for the merge job.',
        'i=$SLURM_ARRAY_TASK_ID',
        `echo "repro: ${p} shard $i/${n} on $(hostname) started $(date -Is) (job $SLURM_ARRAY_JOB_ID task $i)"`,
        `t0=$(date +%s.%N)`,
        '# Progress lines (stderr, into the log) once a minute; `pnpm repro status` shows the last one of each running shard.',
        'export REPRO_PROGRESS=1 REPRO_PROGRESS_INTERVAL="${REPRO_PROGRESS_INTERVAL:-60}"',
        `node ${shq(bin)} ${opts} --shard "$i/${n}" --out ${shq(pdir)}/shards/"$i" &`,
        'child=$!',
        `echo "$child" > ${shq(pdir)}/pids/shard-"$i"`,
        'wait "$child"',
        'rc=$?',
        `echo "$rc" > ${shq(pdir)}/exit/shard-"$i"`,
        `echo "repro: shard $i/${n} exit $rc after $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.2f", b - a}') s"`,
        `if [ "$rc" -ne 0 ] && [ -s ${shq(pdir)}/merge.jobid ]; then scancel "$(cat ${shq(pdir)}/merge.jobid)"; fi`,
        'exit "$rc"',
        '',
      ].join('\n'),
    );
    const shardDirs = Array.from({ length: n }, (_, i) => `${shq(pdir)}/shards/${i}`).join(' ');
    writeFileSync(
      join(pdir, 'merge.sbatch'),
      [
        '#!/bin/bash',
        `#SBATCH --job-name=repro-${p}-merge`,
        `#SBATCH --output=${pdir}/logs/merge.out`,
        `#SBATCH --chdir=${root}`,
        ...sbatchLines.filter((l) => !l.startsWith('#SBATCH --cpus-per-task')),
        '# Merge: refuses missing, duplicated or mismatched shards (exit 2), then checks the claims and writes the results.',
        `echo "repro: ${p} merge on $(hostname) started $(date -Is)"`,
        `t0=$(date +%s.%N)`,
        `REPRO_NO_BUILD=1 node ${shq(join(root, 'scripts', 'repro.mjs'))} merge ${shardDirs} --out ${shq(pdir)}/merged --json > ${shq(pdir)}/merge.json`,
        'rc=$?',
        `echo "$rc" > ${shq(pdir)}/exit/merge`,
        `echo "repro: merge exit $rc after $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.2f", b - a}') s"`,
        // Exit 1 (a claim failed) is a result, not a job failure.
        'if [ "$rc" -le 1 ]; then exit 0; else exit "$rc"; fi',
        '',
      ].join('\n'),
    );
    const a = sh('sbatch', ['--parsable', join(pdir, 'shards.sbatch')], { cwd: root });
    if (a.status !== 0) die(`sbatch of ${p}'s shards failed: ${(a.stderr || a.stdout).trim().split('\n')[0]}`, 3);
    const arrayJob = a.stdout.trim().split(';')[0];
    const m = sh('sbatch', ['--parsable', `--dependency=afterok:${arrayJob}`, '--kill-on-invalid-dep=yes', join(pdir, 'merge.sbatch')], { cwd: root });
    if (m.status !== 0) {
      sh('scancel', [arrayJob]);
      die(`sbatch of ${p}'s merge failed (shards cancelled): ${(m.stderr || m.stdout).trim().split('\n')[0]}`, 3);
    }
    const mergeJob = m.stdout.trim().split(';')[0];
    writeFileSync(join(pdir, 'merge.jobid'), `${mergeJob}\n`);
    record.papers.push({ paper: p, arrayJob, mergeJob, dir: pdir, merged: join(pdir, 'merged'), logs: join(pdir, 'logs') });
  }
  writeFileSync(join(runDir, 'run.json'), `${JSON.stringify(record, null, 2)}\n`);
  const out = json ? process.stderr : process.stdout;
  out.write(`submitted run ${runId} (slurm, ${n} shard${n > 1 ? 's' : ''} per paper)\n`);
  for (const p of record.papers)
    out.write(
      `  ${p.paper}: shards job ${p.arrayJob} (tasks 0-${n - 1}), merge job ${p.mergeJob} (afterok)\n    results: ${relative(userCwd, p.merged)}\n    logs:    ${relative(userCwd, p.logs)}/shard-<i>.out, merge.out\n`,
    );
  out.write(`  status:  pnpm repro status ${runId}\n`);
  if (!wait) {
    if (json) process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
    return 0;
  }
  return statusCommand([runId, '--wait', ...(json ? ['--json'] : [])], { root, userCwd });
}

/** Array task and job states from squeue (pending tasks of an array come as 12_[1-3]). */
function queueStates(ids) {
  const r = sh('squeue', ['-h', '-r', '-j', ids.join(','), '-o', '%i|%T|%r']);
  const states = new Map();
  if (r.status !== 0) return states; // every job left the queue (squeue errors on unknown ids)
  for (const line of r.stdout.split('\n')) {
    const [id, state, reason] = line.trim().split('|');
    if (id) states.set(id, { state, reason });
  }
  return states;
}

/** The last progress line (`[paper shard i/n] phase · … · 42% · ETA 3m`) of a running shard's log, or null. */
function lastProgressLine(log) {
  if (!existsSync(log)) return null;
  const size = statSync(log).size;
  const fd = openSync(log, 'r');
  try {
    const n = Math.min(size, 16384);
    const buf = Buffer.alloc(n);
    readSync(fd, buf, 0, n, size - n);
    const lines = buf.toString('utf8').split('\n').filter((l) => l.startsWith('['));
    return lines.at(-1) ?? null;
  } finally {
    closeSync(fd);
  }
}

function paperStatus(run, p, userCwd) {
  const n = run.shards;
  const q = queueStates([p.arrayJob, p.mergeJob]);
  const rel = (f) => relative(userCwd, f) || f;
  const shards = [];
  for (let i = 0; i < n; i++) {
    const exitFile = join(p.dir, 'exit', `shard-${i}`);
    const log = join(p.logs, `shard-${i}.out`);
    const inQ = q.get(`${p.arrayJob}_${i}`);
    let state;
    let exit = null;
    if (existsSync(exitFile)) {
      exit = Number(readFileSync(exitFile, 'utf8').trim());
      state = exit === 0 ? 'done' : 'FAILED';
    } else if (inQ) state = inQ.state.toLowerCase();
    else state = [...q.keys()].some((id) => id.startsWith(`${p.arrayJob}_[`)) ? 'pending' : 'FAILED';
    shards.push({ shard: i, state, exit, log: rel(log), ...(state === 'running' ? { progress: lastProgressLine(log) } : {}) });
  }
  const mq = q.get(p.mergeJob);
  const mergeExit = existsSync(join(p.dir, 'exit', 'merge')) ? Number(readFileSync(join(p.dir, 'exit', 'merge'), 'utf8').trim()) : null;
  let merge;
  let summary = null;
  if (mergeExit !== null) {
    merge = mergeExit <= 1 ? 'done' : 'FAILED';
    try {
      summary = JSON.parse(readFileSync(join(p.dir, 'merge.json'), 'utf8'));
    } catch {
      summary = null;
    }
  } else if (mq) merge = mq.state === 'PENDING' ? 'waiting for the shards' : mq.state.toLowerCase();
  else merge = shards.some((s) => s.state === 'FAILED') ? 'cancelled (a shard failed): nothing merged' : 'FAILED (left the queue without an exit status)';
  return { paper: p.paper, arrayJob: p.arrayJob, mergeJob: p.mergeJob, shards, merge, mergeExit, mergeLog: rel(join(p.logs, 'merge.out')), results: rel(p.merged), summary };
}

export async function statusCommand(args, { root, userCwd }) {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(statusUsage);
    return 0;
  }
  const json = args.includes('--json');
  const wait = args.includes('--wait');
  const ids = args.filter((a) => !a.startsWith('--'));
  const bad = args.find((a) => a.startsWith('--') && !['--json', '--wait'].includes(a));
  if (bad) die(`unknown option '${bad}' for repro status (see pnpm repro status --help)`);
  const base = join(root, 'results', 'slurm');
  const all = existsSync(base) ? readdirSync(base).filter((d) => existsSync(join(base, d, 'run.json'))).sort() : [];
  for (const id of ids) if (!all.includes(id)) die(`no submitted run '${id}' in ${relative(userCwd, base) || base} (known: ${all.slice(-5).join(', ') || 'none'})`);
  const chosen = ids.length > 0 ? ids : all.slice(-5);
  const t0 = Date.now();
  for (;;) {
    const runs = chosen.map((id) => {
      const run = JSON.parse(readFileSync(join(base, id, 'run.json'), 'utf8'));
      return { id, submitted: run.submitted, shards: run.shards, papers: run.papers.map((p) => paperStatus(run, p, userCwd)) };
    });
    const finished = runs.every((r) => r.papers.every((p) => p.mergeExit !== null || p.merge.startsWith('cancelled') || p.merge.startsWith('FAILED')));
    if (wait && !finished) {
      await new Promise((r) => setTimeout(r, 300));
      continue;
    }
    const failed = runs.some((r) => r.papers.some((p) => p.shards.some((s) => s.state === 'FAILED') || p.merge.startsWith('FAILED') || p.merge.startsWith('cancelled')));
    if (json) process.stdout.write(`${JSON.stringify({ runs, waitedSeconds: wait ? (Date.now() - t0) / 1000 : null }, null, 2)}\n`);
    else {
      if (runs.length === 0) process.stdout.write('no submitted runs (pnpm repro submit <paper> --engine slurm --shards N)\n');
      for (const r of runs) {
        process.stdout.write(`run ${r.id} (slurm, ${r.shards} shards, submitted ${r.submitted})\n`);
        for (const p of r.papers) {
          const done = p.shards.filter((s) => s.state === 'done').length;
          process.stdout.write(`  ${p.paper}: shards ${done}/${r.shards} done (job ${p.arrayJob}); merge ${p.merge} (job ${p.mergeJob})\n`);
          for (const s of p.shards)
            if (s.state === 'FAILED') process.stdout.write(`    shard ${s.shard} FAILED${s.exit !== null ? ` (exit ${s.exit})` : ' (killed, no exit status)'} — log ${s.log}\n`);
            else if (s.state !== 'done') process.stdout.write(`    shard ${s.shard} ${s.state}${s.progress ? ` — ${s.progress}` : ''}\n`);
          if (p.summary !== null) process.stdout.write(`    ${p.summary.pass} pass, ${p.summary.fail} fail, ${p.summary.inconclusive} inconclusive, ${p.summary.skip} skip — ${p.results}\n`);
          else if (p.merge.startsWith('FAILED')) process.stdout.write(`    merge log ${p.mergeLog}\n`);
        }
      }
    }
    return failed ? 1 : 0;
  }
}
