/**
 * A pool for a paper's independent jobs (trials, widths, configurations): `mapJobs` calls one exported function of a
 * module on every job, in worker threads, and returns the results in job order. The function must be a pure function of
 * its job (keys travel inside the job), so the results are the same for any number of workers (tested) — only the
 * order of completion differs. Jobs and results are structured-cloned (plain objects, arrays, typed arrays).
 *
 * Workers: `opts.workers`, else REPRO_JOB_WORKERS, else the available cores; inside a worker thread (e.g. under
 * `--workers N` seed pools) the jobs run in that thread. With one worker, or one job, they run in this thread without
 * any worker. Each worker's GEMMs get cores/workers threads (REPRO_GEMM_THREADS).
 */
import { availableParallelism } from 'node:os';
import { isMainThread, Worker } from 'node:worker_threads';
import { activeFault } from './faults.js';

/** Options of `mapJobs`: how many worker threads, and a callback per finished job. */
export interface MapJobsOptions<R> {
  /** Worker threads (default: REPRO_JOB_WORKERS, else the available cores; 1 inside a worker thread). */
  workers?: number;
  /** Called in this thread as each result arrives (progress), in completion order. */
  onResult?: (index: number, result: R) => void;
  /**
   * Relative cost of each job (one finite number ≥ 0 per job, any unit, e.g. flops), a pure function of the jobs. The pool
   * hands out the costliest jobs first, and shard runs split the call by it (greedy: each job, costliest first, to the
   * shard with the least cost so far over the whole run) instead of round-robin. Results are the same either way.
   */
  costs?: readonly number[];
}

/** The job order `costs` asks for: costliest first, ties by index (the identity order without costs). */
export function costOrder(n: number, costs: readonly number[] | undefined): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  if (costs === undefined) return order;
  if (costs.length !== n || costs.some((c) => !Number.isFinite(c) || c < 0))
    throw new RangeError(`mapJobs: costs must hold one finite number ≥ 0 per job (${n} jobs, ${costs.length} costs)`);
  return order.sort((a, b) => (costs[b] as number) - (costs[a] as number) || a - b);
}

/**
 * The number of job workers `mapJobs` uses by default: REPRO_JOB_WORKERS when it is a positive integer, else the available
 * cores; 1 inside a worker thread (a seed-pool worker runs its jobs itself).
 * @example
 * ```ts
 * import { availableParallelism } from 'node:os';
 * import { defaultJobWorkers } from '@repro/harness';
 *
 * const n = defaultJobWorkers();
 * n === (Number(process.env.REPRO_JOB_WORKERS) || availableParallelism()); // → true (in the main thread)
 * ```
 */
export function defaultJobWorkers(): number {
  if (!isMainThread) return 1;
  const env = Number(process.env.REPRO_JOB_WORKERS);
  return Number.isInteger(env) && env >= 1 ? env : availableParallelism();
}

/**
 * Shard and merge runs (`--shard i/n`, `pnpm repro merge`) route every `mapJobs` call of the main thread through an
 * interceptor: a shard computes only its share of the jobs, a merge serves the jobs from the shards' recorded results.
 * `name` is the call's stable name (`<module file>#<export>`); `compute(indices)` runs those jobs in the pool.
 */
export interface JobInterceptor {
  /**
   * Serve the call `name` (its `jobs`): return one result per job, in job order; `compute(indices)` runs those jobs in the
   * pool; `costs` are the call's `MapJobsOptions.costs` when it gave them.
   */
  map<J, R>(name: string, jobs: readonly J[], compute: (indices: readonly number[]) => Promise<R[]>, costs?: readonly number[]): Promise<R[]>;
}

const INTERCEPTOR = Symbol.for('@repro/harness.jobInterceptor');

/**
 * Install (or remove, with null) the job interceptor of this thread; returns the previous one.
 * @example
 * ```ts
 * import { mapJobs, setJobInterceptor } from '@repro/harness';
 *
 * // An interceptor that serves every job itself (a merge serves them from the shards' recorded results).
 * const seen: string[] = [];
 * const previous = setJobInterceptor({
 *   async map<J, R>(name: string, jobs: readonly J[]): Promise<R[]> {
 *     seen.push(`${name}: ${jobs.length} jobs`);
 *     return jobs.map(() => 0 as unknown as R);
 *   },
 * });
 * const out = await mapJobs<number, number>('file:///repo/papers/demo/src/trials.ts', 'trial', [1, 2, 3]);
 * setJobInterceptor(previous);
 * out; // → [0, 0, 0]
 * seen; // → ['trials#trial: 3 jobs']
 * ```
 */
export function setJobInterceptor(i: JobInterceptor | null): JobInterceptor | null {
  const g = globalThis as Record<symbol, JobInterceptor | null | undefined>;
  const prev = g[INTERCEPTOR] ?? null;
  g[INTERCEPTOR] = i;
  return prev;
}

/**
 * The stable name of a `mapJobs` call: the module's file name and the export (independent of the checkout's path).
 * @example
 * ```ts
 * import { jobCallName } from '@repro/harness';
 *
 * jobCallName('file:///home/me/repo/papers/demo/src/experiments/trials.ts', 'runTrial'); // → 'trials#runTrial'
 * jobCallName('file:///opt/app/node_modules/@repro/demo/dist/experiments/trials.js', 'runTrial'); // → 'trials#runTrial'
 * ```
 */
