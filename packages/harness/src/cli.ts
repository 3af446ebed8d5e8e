import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import yargs from 'yargs';
import type { z } from 'zod';
import type { Paper } from './define-paper.js';
import { EXIT, UsageError } from './errors.js';
import { PROFILES, parseBytes, resolveRun, runPaper, type RunOptions, type RunSummary } from './runner.js';
import { mergeShards, parseShard, SHARD_MODES, type ShardBy } from './shard.js';

/** The values of `--backend`: `auto` picks the best available tfjs backend (tensorflow > wasm > cpu). */
export const BACKENDS = ['auto', 'wasm', 'cpu', 'tensorflow'] as const;

const VALUE_OPTIONS = ['--profile', '--seed', '--seeds', '--workers', '--backend', '--only', '--set', '--out', '--max-memory', '--fault', '--shard', '--shard-by'];

/** A paper CLI's arguments, parsed and checked: the run options plus the CLI's own flags. */
export interface ParsedInvocation extends Omit<RunOptions, 'packageRoot'> {
  /** `--json`: print the summary as one JSON document on stdout. */
  json: boolean;
  /** Set by `pnpm repro` when turbo runs the bin (exit 0 so turbo caches a run whose claims failed). */
  underTurbo: boolean;
  /** `--help` / `-h`: print `helpText` and exit. */
  help: boolean;
}

/**
 * Parse a paper CLI's arguments (strict: unknown options, bad numbers and bad choices are UsageErrors).
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { checkBound, definePaper, parseInvocation } from '@repro/harness';
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
 * const inv = parseInvocation(paper, ['--profile', 'smoke', '--seed', '3', '--only', 'demo.*', '--json']);
 * [inv.profile, inv.seed, inv.seeds, inv.json]; // → ['smoke', 3, 1, true]
 * inv.only; // → ['demo.*']
 * let message = '';
 * try {
 *   parseInvocation(paper, ['--seed', '-1']);
 * } catch (e) {
 *   message = (e as Error).message;
 * }
 * message; // → "--seed must be an integer ≥ 0, got '-1'"
 * ```
 */
