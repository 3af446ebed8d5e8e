#!/usr/bin/env node
// The shared results cache, end to end: starts turborepo-remote-cache (the self-hosted turbo remote cache server, local disk
// storage) on 127.0.0.1, makes two fresh clones of HEAD, and
//   1. clone A runs `pnpm repro du2019 --profile smoke` with TURBO_API/TURBO_TEAM/TURBO_TOKEN: computed, uploaded;
//   2. clone B runs the same: a remote cache hit (builds and the run), byte-identical claims.json/values.json and the very
//      manifest.json of A (its timings included: nothing was recomputed);
//   3. clone B with a wrong token runs a run the remote cache holds (A computed it too): the server refuses the token (401)
//      and the run falls back to computing, with the same bytes.
// The server is stopped by its PID at the end. Usage: node scripts/check-remote-cache.mjs [--keep DIR] [--args "…"]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const keep = argv.includes('--keep') ? argv[argv.indexOf('--keep') + 1] : undefined;
const runArgs = ['du2019', '--profile', 'smoke'];
const cheapArgs = ['du2019', '--profile', 'smoke', '--only', 'du2019.def.hinf'];
const work = keep ?? mkdtempSync(join(tmpdir(), 'repro-remote-cache-'));
mkdirSync(work, { recursive: true });
let failures = 0;
const ok = (cond, what) => {
  if (!cond) failures++;
  process.stdout.write(`${cond ? 'ok  ' : 'FAIL'} ${what}\n`);
};
const freePort = () =>
  new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
const port = await freePort();
const token = `repro-${Math.random().toString(36).slice(2)}`;
const server = spawn(process.execPath, [join(root, 'node_modules/turborepo-remote-cache/dist/cli.js')], {
  env: { ...process.env, PORT: String(port), TURBO_TOKEN: token, STORAGE_PROVIDER: 'local', STORAGE_PATH: join(work, 'store'), STORAGE_PATH_USE_TMP_FOLDER: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let serverErr = '';
server.stderr.on('data', (d) => {
  serverErr += d;
});
const times = {};
// Both clones at the same commit (others may commit to this checkout meanwhile: a later HEAD hashes differently).
const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
try {
  const t0 = performance.now();
  for (let k = 0; k < 100; k++) {
    const r = await fetch(`http://127.0.0.1:${port}/v8/artifacts/status`, { headers: { authorization: `Bearer ${token}` } }).catch(() => null);
    if (r?.ok) break;
    await new Promise((res) => setTimeout(res, 100));
  }
  times.serverStart = (performance.now() - t0) / 1000;
  ok(true, `turborepo-remote-cache up on 127.0.0.1:${port} (pid ${server.pid}, ${times.serverStart.toFixed(2)} s)`);
  const clone = (name) => {
    const dir = join(work, name);
    rmSync(dir, { recursive: true, force: true });
    const t = performance.now();
    let c = spawnSync('git', ['clone', '--quiet', '--no-hardlinks', root, dir], { stdio: 'inherit' });
    if (c.status === 0) c = spawnSync('git', ['-C', dir, 'checkout', '--quiet', '--detach', head], { stdio: 'inherit' });
    const i = spawnSync('pnpm', ['install', '--frozen-lockfile', '--offline', '--reporter=silent'], { cwd: dir, stdio: 'inherit' });
    times[`clone+install ${name}`] = (performance.now() - t) / 1000;
    if (c.status !== 0 || i.status !== 0) throw new Error(`fresh clone ${name} failed`);
    return dir;
  };
  const repro = (dir, args, tok) => {
    const t = performance.now();
    const r = spawnSync('pnpm', ['repro', ...args, '--json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, TURBO_API: `http://127.0.0.1:${port}`, TURBO_TEAM: 'repro', TURBO_TOKEN: tok, INIT_CWD: dir },
    });
    const wall = (performance.now() - t) / 1000;
    let summary = null;
    try {
      summary = JSON.parse(r.stdout).papers[0];
    } catch {
      process.stderr.write(r.stdout + r.stderr);
    }
    return { ...r, summary, wall };
  };
  const files = (dir, f) => readFileSync(join(dir, 'papers/du2019/results/smoke', f));
  const a = clone('a');
  const ra = repro(a, runArgs, token);
  times.computeA = ra.wall;
  // Clone A's computed files, kept before its second run below overwrites results/smoke.
  const fromA = Object.fromEntries(['claims.json', 'values.json', 'manifest.json'].map((f) => [f, files(a, f)]));
  ok(ra.summary?.completed === true && ra.summary.cacheHit === false, `clone A computed du2019 smoke (${ra.wall.toFixed(1)} s, uploaded to the remote cache)`);
  const rac = repro(a, cheapArgs, token);
  ok(rac.summary?.completed === true, `clone A computed ${cheapArgs.slice(3).join(' ')} too (${rac.wall.toFixed(1)} s)`);
  const b = clone('b'); // a fresh clone: no local turbo cache, no dist/, no results/
  const rb = repro(b, runArgs, token);
  times.hitB = rb.wall;
  ok(rb.summary?.cacheHit === true, `clone B: remote cache hit (${rb.wall.toFixed(1)} s)`);
  ok(['claims.json', 'values.json', 'manifest.json'].every((f) => fromA[f].equals(files(b, f))), 'clone B: claims.json, values.json and manifest.json (timings included) byte-identical to clone A: nothing recomputed');
  const rw = repro(b, cheapArgs, `${token}-wrong`);
  times.wrongToken = rw.wall;
  const refused = /40[13]|unauthori|forbidden|remote cach/i.test(rw.stderr + rw.stdout) || rw.summary?.cacheHit === false;
  ok(rw.summary?.completed === true && rw.summary.cacheHit === false && refused, `clone B, wrong token: refused by the server, the run computed instead (${rw.wall.toFixed(1)} s)`);
  const cheap = (dir) => readFileSync(join(dir, 'papers/du2019/results/smoke/claims.json'));
  ok(cheap(a).equals(cheap(b)), 'clone B, wrong token: the computed claims.json equals clone A\'s');
} catch (e) {
  ok(false, `remote cache check aborted: ${e.message}`);
} finally {
  server.kill('SIGTERM');
  await new Promise((res) => (server.exitCode !== null ? res() : server.once('exit', res)));
  if (failures > 0 && serverErr) process.stderr.write(serverErr.slice(-2000));
  if (keep === undefined) rmSync(work, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify({ times })}\ncheck-remote-cache: ${failures === 0 ? 'all ok' : `${failures} failed`}\n`);
process.exit(failures === 0 ? 0 : 1);
