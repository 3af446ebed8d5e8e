import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join } from 'node:path';
import { foldIn, key } from '@repro/concentration';
import { applyOverrides, type Paper } from './define-paper.js';
import { UsageError } from './errors.js';
import { renderSvg } from './figures.js';
import { toJson } from './json.js';
import { provenance } from './manifest.js';
import { createProgress } from './progress.js';
import { reportHtml, reportMarkdown, type ClaimRecord, type FigureRecord } from './report.js';
import type { BackendInfo, ProfileName, RunProfileName, Values, Verdict } from './types.js';

export interface RunOptions {
  profile: string;
  seed: number;
  seeds: number;
  backend: string;
  only?: readonly string[];
  set?: readonly string[];
  /** Results directory; default <packageRoot>/results/<profile>. */
  outDir?: string;
  packageRoot: string;
  maxMemoryBytes?: number;
  progress?: boolean;
}

export interface RunSummary {
  paper: string;
  profile: RunProfileName;
  outDir: string;
  pass: number;
  fail: number;
  skip: number;
  failed: string[];
  wallSeconds: number;
  exitCode: 0 | 1;
}

/** Everything a run needs, validated before anything is computed or written. */
export interface ResolvedRun {
  cfg: Record<string, unknown>;
  profile: RunProfileName;
  baseProfile: ProfileName;
  selected: (id: string) => boolean;
  experiments: Set<string>;
  outDir: string;
}

export const PROFILES: readonly ProfileName[] = ['smoke', 'paper'];

/** Glob with * and ? over claim ids. */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`);
}

/** Parse a memory size: bytes, or a number with KB/MB/GB/KiB/MiB/GiB. */
export function parseBytes(s: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|kib|mib|gib)?\s*$/i.exec(s);
  if (!m) throw new UsageError(`cannot read memory size '${s}' (use e.g. 8GiB, 512MB or a byte count)`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };
  const v = Number(m[1]) * (mult[unit] as number);
  if (!(v > 0)) throw new UsageError(`memory size must be positive, got '${s}'`);
  return v;
}

/** Validate profile, overrides, --only and the memory budget; pure (no writes). */
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
  if (globs.length > 0 && chosen.length === 0)
    throw new UsageError(`--only ${(opts.only ?? []).join(' ')} matches no claim of ${paper.id} (claims: ${paper.claims.map((c) => c.id).join(', ')})`);
  const experiments = new Set<string>();
  for (const c of chosen) if (c.profiles.includes(baseProfile)) for (const e of c.needs) experiments.add(e);
  if (globs.length === 0) for (const f of paper.figures) if (f.profiles.includes(baseProfile)) for (const e of f.needs) experiments.add(e);
  const budget = opts.maxMemoryBytes ?? envBudget() ?? 0.6 * os.freemem();
  if (paper.estimateMemory !== undefined) {
    const est = paper.estimateMemory(cfg);
    if (est > budget)
      throw new UsageError(`${paper.id}: this configuration needs an estimated ${(est / 2 ** 30).toFixed(2)} GiB, above the memory budget of ${(budget / 2 ** 30).toFixed(2)} GiB (raise it with --max-memory)`);
  }
  const outDir = opts.outDir ?? join(opts.packageRoot, 'results', profile);
  return { cfg, profile, baseProfile, selected, experiments, outDir };
}

function envBudget(): number | undefined {
  const v = process.env.REPRO_MAX_MEMORY;
  return v === undefined || v === '' ? undefined : parseBytes(v);
}

/** Exclusive lock on a results directory: O_EXCL create with our pid; a lock whose pid is dead is stale and taken over. */
function acquireLock(path: string): () => void {
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(path, 'utf8'));
      let alive = false;
      try {
        if (Number.isInteger(pid) && pid > 0) {
          process.kill(pid, 0);
          alive = true;
        }
      } catch {
        alive = false;
      }
      if (alive) throw new Error(`another run (pid ${pid}) is writing ${dirname(path)}; wait for it or remove ${path}`);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock ${path}`);
}

