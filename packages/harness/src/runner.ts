import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { foldIn, key } from '@repro/concentration';
import { applyOverrides, type Paper } from './define-paper.js';
import { UsageError } from './errors.js';
import { fullSpec, renderSvg } from './figures.js';
import { toJson } from './json.js';
import { acquireLock } from './lock.js';
import { provenance } from './manifest.js';
import { createProgress, phaseTimer } from './progress.js';
import { publishDir, recoverPublish } from './publish-dir.js';
import { runSeedPool } from './seed-pool.js';
import { runShard } from './shard.js';
import { reportHtml, reportMarkdown, type ClaimRecord, type FigureRecord } from './report.js';
import { setActiveFault } from './faults.js';
import { VERDICT_STATUSES, type BackendInfo, type ProfileName, type RunProfileName, type Tolerance, type Values, type Verdict } from './types.js';
import { combineStatus } from './verdicts.js';

/** How to run a paper (`runPaper`, `resolveRun`): profile, seeds, backend, selection, overrides, output, workers, shard. */
export interface RunOptions {
  /** 'smoke' | 'paper' (validated). */
  profile: string;
  /** Root seed, a non-negative integer. */
  seed: number;
  /** Number of independent traces (harness seeds), ≥ 1. */
  seeds: number;
  /** Requested backend ('auto' | 'wasm' | 'cpu' | 'tensorflow'), passed to `run` through the context. */
  backend: string;
  /** Globs (`*`, `?`) over claim and figure ids; only their experiments run, other claims are `skip`. */
  only?: readonly string[];
  /** `key=value` config overrides; any relabels the run `custom`. */
  set?: readonly string[];
  /** Results directory; default <packageRoot>/results/<profile>. Relative paths resolve against the working directory. */
  outDir?: string;
  /** The paper package's directory (default: the working directory). */
  packageRoot?: string;
  /** The directory holding `<profile>/` result directories when `outDir` is not given (default: <packageRoot>/results). */
  resultsRoot?: string;
  /** Memory budget for `estimateMemory`; default env REPRO_MAX_MEMORY, else 0.6 × free memory. */
  maxMemoryBytes?: number;
  /** Print throttled progress lines on stderr. */
  progress?: boolean;
  /**
   * Worker threads for independent seeds (default 1 = serial, in this thread). Needs `paperModule`. Seed s gets the same
   * key either way, so claims.json and values.json do not depend on it.
   */
  workers?: number;
  /** file: URL of the module exporting `paper` (set by `paperMain`); required for `workers` > 1. */
  paperModule?: string;
  /** Accepted for symmetry with the CLI; the summary is printed by `paperMain`, not by the runner. */
  json?: boolean;
  /** A planted fault to switch on (`--fault`): one of the paper's `faults`; refused under the paper profile. */
  fault?: string;
  /**
   * Run only shard `index` of `count` (`--shard i/n`): its share of the jobs, written as a partial run directory (default
   * `<results>/<profile>.shard-<i>-of-<n>`) for `mergeShards`. See shard.ts.
   */
  shard?: { index: number; count: number };
  /** What a shard's jobs are: `seed`, `job` (mapJobs jobs) or `auto` (default). */
  shardBy?: 'auto' | 'seed' | 'job';
}

/** What a run (or a merge of shards) reports back: its counts, the failed and inconclusive ids, the exit code, the results directory. */
export interface RunSummary {
  paper: string;
  profile: RunProfileName;
  outDir: string;
  pass: number;
  fail: number;
  inconclusive: number;
  skip: number;
  failed: string[];
  inconclusiveIds: string[];
  /** The planted fault this run had switched on, or null. */
  fault: string | null;
  wallSeconds: number;
  exitCode: 0 | 1;
  /** Set for a shard run (`--shard`): which shard, its mode and what it computed. No claims are checked by a shard. */
  shard?: { index: number; count: number; mode: 'seed' | 'job'; done: string };
}

