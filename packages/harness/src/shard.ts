/**
 * Sharded runs (`--shard i/n`) and their merge (`pnpm repro merge`).
 *
 * The unit of work is a job. Two kinds of jobs, chosen per run before anything is computed (`shardMode`):
 * - `seed` — each harness seed s is a job; shard i runs the seeds with s mod n = i and records their whole traces. The merge
 *   checks the traces it was given: nothing is recomputed. Every paper can shard this way (papers without a job pool can
 *   only shard this way); with fewer seeds than shards some shards have nothing to do.
 * - `job` — every `mapJobs` job is a job, numbered over the whole run in call order (seed 0's calls, then seed 1's, …).
 *   Shard i runs `run()` for every seed, but each `mapJobs` call computes only the jobs with global index g mod n = i and
 *   hands `null` back for the others; it records its results. The merge replays `run()` with every `mapJobs` call served
 *   from the recorded results (what `run` computes outside the pool is recomputed there), so the merged traces — and
 *   claims.json/values.json — are the unsharded run's by construction.
 * `auto` picks `job` when the paper calls `mapJobs` (its sources or build mention it) and it has fewer seeds than shards,
 * else `seed`.
 *
 * A shard writes a partial run directory: manifest.json (kind `repro-shard`: shard, mode, commit, lockfile hash, config
 * hash, seed, the invocation, the calls it saw, timings) and units.v8 (the recorded traces or job results, in V8's
 * structured-clone format: typed arrays, NaN and -0 survive exactly as they do through the seed pool).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Paper } from './define-paper.js';
import { UsageError } from './errors.js';
import { setActiveFault } from './faults.js';
import { costOrder, type JobInterceptor, setJobInterceptor } from './job-pool.js';
import { toJson } from './json.js';
import { acquireLock } from './lock.js';
import { findWorkspaceRoot, provenance } from './manifest.js';
import { createProgress, phaseTimer } from './progress.js';
import { publishDir, recoverPublish } from './publish-dir.js';
import { computeTraces, finishRun, resolveRun, type FinishInput, type ResolvedRun, type RunOptions, type RunSummary } from './runner.js';
import type { BackendInfo } from './types.js';

/** What a shard's jobs are: the harness seeds (`seed`) or the `mapJobs` jobs of the run (`job`). */
export type ShardMode = 'seed' | 'job';
/** The values of `--shard-by`: `auto` (job mode for a paper with a job pool and fewer seeds than shards), `seed`, `job`. */
export const SHARD_MODES = ['auto', 'seed', 'job'] as const;
/** One of `SHARD_MODES`. */
export type ShardBy = (typeof SHARD_MODES)[number];

/** Shard `index` of `count` (0-based, `--shard i/n`). */
export interface ShardSpec {
  /** 0 ≤ index < count. */
  index: number;
  /** The number of shards, ≥ 1. */
  count: number;
}

/**
 * `i/n` with 0 ≤ i < n (0-based, as Slurm's array task ids): a UsageError otherwise.
 * @example
 * ```ts
 * import { parseShard } from '@repro/harness';
 *
 * parseShard('1/4'); // → { index: 1, count: 4 }
 * let refused = '';
 * try {
 *   parseShard('4/4');
 * } catch (e) {
 *   refused = (e as Error).message;
 * }
 * refused; // → '--shard 4/4: the shard index must satisfy 0 ≤ i < n (shards are numbered 0 to 3)'
 * ```
 */
export function parseShard(s: string): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(s);
  if (m === null) throw new UsageError(`--shard expects i/n (0-based shard i of n, e.g. 0/4), got '${s}'`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(count) || count < 1) throw new UsageError(`--shard ${s}: the shard count n must be a positive integer`);
  if (!Number.isSafeInteger(index) || index >= count) throw new UsageError(`--shard ${s}: the shard index must satisfy 0 ≤ i < n (shards are numbered 0 to ${count - 1})`);
  return { index, count };
}

