import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Walk up from `start` to the directory holding pnpm-lock.yaml (the workspace root), if any.
 * @example
 * ```ts
 * import { tmpdir } from 'node:os';
 * import { findWorkspaceRoot } from '@repro/harness';
 *
 * findWorkspaceRoot(tmpdir()); // → undefined (no pnpm-lock.yaml above it)
 * findWorkspaceRoot(process.cwd()); // the checkout's root inside it
 * ```
 */
export function findWorkspaceRoot(start: string): string | undefined {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'pnpm-lock.yaml'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return undefined;
  }
}

/**
 * Provenance of the machine and code: commit (+ dirty flag), lockfile hash, versions, CPU, memory.
 * @example
 * ```ts
 * import { provenance } from '@repro/harness';
 *
 * const p = provenance(process.cwd());
 * Object.keys(p); // → ['git', 'lockfileSha256', 'node', 'packages', 'os', 'cpu', 'totalMemoryBytes']
 * p.node === process.version; // → true
 * ```
 */
export function provenance(start: string): Record<string, unknown> {
  // A paper run from a results dir outside the workspace (--out, tests) still records the workspace it came from.
  const root = findWorkspaceRoot(start) ?? findWorkspaceRoot(dirname(fileURLToPath(import.meta.url)));
  const where = root ?? start;
  const commit = git(['rev-parse', 'HEAD'], where) ?? 'unknown';
  const status = git(['status', '--porcelain', '--untracked-files=no'], where);
  const lock = root !== undefined ? createHash('sha256').update(readFileSync(join(root, 'pnpm-lock.yaml'))).digest('hex') : 'unknown';
  const packages: Record<string, string> = {};
  if (root !== undefined)
    for (const group of ['packages', 'papers']) {
      const dir = join(root, group);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir)) {
        const pj = join(dir, name, 'package.json');
        if (!existsSync(pj)) continue;
        const p = JSON.parse(readFileSync(pj, 'utf8')) as { name?: string; version?: string };
        if (p.name !== undefined) packages[p.name] = p.version ?? '0.0.0';
      }
    }
  const cpus = os.cpus();
  return {
    git: { commit, dirty: status === undefined ? null : status.length > 0 },
    lockfileSha256: lock,
    node: process.version,
    packages,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: { model: cpus[0]?.model ?? 'unknown', count: cpus.length },
    totalMemoryBytes: os.totalmem(),
  };
}
