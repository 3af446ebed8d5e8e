import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Key } from '@repro/concentration';
import type { BackendInfo, Progress } from './types.js';

export interface SeedPoolOptions {
  /** URL (file:) of the module that exports `paper` (the paper package's dist/index.js, or src/index.ts under tsx). */
  paperModule: string;
  cfg: unknown;
  keys: readonly Key[];
  /** The harness seed index of each key (`ctx.seedIndex`; default: the key's position). Shards run a subset of the seeds. */
  seedIndices?: readonly number[];
  experiments: readonly string[];
  backend: string;
  /** The planted fault to switch on in each worker (null: clean run). */
  fault?: string | null;
  workers: number;
  progress: Progress;
  reportBackend(info: BackendInfo): void;
  /** Phase times from the workers are added here (summed over seeds, like the serial run). */
  phases: Record<string, number>;
}

type FromWorker =
  | { type: 'ready' }
  | { type: 'phase'; name: string; total: number }
  | { type: 'tick'; units: number; detail?: string }
  | { type: 'log'; message: string }
  | { type: 'backend'; info: BackendInfo }
  | { type: 'done'; seedIndex: number; trace: unknown; phases: Record<string, number> }
  | { type: 'error'; seedIndex: number; message: string; stack: string };

/**
 * Run `paper.run` for every seed key in a pool of worker threads (independent seeds in parallel on several cores).
 * Seed s always gets keys[s], so the traces — and therefore claims.json and values.json — are identical to the serial
 * run's; only the order in which seeds finish differs, and the result is returned in seed order. A worker that throws
 * rejects the whole pool (the run is a runtime fault, as in the serial path). Under tsx (tests) the workers get the same
 * loader and `source` condition.
 */
export async function runSeedPool(o: SeedPoolOptions): Promise<unknown[]> {
  const n = Math.min(o.workers, o.keys.length);
  const traces: unknown[] = new Array(o.keys.length);
  // TypeScript sources (tests): resolve workspace packages to their sources; the worker registers tsx itself.
  const execArgv = o.paperModule.endsWith('.ts') ? ['--conditions=source'] : [];
  const workerUrl = new URL('./seed-worker.mjs', import.meta.url);
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      let failed = false;
      const send = (w: Worker) => {
        if (next >= o.keys.length) {
          w.postMessage({ type: 'exit' });
          return;
        }
        const s = next++;
        w.postMessage({ type: 'run', seedIndex: s, ctxSeedIndex: o.seedIndices?.[s] ?? s, key: o.keys[s] });
      };
      for (let i = 0; i < n; i++) {
        const w = new Worker(workerUrl, {
          execArgv,
          // The pool already puts one job on each core: each worker's GEMMs (@repro/linalg sgemm) get a share of the cores,
          // not all of them (sgemm's result does not depend on its thread count).
          env: { ...process.env, REPRO_GEMM_THREADS: process.env.REPRO_GEMM_THREADS ?? String(Math.max(1, Math.floor(availableParallelism() / n))) },
          workerData: { paperModule: o.paperModule, cfg: o.cfg, experiments: o.experiments, backend: o.backend, fault: o.fault ?? null },
        });
        workers.push(w);
        w.on('message', (m: FromWorker) => {
          switch (m.type) {
            case 'ready':
              send(w);
              break;
            case 'phase':
              o.progress.phase(m.name, m.total);
              break;
            case 'tick':
              o.progress.tick(m.units, m.detail);
              break;
            case 'log':
              o.progress.log(m.message);
              break;
            case 'backend':
              o.reportBackend(m.info);
              break;
            case 'done':
              traces[m.seedIndex] = m.trace;
              for (const [k, v] of Object.entries(m.phases)) o.phases[k] = (o.phases[k] ?? 0) + v;
              o.progress.log(`seed ${m.seedIndex + 1}/${o.keys.length} done`);
              if (++finished === o.keys.length) resolve();
              else send(w);
              break;
            case 'error': {
              failed = true;
              const err = new Error(m.message);
              err.stack = m.stack;
              reject(err);
              break;
            }
          }
        });
        w.on('error', (e) => {
          failed = true;
          reject(e);
        });
        w.on('exit', (code) => {
          if (code !== 0 && !failed && finished < o.keys.length) reject(new Error(`seed worker exited with code ${code}`));
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return traces;
}