/** Everything a run needs, validated before anything is computed or written. */
export interface ResolvedRun {
  cfg: Record<string, unknown>;
  profile: RunProfileName;
  /** The profile the overrides started from: decides which claims and figures run under `custom`. */
  baseProfile: ProfileName;
  /** Whether a claim or figure id matches the `--only` globs (every id when there are none). */
  selected: (id: string) => boolean;
  experiments: Set<string>;
  outDir: string;
  memory: { estimateBytes: number | null; budgetBytes: number };
  fault: string | null;
}

/** The profiles every paper defines: `smoke` (CI, about a minute) and `paper` (the paper's sizes). */
export const PROFILES: readonly ProfileName[] = ['smoke', 'paper'];

/** Share of free memory a run may plan to use by default: leaves room for the OS, tfjs arenas and the GC's headroom. */
const DEFAULT_MEMORY_SHARE = 0.6;

/**
 * Glob with `*` (any run of characters) and `?` (one character) over claim ids; everything else is literal.
 * @example
 * ```ts
 * import { globToRegExp } from '@repro/harness';
 *
 * globToRegExp('du2019.fig1*').test('du2019.fig1a'); // → true
 * globToRegExp('du2019.lem3.?').test('du2019.lem3.1'); // → true
 * globToRegExp('du2019.lem3.?').test('du2019.lem3x1'); // → false (the dot is literal)
 * ```
 */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`);
}

/**
 * Parse a memory size: a byte count, or a number with B/KB/MB/GB/TB (powers of 1000) or KiB/MiB/GiB/TiB (powers of 1024).
 * Throws a UsageError on anything else or a non-positive size.
 * @example
 * ```ts
 * import { parseBytes } from '@repro/harness';
 *
 * parseBytes('8GiB'); // → 8589934592
 * parseBytes('512MB'); // → 512000000
 * parseBytes('1e6'); // → 1000000
 * ```
 */
export function parseBytes(s: string): number {
  const m = /^\s*(\d+(?:\.\d+)?(?:e\d+)?)\s*(b|kb|mb|gb|tb|kib|mib|gib|tib)?\s*$/i.exec(s);
  if (!m) throw new UsageError(`cannot read memory size '${s}' (use e.g. 8GiB, 512MB or a byte count)`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4 };
  const v = Number(m[1]) * (mult[unit] as number);
  if (!(v > 0) || !Number.isFinite(v)) throw new UsageError(`memory size must be positive, got '${s}'`);
  return v;
}

const gib = (b: number): string => `${(b / 2 ** 30).toFixed(2)} GiB`;

function envBudget(): number | undefined {
  const v = process.env.REPRO_MAX_MEMORY;
  if (v === undefined || v === '') return undefined;
  try {
    return parseBytes(v);
  } catch (e) {
    throw new UsageError(`REPRO_MAX_MEMORY: ${(e as Error).message}`);
  }
}

/**
 * Validate the output directory before anything runs: not inside node_modules; if it exists, a directory that is empty
 * or holds a manifest.json (`--out .` must never swap out a source tree); otherwise creatable — its nearest existing
 * ancestor is a directory where a file can be made (probed with a temporary directory, removed at once).
 */
function checkOutDir(outDir: string): void {
  if (outDir.split(sep).includes('node_modules')) throw new UsageError(`--out ${outDir} is inside node_modules: choose a results directory elsewhere`);
  if (existsSync(outDir)) {
    if (!statSync(outDir).isDirectory()) throw new UsageError(`--out ${outDir} exists and is not a directory`);
    const entries = readdirSync(outDir);
    if (entries.length > 0 && !entries.includes('manifest.json'))
      throw new UsageError(`refusing to write into ${outDir}: it exists, is not empty and holds no manifest.json (not a results directory)`);
  }
  // The results are published next to outDir (a temp sibling swapped in): its parent must be creatable and writable.
  let ancestor = dirname(outDir);
  while (!existsSync(ancestor)) {
    const up = dirname(ancestor);
    if (up === ancestor) break;
    ancestor = up;
  }
  if (!existsSync(ancestor) || !statSync(ancestor).isDirectory()) throw new UsageError(`--out ${outDir} cannot be created: ${ancestor} is not a directory`);
  try {
    rmdirSync(mkdtempSync(join(ancestor, '.repro-probe-')));
  } catch (e) {
    throw new UsageError(`--out ${outDir} is not writable: cannot create anything in ${ancestor} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/**
 * Validate profile, seeds, overrides, --only, the output directory and the memory budget; pure (no writes). Throws a
 * UsageError on bad input; returns the resolved configuration, the selected claims' experiments and the output directory.
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { checkBound, definePaper, resolveRun } from '@repro/harness';
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
 * const r = resolveRun(paper, { profile: 'smoke', seed: 0, seeds: 1, backend: 'auto', set: ['n=20'], outDir: '/tmp/demo-results' });
 * r.profile; // → 'custom' (an override relabels the run)
 * r.cfg; // → { n: 20 }
 * r.selected('demo.bound'); // → true
 * ```
 */