/**
 * Whether a paper package calls the job pool: its build (dist/) or sources (src/) mention `mapJobs(`.
 * @example
 * ```ts
 * import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { usesJobPool } from '@repro/harness';
 *
 * const pkg = mkdtempSync(join(tmpdir(), 'paper-'));
 * mkdirSync(join(pkg, 'src'));
 * writeFileSync(join(pkg, 'src', 'run.ts'), 'export const run = () => 1;\n');
 * usesJobPool(pkg); // → false
 * writeFileSync(join(pkg, 'src', 'trials.ts'), "export const all = (jobs) => mapJobs(url, 'trial', jobs);\n");
 * usesJobPool(pkg); // → true
 * ```
 */
export function usesJobPool(packageRoot: string): boolean {
  for (const sub of ['dist', 'src']) {
    const dir = join(packageRoot, sub);
    if (!existsSync(dir)) continue;
    const stack = [dir];
    let found = false;
    let any = false;
    while (stack.length > 0) {
      const d = stack.pop() as string;
      for (const e of readdirSync(d)) {
        const p = join(d, e);
        if (statSync(p).isDirectory()) stack.push(p);
        else if (/\.(js|ts|mjs)$/.test(e) && !e.endsWith('.d.ts')) {
          any = true;
          if (readFileSync(p, 'utf8').includes('mapJobs(')) found = true;
        }
      }
    }
    if (any) return found;
  }
  return false;
}

/**
 * The mode a run with `seeds` seeds and `count` shards uses (deterministic: every shard and the merge agree).
 * @example
 * ```ts
 * import { shardMode } from '@repro/harness';
 *
 * shardMode('auto', true, 1, 4); // → 'job' (a job pool and fewer seeds than shards)
 * shardMode('auto', true, 8, 4); // → 'seed'
 * shardMode('auto', false, 1, 4); // → 'seed' (no job pool: shard 0 computes the one seed)
 * shardMode('job', false, 8, 4); // → 'job' (--shard-by overrides)
 * ```
 */
export function shardMode(by: ShardBy, pool: boolean, seeds: number, count: number): ShardMode {
  if (by !== 'auto') return by;
  return pool && seeds < count ? 'job' : 'seed';
}

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/**
 * Everything that decides the numbers of a run besides the code: config, profile, experiments, seeds, backend, fault
 * (a sha256, hex). Shards of one run agree on it; the merge refuses shards that do not.
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { checkBound, definePaper, configHash, resolveRun } from '@repro/harness';
 *
 * const paper = definePaper({
 *   meta: { id: 'demo', title: 'A demo', authors: ['A. Author'], venue: 'arXiv', year: 2024, bibtex: '(BibTeX entry)' },
 *   config: z.object({ n: z.number().int().describe('number of samples (count)') }),
 *   profiles: { smoke: { n: 10 }, paper: { n: 1000 } },
 *   run: async (cfg) => ({ worst: 1 / cfg.n }),
 *   values: (traces) => ({ worst: { value: traces[0]!.worst, bound: 1 } }),
 *   claims: [
 *     {
 *       id: 'demo.bound', source: 'Eq. (1)', statement: 'The worst case is at most 1.', evidence: 'paper',
 *       profiles: ['smoke', 'paper'], precision: 'float64', needs: [], observational: 'true by construction',
 *       check: (traces) => checkBound(traces[0]!.worst, 1, 'le'),
 *     },
 *   ],
 *   figures: [],
 *   deviations: [],
 * });
 *
 * const opts = { profile: 'smoke', seed: 0, seeds: 1, backend: 'auto', outDir: '/tmp/demo-results' };
 * const h = configHash(resolveRun(paper, opts), opts);
 * /^[0-9a-f]{64}$/.test(h); // → true
 * const o2 = { ...opts, set: ['n=20'] };
 * configHash(resolveRun(paper, o2), o2) === h; // → false
 * ```
 */
export function configHash(r: ResolvedRun, opts: RunOptions): string {
  return sha256(
    toJson({
      config: r.cfg,
      baseProfile: r.baseProfile,
      profile: r.profile,
      experiments: [...r.experiments].sort(),
      only: [...(opts.only ?? [])],
      seeds: opts.seeds,
      backend: opts.backend,
      fault: r.fault,
    }),
  );
}