export function jobCallName(moduleUrl: string, exportName: string): string {
  const file = moduleUrl.split(/[\\/]/).pop() ?? moduleUrl;
  return `${file.replace(/\.(ts|js|mjs)$/, '')}#${exportName}`;
}

/**
 * Call the function `exportName` of the module at `moduleUrl` on every job, in `workers` worker threads (see the module
 * comment above), and return the results in job order. The function must be a pure function of its job (keys travel
 * inside the job): the results are the same for any number of workers. Under `--shard` / `repro merge` the call goes
 * through the job interceptor (`setJobInterceptor`), keyed by `jobCallName(moduleUrl, exportName)`.
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { pathToFileURL } from 'node:url';
 * import { mapJobs } from '@repro/harness';
 *
 * // In a paper the module is one of its own (`new URL('./trials.js', import.meta.url).href`); here a scratch file.
 * const file = join(mkdtempSync(join(tmpdir(), 'jobs-')), 'square.mjs');
 * writeFileSync(file, 'export function square(job) { return job.x * job.x; }\n');
 * const jobs = [{ x: 1 }, { x: 2 }, { x: 3 }];
 * const done: number[] = [];
 * const out = await mapJobs<{ x: number }, number>(pathToFileURL(file).href, 'square', jobs, { workers: 2, onResult: (i) => done.push(i) });
 * out; // → [1, 4, 9] (job order, whatever order they finished in)
 * done.length; // → 3
 * ```
 */
export async function mapJobs<J, R>(moduleUrl: string, exportName: string, jobs: readonly J[], opts: MapJobsOptions<R> = {}): Promise<R[]> {
  const interceptor = isMainThread ? ((globalThis as Record<symbol, JobInterceptor | null | undefined>)[INTERCEPTOR] ?? null) : null;
  if (interceptor !== null)
    return interceptor.map<J, R>(
      jobCallName(moduleUrl, exportName),
      jobs,
      (indices) =>
        mapJobsDirect<J, R>(moduleUrl, exportName, indices.map((k) => jobs[k] as J), {
          ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
          ...(opts.costs !== undefined ? { costs: indices.map((k) => opts.costs?.[k] as number) } : {}),
          onResult: (k, r) => opts.onResult?.(indices[k] as number, r),
        }),
      opts.costs,
    );
  return mapJobsDirect(moduleUrl, exportName, jobs, opts);
}

async function mapJobsDirect<J, R>(moduleUrl: string, exportName: string, jobs: readonly J[], opts: MapJobsOptions<R> = {}): Promise<R[]> {
  const workers = Math.min(opts.workers ?? defaultJobWorkers(), jobs.length);
  if (!Number.isInteger(workers) || workers < 0) throw new RangeError(`mapJobs: workers must be a positive integer, got ${opts.workers}`);
  const results: R[] = new Array<R>(jobs.length);
  const order = costOrder(jobs.length, opts.costs);
  if (workers <= 1) {
    const fn = (await import(moduleUrl))[exportName] as ((job: J) => R | Promise<R>) | undefined;
    if (typeof fn !== 'function') throw new Error(`${moduleUrl} has no function export '${exportName}'`);
    for (const i of order) {
      results[i] = await fn(jobs[i] as J);
      opts.onResult?.(i, results[i] as R);
    }
    return results;
  }
  const execArgv = moduleUrl.endsWith('.ts') ? ['--conditions=source'] : [];
  const gemmThreads = process.env.REPRO_GEMM_THREADS ?? String(Math.max(1, Math.floor(availableParallelism() / workers)));
  const pool: Worker[] = [];
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      let failed = false;
      const send = (w: Worker) => {
        if (next >= jobs.length) {
          w.postMessage({ type: 'exit' });
          return;
        }
        const index = order[next++] as number;
        w.postMessage({ type: 'job', index, job: jobs[index] });
      };
      for (let i = 0; i < workers; i++) {
        const w = new Worker(new URL('./job-worker.mjs', import.meta.url), {
          execArgv,
          env: { ...process.env, REPRO_GEMM_THREADS: gemmThreads },
          workerData: { moduleUrl, exportName, fault: activeFault() },
        });
        pool.push(w);
        w.on('message', (m: { type: string; index: number; result?: R; message?: string; stack?: string }) => {
          if (failed) return;
          if (m.type === 'ready') send(w);
          else if (m.type === 'done') {
            results[m.index] = m.result as R;
            opts.onResult?.(m.index, m.result as R);
            if (++finished === jobs.length) resolve();
            else send(w);
          } else if (m.type === 'error') {
            failed = true;
            const e = new Error(`job ${m.index}: ${m.message}`);
            if (m.stack !== undefined) e.stack = m.stack;
            reject(e);
          }
        });
        w.on('error', (e) => {
          if (failed) return;
          failed = true;
          reject(e);
        });
        w.on('exit', (code) => {
          if (!failed && finished < jobs.length && code !== 0) {
            failed = true;
            reject(new Error(`job pool: a worker exited with code ${code} before the jobs were done`));
          }
        });
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