export function parseInvocation(paper: Paper, argv: readonly string[]): ParsedInvocation {
  // yargs fills a value-taking option given without a value with its default (`--profile` alone would run the paper
  // profile): refuse that explicitly. `--opt=value` carries its value; `--seed -1` has one (a negative number, rejected below).
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!VALUE_OPTIONS.includes(a)) continue;
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--') || next === '') throw new UsageError(`${a} expects a value (see --help)`);
  }
  let failure: string | undefined;
  const y = yargs([...argv])
    .scriptName(`repro-${paper.id}`)
    .version(false)
    .help(false)
    .option('help', { alias: 'h', type: 'boolean', default: false })
    .option('profile', { type: 'string', default: 'paper' })
    .option('seed', { type: 'string', default: '0' })
    .option('seeds', { type: 'string', default: '1' })
    .option('workers', { type: 'string', default: '1' })
    .option('backend', { type: 'string', default: 'auto' })
    .option('only', { type: 'string', array: true, default: [] as string[] })
    .option('set', { type: 'string', array: true, default: [] as string[] })
    .option('json', { type: 'boolean', default: false })
    .option('out', { type: 'string' })
    .option('max-memory', { type: 'string' })
    .option('fault', { type: 'string' })
    .option('shard', { type: 'string' })
    .option('shard-by', { type: 'string' })
    .option('under-turbo', { type: 'boolean', default: false, hidden: true })
    .strict()
    .exitProcess(false)
    .fail((msg) => {
      failure = msg;
    });
  const a = y.parseSync() as Record<string, unknown>;
  if (failure !== undefined) throw new UsageError(failure.replace(/\n/g, ' '));
  const positional = (a._ as unknown[]) ?? [];
  if (positional.length > 0) throw new UsageError(`unexpected argument '${String(positional[0])}' (options start with --; see --help)`);
  const int = (name: string, raw: unknown, min: number): number => {
    const s = String(raw);
    const v = Number(s);
    if (!/^\d+$/.test(s.trim()) || !Number.isSafeInteger(v) || v < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got '${s}'`);
    return v;
  };
  const profile = String(a.profile);
  if (!PROFILES.includes(profile as 'smoke')) throw new UsageError(`unknown profile '${profile}' (choose ${PROFILES.join(', ')})`);
  const backend = String(a.backend);
  if (!(BACKENDS as readonly string[]).includes(backend)) throw new UsageError(`unknown backend '${backend}' (choose ${BACKENDS.join(', ')})`);
  const out: ParsedInvocation = {
    help: Boolean(a.help),
    profile,
    seed: int('seed', a.seed, 0),
    seeds: int('seeds', a.seeds, 1),
    workers: int('workers', a.workers, 1),
    backend,
    only: (a.only as string[]).flatMap((s) => s.split(',')).filter((s) => s !== ''),
    set: a.set as string[],
    json: Boolean(a.json),
    underTurbo: Boolean(a['under-turbo']),
  };
  if (typeof a.out === 'string') out.outDir = a.out;
  if (typeof a['max-memory'] === 'string') out.maxMemoryBytes = parseBytes(a['max-memory']);
  if (typeof a.fault === 'string') out.fault = a.fault;
  if (typeof a.shard === 'string') out.shard = parseShard(a.shard);
  if (typeof a['shard-by'] === 'string') {
    const by = a['shard-by'];
    if (!(SHARD_MODES as readonly string[]).includes(by)) throw new UsageError(`unknown --shard-by '${by}' (choose ${SHARD_MODES.join(', ')})`);
    if (out.shard === undefined) throw new UsageError('--shard-by needs --shard i/n');
    out.shardBy = by as ShardBy;
  }
  return out;
}

/**
 * Validate a paper invocation completely (arguments, profile, overrides, --only, memory) without computing or writing.
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { checkBound, definePaper, validateInvocation } from '@repro/harness';
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
 * validateInvocation(paper, ['--profile', 'smoke', '--set', 'n=20'], '/tmp/demo').set; // → ['n=20']
 * let refused = '';
 * try {
 *   validateInvocation(paper, ['--profile', 'smoke', '--set', 'n=2.5'], '/tmp/demo');
 * } catch (e) {
 *   refused = (e as Error).name;
 * }
 * refused; // → 'UsageError' (n must be an integer)
 * ```
 */
export function validateInvocation(paper: Paper, argv: readonly string[], packageRoot: string): ParsedInvocation {
  const inv = parseInvocation(paper, argv);
  if (!inv.help) resolveRun(paper, { ...inv, packageRoot, resultsRoot: resultsRootFor(paper, packageRoot) });
  return inv;
}

function describeValue(v: unknown): string {
  return JSON.stringify(v);
}

/**
 * A `--set` example from the paper's own config: its first array-valued key (shortened to two entries), else its first
 * number-valued key, with the smoke profile's value — so every paper's --help shows a key it has.
 */
export function setExample(paper: Paper): string {
  const smoke = paper.profiles.smoke as Record<string, unknown>;
  const keys = Object.keys(paper.config.shape as Record<string, unknown>);
  const arr = keys.find((k) => Array.isArray(smoke[k]) && (smoke[k] as unknown[]).length > 0 && (smoke[k] as unknown[]).every((x) => typeof x === 'number'));
  if (arr !== undefined) return `${arr}=${JSON.stringify((smoke[arr] as number[]).slice(0, 2))}`;
  const num = keys.find((k) => typeof smoke[k] === 'number');
  if (num !== undefined) return `${num}=${JSON.stringify(smoke[num])}`;
  return `${keys[0] ?? 'key'}=${JSON.stringify(smoke[keys[0] ?? ''] ?? 'value')}`;
}

/** The GEMM kernels in force, as @repro/linalg reports them (registered on globalThis; harness does not import linalg). */
function gemmLabel(): string {
  const info = (globalThis as Record<symbol, unknown>)[Symbol.for('@repro/linalg.gemmInfo')] as (() => { label?: string } | null) | undefined;
  return info?.()?.label ?? 'n/a (@repro/linalg not loaded)';
}

/**
 * --help text: every option, every config key (description, smoke and paper values), every claim and figure.
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { checkBound, definePaper, helpText } from '@repro/harness';
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
 * const text = helpText(paper);
 * text.includes('demo.bound'); // → true
 * text.includes('number of samples (count)'); // → true
 * ```
 */
export function helpText(paper: Paper): string {
  const shape = paper.config.shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  const lines = [
    `repro-${paper.id} — ${paper.meta.title} (${paper.meta.venue})`,
    '',
    `Usage: pnpm repro ${paper.id} [options]      (or: repro-${paper.id} [options])`,
    '',
    'Options:',
    '  --profile smoke|paper   sizes to run (default paper; smoke finishes in about a minute)',
    '  --seed S                root seed, a non-negative integer (default 0); same seed + backend => identical claims/values',
    '  --seeds K               independent repetitions of the whole run, aggregated by the claims (default 1)',
    '  --workers N             run the K seeds in N worker threads in parallel (default 1; same results as serial)',
    `  --backend B             tfjs backend for float32 training: ${BACKENDS.join(' | ')} (default auto: tensorflow > wasm > cpu)`,
    '  --only GLOB             check only claims whose id matches (repeatable, * and ?); computes only what they need',
    `  --set key=value         override one config value (repeatable; JSON values, e.g. --set ${setExample(paper)}); relabels the run "custom"`,
    '  --json                  print the run summary as JSON',
    '  --out DIR               write results to DIR instead of results/<profile> (bypasses the turbo cache when run via pnpm repro)',
    '  --max-memory SIZE       memory budget for the pre-run estimate (e.g. 8GiB; default 60% of free memory, env REPRO_MAX_MEMORY)',
    '  --fault NAME            switch on one planted fault (a deliberate bug, listed below; smoke profile only): shows which claims catch it',
    '  --shard i/n             compute only shard i of n (0 ≤ i < n) and write a partial run directory (default results/<profile>.shard-i-of-n);',
    '                          `pnpm repro merge <dirs…> --out DIR` checks the claims. Shards are seeds (--seeds K, each seed a job) or, for',
    '                          papers that use the job pool (mapJobs) with fewer seeds than shards, its jobs; papers without a job pool',
    '                          shard only by seed (with one seed, shard 0 does everything). Merged claims/values are byte-identical.',
    '  --shard-by auto|seed|job  force the unit a shard splits (default auto)',
    '  -h, --help              this text',
    `  env REPRO_GEMM          GEMM kernels: auto (default: onnxruntime-node past the crossover) | wasm | native | cuda | simd | js; here: ${gemmLabel()}`,
    '',
    'Verdicts: pass · fail · inconclusive (the data can tell neither, e.g. a rate whose CI straddles its range) · skip',
    'Exit codes: 0 no checked claim failed (inconclusive ones are counted on the summary line) · 1 a claim failed · 2 bad input · 3 runtime fault',
    '',
    `Config keys (--set key=value):`,
    ...keys.map((k) => {
      const desc = shape[k]?.description ?? '';
      const p = paper.profiles as Record<string, Record<string, unknown>>;
      return `  ${k}\n      ${desc}\n      smoke: ${describeValue(p.smoke?.[k])}   paper: ${describeValue(p.paper?.[k])}`;
    }),
    '',
    'Claims:',
    ...paper.claims.map(
      (c) =>
        `  ${c.id.padEnd(24)} [${c.profiles.join(', ')}]${c.observational !== undefined ? ' (observational)' : ''} ${c.statement}${(c.catches ?? []).length > 0 ? `\n      catches: ${(c.catches ?? []).join(', ')}` : ''}`,
    ),
    '',
    'Planted faults (--fault NAME, smoke only; `pnpm check:power` runs them all):',
    ...(Object.keys(paper.faults ?? {}).length === 0
      ? ['  (none declared)']
      : Object.entries(paper.faults ?? {}).map(([name, f]) => `  ${name.padEnd(24)} [${f.layer}] ${f.description}`)),
    '',
    'Figures:',
    ...paper.figures.map((f) => `  ${f.id.padEnd(24)} ${f.title}`),
    '',
  ];
  return lines.join('\n');
}

/**
 * The directory a paper's bin writes `<profile>/` into: `<package>/results` inside the monorepo, but `./results/<paper-id>` under
 * the working directory when the package is installed (inside node_modules), so a cherry-picked paper never writes into
 * node_modules.
 * @example
 * ```ts
 * import { join } from 'node:path';
 * import { z } from 'zod';
 * import { checkBound, definePaper, resultsRootFor } from '@repro/harness';
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
 * resultsRootFor(paper, '/repo/papers/demo'); // → '/repo/papers/demo/results'
 * resultsRootFor(paper, '/app/node_modules/@repro/demo') === join(process.cwd(), 'results', 'demo'); // → true
 * ```
 */
export function resultsRootFor(paper: Paper, packageRoot: string): string {
  return packageRoot.split(/[\\/]/).includes('node_modules') ? join(process.cwd(), 'results', paper.id) : join(packageRoot, 'results');
}

/** The module a seed worker imports to get the paper: the package's built entry (its source under tsx, when not built). */
export function paperModuleFor(packageRoot: string): string {
  const dist = join(packageRoot, 'dist', 'index.js');
  return pathToFileURL(existsSync(dist) ? dist : join(packageRoot, 'src', 'index.ts')).href;
}

/**
 * The one-paper summary line (and the failed and inconclusive claims on their own lines).
 * @example
 * ```ts
 * import { summaryLine } from '@repro/harness';
 *
 * summaryLine({
 *   paper: 'demo', profile: 'smoke', outDir: 'results/smoke', pass: 3, fail: 1, inconclusive: 0, skip: 0,
 *   failed: ['demo.rate'], inconclusiveIds: [], fault: null, wallSeconds: 1.25, exitCode: 1,
 * }); // → 'demo [smoke]: 3 pass, 1 fail, 0 inconclusive, 0 skip — results/smoke (wall 1.3 s)\n  failed: demo.rate'
 * ```
 */
export function summaryLine(s: RunSummary): string {
  if (s.shard !== undefined)
    return `${s.paper} [${s.profile}] shard ${s.shard.index}/${s.shard.count} (by ${s.shard.mode}): ${s.shard.done} — ${s.outDir} (wall ${s.wallSeconds.toFixed(1)} s)`;
  return (
    `${s.paper} [${s.profile}]${s.fault !== null ? ` PLANTED FAULT ${s.fault}` : ''}: ${s.pass} pass, ${s.fail} fail, ${s.inconclusive} inconclusive, ${s.skip} skip — ${s.outDir} (wall ${s.wallSeconds.toFixed(1)} s)` +
    `${s.failed.length > 0 ? `\n  failed: ${s.failed.join(', ')}` : ''}${s.inconclusiveIds.length > 0 ? `\n  inconclusive: ${s.inconclusiveIds.join(', ')}` : ''}`
  );
}

/**
 * The bin of a paper package: parse, run, print the summary, exit with the documented codes [docs/architecture.md §Verdicts].
 * Never returns: it ends the process (0 no failed claim, 1 a claim failed, 2 bad input, 3 runtime fault).
 * @example
 * ```ts
 * import { fileURLToPath } from 'node:url';
 * import { paperMain, type Paper } from '@repro/harness';
 *
 * // A paper package's src/bin.ts is `await paperMain(paper, process.argv.slice(2), <package root>)`; the package root is
 * // the directory above src/ (or dist/), where results/<profile>/ is written.
 * export async function main(paper: Paper): Promise<never> {
 *   return paperMain(paper, process.argv.slice(2), fileURLToPath(new URL('..', import.meta.url)));
 * }
 * ```
 */
export async function paperMain(paper: Paper, argv: readonly string[], packageRoot: string): Promise<never> {
  let inv: ParsedInvocation | undefined;
  try {
    inv = parseInvocation(paper, argv);
    if (inv.help) {
      process.stdout.write(helpText(paper));
      process.exit(EXIT.ok);
    }
    const progress = process.stderr.isTTY === true || process.env.REPRO_PROGRESS === '1';
    const summary = await runPaper(paper, { ...inv, packageRoot, resultsRoot: resultsRootFor(paper, packageRoot), progress, paperModule: paperModuleFor(packageRoot) });
    if (inv.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else process.stdout.write(`${summaryLine(summary)}\n`);
    process.exit(inv.underTurbo ? EXIT.ok : summary.exitCode);
  } catch (e) {
    const err = e as Error;
    if (err instanceof UsageError || err.name === 'UsageError' || err.name === 'BackendUnavailableError') {
      process.stderr.write(`repro: error: ${err.message}\n`);
      process.exit(EXIT.usage);
    }
    if (err.name === 'LockError') {
      // Another live run holds the results directory: nothing was written; not a usage error, not a crash either.
      process.stderr.write(`repro: ${err.message}\n`);
      process.exit(EXIT.runtime);
    }
    const logDir = resultsRootFor(paper, packageRoot);
    let where = '';
    try {
      mkdirSync(logDir, { recursive: true });
      writeFileSync(join(logDir, '.last-error.log'), `${err.stack ?? err.message}\n`);
      where = ` (stack trace in ${join(logDir, '.last-error.log')})`;
    } catch {
      where = '';
    }
    process.stderr.write(`repro: runtime fault in ${paper.id}: ${err.message}${where}\n`);
    if (process.env.REPRO_DEBUG === '1') process.stderr.write(`${err.stack ?? ''}\n`);
    process.exit(EXIT.runtime);
  }
}

/**
 * `pnpm repro merge <dir…> [--out DIR] [--json]` for one paper: merge its shard directories, print the summary, exit 0/1 like a
 * run, 2 (one line) when the shards are refused (missing, duplicated, mismatched), 3 on a runtime fault.
 * @example
 * ```ts
 * import { mergeMain, type Paper } from '@repro/harness';
 *
 * // What `pnpm repro merge shards/0 shards/1 --out merged` calls for the paper (scripts/repro.mjs); ends the process.
 * export async function merge(paper: Paper, packageRoot: string): Promise<never> {
 *   return mergeMain(paper, ['shards/0', 'shards/1'], { outDir: 'merged', json: false, packageRoot });
 * }
 * ```
 */
export async function mergeMain(paper: Paper, dirs: readonly string[], o: { outDir?: string; json?: boolean; packageRoot: string }): Promise<never> {
  try {
    const progress = process.stderr.isTTY === true || process.env.REPRO_PROGRESS === '1';
    const summary = await mergeShards(paper, dirs, {
      packageRoot: o.packageRoot,
      resultsRoot: resultsRootFor(paper, o.packageRoot),
      progress,
      ...(o.outDir !== undefined ? { outDir: o.outDir } : {}),
    });
    process.stdout.write(o.json === true ? `${JSON.stringify(summary)}\n` : `${summaryLine(summary)}\n`);
    process.exit(summary.exitCode);
  } catch (e) {
    const err = e as Error;
    if (err instanceof UsageError || err.name === 'UsageError') {
      process.stderr.write(`repro: error: ${err.message.replace(/\n/g, ' ')}\n`);
      process.exit(EXIT.usage);
    }
    if (err.name === 'LockError') {
      process.stderr.write(`repro merge: ${err.message}\n`);
      process.exit(EXIT.runtime);
    }
    process.stderr.write(`repro merge: runtime fault in ${paper.id}: ${err.message}\n`);
    if (process.env.REPRO_DEBUG === '1') process.stderr.write(`${err.stack ?? ''}\n`);
    process.exit(EXIT.runtime);
  }
}