/** One `mapJobs` call as a shard saw it: which seed, its stable name, its first global job index, its job count, a hash of its jobs. */
export interface CallRecord {
  seed: number;
  name: string;
  base: number;
  count: number;
  jobsSha256: string;
}

/** manifest.json of a shard directory (`kind: 'repro-shard'`): what the shard ran, what it recorded, where and how long. */
export interface ShardManifest {
  kind: 'repro-shard';
  paper: string;
  shard: ShardSpec;
  mode: ShardMode;
  git: { commit: string; dirty: boolean | null };
  lockfileSha256: string;
  configHash: string;
  seed: number;
  seeds: number;
  invocation: { profile: string; set: string[]; only: string[]; backend: string; fault: string | null; seeds: number; seed: number };
  /** Seeds whose traces this shard recorded (seed mode). */
  seedsRecorded: number[];
  /** Global job indices this shard computed (job mode). */
  jobsRecorded: number[];
  /** The calls of the run in order (job mode; the same in every shard). */
  calls: CallRecord[];
  totalJobs: number;
  start: string;
  end: string;
  wallSeconds: number;
  /** User + system CPU seconds of the shard's process (all its threads): comparable across loaded machines. */
  cpuSeconds: number;
  phases: Record<string, number>;
  node: string;
  cpu: unknown;
  backend: BackendInfo | null;
}

interface Units {
  traces: Record<number, unknown>;
  jobs: Record<number, unknown>;
}

const hashJobs = (jobs: readonly unknown[]): string => sha256(serialize(jobs));

/**
 * The jobs of one call that shard `index` computes when the call gives costs: costliest first (ties by index), each to the
 * shard with the least cost so far (ties: the lowest shard index); `load` carries the per-shard totals across calls. Every
 * shard computes the same assignment from the same costs, so the shards cover each job exactly once (the merge checks it).
 */
export function greedyShare(costs: readonly number[], load: number[], index: number): number[] {
  const mine: number[] = [];
  for (const j of costOrder(costs.length, costs)) {
    let s = 0;
    for (let q = 1; q < load.length; q++) if ((load[q] as number) < (load[s] as number)) s = q;
    load[s] = (load[s] as number) + (costs[j] as number);
    if (s === index) mine.push(j);
  }
  return mine.sort((a, b) => a - b);
}

/**
 * Run one shard of a paper: validate like a run, compute this shard's jobs and publish the partial run directory
 * (default `<results>/<profile>.shard-<i>-of-<n>`). `runPaper` calls it when `opts.shard` is set.
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { z } from 'zod';
 * import { checkBound, definePaper, runShard } from '@repro/harness';
 *
 * const paper = definePaper({
 *   meta: { id: 'demo', title: 'A demo', authors: ['A. Author'], venue: 'arXiv', year: 2024, bibtex: '(BibTeX entry)' },
 *   config: z.object({ n: z.number().int().describe('number of samples (count)') }),
 *   profiles: { smoke: { n: 10 }, paper: { n: 1000 } },
 *   run: async (cfg) => ({ worst: 1 / cfg.n }),
 *   values: (traces) => ({ worst: { value: traces[0]!.worst, bound: 1 } }),
 *   claims: [
 *     {
 *       id: 'demo.bound', source: 'Eq. (1)', statement: 'The worst case is at most 1.', evidence: 'paper',
 *       profiles: ['smoke', 'paper'], precision: 'float64', needs: [], observational: 'true by construction',
 *       check: (traces) => checkBound(traces[0]!.worst, 1, 'le'),
 *     },
 *   ],
 *   figures: [],
 *   deviations: [],
 * });
 *
 * const dir = mkdtempSync(join(tmpdir(), 'demo-'));
 * const base = { profile: 'smoke', seed: 0, seeds: 2, backend: 'auto', packageRoot: dir };
 * const s = await runShard(paper, { ...base, shard: { index: 1, count: 2 }, outDir: join(dir, 'shard-1') });
 * s.shard?.mode; // → 'seed' (no job pool: shard 1 of 2 computes seed 1)
 * [s.pass, s.fail, s.exitCode]; // → [0, 0, 0] (a shard checks no claim)
 * ```
 */