export function resolveRun(paper: Paper, opts: RunOptions): ResolvedRun {
  if (!PROFILES.includes(opts.profile as ProfileName)) throw new UsageError(`unknown profile '${opts.profile}' (choose ${PROFILES.join(', ')})`);
  const baseProfile = opts.profile as ProfileName;
  if (!Number.isSafeInteger(opts.seed) || opts.seed < 0) throw new UsageError(`--seed must be a non-negative integer, got ${opts.seed}`);
  if (!Number.isSafeInteger(opts.seeds) || opts.seeds < 1) throw new UsageError(`--seeds must be a positive integer, got ${opts.seeds}`);
  const sets = opts.set ?? [];
  const cfg = applyOverrides(paper.id, paper.config, paper.profiles[baseProfile], sets) as Record<string, unknown>;
  const profile: RunProfileName = sets.length > 0 ? 'custom' : baseProfile;
  const globs = (opts.only ?? []).map(globToRegExp);
  const selected = (id: string) => globs.length === 0 || globs.some((g) => g.test(id));
  const chosen = paper.claims.filter((c) => selected(c.id));
  const chosenFigures = paper.figures.filter((f) => selected(f.id));
  if (globs.length > 0 && chosen.length === 0 && chosenFigures.length === 0)
    throw new UsageError(`--only ${(opts.only ?? []).join(' ')} matches no claim or figure of ${paper.id} (claims: ${paper.claims.map((c) => c.id).join(', ')})`);
  const experiments = new Set<string>();
  for (const c of chosen) if (c.profiles.includes(baseProfile)) for (const e of c.needs) experiments.add(e);
  for (const f of chosenFigures) if (f.profiles.includes(baseProfile)) for (const e of f.needs) experiments.add(e);
  let budgetBytes = opts.maxMemoryBytes ?? envBudget() ?? DEFAULT_MEMORY_SHARE * os.freemem();
  if (!(budgetBytes > 0)) throw new UsageError(`memory budget must be positive, got ${budgetBytes}`);
  let estimateBytes: number | null = null;
  if (paper.estimateMemory !== undefined) {
    estimateBytes = paper.estimateMemory(cfg);
    if (estimateBytes > budgetBytes)
      throw new UsageError(`${paper.id}: this configuration needs an estimated ${gib(estimateBytes)}, above the memory budget of ${gib(budgetBytes)} (raise it with --max-memory or REPRO_MAX_MEMORY)`);
  }
  budgetBytes = Math.round(budgetBytes);
  const fault = opts.fault ?? null;
  if (fault !== null) {
    const known = Object.keys(paper.faults ?? {});
    if (!known.includes(fault))
      throw new UsageError(`unknown fault '${fault}' for ${paper.id} (${known.length > 0 ? `known: ${known.join(', ')}` : 'it declares no planted faults'})`);
    if (baseProfile === 'paper') throw new UsageError(`--fault is refused under the paper profile: planted faults are for --profile smoke (a faulted paper run could be mistaken for a result)`);
  }
  const outDir = resolve(opts.outDir ?? join(opts.resultsRoot ?? join(opts.packageRoot ?? process.cwd(), 'results'), profile));
  checkOutDir(outDir);
  return { cfg, profile, baseProfile, selected, experiments, outDir, memory: { estimateBytes, budgetBytes }, fault };
}

