#!/usr/bin/env node
// Real-registry check (issue 20 item 6): what a reader outside the monorepo gets from `npm install @repro/<paper>`.
//  1. verdaccio 6.8.x (runs on Node 20; 6.10 wants Node 22), installed once into $REPRO_VERDACCIO_DIR (default
//     <tmpdir>/repro-verdaccio, reused by later runs), started on a free 127.0.0.1 port with its storage in a temp dir:
//     @repro/* is local only (no uplink: nothing from the public @repro scope can leak in), everything else is proxied to
//     registry.npmjs.org. A throwaway user gives the publish token (a JWT: verdaccio's legacy tokens cost a bcrypt per request).
//  2. A throwaway copy of HEAD (`git worktree add --detach`): install from the local store, build the paper and the
//     packages it depends on (turbo, sharing this checkout's cache: dist/ does not depend on the version field, the harness
//     reads versions at run time), `pnpm changeset version` when changesets are pending (otherwise the current versions),
//     then `pnpm -r --filter @repro/<paper>... publish --no-git-checks` to the local registry (the paper and its core
//     packages; not `changeset publish`, which would also publish papers this check does not build).
//  3. Two scratch projects outside the monorepo, one installed with pnpm and one with npm, each with only
//     `@repro:registry=<local>` in its .npmrc: every installed @repro package has the published version and the
//     registry's integrity, and `npx repro-<paper> --profile smoke` exits 0 or 1 with ./results/<paper>/smoke/claims.json
//     whose failures are exactly the documented ones (the installed package's expected-failures.json, compared by the
//     installed @repro/harness); both installs give byte-identical claims.json.
// The registry is stopped by PID and the worktree and temp dirs removed at the end, on failure and on SIGINT/SIGTERM (the
// worktree is unregistered at once; the files go in a detached `rm -rf`).
//
// Usage: node scripts/check-registry.mjs [paper] [--keep]     (default: du2019; --keep leaves the scratch dir)
// Prints `registry: N passed, M failed`, writes test-results/registry.json, exits 1 on any failure.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listPapers, root, writeCheckResult } from './lib.mjs';

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const named = args.filter((a) => !a.startsWith('--'));
const paper = named[0] ?? 'du2019';
if (named.length > 1 || !listPapers().includes(paper)) {
  console.error(`registry: error: expected one paper (known: ${listPapers().join(', ')})`);
  process.exit(2);
}
const VERDACCIO_RANGE = '~6.8.0';
const verdaccioDir = process.env.REPRO_VERDACCIO_DIR ?? join(tmpdir(), 'repro-verdaccio');

let passed = 0;
let failed = 0;
/** Thrown after a failed step that later steps need (the failure is already counted and printed). */
class Stop extends Error {}
const check = (ok, what, detail = '') => {
  if (ok) passed++;
  else failed++;
  console.log(`registry: ${ok ? 'ok  ' : 'FAIL'} ${what}${ok || detail === '' ? '' : `\n${detail}`}`);
  return ok;
};
const secs = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
const tail = (r, n = 15) => `${r.stdout}${r.stderr}`.trim().split('\n').slice(-n).join('\n');

// Children run asynchronously so that a signal reaches our handler (and the cleanup) while one is running.
const children = new Set();
const sh = (cmd, cmdArgs, cwd, env = process.env) =>
  new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => (stderr += `${e.message}\n`));
    child.on('close', (status) => {
      children.delete(child);
      resolve({ status, stdout, stderr });
    });
  });

const scratch = mkdtempSync(join(tmpdir(), 'registry-check-'));
const wt = join(scratch, 'wt');
let verdaccio;
let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  const tc = Date.now();
  for (const c of children) c.kill('SIGTERM');
  if (verdaccio !== undefined && verdaccio.exitCode === null && verdaccio.signalCode === null) {
    try {
      process.kill(verdaccio.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  if (keep) {
    if (existsSync(wt) && spawnSyncQuiet('git', ['worktree', 'remove', '--force', wt]) !== 0) spawnSyncQuiet('git', ['worktree', 'prune']);
  } else {
    // Deleting three node_modules trees takes a minute on a loaded box: unregister the worktree at once (renamed away, then
    // `git worktree prune`), then delete the scratch dir in a detached, niced `rm -rf` that finishes after we exit.
    if (existsSync(wt)) {
      try {
        renameSync(wt, join(scratch, 'wt.removed'));
      } catch {
        rmSync(wt, { recursive: true, force: true });
      }
      spawnSyncQuiet('git', ['worktree', 'prune']);
    }
    const rm = spawn('nice', ['rm', '-rf', scratch], { detached: true, stdio: 'ignore' });
    rm.on('error', () => rmSync(scratch, { recursive: true, force: true }));
    rm.unref();
  }
  console.log(`registry: registry stopped (pid ${verdaccio?.pid ?? '-'}), worktree unregistered${keep ? '' : `, ${scratch} being deleted in the background`} (${secs(tc)})`);
}
// Cleanup also runs from the 'exit' handler, where only synchronous work is possible.
const spawnSyncQuiet = (cmd, cmdArgs) => spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'ignore' }).status;
process.on('exit', cleanup);
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]])
  process.on(sig, () => {
    console.error(`registry: ${sig}: stopping the registry and removing the worktree`);
    cleanup();
    process.exit(code);
  });

