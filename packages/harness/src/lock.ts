import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Another live process holds the lock of the results directory (the CLI reports it on one line, exit 3). */
export class LockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockError';
  }
}

/** Whether a process with this pid exists (signal 0 probes without signalling; EPERM still means "exists"). */
export function pidAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take an exclusive lock file: created with O_EXCL holding our pid, so two runs of the same paper and profile cannot
 * interleave their writes. A lock whose pid is dead (a killed run) is stale and taken over. Returns the release function.
 * Throws LockError while a live process holds it.
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { LockError, acquireLock } from '@repro/harness';
 *
 * const lockFile = join(mkdtempSync(join(tmpdir(), 'lock-')), '.lock');
 * const release = acquireLock(lockFile);
 * try {
 *   acquireLock(lockFile); // a second run of the same paper and profile
 * } catch (e) {
 *   e instanceof LockError; // → true
 * }
 * release();
 * acquireLock(lockFile)(); // free again
 * ```
 */
export function acquireLock(path: string): () => void {
  mkdirSync(dirname(path), { recursive: true });
  // Two attempts: the second follows the removal of a stale lock; losing that race to another run is a LockError.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let text = '';
      try {
        text = readFileSync(path, 'utf8').trim();
      } catch {
        continue; // removed between our open and read: retry
      }
      const pid = Number(text);
      // An empty file is a lock being written right now (open and write are not one step): treat it as held.
      if (text === '' || pidAlive(pid)) throw new LockError(`another run (pid ${text || '?'}) is writing ${dirname(path)}; wait for it, or remove ${path} if that process is gone`);
      rmSync(path, { force: true });
    }
  }
  throw new LockError(`could not take the lock ${path} (another run took it first)`);
}
