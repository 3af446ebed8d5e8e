#!/usr/bin/env node
// Slurm, for real (CI): starts a one-node cluster (scripts/slurm/start.sh), then
//   1. `pnpm repro submit du2019 --engine slurm --shards 2 --profile smoke --wait`: the merged claims.json/values.json equal
//      the local run's (papers/du2019/results/smoke, computed here when absent or from another commit) byte for byte; prints
//      submit-to-result time;
//   2. a second submission (--seeds 2: both shards compute): while shard 1 runs, `pnpm repro status` shows its last progress
//      line; then it is killed (SIGKILL, by the PID its task wrote) mid-run: `pnpm repro status` names shard 1 with its
//      log, the merge is cancelled and nothing is merged;
// and stops the cluster by PID (scripts/slurm/stop.sh) whatever happened. Needs root and Debian's slurmctld, slurmd,
// slurm-client, munge. Usage: node scripts/slurm/check-slurm.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'repro-slurm-'));
const env = { ...process.env, REPRO_SLURM_DIR: dir, REPRO_SLURM_PORT: String(20000 + (process.pid % 20000)), SLURM_CONF: join(dir, 'etc', 'slurm.conf') };
let failures = 0;
const ok = (cond, what) => {
  if (!cond) failures++;
  process.stdout.write(`${cond ? 'ok  ' : 'FAIL'} ${what}\n`);
};
const run = (cmd, args, o = {}) => spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env, ...o });
const times = {};
const t0 = performance.now();
const st = run('bash', [join(root, 'scripts/slurm/start.sh')]);
times.start = (performance.now() - t0) / 1000;
ok(st.status === 0, `one-node Slurm cluster started (${times.start.toFixed(2)} s): ${(st.stdout + st.stderr).trim().split('\n').pop()}`);
try {
  if (st.status !== 0) throw new Error('no cluster');
  const local = join(root, 'papers/du2019/results/smoke');
  const manifest = existsSync(join(local, 'manifest.json')) ? JSON.parse(readFileSync(join(local, 'manifest.json'), 'utf8')) : null;
  // A local result left by another commit (or a dirty tree) is recomputed (`pnpm repro` restores it from turbo's cache when
  // the inputs match), so a stale results/smoke cannot fail the comparison.
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  const stale = manifest !== null && (manifest.git?.commit !== head || manifest.git?.dirty !== false);
  if (manifest === null || stale || manifest.seed !== 0 || manifest.seeds !== 1 || manifest.only.length > 0 || manifest.overrides.length > 0) {
    const r = run('node', ['scripts/repro.mjs', 'du2019', '--profile', 'smoke']);
    ok(r.status === 0, `local du2019 smoke run (exit ${r.status})`);
  }
  // 0. a 1-CPU task sees one CPU (TaskPlugin=task/affinity): the job pool and GEMM threads size themselves from it.
  const probe = run('sbatch', ['--wait', '--quiet', '--cpus-per-task=1', '-o', join(dir, 'probe.out'), '--wrap', `${process.execPath} -e "console.log(require('node:os').availableParallelism())"`]);
  const seen = existsSync(join(dir, 'probe.out')) ? readFileSync(join(dir, 'probe.out'), 'utf8').trim().split('\n').pop() : `(no output: ${probe.stderr.trim()})`;
  ok(probe.status === 0 && seen === '1', `a --cpus-per-task=1 task sees os.availableParallelism() = ${seen} (want 1: tasks are bound to their CPUs)`);
  // 1. two shards through Slurm equal the local run.
  const t1 = performance.now();
  const s = run('node', ['scripts/repro.mjs', 'submit', 'du2019', '--engine', 'slurm', '--shards', '2', '--profile', 'smoke', '--wait', '--json']);
  times.submitToResult = (performance.now() - t1) / 1000;
  process.stdout.write(s.stderr);
  let status = null;
  try {
    status = JSON.parse(s.stdout);
  } catch {
    process.stdout.write(s.stdout);
  }
  const p = status?.runs?.[0]?.papers?.[0];
  ok(s.status === 0 && p?.mergeExit === 0, `submit du2019 --shards 2: shards done, merge done (${times.submitToResult.toFixed(1)} s submit to result)`);
  if (p) {
    const merged = join(root, p.results);
    for (const f of ['claims.json', 'values.json'])
      ok(existsSync(join(merged, f)) && readFileSync(join(merged, f)).equals(readFileSync(join(local, f))), `Slurm-merged ${f} byte-identical to the local run`);
  }
  // 2. a shard killed mid-run: reported with its log, nothing merged.
  const k = run('node', ['scripts/repro.mjs', 'submit', 'du2019', '--engine', 'slurm', '--shards', '2', '--profile', 'smoke', '--seeds', '2', '--json']);
  const rec = JSON.parse(k.stdout);
  const pdir = rec.papers[0].dir;
  const pidFile = join(pdir, 'pids', 'shard-1');
  for (let w = 0; w < 600 && !existsSync(pidFile); w++) spawnSync('sleep', ['0.1']);
  // While it runs, `status` shows the shard's last progress line from its log (the sbatch script sets REPRO_PROGRESS=1).
  let shown = '';
  for (let w = 0; w < 120 && shown === ''; w++) {
    const s1 = run('node', ['scripts/repro.mjs', 'status', rec.id]);
    shown = /shard 1 running — (\[du2019 shard 1\/2\][^\n]*)/.exec(s1.stdout)?.[1] ?? '';
    if (shown === '') spawnSync('sleep', ['0.5']);
  }
  ok(shown !== '', `status shows running shard 1's last progress line: ${shown || 'none seen'}`);
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  let killed = false;
  try {
    process.kill(pid, 'SIGKILL');
    killed = true;
  } catch {
    killed = false;
  }
  ok(killed, `killed shard 1 mid-run (SIGKILL to its node process, pid ${pid})`);
  const ks = run('node', ['scripts/repro.mjs', 'status', rec.id, '--wait']);
  process.stdout.write(ks.stdout.replace(/^/gm, '      '));
  ok(ks.status === 1 && /shard 1 FAILED \(exit 137\) — log \S+shard-1\.out/.test(ks.stdout), 'status names the failed shard 1 and its log (exit 1)');
  ok(/merge cancelled/.test(ks.stdout) && !existsSync(join(pdir, 'merged')), 'the merge was cancelled and nothing was merged');
  run('scancel', [rec.papers[0].arrayJob]);
} catch (e) {
  ok(false, `slurm check aborted: ${e.message}`);
} finally {
  const sp = run('bash', [join(root, 'scripts/slurm/stop.sh')]);
  ok(sp.status === 0, `cluster stopped by PID: ${sp.stdout.trim()}`);
}
process.stdout.write(`${JSON.stringify({ times })}\ncheck-slurm: ${failures === 0 ? 'all ok' : `${failures} failed`}\n`);
process.exit(failures === 0 ? 0 : 1);
