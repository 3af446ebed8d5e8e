#!/usr/bin/env node
// Checks `pnpm new-paper` end to end without touching this checkout: a git worktree of HEAD in a temp dir, install (from
// the local store), scaffold `zz-example`, then its typecheck, its test and its power check (both planted faults caught) must pass. Prints
// `new-paper: N passed, M failed`, writes test-results/new-paper.json, exits 1 on failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, writeCheckResult } from './lib.mjs';

const wt = join(mkdtempSync(join(tmpdir(), 'new-paper-')), 'wt');
let passed = 0;
let failed = 0;
const step = (what, cmd, args, cwd) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const ok = r.status === 0;
  if (ok) passed++;
  else failed++;
  console.log(`new-paper: ${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `\n${`${r.stdout}${r.stderr}`.trim().split('\n').slice(-12).join('\n')}`}`);
  return ok;
};
try {
  if (
    step('git worktree of HEAD', 'git', ['worktree', 'add', '--detach', wt, 'HEAD'], root) &&
    step('install', 'pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], wt) &&
    step('pnpm new-paper zz-example', process.execPath, ['scripts/new-paper.mjs', 'zz-example', '--title', 'Scaffold check'], wt)
  ) {
    const pkg = join(wt, 'papers', 'zz-example');
    step('scaffold typechecks', 'pnpm', ['typecheck'], pkg);
    step('scaffold example claim test passes', 'pnpm', ['test'], pkg);
    step('scaffold planted faults are caught (check-power)', process.execPath, ['scripts/check-power.mjs', 'zz-example'], wt);
    step('pnpm new-paper refuses an existing id (exit 2)', 'bash', ['-c', 'node scripts/new-paper.mjs zz-example --no-install; test $? -eq 2'], wt);
    step('pnpm new-paper refuses a bad id (exit 2)', 'bash', ['-c', 'node scripts/new-paper.mjs Bad_Id --no-install; test $? -eq 2'], wt);
  }
} finally {
  spawnSync('git', ['worktree', 'remove', '--force', wt], { cwd: root });
  rmSync(join(wt, '..'), { recursive: true, force: true });
}
console.log(`new-paper: ${passed} passed, ${failed} failed`);
writeCheckResult('new-paper', passed, failed);
process.exit(failed > 0 ? 1 : 0);