/** The tolerance with its keys in a fixed order (claims.json must not depend on how a check built the object). */
function orderedTolerance(t: Tolerance): Tolerance {
  switch (t.kind) {
    case 'allclose':
      return { kind: t.kind, rtol: t.rtol, atol: t.atol };
    case 'bound':
      return { kind: t.kind, side: t.side };
    case 'rate':
      return { kind: t.kind, range: [t.range[0], t.range[1]] };
    case 'probability':
      return { kind: t.kind, claimed: t.claimed, alpha: t.alpha, detect: t.detect };
    case 'condition':
      return { kind: t.kind };
    case 'allOf':
      return { kind: t.kind, parts: Object.fromEntries(Object.entries(t.parts).map(([k, v]) => [k, orderedTolerance(v)])) };
  }
}

const NO_TOLERANCE: Tolerance = { kind: 'condition' };

/** One call of a claim's check; a throw or an invalid status becomes a `fail` with the reason. */
function checkOnce(c: Paper['claims'][number], traces: readonly unknown[], cfg: Record<string, unknown>): Verdict {
  try {
    const v = c.check(traces, cfg);
    if (!(VERDICT_STATUSES as readonly string[]).includes(v.status)) return { ...v, status: 'fail', note: `check returned an invalid status '${String(v.status)}'` };
    return v;
  } catch (e) {
    return { status: 'fail', observed: {}, expected: '', tolerance: NO_TOLERANCE, note: `check threw: ${(e as Error).message ?? String(e)}` };
  }
}

/**
 * A `seeds: 'every'` claim under K > 1 seeds: checked on each trace alone; it passes only if every seed passes. A failing
 * seed fails it; else an inconclusive seed makes it inconclusive; else a skip on any seed is a skip. Reports the first
 * failing (else inconclusive, else skipped) seed's verdict, else seed 0's, plus how many seeds passed.
 */
function checkEverySeed(c: Paper['claims'][number], traces: readonly unknown[], cfg: Record<string, unknown>): Verdict {
  const vs = traces.map((t) => checkOnce(c, [t], cfg));
  const seedsWith = (st: string) => vs.flatMap((v, s) => (v.status === st ? [s] : []));
  const failing = seedsWith('fail');
  const unsure = seedsWith('inconclusive');
  const skipped = seedsWith('skip');
  const first = [failing, unsure, skipped].find((l) => l.length > 0);
  const shown = first !== undefined ? (first[0] as number) : 0;
  const base = vs[shown] as Verdict;
  const status = combineStatus(vs.map((v) => v.status));
  const passed = vs.filter((v) => v.status === 'pass').length;
  const plural = (l: number[]) => `seed${l.length > 1 ? 's' : ''} ${l.join(', ')} of ${vs.length}`;
  const seedsNote =
    failing.length > 0
      ? `fails for ${plural(failing)} (numbers: seed ${shown})`
      : unsure.length > 0
        ? `inconclusive for ${plural(unsure)} (numbers: seed ${shown})`
        : skipped.length > 0
          ? `skipped for ${plural(skipped)}`
          : `holds for each of the ${vs.length} seeds (numbers: seed 0)`;
  return {
    ...base,
    status,
    observed: { ...base.observed, seedsChecked: vs.length, seedsPassed: passed },
    note: base.note === undefined ? seedsNote : `${seedsNote}; ${base.note}`,
  };
}

/** Run the checks: unselected or out-of-profile claims are explicit skips; a throwing check is a `fail` with the message. */
function checkClaims(paper: Paper, r: ResolvedRun, traces: readonly unknown[]): ClaimRecord[] {
  return paper.claims.map((c) => {
    const skip = (note: string): Verdict => ({ status: 'skip', observed: {}, expected: '', tolerance: NO_TOLERANCE, note });
    let v: Verdict;
    if (!r.selected(c.id)) v = skip('not selected by --only');
    else if (!c.profiles.includes(r.baseProfile)) v = skip(`runs under profile(s) ${c.profiles.join(', ')}`);
    else
      v = c.seeds === 'every' && traces.length > 1 ? checkEverySeed(c, traces, r.cfg) : checkOnce(c, traces, r.cfg);
    // Fixed key order: the same verdict always serializes to the same bytes.
    const rec: ClaimRecord = {
      id: c.id,
      source: c.source,
      statement: c.statement,
      evidence: c.evidence,
      precision: c.precision,
      profiles: [...c.profiles],
      role: c.observational !== undefined ? 'observational' : 'verdict',
      catches: [...(c.catches ?? [])],
      status: v.status,
      observed: { ...v.observed },
      expected: v.expected,
      tolerance: orderedTolerance(v.tolerance),
    };
    if (v.note !== undefined) rec.note = v.note;
    if (c.observational !== undefined) rec.observational = c.observational;
    return rec;
  });
}