export async function runShard(paper: Paper, opts: RunOptions & { shard: ShardSpec; shardBy?: ShardBy }): Promise<RunSummary> {
  const r = resolveRun(paper, opts);
  const { index, count } = opts.shard;
  const packageRoot = opts.packageRoot ?? process.cwd();
  const mode = shardMode(opts.shardBy ?? 'auto', usesJobPool(packageRoot), opts.seeds, count);
  const start = new Date();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const origin = provenance(packageRoot) as { git: { commit: string; dirty: boolean | null }; lockfileSha256: string; node: string; cpu: unknown };
  const progress = createProgress(`${paper.id} shard ${index}/${count}`, opts.progress ?? false);
  const { phases, timed } = phaseTimer();
  let backend: BackendInfo | null = null;
  const reportBackend = (info: BackendInfo) => {
    backend = info;
  };
  const units: Units = { traces: {}, jobs: {} };
  const calls: CallRecord[] = [];
  const release = acquireLock(`${r.outDir}.lock`);
  const previousFault = setActiveFault(r.fault);
  try {
    recoverPublish(r.outDir);
    if (mode === 'seed') {
      const mine = Array.from({ length: opts.seeds }, (_, s) => s).filter((s) => s % count === index);
      progress.log(`shard ${index}/${count}: seeds ${mine.length > 0 ? mine.join(', ') : '(none)'} of ${opts.seeds}`);
      const traces = await computeTraces(paper, r, opts, mine, { progress, phases, timed, reportBackend });
      mine.forEach((s, k) => {
        units.traces[s] = traces[k];
      });
    } else {
      let g = 0;
      let seedNow = 0;
      // Cost so far per shard, over the whole run (calls that give `costs` are split greedily by it).
      const load = new Array<number>(count).fill(0);
      const interceptor: JobInterceptor = {
        async map<J, R>(name: string, jobs: readonly J[], compute: (indices: readonly number[]) => Promise<R[]>, costs?: readonly number[]): Promise<R[]> {
          const base = g;
          g += jobs.length;
          calls.push({ seed: seedNow, name, base, count: jobs.length, jobsSha256: hashJobs(jobs) });
          const mine = costs === undefined ? jobs.map((_, j) => j).filter((j) => (base + j) % count === index) : greedyShare(costs, load, index);
          // Progress: the phase the paper declared for this call counts every job; this shard does its share of them.
          const sum = (ix: readonly number[]): number => ix.reduce((a, j) => a + (costs === undefined ? 1 : (costs[j] as number)), 0);
          const all = sum(jobs.map((_, j) => j));
          progress.share(all > 0 ? sum(mine) / all : 0);
          const got = mine.length > 0 ? await compute(mine) : [];
          const out = new Array<R>(jobs.length).fill(null as R);
          mine.forEach((j, k) => {
            out[j] = got[k] as R;
            units.jobs[base + j] = got[k];
          });
          return out;
        },
      };
      const previous = setJobInterceptor(interceptor);
      try {
        for (let s = 0; s < opts.seeds; s++) {
          seedNow = s;
          try {
            await computeTraces(paper, r, { ...opts, workers: 1 }, [s], { progress, phases, timed, reportBackend });
          } catch (e) {
            throw new Error(
              `${paper.id}: run() failed in job-sharded mode: ${(e as Error).message} (a run that reads another shard's job result, null in this shard, must shard by seed: --shard-by seed)`,
            );
          }
        }
      } finally {
        setJobInterceptor(previous);
      }
    }
    const end = new Date();
    const wallSeconds = (performance.now() - t0) / 1000;
    const manifest: ShardManifest = {
      kind: 'repro-shard',
      paper: paper.id,
      shard: { index, count },
      mode,
      git: origin.git,
      lockfileSha256: origin.lockfileSha256,
      configHash: configHash(r, opts),
      seed: opts.seed,
      seeds: opts.seeds,
      invocation: {
        profile: r.baseProfile,
        set: [...(opts.set ?? [])],
        only: [...(opts.only ?? [])],
        backend: opts.backend,
        fault: r.fault,
        seeds: opts.seeds,
        seed: opts.seed,
      },
      seedsRecorded: Object.keys(units.traces).map(Number),
      jobsRecorded: Object.keys(units.jobs).map(Number),
      calls,
      totalJobs: calls.reduce((a, c) => a + c.count, 0),
      start: start.toISOString(),
      end: end.toISOString(),
      wallSeconds,
      cpuSeconds: (() => {
        const c = process.cpuUsage(cpu0);
        return (c.user + c.system) / 1e6;
      })(),
      phases,
      node: origin.node,
      cpu: origin.cpu,
      backend,
    };
    await publishDir(r.outDir, async (tmp) => {
      writeFileSync(join(tmp, 'units.v8'), serialize(units));
      writeFileSync(join(tmp, 'manifest.json'), toJson(manifest));
    });
    const did = mode === 'seed' ? `${manifest.seedsRecorded.length} of ${opts.seeds} seeds` : `${manifest.jobsRecorded.length} of ${manifest.totalJobs} jobs`;
    return {
      paper: paper.id,
      profile: r.profile,
      outDir: r.outDir,
      pass: 0,
      fail: 0,
      inconclusive: 0,
      skip: 0,
      failed: [],
      inconclusiveIds: [],
      fault: r.fault,
      wallSeconds,
      exitCode: 0,
      shard: { index, count, mode, done: did },
    };
  } finally {
    setActiveFault(previousFault);
    release();
  }
}

