import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pidAlive } from './lock.js';

/** Names of the sibling directories used while publishing `dir`: `.<name>.tmp-<pid>` (being written), `.<name>.old-<pid>` (replaced). */
const siblingPattern = (name: string): RegExp => new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)$`);

/**
 * Leftovers of killed runs next to `dir` (call while holding its lock): a `.old-<pid>` whose run died between the two renames
 * of `publishDir` is moved back when `dir` is missing (the previous results survive), every other leftover is removed.
 * @example
 * ```ts
 * import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { recoverPublish } from '@repro/harness';
 *
 * const parent = mkdtempSync(join(tmpdir(), 'results-'));
 * mkdirSync(join(parent, '.smoke.old-12345')); // a run killed between the two renames of publishDir
 * recoverPublish(join(parent, 'smoke'));
 * existsSync(join(parent, 'smoke')); // → true (the previous results are back)
 * ```
 */
export function recoverPublish(dir: string): void {
  const parent = dirname(dir);
  if (!existsSync(parent)) return;
  const re = siblingPattern(basename(dir));
  for (const entry of readdirSync(parent)) {
    const m = re.exec(entry);
    if (m === null || (Number(m[2]) !== process.pid && pidAlive(Number(m[2])))) continue;
    const p = join(parent, entry);
    if (m[1] === 'old' && !existsSync(dir)) renameSync(p, dir);
    else rmSync(p, { recursive: true, force: true });
  }
}

/**
 * Publish a directory atomically: `write(tmp)` fills a fresh sibling temp dir; only when it returns is the old `dir` renamed
 * aside, the new one renamed into place, and the old one removed. A run killed before the swap leaves `dir` untouched; one
 * killed between the two renames leaves `.old-<pid>`, which `recoverPublish` restores.
 * @example
 * ```ts
 * import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { publishDir } from '@repro/harness';
 *
 * const dir = join(mkdtempSync(join(tmpdir(), 'results-')), 'smoke');
 * await publishDir(dir, async (tmp) => writeFileSync(join(tmp, 'claims.json'), '[]'));
 * readFileSync(join(dir, 'claims.json'), 'utf8'); // → '[]'
 * ```
 */
export async function publishDir(dir: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(dir)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    await write(tmp);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const old = join(parent, `.${basename(dir)}.old-${process.pid}`);
  const hadOld = existsSync(dir);
  if (hadOld) renameSync(dir, old);
  renameSync(tmp, dir);
  if (hadOld) rmSync(old, { recursive: true, force: true });
}