/**
 * Run a paper: validate, take the lock, compute one trace per harness seed, check every claim, compute values, draw the
 * figures, and publish manifest.json, claims.json, values.json, figures/, report.md and report.html atomically.
 *
 * Keys: trace s (0 ≤ s < seeds) gets `foldIn(key(seed), s)`, so `--seeds 3` extends `--seeds 2` by one trace and keeps the
 * first two. Throws UsageError before any write on bad input, LockError when another live run holds the results directory,
 * and whatever `run` throws (nothing is published then; the previous results stay).
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { z } from 'zod';
 * import { checkBound, definePaper, runPaper } from '@repro/harness';
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
 * const s = await runPaper(paper, { profile: 'smoke', seed: 0, seeds: 1, backend: 'auto', packageRoot: dir });
 * [s.pass, s.fail, s.exitCode]; // → [1, 0, 0]
 * s.outDir === join(dir, 'results', 'smoke'); // → true (claims.json, values.json, manifest.json, report.html, …)
 * ```
 */
export async function runPaper(paper: Paper, opts: RunOptions): Promise<RunSummary> {
  if (opts.shard !== undefined) {
    const profileName = (opts.set ?? []).length > 0 ? 'custom' : opts.profile;
    const outDir = opts.outDir ?? join(opts.resultsRoot ?? join(opts.packageRoot ?? process.cwd(), 'results'), `${profileName}.shard-${opts.shard.index}-of-${opts.shard.count}`);
    return runShard(paper, { ...opts, outDir, shard: opts.shard });
  }
  const r = resolveRun(paper, opts);
  const packageRoot = opts.packageRoot ?? process.cwd();
  const start = new Date();
  const t0 = performance.now();
  // Provenance is taken before computing: the commit and dirty flag describe the code that produced the numbers.
  const origin = provenance(packageRoot);
  const progress = createProgress(paper.id, opts.progress ?? false);
  const { phases, timed } = phaseTimer();
  let backend: BackendInfo | undefined;
  const release = acquireLock(`${r.outDir}.lock`);
  // The planted fault (if any) is on for the whole run in this thread — compute, checks, values — and in every worker.
  const previousFault = setActiveFault(r.fault);
  if (r.fault !== null) progress.log(`PLANTED FAULT '${r.fault}': ${paper.faults?.[r.fault]?.description ?? ''} — results are not a reproduction`);
  try {
    recoverPublish(r.outDir);
    const traces = await computeTraces(paper, r, opts, Array.from({ length: opts.seeds }, (_, s) => s), {
      progress,
      phases,
      timed,
      reportBackend: (info) => {
        backend = info;
      },
    });
    return await finishRun(paper, r, opts, { traces, start, t0, origin, progress, phases, timed, backend, extraManifest: {} });
  } finally {
    setActiveFault(previousFault);
    release();
  }
}

/**
 * Compute the traces of the listed harness seeds (trace s uses `foldIn(key(seed), s)`), serially in this thread or in the
 * seed pool (`workers` > 1 and a paper module). Returned in the order of `seedList`. The first half of `runPaper` (shards
 * call it with their share of the seeds); `finishRun` is the second.
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { checkBound, definePaper, computeTraces, createProgress, resolveRun } from '@repro/harness';
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
 * const opts = { profile: 'smoke', seed: 0, seeds: 2, backend: 'auto', outDir: '/tmp/demo-results' };
 * const r = resolveRun(paper, opts);
 * const traces = await computeTraces(paper, r, opts, [0, 1], {
 *   progress: createProgress(paper.id, false),
 *   phases: {},
 *   timed: (_phase, fn) => fn(),
 *   reportBackend: () => {},
 * });
 * traces; // → [{ worst: 0.1 }, { worst: 0.1 }]
 * ```
 */
