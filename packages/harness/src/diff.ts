import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './errors.js';
import { fmtNumber } from './report.js';
import type { Tolerance } from './types.js';

/** One claim of a claims.json as `repro diff` reads it (only the fields it compares). */
interface ClaimEntry {
  id: string;
  status: 'pass' | 'fail' | 'inconclusive' | 'skip';
  observed: Record<string, number | string>;
  tolerance: Tolerance;
}

/** A run directory read for comparison. */
export interface RunDir {
  dir: string;
  paper: string;
  profile: string;
  backend: string;
  commit: string;
  /** The planted fault of a faulted run (`--fault`), or null. */
  fault: string | null;
  claims: ClaimEntry[];
  values: Record<string, Record<string, unknown>>;
}

/**
 * How an item of run B compares with run A: unchanged, within tolerance, changed, better or worse verdict, or present in one run only.
 */
export type DiffVerdict = 'same' | 'within' | 'changed' | 'improved' | 'regression' | 'added' | 'removed';

/** One line of a `repro diff`: the item compared, its value in A and in B, the verdict and why. */
export interface DiffRow {
  /** `claim <id>`, `claim <id> observed.<key>` or `value <name>`. */
  item: string;
  a: string;
  b: string;
  verdict: DiffVerdict;
  /** Why: the tolerance used, the relative change. */
  detail: string;
}

/** Tolerances and strictness of `diffRuns` for numbers that carry no claim tolerance of their own. */
export interface DiffOptions {
  /** Relative tolerance for numbers without a claim tolerance (bound/rate/probability observations, values.json). */
  rtol?: number;
  /** Absolute floor for the same comparisons. */
  atol?: number;
  /** Count any number outside its tolerance as a regression (default: only pass → fail or a vanished claim are). */
  strict?: boolean;
}

/** The result of `diffRuns`: both runs, every compared row, and the counts of regressions and changes. */
export interface DiffResult {
  a: RunDir;
  b: RunDir;
  rows: DiffRow[];
  regressions: number;
  changed: number;
}

/** Defaults: the same seed on the same backend must give identical bytes; 1e-9 only forgives printing round-trips. */
export const DIFF_RTOL = 1e-9;
/** Default absolute floor of `diffRuns` (0: only the relative DIFF_RTOL applies). */
export const DIFF_ATOL = 0;

