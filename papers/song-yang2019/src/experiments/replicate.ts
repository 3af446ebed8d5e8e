import { foldIn, type Key } from '@repro/concentration';
import { mapJobs, type RunContext } from '@repro/harness';
import { selectBackend, type BackendRequest } from '@repro/nets';
import type { SongYang2019Config } from '../config.js';
import type { ReplicaTrace } from '../trace.js';
import { decomp } from './decomp.js';
import { dynamics } from './dynamics.js';
import { main } from './main.js';

/** One replicate of the single-run experiments, a job of the harness pool: config, key and selection travel inside it. */
export interface ReplicateJob {
  cfg: SongYang2019Config;
  /** foldIn(key, `replicate<r>`); each experiment folds in its own name, as in `run`. */
  key: Key;
  /** Replicate index r ≥ 1 (replicate 0 is the trace's own fields). */
  r: number;
  want: { dynamics: boolean; decomp: boolean; main: boolean };
  /** The run's tfjs backend request (thm.main in float32 only; a worker thread selects it itself). */
  backend: string;
}

/** A context for an experiment inside a job: no progress display, phases timed into `seconds`. */
function jobContext(seconds: Record<string, number>): RunContext {
  return {
    progress: { phase() {}, tick() {}, log() {} },
    experiments: new Set(),
    seedIndex: 0,
    fault: null,
    backend: 'auto',
    reportBackend() {},
    async time<R>(phase: string, fn: () => Promise<R>): Promise<R> {
      const t0 = performance.now();
      try {
        return await fn();
      } finally {
        seconds[phase] = (seconds[phase] ?? 0) + (performance.now() - t0) / 1000;
      }
    },
  };
}

/** One replicate (a worker thread, or this thread with one worker): its trace part and its phases' wall times. */
export async function replicateJob(j: ReplicateJob): Promise<{ rep: ReplicaTrace; seconds: Record<string, number> }> {
  const seconds: Record<string, number> = {};
  const ctx = jobContext(seconds);
  if (j.want.main && j.cfg.mainPrecision === 'float32') await selectBackend(j.backend as BackendRequest);
  const rep: ReplicaTrace = {};
  if (j.want.dynamics) rep.dynamics = await dynamics(j.cfg, foldIn(j.key, 'dynamics'), ctx);
  if (j.want.decomp) rep.decomp = await decomp(j.cfg, foldIn(j.key, 'decomp'), ctx);
  if (j.want.main) rep.main = await main(j.cfg, foldIn(j.key, 'main'), ctx);
  return { rep, seconds };
}

/**
 * Replicates 1 … R − 1 of the single-run experiments [NOTES.md §7], each with its own key foldIn(k, `replicate<r>`), as
 * jobs of the harness pool (both cores; the same replicates, in order, for any worker count). Each replicate's phase
 * times go to the log.
 */
export async function replicates(cfg: SongYang2019Config, k: Key, ctx: RunContext, want: ReplicateJob['want']): Promise<ReplicaTrace[]> {
  const jobs: ReplicateJob[] = Array.from({ length: cfg.replicates - 1 }, (_, i) => ({ cfg, key: foldIn(k, `replicate${i + 1}`), r: i + 1, want, backend: ctx.backend }));
  ctx.progress.phase('replicates', jobs.length);
  const done = await ctx.time(`replicates (job pool, ${jobs.length} × ${Object.keys(want).filter((e) => want[e as keyof typeof want]).join(', ')})`, () =>
    mapJobs<ReplicateJob, { rep: ReplicaTrace; seconds: Record<string, number> }>(import.meta.url, 'replicateJob', jobs, {
      onResult: (i, { seconds }) => {
        const msg = `replicate ${i + 2}/${cfg.replicates}: ${Object.entries(seconds)
          .map(([p, s]) => `${p} ${s.toFixed(1)} s`)
          .join(', ')}`;
        ctx.progress.log(msg);
        ctx.progress.tick(1, msg);
      },
    }),
  );
  // null: a replicate of another shard under `--shard-by job` (this shard's trace is not checked; the merge has them all).
  return (done as ({ rep: ReplicaTrace } | null)[]).flatMap((x) => (x === null ? [] : [x.rep]));
}
