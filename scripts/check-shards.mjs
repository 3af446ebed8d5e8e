#!/usr/bin/env node
// Sharded runs equal unsharded ones: for each paper (default: all) at --profile smoke, an unsharded run, then for n = 1, 2, 3
// the n shards (`--shard i/n`) and `repro merge`; the merged claims.json and values.json must be byte-identical to the
// unsharded run's. Then the refusals: a missing shard, a duplicated shard and a shard of another seed each exit 2 with one line.
//   node scripts/check-shards.mjs [paper…] [--counts 1,2,3] [--profile smoke|paper] [--keep DIR] [-- extra run options, e.g. --seeds 2]
// Prints one line per check and the times (unsharded wall, each shard's wall, merge wall) as JSON at the end.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const dd = argv.indexOf('--');
const extra = dd >= 0 ? argv.slice(dd + 1) : [];
const args = dd >= 0 ? argv.slice(0, dd) : argv;
let counts = [1, 2, 3];
let keep;
let profile = 'smoke';
const names = [];
for (let k = 0; k < args.length; k++) {
  if (args[k] === '--counts') counts = args[++k].split(',').map(Number);
  else if (args[k] === '--keep') keep = args[++k];
  else if (args[k] === '--profile') profile = args[++k];
  else names.push(args[k]);
}
const all = readdirSync(join(root, 'papers')).filter((d) => existsSync(join(root, 'papers', d, 'package.json'))).sort();
const papers = names.length > 0 ? names : all;
const b = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', ...papers.flatMap((p) => ['--filter', `@repro/${p}...`]), '--output-logs=errors-only'], { cwd: root, stdio: 'inherit', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
if (b.status !== 0) process.exit(3);
const work = keep ?? mkdtempSync(join(tmpdir(), 'repro-shards-'));
mkdirSync(work, { recursive: true });
const env = { ...process.env, REPRO_NO_BUILD: '1' };
let failures = 0;
const times = {};
const ok = (cond, what) => {
  if (!cond) failures++;
  process.stdout.write(`${cond ? 'ok  ' : 'FAIL'} ${what}\n`);
};
// CPU seconds (user + system, all threads) beside the wall time: comparable on a loaded machine. /usr/bin/time when present.
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const bin = (p, a) => {
  const t = performance.now();
  const cmd = [join(root, 'papers', p, 'dist/bin.js'), '--profile', profile, ...extra, ...a];
  const cpuFile = join(work, `.cpu-${process.pid}`);
  const r = timeBin
    ? spawnSync(timeBin, ['-q', '-f', '%U %S', '-o', cpuFile, process.execPath, ...cmd], { cwd: join(root, 'papers', p), encoding: 'utf8', env })
    : spawnSync(process.execPath, cmd, { cwd: join(root, 'papers', p), encoding: 'utf8', env });
  let cpu = null;
  if (timeBin && existsSync(cpuFile)) {
    const [u, sy] = readFileSync(cpuFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    cpu = u + sy;
  }
  return { ...r, wall: (performance.now() - t) / 1000, cpu };
};
const merge = (dirs, out) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'scripts/repro.mjs'), 'merge', ...dirs, '--out', out], { cwd: root, encoding: 'utf8', env });
  return { ...r, wall: (performance.now() - t) / 1000 };
};
const same = (a, b) => ['claims.json', 'values.json'].every((f) => existsSync(join(a, f)) && existsSync(join(b, f)) && readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
for (const p of papers) {
  const whole = join(work, p, 'whole');
  const w = bin(p, ['--out', whole]);
  ok(w.status === 0 || w.status === 1, `${p}: unsharded ${profile} run (exit ${w.status}, ${w.wall.toFixed(1)} s)`);
  times[p] = { unsharded: { wall: w.wall, cpu: w.cpu }, shards: {}, merge: {} };
  for (const n of counts) {
    const dirs = [];
    times[p].shards[n] = [];
    for (let i = 0; i < n; i++) {
      const d = join(work, p, `n${n}`, `shard-${i}`);
      const r = bin(p, ['--shard', `${i}/${n}`, '--out', d]);
      times[p].shards[n].push({ wall: r.wall, cpu: r.cpu });
      if (r.status !== 0) process.stderr.write(r.stderr);
      ok(r.status === 0, `${p}: shard ${i}/${n} (${r.wall.toFixed(1)} s) ${r.stdout.trim().replace(/ — .*/, '')}`);
      dirs.push(d);
    }
    const out = join(work, p, `n${n}`, 'merged');
    const m = merge(dirs, out);
    times[p].merge[n] = m.wall;
    const worst = Math.max(...times[p].shards[n].map((x) => x.cpu ?? Number.NaN));
    if (w.cpu !== null) process.stdout.write(`     ${p} n=${n}: slowest shard ${worst.toFixed(1)} CPU s vs unsharded share ${(w.cpu / n).toFixed(1)} CPU s (${((worst / (w.cpu / n) - 1) * 100).toFixed(0)} % over); merge ${m.wall.toFixed(1)} s wall\n`);
    if (m.status !== 0 && m.status !== 1) process.stderr.write(m.stderr);
    ok((m.status === 0 || m.status === 1) && same(whole, out), `${p}: merge of ${n} shard(s) (${m.wall.toFixed(1)} s): claims.json, values.json byte-identical to the unsharded run`);
    if (n >= 2) {
      const one = (r) => r.status === 2 && r.stderr.trim().split('\n').length === 1;
      const miss = merge(dirs.slice(1), join(work, 'refused'));
      ok(one(miss) && /missing shard 0\//.test(miss.stderr), `${p}: a missing shard is refused (exit ${miss.status}): ${miss.stderr.trim()}`);
      const dup = merge([...dirs, dirs[n - 1]], join(work, 'refused'));
      ok(one(dup) && /duplicate shard/.test(dup.stderr), `${p}: a duplicated shard is refused (exit ${dup.status}): ${dup.stderr.trim()}`);
    }
  }
  if (counts.includes(2)) {
    const other = join(work, p, 'seed1-shard-1');
    bin(p, ['--seed', '1', '--shard', '1/2', '--out', other]);
    const mm = merge([join(work, p, 'n2', 'shard-0'), other], join(work, 'refused'));
    ok(mm.status === 2 && /seed/.test(mm.stderr) && mm.stderr.trim().split('\n').length === 1, `${p}: a shard of another seed is refused (exit ${mm.status}): ${mm.stderr.trim()}`);
  }
  if (existsSync(join(work, 'refused', 'claims.json'))) ok(false, `${p}: a refused merge wrote results`);
}
process.stdout.write(`${JSON.stringify({ times })}\n`);
if (keep === undefined) rmSync(work, { recursive: true, force: true });
process.stdout.write(`check-shards: ${failures === 0 ? 'all ok' : `${failures} failed`}\n`);
process.exit(failures === 0 ? 0 : 1);