function readJson(dir: string, name: string): unknown {
  const p = join(dir, name);
  if (!existsSync(p)) throw new UsageError(`${dir} is not a run directory: ${name} is missing`);
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as unknown;
  } catch (e) {
    throw new UsageError(`${p} is not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Read and validate a results directory (manifest.json, claims.json, values.json); UsageError naming what is wrong.
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { readRunDir } from '@repro/harness';
 *
 * const dir = mkdtempSync(join(tmpdir(), 'run-'));
 * writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ paper: 'demo', profile: 'smoke', backend: { name: 'wasm' }, git: { commit: 'abc123' } }));
 * writeFileSync(join(dir, 'claims.json'), JSON.stringify([{ id: 'demo.c', status: 'pass', observed: { x: 1 }, tolerance: { kind: 'bound', side: 'le' } }]));
 * writeFileSync(join(dir, 'values.json'), JSON.stringify({ x: { value: 1 } }));
 * const run = readRunDir(dir);
 * run; // → { paper: 'demo', profile: 'smoke', backend: 'wasm', commit: 'abc123', fault: null }
 * ```
 */
export function readRunDir(dir: string): RunDir {
  if (!existsSync(dir)) throw new UsageError(`run directory ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a directory`);
  const manifest = readJson(dir, 'manifest.json');
  const claims = readJson(dir, 'claims.json');
  const values = readJson(dir, 'values.json');
  if (!isObj(manifest) || typeof manifest.paper !== 'string') throw new UsageError(`${dir}/manifest.json has no "paper" field`);
  if (!Array.isArray(claims)) throw new UsageError(`${dir}/claims.json is not an array of claims`);
  claims.forEach((c, i) => {
    if (!isObj(c) || typeof c.id !== 'string' || !['pass', 'fail', 'inconclusive', 'skip'].includes(c.status as string) || !isObj(c.observed) || !isObj(c.tolerance))
      throw new UsageError(`${dir}/claims.json entry ${i} is not a claim (needs id, status pass|fail|inconclusive|skip, observed, tolerance)`);
  });
  if (!isObj(values)) throw new UsageError(`${dir}/values.json is not an object of named values`);
  const git = isObj(manifest.git) ? manifest.git : {};
  const backend = isObj(manifest.backend) ? String(manifest.backend.name) : 'n/a';
  return {
    dir,
    paper: manifest.paper,
    profile: String(manifest.profile ?? 'n/a'),
    backend,
    commit: String(git.commit ?? 'n/a'),
    fault: isObj(manifest.fault) && typeof manifest.fault.name === 'string' ? manifest.fault.name : null,
    claims: claims as ClaimEntry[],
    values: values as Record<string, Record<string, unknown>>,
  };
}

/** JSON stores non-finite numbers as strings ("NaN", "Infinity"); read them back as numbers. */
const num = (v: unknown): number | undefined => {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return Number.NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return undefined;
};
const show = (v: unknown): string => (v === undefined ? '—' : typeof v === 'number' ? fmtNumber(v) : String(v));

/** |a − b| ≤ atol + rtol·|a| with numpy semantics (equal values, equal infinities pass; NaN only equals NaN here: same run). */
function close(a: number, b: number, rtol: number, atol: number): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  return Math.abs(a - b) <= atol + rtol * Math.abs(a);
}

function relChange(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return 'non-finite';
  if (a === 0) return `Δ = ${fmtNumber(b - a)}`;
  return `rel Δ = ${fmtNumber((b - a) / Math.abs(a))}`;
}

/** Verdict order for comparing two runs: fail < inconclusive < pass (skip is not ordered: a change to or from it is 'changed'). */
const RANK: Record<string, number> = { fail: 0, inconclusive: 1, pass: 2 };

/** pass → fail or pass → inconclusive (or inconclusive → fail) is a regression; the reverse an improvement; skips are changes. */
function statusChange(a: string, b: string): DiffVerdict {
  if (a === b) return 'same';
  const ra = RANK[a];
  const rb = RANK[b];
  if (ra === undefined || rb === undefined) return 'changed';
  return rb < ra ? 'regression' : 'improved';
}

/**
 * Compare run B against run A claim by claim and value by value.
 *
 * Claims: a lower verdict in B (pass → inconclusive → fail) or a claim of A missing from B is a regression, a higher one an
 * improvement, a change to or from skip is `changed`. Runs with different planted faults (or one faulted, one clean) are
 * refused. Observed numbers of `allclose` claims are compared under that claim's rtol/atol, all other numbers (observed
 * values of bound/rate/probability claims, values.json `value`/`sd`) under `rtol`/`atol` of the options. A number outside
 * its tolerance is `changed`, and a regression under `strict`. Runs of different papers are refused (UsageError).
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { diffRuns } from '@repro/harness';
 *
 * function runDir(status: string, x: number): string {
 *   const dir = mkdtempSync(join(tmpdir(), 'run-'));
 *   writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ paper: 'demo', profile: 'smoke' }));
 *   writeFileSync(join(dir, 'claims.json'), JSON.stringify([{ id: 'demo.c', status, observed: { x }, tolerance: { kind: 'bound', side: 'le' } }]));
 *   writeFileSync(join(dir, 'values.json'), '{}');
 *   return dir;
 * }
 * const r = diffRuns(runDir('pass', 0.5), runDir('fail', 1.5));
 * r.regressions; // → 1 (pass → fail)
 * r.rows.map((row) => row.verdict); // → ['regression', 'changed']
 * ```
 */
export function diffRuns(dirA: string, dirB: string, opts: DiffOptions = {}): DiffResult {
  const rtol = opts.rtol ?? DIFF_RTOL;
  const atol = opts.atol ?? DIFF_ATOL;
  if (!(rtol >= 0) || !(atol >= 0)) throw new UsageError(`--rtol and --atol must be ≥ 0, got ${rtol}, ${atol}`);
  const a = readRunDir(dirA);
  const b = readRunDir(dirB);
  if (a.paper !== b.paper) throw new UsageError(`runs are of different papers (${a.paper} vs ${b.paper})`);
  if (a.fault !== b.fault)
    throw new UsageError(
      `refusing to compare a run with a planted fault with ${a.fault !== null && b.fault !== null ? 'one with another fault' : 'a clean run'} (A: ${a.fault === null ? 'clean' : `--fault ${a.fault}`}, B: ${b.fault === null ? 'clean' : `--fault ${b.fault}`})`,
    );
  const rows: DiffRow[] = [];
  const numberRow = (item: string, x: unknown, y: unknown, rt: number, at: number, how: string): void => {
    const p = num(x);
    const q = num(y);
    if (p === undefined || q === undefined) {
      if (x === y) rows.push({ item, a: show(x), b: show(y), verdict: 'same', detail: '' });
      else rows.push({ item, a: show(x), b: show(y), verdict: x === undefined ? 'added' : y === undefined ? 'removed' : 'changed', detail: '' });
      return;
    }
    const verdict: DiffVerdict = p === q || (Number.isNaN(p) && Number.isNaN(q)) ? 'same' : close(p, q, rt, at) ? 'within' : 'changed';
    rows.push({ item, a: show(p), b: show(q), verdict, detail: verdict === 'same' ? '' : `${relChange(p, q)} (${how})` });
  };
  const bClaims = new Map(b.claims.map((c) => [c.id, c]));
  for (const ca of a.claims) {
    const cb = bClaims.get(ca.id);
    if (cb === undefined) {
      rows.push({ item: `claim ${ca.id}`, a: ca.status, b: '—', verdict: ca.status === 'pass' ? 'regression' : 'removed', detail: 'claim missing from B' });
      continue;
    }
    const sv = statusChange(ca.status, cb.status);
    rows.push({ item: `claim ${ca.id}`, a: ca.status, b: cb.status, verdict: sv, detail: sv === 'same' ? '' : 'status' });
    const tol = ca.tolerance;
    const [rt, at, how] = tol.kind === 'allclose' ? [tol.rtol, tol.atol, `claim tolerance rtol ${tol.rtol}, atol ${tol.atol}`] : [rtol, atol, `rtol ${rtol}, atol ${atol}`];
    for (const k of new Set([...Object.keys(ca.observed), ...Object.keys(cb.observed)]))
      numberRow(`claim ${ca.id} observed.${k}`, ca.observed[k], cb.observed[k], rt, at, how);
  }
  for (const cb of b.claims)
    if (!a.claims.some((c) => c.id === cb.id)) rows.push({ item: `claim ${cb.id}`, a: '—', b: cb.status, verdict: 'added', detail: 'claim new in B' });
  for (const name of new Set([...Object.keys(a.values), ...Object.keys(b.values)])) {
    const va = a.values[name];
    const vb = b.values[name];
    if (va === undefined || vb === undefined) {
      rows.push({ item: `value ${name}`, a: show(va?.value), b: show(vb?.value), verdict: va === undefined ? 'added' : 'removed', detail: '' });
      continue;
    }
    numberRow(`value ${name}`, va.value, vb.value, rtol, atol, `rtol ${rtol}, atol ${atol}`);
    if (va.sd !== undefined || vb.sd !== undefined) numberRow(`value ${name} sd`, va.sd, vb.sd, rtol, atol, `rtol ${rtol}, atol ${atol}`);
  }
  if (opts.strict === true) for (const r of rows) if (r.verdict === 'changed' || r.verdict === 'removed') r.verdict = 'regression';
  return {
    a,
    b,
    rows,
    regressions: rows.filter((r) => r.verdict === 'regression').length,
    changed: rows.filter((r) => r.verdict === 'changed').length,
  };
}

/**
 * The diff as a plain-text table: a header naming both runs, the rows that are not `same` (all with `all`), a summary line.
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { diffRuns, formatDiff } from '@repro/harness';
 *
 * function runDir(): string {
 *   const dir = mkdtempSync(join(tmpdir(), 'run-'));
 *   writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ paper: 'demo', profile: 'smoke' }));
 *   writeFileSync(join(dir, 'claims.json'), '[]');
 *   writeFileSync(join(dir, 'values.json'), JSON.stringify({ x: { value: 1 } }));
 *   return dir;
 * }
 * formatDiff(diffRuns(runDir(), runDir())).includes('(no differences)'); // → true
 * ```
 */
export function formatDiff(r: DiffResult, all = false): string {
  const shown = all ? r.rows : r.rows.filter((x) => x.verdict !== 'same');
  const head = ['item', 'A', 'B', 'verdict', 'detail'];
  const cells = shown.map((x) => [x.item, x.a, x.b, x.verdict, x.detail]);
  const w = head.map((h, i) => Math.min(60, Math.max(h.length, ...cells.map((c) => (c[i] as string).length))));
  const line = (c: string[]) => c.map((s, i) => (i === c.length - 1 ? s : s.padEnd(w[i] as number))).join('  ').trimEnd();
  const count = (v: DiffVerdict) => r.rows.filter((x) => x.verdict === v).length;
  return [
    `A: ${r.a.dir} (${r.a.paper} [${r.a.profile}], backend ${r.a.backend}, commit ${r.a.commit.slice(0, 12)})`,
    `B: ${r.b.dir} (${r.b.paper} [${r.b.profile}], backend ${r.b.backend}, commit ${r.b.commit.slice(0, 12)})`,
    '',
    ...(shown.length > 0 ? [line(head), line(w.map((n) => '-'.repeat(n))), ...cells.map(line)] : ['(no differences)']),
    '',
    `diff: ${r.rows.length} compared — ${count('same')} same, ${count('within')} within tolerance, ${r.changed} changed, ${count('improved')} improved, ${count('added')} added, ${count('removed')} removed, ${r.regressions} regression(s)`,
  ].join('\n');
}