/** Run a paper: traces per seed, verdicts, values, figures and reports, written atomically into the results directory. */
export async function runPaper(paper: Paper, opts: RunOptions): Promise<RunSummary> {
  const r = resolveRun(paper, opts);
  const start = new Date();
  const t0 = performance.now();
  // Provenance is taken before computing: the commit and dirty flag describe the code that produced the numbers.
  const origin = provenance(opts.packageRoot);
  const progress = createProgress(paper.id, opts.progress ?? false);
  const phases: Record<string, number> = {};
  let backend: BackendInfo | undefined;
  const release = acquireLock(`${r.outDir}.lock`);
  try {
    const traces: unknown[] = [];
    for (let s = 0; s < opts.seeds; s++) {
      const trace = await paper.run(r.cfg, foldIn(key(opts.seed), s), {
        progress,
        experiments: r.experiments,
        seedIndex: s,
        backend: opts.backend,
        reportBackend: (info) => {
          backend = info;
        },
        time: async (phase, fn) => {
          const a = performance.now();
          try {
            return await fn();
          } finally {
            phases[phase] = (phases[phase] ?? 0) + (performance.now() - a) / 1000;
          }
        },
      });
      traces.push(trace);
    }
    const claims: ClaimRecord[] = paper.claims.map((c) => {
      let v: Verdict;
      const skip = (note: string): Verdict => ({ status: 'skip', observed: {}, expected: '', tolerance: { kind: 'bound', side: 'le' }, note });
      if (!r.selected(c.id)) v = skip('not selected by --only');
      else if (!c.profiles.includes(r.baseProfile)) v = skip(`runs under profile(s) ${c.profiles.join(', ')}`);
      else
        try {
          v = c.check(traces, r.cfg);
        } catch (e) {
          v = { status: 'fail', observed: {}, expected: '', tolerance: { kind: 'bound', side: 'le' }, note: `check threw: ${(e as Error).message}` };
        }
      return { id: c.id, source: c.source, statement: c.statement, evidence: c.evidence, precision: c.precision, profiles: c.profiles, ...v };
    });
    let values: Values = {};
    try {
      values = paper.values(traces, r.cfg);
    } catch (e) {
      progress.log(`values() threw: ${(e as Error).message}`);
    }
    const figures: (FigureRecord & { spec: unknown; rows: unknown })[] = [];
    for (const f of paper.figures) {
      if (!f.profiles.includes(r.baseProfile) || !f.needs.every((e) => r.experiments.has(e))) continue;
      try {
        const rows = f.data(traces, r.cfg);
        const spec = f.spec(rows);
        figures.push({ id: f.id, title: f.title, caption: f.caption, svg: await renderSvg(spec), spec, rows });
      } catch (e) {
        // A figure that cannot be drawn (e.g. every value non-finite after divergence) is reported, not fatal.
        progress.log(`figure ${f.id} not drawn: ${(e as Error).message}`);
      }
    }
    const end = new Date();
    const wallSeconds = (performance.now() - t0) / 1000;
    const manifest: Record<string, unknown> = {
      paper: paper.id,
      title: paper.meta.title,
      profile: r.profile,
      baseProfile: r.baseProfile,
      overrides: opts.set ?? [],
      only: opts.only ?? [],
      seed: opts.seed,
      seeds: opts.seeds,
      keyDerivation: 'trace s uses foldIn(key(seed), s)',
      config: r.cfg,
      backend: backend ?? { name: 'float64-js', requested: opts.backend, detail: 'no tfjs experiment ran' },
      ...origin,
      start: start.toISOString(),
      end: end.toISOString(),
      wallSeconds,
      phases,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      log: progress.messages,
    };
    // Atomic publish: write everything into a sibling temp dir, then swap it in.
    const parent = dirname(r.outDir);
    mkdirSync(parent, { recursive: true });
    const tmp = join(parent, `.${basename(r.outDir)}.tmp-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(join(tmp, 'figures'), { recursive: true });
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
    const old = join(parent, `.${basename(r.outDir)}.old-${process.pid}`);
    if (existsSync(r.outDir)) renameSync(r.outDir, old);
    renameSync(tmp, r.outDir);
    rmSync(old, { recursive: true, force: true });
    const count = (s: string) => claims.filter((c) => c.status === s).length;
    const failed = claims.filter((c) => c.status === 'fail').map((c) => c.id);
    return { paper: paper.id, profile: r.profile, outDir: r.outDir, pass: count('pass'), fail: count('fail'), skip: count('skip'), failed, wallSeconds, exitCode: failed.length > 0 ? 1 : 0 };
  } finally {
    release();
  }
}