/**
 * Files under packages/, papers/<id>/ or the lockfile that differ between `commit` and `to` (default HEAD) (null when git cannot tell,
 * e.g. the commit is unknown here).
 */
function changedSince(packageRoot: string, commit: string, paperId: string, to = 'HEAD'): string[] | null {
  const root = findWorkspaceRoot(packageRoot);
  if (root === undefined) return null;
  try {
    const out = execFileSync('git', ['diff', '--name-only', commit, to, '--', 'packages', `papers/${paperId}`, 'pnpm-lock.yaml'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString();
    return out.split('\n').filter((l) => l !== '');
  } catch {
    return null;
  }
}

/**
 * Read a shard directory's manifest (a UsageError, one line, when it is not one).
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { z } from 'zod';
 * import { checkBound, definePaper, readShardManifest, runShard } from '@repro/harness';
 *
 * const paper = definePaper({
 *   meta: { id: 'demo', title: 'A demo', authors: ['A. Author'], venue: 'arXiv', year: 2024, bibtex: '(BibTeX entry)' },
 *   config: z.object({ n: z.number().int().describe('number of samples (count)') }),
 *   profiles: { smoke: { n: 10 }, paper: { n: 1000 } },
 *   run: async (cfg) => ({ worst: 1 / cfg.n }),
 *   values: (traces) => ({ worst: { value: traces[0]!.worst, bound: 1 } }),
 *   claims: [
 *     {
 *       id: 'demo.bound', source: 'Eq. (1)', statement: 'The worst case is at most 1.', evidence: 'paper',
 *       profiles: ['smoke', 'paper'], precision: 'float64', needs: [], observational: 'true by construction',
 *       check: (traces) => checkBound(traces[0]!.worst, 1, 'le'),
 *     },
 *   ],
 *   figures: [],
 *   deviations: [],
 * });
 *
 * const dir = mkdtempSync(join(tmpdir(), 'demo-'));
 * await runShard(paper, { profile: 'smoke', seed: 0, seeds: 1, backend: 'auto', packageRoot: dir, shard: { index: 0, count: 1 }, outDir: join(dir, 's0') });
 * const m = readShardManifest(join(dir, 's0'));
 * [m.kind, m.paper, m.mode]; // → ['repro-shard', 'demo', 'seed']
 * m.seedsRecorded; // → [0]
 * ```
 */
export function readShardManifest(dir: string): ShardManifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new UsageError(`${dir} is not a shard directory (no manifest.json)`);
  let m: ShardManifest;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as ShardManifest;
  } catch (e) {
    throw new UsageError(`${dir}/manifest.json is not valid JSON (${(e as Error).message})`);
  }
  if (m.kind !== 'repro-shard') throw new UsageError(`${dir} is not a shard directory (its manifest.json is not a repro-shard manifest)`);
  if (!existsSync(join(dir, 'units.v8'))) throw new UsageError(`${dir} holds no units.v8 (an incomplete shard directory)`);
  return m;
}

