import { mapJobs, type RunContext } from '@repro/harness';

/** How one experiment's jobs go through the pool: its progress phase, its timing label, and what the pool needs. */
export interface PooledPhase<J> {
  /** The job function's module (`import.meta.url` of the file that exports it) and export name. */
  moduleUrl: string;
  exportName: string;
  /** Progress phase name (`ctx.progress.phase`) and timing label (`ctx.time`, a phase row of the manifest). */
  phase: string;
  label: string;
  /** Per-job cost estimates (flops or seconds, any unit): the pool's longest-first order and the shards' split. */
  costs?: number[];
  /** A finished job's share of the progress bar (default 1) and its progress text. */
  weight?: (job: J) => number;
  note: (job: J) => string;
}

/**
 * One experiment's jobs through the harness job pool (`mapJobs`: worker threads, shardable with `--shard-by job`),
 * declared as a progress phase and timed as one manifest phase. Results come back in job order; under `--shard-by job`
 * another shard's jobs are `null` (the caller's assembly skips them; the merge has them all).
 *
 * @example
 * const rows = await pooledPhase<LimitJob, Row[]>(ctx, jobs, {
 *   moduleUrl: import.meta.url, exportName: 'limitJob', phase: 'NTK limit', label: 'NTK limit (job pool)',
 *   costs: jobs.map((j) => j.d), note: (j) => `d=${j.d}`,
 * });
 */
export function pooledPhase<J, R>(ctx: RunContext, jobs: J[], p: PooledPhase<J>): Promise<R[]> {
  const weight = p.weight ?? ((): number => 1);
  ctx.progress.phase(p.phase, jobs.reduce((s, j) => s + weight(j), 0));
  return ctx.time(p.label, () =>
    mapJobs<J, R>(p.moduleUrl, p.exportName, jobs, {
      ...(p.costs !== undefined ? { costs: p.costs } : {}),
      onResult: (i) => {
        const j = jobs[i] as J;
        ctx.progress.tick(weight(j), p.note(j));
      },
    }),
  );
}