/** A free localhost port (the OS picks one; verdaccio binds it a moment later). */
const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

/** The directory of package `name` as Node would resolve it from `from` (node_modules lookup upwards), realpath'd. */
function findPkg(from, name) {
  for (let d = from; ; d = dirname(d)) {
    const p = join(d, 'node_modules', name);
    if (existsSync(join(p, 'package.json'))) return realpathSync(p);
    if (dirname(d) === d) return undefined;
  }
}
const readJson = (f) => JSON.parse(readFileSync(f, 'utf8'));

const t0 = Date.now();
let smokeMs = 0;
let registry;
try {
  // 1. The registry.
  const vPkg = join(verdaccioDir, 'node_modules', 'verdaccio', 'package.json');
  const haveVerdaccio = () => existsSync(vPkg) && /^6\.8\./.test(readJson(vPkg).version);
  if (!haveVerdaccio()) {
    mkdirSync(verdaccioDir, { recursive: true });
    const t = Date.now();
    // cwd outside the monorepo so that its .npmrc does not apply.
    const r = await sh('npm', ['install', '--prefix', verdaccioDir, `verdaccio@${VERDACCIO_RANGE}`, '--no-audit', '--no-fund', '--loglevel=error'], verdaccioDir);
    if (!check(r.status === 0 && haveVerdaccio(), `install verdaccio@${VERDACCIO_RANGE} into ${verdaccioDir} (${secs(t)})`, tail(r))) throw new Stop('no verdaccio');
  }
  const port = await freePort();
  registry = `http://127.0.0.1:${port}/`;
  const config = join(scratch, 'verdaccio.yaml');
  writeFileSync(
    config,
    `storage: ${join(scratch, 'storage')}
auth:
  htpasswd:
    file: ${join(scratch, 'htpasswd')}
    max_users: 1
uplinks:
  npmjs:
    url: https://registry.npmjs.org/
packages:
  '@repro/*':
    access: $all
    publish: $authenticated
    unpublish: $authenticated
  '**':
    access: $all
    publish: $authenticated
    proxy: npmjs
security:
  api:
    legacy: false
    jwt:
      sign:
        expiresIn: 1h
log: { type: stdout, format: pretty, level: warn }
`,
  );
  const vLog = join(scratch, 'verdaccio.log');
  const logStream = createWriteStream(vLog);
  const vBin = join(verdaccioDir, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
  verdaccio = spawn(process.execPath, [vBin, '--config', config, '--listen', `127.0.0.1:${port}`], { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'] });
  verdaccio.stdout.pipe(logStream);
  verdaccio.stderr.pipe(logStream);
  let up = false;
  const tUp = Date.now();
  while (!up && Date.now() - tUp < 30_000 && verdaccio.exitCode === null) {
    try {
      up = (await fetch(`${registry}-/ping`)).ok;
    } catch {
      // not listening yet
    }
    if (!up) await new Promise((r) => setTimeout(r, 200));
  }
  const vVersion = readJson(vPkg).version;
  if (!check(up, `verdaccio ${vVersion} up at ${registry} (pid ${verdaccio.pid}, ${secs(tUp)})`, existsSync(vLog) ? readFileSync(vLog, 'utf8') : '')) throw new Stop('registry down');
  const user = await fetch(`${registry}-/user/org.couchdb.user:ci`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'ci', password: `ci-${process.pid}-${Date.now()}`, email: 'ci@example.invalid' }),
  });
  const token = user.ok ? (await user.json()).token : undefined;
  if (!check(typeof token === 'string', 'a throwaway registry user gives a publish token', `HTTP ${user.status}`)) throw new Stop('no token');
  const publishRc = join(scratch, 'publish.npmrc');
  writeFileSync(publishRc, `registry=${registry}\n//127.0.0.1:${port}/:_authToken=${token}\nupdate-notifier=false\n`);

  // 2. Version and publish from a throwaway copy of HEAD.
  let t = Date.now();
  const steps = [
    ['git worktree of HEAD', 'git', ['worktree', 'add', '--detach', wt, 'HEAD'], root],
    ['install (from the local store)', 'pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only'], wt],
    [`build @repro/${paper} and its dependencies`, 'pnpm', ['exec', 'turbo', 'run', 'build', '--filter', `@repro/${paper}...`, '--output-logs=errors-only', `--cache-dir=${join(root, '.turbo', 'cache')}`], wt],
  ];
  for (const [what, cmd, a, cwd] of steps) {
    t = Date.now();
    const r = await sh(cmd, a, cwd, { ...process.env, CI: 'true' });
    if (!check(r.status === 0, `${what} (${secs(t)})`, tail(r))) throw new Stop(what);
  }
  const pending = readdirSync(join(wt, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
  if (pending.length > 0) {
    t = Date.now();
    const r = await sh('pnpm', ['changeset', 'version'], wt, { ...process.env, CI: 'true' });
    if (!check(r.status === 0, `pnpm changeset version: ${pending.length} pending changesets applied (${secs(t)})`, tail(r))) throw new Stop('changeset version');
  } else console.log('registry: no pending changesets: publishing the current versions');

  // The paper and the @repro packages it depends on at run time, with their (possibly bumped) versions.
  const workspace = new Map();
  for (const group of ['packages', 'papers'])
    for (const d of readdirSync(join(wt, group))) {
      const f = join(wt, group, d, 'package.json');
      if (existsSync(f)) {
        const pj = readJson(f);
        workspace.set(pj.name, { ...pj, dir: join(wt, group, d) });
      }
    }
  const publish = new Map();
  const visit = (name) => {
    if (publish.has(name)) return;
    const pj = workspace.get(name);
    publish.set(name, pj.version);
    for (const dep of Object.keys(pj.dependencies ?? {})) if (workspace.has(dep)) visit(dep);
  };
  visit(`@repro/${paper}`);
  const list = [...publish].map(([n, v]) => `${n}@${v}`).join(', ');
  t = Date.now();
  // `pnpm publish` in each package dir (what `pnpm -r publish` does one package after another), all at once: the time is
  // npm's start-up and the upload round trips, not CPU.
  const pubs = await Promise.all(
    [...publish.keys()].map((name) => sh('pnpm', ['publish', '--no-git-checks', '--registry', registry], workspace.get(name).dir, { ...process.env, npm_config_userconfig: publishRc })),
  );
  const pub = pubs.find((r) => r.status !== 0) ?? pubs[0];
  const integrity = new Map();
  for (const [name, version] of publish) {
    const res = await fetch(`${registry}${name.replace('/', '%2f')}`);
    const doc = res.ok ? await res.json() : {};
    integrity.set(name, doc.versions?.[version]?.dist?.integrity);
  }
  const missing = [...publish.keys()].filter((n) => integrity.get(n) === undefined);
  if (!check(pub.status === 0 && missing.length === 0, `published ${list} (${secs(t)})`, `${tail(pub)}\nnot in the registry: ${missing.join(', ')}`)) throw new Stop('publish');

  // 3. Two readers' projects: pnpm and npm, each knowing only `@repro:registry=`.
  const installs = {
    pnpm: ['pnpm', ['add', `@repro/${paper}`, '--prefer-offline', '--reporter=append-only']],
    npm: ['npm', ['install', `@repro/${paper}`, '--prefer-offline', '--no-audit', '--no-fund']],
  };
  // Nothing from the monorepo's environment (a `pnpm check:registry` run sets npm_config_* variables) may steer the readers.
  const readerEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm|pnpm)_config_/i.test(k) && !/^npm_(package|lifecycle)_/i.test(k))),
    npm_config_update_notifier: 'false',
  };
  // Both installs at once (mostly waiting on the network), then the two smoke runs one after the other (each uses every core).
  const appOf = (pm) => join(scratch, `app-${pm}`);
  const installed = await Promise.all(
    Object.entries(installs).map(async ([pm, [cmd, a]]) => {
      const app = appOf(pm);
      mkdirSync(app);
      writeFileSync(join(app, 'package.json'), JSON.stringify({ name: `registry-check-${pm}`, private: true, type: 'module' }, null, 2));
      writeFileSync(join(app, '.npmrc'), `@repro:registry=${registry}\n`);
      const ti = Date.now();
      const r = await sh(cmd, a, app, readerEnv);
      return { ...r, took: secs(ti) };
    }),
  );
  const claimsText = {};
  for (const [i, [pm, [cmd, a]]] of Object.entries(installs).entries()) {
    const app = appOf(pm);
    const ins = installed[i];
    if (!check(ins.status === 0, `${pm}: ${cmd} ${a.slice(0, 2).join(' ')} from ${registry} (${ins.took})`, tail(ins))) continue;

    // Installed versions and integrity are the ones just published.
    const paperDir = findPkg(app, `@repro/${paper}`);
    const wrong = [];
    for (const [name, version] of publish) {
      const dir = name === `@repro/${paper}` ? paperDir : paperDir && findPkg(paperDir, name);
      const got = dir ? readJson(join(dir, 'package.json')).version : 'missing';
      if (got !== version) wrong.push(`${name}: ${got} (published ${version})`);
    }
    const lock = pm === 'npm' ? readFileSync(join(app, 'package-lock.json'), 'utf8') : readFileSync(join(app, 'pnpm-lock.yaml'), 'utf8');
    for (const [name, version] of publish) {
      let got;
      if (pm === 'npm') {
        const pkgs = JSON.parse(lock).packages;
        got = Object.entries(pkgs).find(([k, v]) => k.endsWith(`node_modules/${name}`) && v.version === version)?.[1].integrity;
      } else got = new RegExp(`'${name}@${version.replace(/\./g, '\\.')}':\\s*\\n\\s*resolution: \\{integrity: ([^,}]+)`).exec(lock)?.[1];
      if (got !== integrity.get(name)) wrong.push(`${name}@${version}: lockfile integrity ${got ?? 'missing'} ≠ registry's`);
    }
    check(wrong.length === 0, `${pm}: installed ${list} with the registry's integrity`, wrong.join('\n'));
    check(!existsSync(join(app, 'node_modules', '@repro', 'testkit')), `${pm}: the private testkit is not installed`);

    // The reader's command.
    t = Date.now();
    const run = await sh('npx', [`repro-${paper}`, '--profile', 'smoke'], app, { ...readerEnv, REPRO_PROGRESS: '0' });
    smokeMs += Date.now() - t;
    const claimsFile = join(app, 'results', paper, 'smoke', 'claims.json');
    const claims = existsSync(claimsFile) ? readJson(claimsFile) : [];
    const count = (s) => claims.filter((c) => c.status === s).length;
    let documented = { ok: false, unexpected: [], stale: [], different: [], malformed: ['no claims.json'] };
    if (claims.length > 0) {
      const harness = findPkg(paperDir, '@repro/harness');
      const { compareExpectedFailures, readExpectedFailures } = await import(pathToFileURL(join(harness, 'dist', 'index.js')).href);
      documented = compareExpectedFailures(claims, readExpectedFailures(paperDir), { profile: 'smoke', seed: 0 });
    }
    const notes = [...documented.unexpected.map((x) => `UNEXPECTED failure ${x}`), ...documented.stale.map((x) => `documented failure now passes: ${x}`), ...documented.different, ...documented.malformed];
    check(
      (run.status === 0 || run.status === 1) && claims.length > 0 && documented.ok,
      `${pm}: npx repro-${paper} --profile smoke → exit ${run.status}, ${count('pass')} pass, ${count('fail')} fail (documented: ${documented.ok ? 'yes' : 'NO'}), ${count('inconclusive')} inconclusive, ${count('skip')} skip in ./results/${paper}/smoke (${secs(t)})`,
      [...notes, tail(run)].join('\n'),
    );
    if (existsSync(claimsFile)) claimsText[pm] = readFileSync(claimsFile, 'utf8');
  }
  if (claimsText.pnpm !== undefined && claimsText.npm !== undefined)
    check(claimsText.pnpm === claimsText.npm, 'the pnpm and npm installs give byte-identical claims.json');
} catch (e) {
  if (!(e instanceof Stop)) check(false, `unexpected error: ${e?.stack ?? e}`);
} finally {
  cleanup();
}
console.log(`registry: ${passed} passed, ${failed} failed (${secs(t0)}, of which the two smoke runs ${(smokeMs / 1000).toFixed(1)} s)${keep ? ` — kept ${scratch}` : ''}`);
writeCheckResult('registry', passed, failed);
process.exit(failed > 0 ? 1 : 0);