/** Options of `mergeShards`: where the merged run goes, and the run options a merge shares with `runPaper`. */
export interface MergeOptions {
  /** Results directory of the merged run (default <package>/results/<profile>). */
  outDir?: string;
  /** The paper package's directory (default: the working directory). */
  packageRoot?: string;
  /** The directory holding `<profile>/` result directories when `outDir` is not given (default: <packageRoot>/results). */
  resultsRoot?: string;
  /** Print throttled progress lines on stderr. */
  progress?: boolean;
  /** Memory budget for `estimateMemory` (as `RunOptions.maxMemoryBytes`). */
  maxMemoryBytes?: number;
}

/**
 * Merge shard directories into a complete run: refuses (UsageError, one line) shards of another paper, commit, lockfile,
 * configuration, seed, mode or shard count, a missing or duplicated shard, and a job recorded twice or not at all; then
 * checks the claims and writes values, figures and reports exactly as an unsharded run.
 * @example
 * ```ts
 * import { mkdtempSync, readFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { z } from 'zod';
 * import { checkBound, definePaper, mergeShards, runPaper, runShard } from '@repro/harness';
 *
 * const paper = definePaper({
 *   meta: { id: 'demo', title: 'A demo', authors: ['A. Author'], venue: 'arXiv', year: 2024, bibtex: '(BibTeX entry)' },
 *   config: z.object({ n: z.number().int().describe('number of samples (count)') }),
 *   profiles: { smoke: { n: 10 }, paper: { n: 1000 } },
 *   run: async (cfg) => ({ worst: 1 / cfg.n }),
 *   values: (traces) => ({ worst: { value: traces[0]!.worst, bound: 1 } }),
 *   claims: [
 *     {
 *       id: 'demo.bound', source: 'Eq. (1)', statement: 'The worst case is at most 1.', evidence: 'paper',
 *       profiles: ['smoke', 'paper'], precision: 'float64', needs: [], observational: 'true by construction',
 *       check: (traces) => checkBound(traces[0]!.worst, 1, 'le'),
 *     },
 *   ],
 *   figures: [],
 *   deviations: [],
 * });
 *
 * const dir = mkdtempSync(join(tmpdir(), 'demo-'));
 * const base = { profile: 'smoke', seed: 0, seeds: 2, backend: 'auto', packageRoot: dir };
 * for (const index of [0, 1]) await runShard(paper, { ...base, shard: { index, count: 2 }, outDir: join(dir, `s${index}`) });
 * const merged = await mergeShards(paper, [join(dir, 's0'), join(dir, 's1')], { packageRoot: dir, outDir: join(dir, 'merged') });
 * merged.exitCode; // → 0
 * await runPaper(paper, { ...base, outDir: join(dir, 'whole') });
 * readFileSync(join(dir, 'merged', 'claims.json'), 'utf8') === readFileSync(join(dir, 'whole', 'claims.json'), 'utf8'); // → true
 * ```
 */