export async function computeTraces(
  paper: Paper,
  r: ResolvedRun,
  opts: RunOptions,
  seedList: readonly number[],
  c: { progress: ReturnType<typeof createProgress>; phases: Record<string, number>; timed: FinishInput['timed']; reportBackend(info: BackendInfo): void },
): Promise<unknown[]> {
  const traces: unknown[] = [];
  const workers = Math.min(opts.workers ?? 1, seedList.length);
  if (workers > 1 && opts.paperModule !== undefined)
    return runSeedPool({
      paperModule: opts.paperModule,
      cfg: r.cfg,
      keys: seedList.map((s) => foldIn(key(opts.seed), s)),
      seedIndices: seedList,
      experiments: [...r.experiments],
      backend: opts.backend,
      fault: r.fault,
      workers,
      progress: c.progress,
      reportBackend: c.reportBackend,
      phases: c.phases,
    });
  for (const s of seedList) {
    if (opts.seeds > 1) c.progress.log(`seed ${s + 1}/${opts.seeds}`);
    const trace = await paper.run(r.cfg, foldIn(key(opts.seed), s), {
      progress: c.progress,
      experiments: r.experiments,
      seedIndex: s,
      fault: r.fault,
      backend: opts.backend,
      reportBackend: c.reportBackend,
      time: c.timed,
    });
    traces.push(trace);
  }
  return traces;
}

/** What `finishRun` needs from the computing part of a run (a plain run, or a merge of shards). */
export interface FinishInput {
  traces: unknown[];
  start: Date;
  t0: number;
  origin: Record<string, unknown>;
  progress: ReturnType<typeof createProgress>;
  phases: Record<string, number>;
  /** Runs `fn` and adds its wall time to `phases[phase]` (the manifest's phase timings). */
  timed: <R>(phase: string, fn: () => Promise<R>) => Promise<R>;
  backend: BackendInfo | undefined;
  /** Extra manifest fields (e.g. `shards` for a merged run), placed after the provenance. */
  extraManifest: Record<string, unknown>;
}

/**
 * The second half of a run, shared by `runPaper` and `mergeShards`: check every claim, compute values, draw the figures and
 * publish manifest.json, claims.json, values.json, figures/, report.md and report.html atomically into `r.outDir`.
 * claims.json and values.json depend only on the traces and the resolved configuration.
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { z } from 'zod';
 * import { checkBound, definePaper, createProgress, finishRun, resolveRun } from '@repro/harness';
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
 * // A run whose traces were computed elsewhere (as a merge of shards has them): check, write values, figures, reports.
 * const opts = { profile: 'smoke', seed: 0, seeds: 1, backend: 'auto', outDir: join(mkdtempSync(join(tmpdir(), 'demo-')), 'smoke') };
 * const r = resolveRun(paper, opts);
 * const s = await finishRun(paper, r, opts, {
 *   traces: [{ worst: 0.5 }],
 *   start: new Date(),
 *   t0: performance.now(),
 *   origin: {},
 *   progress: createProgress(paper.id, false),
 *   phases: {},
 *   timed: (_phase, fn) => fn(),
 *   backend: undefined,
 *   extraManifest: {},
 * });
 * [s.pass, s.exitCode]; // → [1, 0]
 * ```
 */
export async function finishRun(paper: Paper, r: ResolvedRun, opts: RunOptions, f: FinishInput): Promise<RunSummary> {
  const { traces, progress, phases, timed } = f;
  progress.phase('checking claims', paper.claims.length);
  const claims = await timed('harness: checks', async () => checkClaims(paper, r, traces));
  let values: Values = {};
  try {
    values = paper.values(traces, r.cfg);
  } catch (e) {
    // values() reads traces like a check does: its failure is reported, the claims still are.
    progress.log(`values() threw: ${(e as Error).message}`);
  }
  progress.phase('drawing figures', paper.figures.length);
  const figures: (FigureRecord & { spec: unknown; rows: unknown })[] = [];
  await timed('harness: figures', async () => {
    for (const f of paper.figures) {
      progress.tick(1, f.id);
      if (!f.profiles.includes(r.baseProfile) || !f.needs.every((e) => r.experiments.has(e))) continue;
      try {
        const rows = f.data(traces, r.cfg);
        const spec = fullSpec(f.spec(rows), rows);
        figures.push({ id: f.id, title: f.title, caption: f.caption, claims: [...(f.claims ?? [])], svg: await renderSvg(spec), spec, rows });
      } catch (e) {
        // A figure that cannot be drawn (e.g. every value non-finite after divergence) is reported, not fatal.
        progress.log(`figure ${f.id} not drawn: ${(e as Error).message}`);
      }
    }
  });
  const end = new Date();
  const wallSeconds = (performance.now() - f.t0) / 1000;
  const backendInfo = f.backend ?? { name: 'float64-js', requested: opts.backend, detail: 'no tfjs experiment ran' };
  // The GEMM kernels in force (@repro/linalg registers its gemmInfo here; harness does not import linalg).
  const gemmInfo = (globalThis as Record<symbol, unknown>)[Symbol.for('@repro/linalg.gemmInfo')] as (() => { label?: string } | null) | undefined;
  const manifest: Record<string, unknown> = {
    paper: paper.id,
    title: paper.meta.title,
    citation: { authors: [...paper.meta.authors], venue: paper.meta.venue, year: paper.meta.year, arxiv: paper.meta.arxiv ?? null },
    deviations: [...paper.deviations],
    profile: r.profile,
    baseProfile: r.baseProfile,
    overrides: [...(opts.set ?? [])],
    only: [...(opts.only ?? [])],
    fault: r.fault === null ? null : { name: r.fault, description: paper.faults?.[r.fault]?.description ?? '', layer: paper.faults?.[r.fault]?.layer ?? 'model' },
    seed: opts.seed,
    seeds: opts.seeds,
    workers: Math.min(opts.workers ?? 1, opts.seeds),
    keyDerivation: 'trace s (0 ≤ s < seeds) uses foldIn(key(seed), s)',
    config: r.cfg,
    experiments: [...r.experiments].sort(),
    backend: backendInfo,
    tfjsVersion: backendInfo.tfjsVersion ?? null,
    gemm: gemmInfo?.()?.label ?? null,
    ...f.origin,
    ...f.extraManifest,
    start: f.start.toISOString(),
    end: end.toISOString(),
    wallSeconds,
    phases,
    figures: figures.map((f) => ({ id: f.id, title: f.title, caption: f.caption, claims: [...(f.claims ?? [])] })),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    memory: r.memory,
    log: progress.messages,
  };
  await publishDir(r.outDir, async (tmp) => {
    mkdirSync(join(tmp, 'figures'));
    writeFileSync(join(tmp, 'claims.json'), toJson(claims));
    writeFileSync(join(tmp, 'values.json'), toJson(values, { sortKeys: true }));
    writeFileSync(join(tmp, 'manifest.json'), toJson(manifest));
    for (const f of figures) {
      writeFileSync(join(tmp, 'figures', `${f.id}.svg`), f.svg);
      writeFileSync(join(tmp, 'figures', `${f.id}.vl.json`), toJson(f.spec));
      writeFileSync(join(tmp, 'figures', `${f.id}.data.json`), toJson(f.rows));
    }
    writeFileSync(join(tmp, 'report.md'), reportMarkdown(paper, claims, values, figures, manifest));
    writeFileSync(join(tmp, 'report.html'), reportHtml(paper, claims, values, figures, manifest));
  });
  const count = (s: string) => claims.filter((c) => c.status === s).length;
  const ids = (s: string) => claims.filter((c) => c.status === s).map((c) => c.id);
  const failed = ids('fail');
  return {
    paper: paper.id,
    profile: r.profile,
    outDir: r.outDir,
    pass: count('pass'),
    fail: count('fail'),
    inconclusive: count('inconclusive'),
    skip: count('skip'),
    failed,
    inconclusiveIds: ids('inconclusive'),
    fault: r.fault,
    wallSeconds,
    exitCode: failed.length > 0 ? 1 : 0,
  };
}