export async function mergeShards(paper: Paper, dirs: readonly string[], mo: MergeOptions = {}): Promise<RunSummary> {
  if (dirs.length === 0) throw new UsageError('repro merge needs at least one shard directory');
  const shards = dirs.map((d) => ({ dir: resolve(d), m: readShardManifest(resolve(d)) }));
  const first = shards[0] as { dir: string; m: ShardManifest };
  const same = <K extends keyof ShardManifest>(k: K, show: (v: ShardManifest[K]) => string, what: string) => {
    for (const s of shards)
      if (JSON.stringify(s.m[k]) !== JSON.stringify(first.m[k]))
        throw new UsageError(`${s.dir} has ${what} ${show(s.m[k])} but ${first.dir} has ${show(first.m[k])}: shards of different runs cannot be merged`);
  };
  same('paper', (v) => String(v), 'paper');
  if (first.m.paper !== paper.id) throw new UsageError(`the shards are of ${first.m.paper}, not ${paper.id}`);
  // Shards of one run may start at different commits of a shared checkout (others commit meanwhile): accepted when nothing
  // this paper computes or checks with changed between them (the core packages, the paper, the lockfile).
  for (const s of shards)
    if (s.m.git.commit !== first.m.git.commit) {
      const changed = changedSince(mo.packageRoot ?? process.cwd(), first.m.git.commit, paper.id, s.m.git.commit);
      if (changed === null || changed.length > 0)
        throw new UsageError(
          `${s.dir} has code at commit ${s.m.git.commit.slice(0, 12)} but ${first.dir} has commit ${first.m.git.commit.slice(0, 12)}${changed === null ? '' : ` and ${changed.length} file(s) of ${paper.id} or the core packages differ (${changed[0]}${changed.length > 1 ? ', …' : ''})`}: shards of different runs cannot be merged`,
        );
    }
  same('lockfileSha256', (v) => `lockfile ${v.slice(0, 12)}`, 'a different lockfile:');
  same('configHash', (v) => `config ${v.slice(0, 12)}`, 'a different configuration:');
  same('seed', (v) => String(v), 'seed');
  same('seeds', (v) => String(v), 'seeds =');
  same('mode', (v) => v, 'shard mode');
  same('invocation', (v) => JSON.stringify(v), 'invocation');
  const count = first.m.shard.count;
  for (const s of shards)
    if (s.m.shard.count !== count) throw new UsageError(`${s.dir} is shard ${s.m.shard.index}/${s.m.shard.count} but ${first.dir} is one of ${count} shards`);
  const byIndex = new Map<number, string>();
  for (const s of shards) {
    const prev = byIndex.get(s.m.shard.index);
    if (prev !== undefined) throw new UsageError(`duplicate shard ${s.m.shard.index}/${count}: given as ${prev} and ${s.dir}`);
    byIndex.set(s.m.shard.index, s.dir);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new UsageError(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')}: every shard 0..${count - 1} is needed`);
  const packageRoot = mo.packageRoot ?? process.cwd();
  const inv = first.m.invocation;
  const opts: RunOptions = {
    profile: inv.profile,
    seed: inv.seed,
    seeds: inv.seeds,
    backend: inv.backend,
    only: inv.only,
    set: inv.set,
    packageRoot,
    ...(mo.resultsRoot !== undefined ? { resultsRoot: mo.resultsRoot } : {}),
    ...(mo.outDir !== undefined ? { outDir: mo.outDir } : {}),
    ...(mo.maxMemoryBytes !== undefined ? { maxMemoryBytes: mo.maxMemoryBytes } : {}),
    ...(inv.fault !== null ? { fault: inv.fault } : {}),
  };
  const r = resolveRun(paper, opts);
  if (configHash(r, opts) !== first.m.configHash)
    throw new UsageError(`the configuration resolved here (config ${configHash(r, opts).slice(0, 12)}) differs from the shards' (${first.m.configHash.slice(0, 12)}): merge from the same code as the shards`);
  const origin = provenance(packageRoot) as { git: { commit: string } };
  if (origin.git.commit !== first.m.git.commit) {
    // Others may commit to the shared checkout while the shards run: that is fine as long as nothing this paper computes or
    // checks with changed (the core packages, the paper, the lockfile).
    const changed = changedSince(packageRoot, first.m.git.commit, paper.id);
    if (changed === null || changed.length > 0)
      throw new UsageError(
        `the shards were computed at commit ${first.m.git.commit.slice(0, 12)} but this checkout is at ${origin.git.commit.slice(0, 12)}${changed === null ? '' : ` and ${changed.length} file(s) of ${paper.id} or the core packages changed (${changed[0]}${changed.length > 1 ? ', …' : ''})`}: merge from the same commit`,
      );
  }
  // Collect the recorded units; each must come from exactly one shard.
  const traces = new Map<number, { dir: string; v: unknown }>();
  const jobs = new Map<number, { dir: string; v: unknown }>();
  for (const s of shards) {
    const u = deserialize(readFileSync(join(s.dir, 'units.v8'))) as Units;
    for (const [k, v] of Object.entries(u.traces)) {
      const prev = traces.get(Number(k));
      if (prev !== undefined) throw new UsageError(`seed ${k} was recorded twice (by ${prev.dir} and ${s.dir})`);
      traces.set(Number(k), { dir: s.dir, v });
    }
    for (const [k, v] of Object.entries(u.jobs)) {
      const prev = jobs.get(Number(k));
      if (prev !== undefined) throw new UsageError(`job ${k} was recorded twice (by ${prev.dir} and ${s.dir})`);
      jobs.set(Number(k), { dir: s.dir, v });
    }
  }
  const mode = first.m.mode;
  if (mode === 'seed') {
    const absent = Array.from({ length: inv.seeds }, (_, s) => s).filter((s) => !traces.has(s));
    if (absent.length > 0) throw new UsageError(`seed${absent.length > 1 ? 's' : ''} ${absent.join(', ')} recorded by no shard`);
  } else {
    const callsJson = JSON.stringify(first.m.calls);
    for (const s of shards)
      if (JSON.stringify(s.m.calls) !== callsJson) throw new UsageError(`${s.dir} saw different mapJobs calls than ${first.dir}: the shards did not run the same jobs`);
    const absent: number[] = [];
    for (let g = 0; g < first.m.totalJobs; g++) if (!jobs.has(g)) absent.push(g);
    if (absent.length > 0) throw new UsageError(`job${absent.length > 1 ? 's' : ''} ${absent.slice(0, 8).join(', ')}${absent.length > 8 ? ', …' : ''} recorded by no shard`);
  }

  const start = new Date();
  const t0 = performance.now();
  const progress = createProgress(paper.id, mo.progress ?? false);
  const { phases, timed } = phaseTimer();
  let backend: BackendInfo | undefined = shards.map((s) => s.m.backend).find((b) => b !== null) ?? undefined;
  const release = acquireLock(`${r.outDir}.lock`);
  const previousFault = setActiveFault(r.fault);
  try {
    recoverPublish(r.outDir);
    let traceList: unknown[];
    if (mode === 'seed') traceList = Array.from({ length: inv.seeds }, (_, s) => traces.get(s)?.v);
    else {
      let callNo = 0;
      const interceptor: JobInterceptor = {
        async map<J, R>(name: string, js: readonly J[]): Promise<R[]> {
          const rec = first.m.calls[callNo++];
          if (rec === undefined || rec.name !== name || rec.count !== js.length || rec.jobsSha256 !== hashJobs(js))
            throw new UsageError(`mapJobs call ${callNo} (${name}, ${js.length} jobs) does not match the shards' record (${rec === undefined ? 'none' : `${rec.name}, ${rec.count} jobs`}): merge from the same code as the shards`);
          return js.map((_, j) => jobs.get(rec.base + j)?.v as R);
        },
      };
      const previous = setJobInterceptor(interceptor);
      try {
        traceList = await computeTraces(paper, r, { ...opts, workers: 1 }, Array.from({ length: inv.seeds }, (_, s) => s), {
          progress,
          phases,
          timed,
          reportBackend: (info) => {
            backend = info;
          },
        });
      } finally {
        setJobInterceptor(previous);
      }
      if (callNo !== first.m.calls.length) throw new UsageError(`the merge replayed ${callNo} mapJobs calls but the shards recorded ${first.m.calls.length}: merge from the same code as the shards`);
    }
    return await finishRun(paper, r, opts, {
      traces: traceList,
      start,
      t0,
      origin: provenance(packageRoot),
      progress,
      phases,
      timed,
      backend,
      extraManifest: {
        shards: {
          count,
          mode,
          configHash: first.m.configHash,
          dirs: shards.map((s) => s.dir),
          wallSeconds: Array.from({ length: count }, (_, i) => shards.find((s) => s.m.shard.index === i)?.m.wallSeconds ?? null),
          cpuSeconds: Array.from({ length: count }, (_, i) => shards.find((s) => s.m.shard.index === i)?.m.cpuSeconds ?? null),
        },
      },
    });
  } finally {
    setActiveFault(previousFault);
    release();
  }
}
