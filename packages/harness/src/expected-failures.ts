/**
 * Documented failures, pinned by reason: `papers/<id>/expected-failures.json` lists the claims that are known not to
 * reproduce, with the numbers that say why. It is the one source the paper's smoke test, CI (`scripts/check-smoke.mjs`)
 * and the README's deviation tables read.
 *
 * ```json
 * [{ "id": "soudry2017.multiclass", "profiles": ["smoke", "paper"], "reason": "gap·ln t rises 0.99 → 1.20 …",
 *    "observed": { "gapLnTFirst": [0.9, 1.1] }, "note": "does not decrease" }]
 * ```
 * - `profiles` (default `["smoke"]`) and `seed` (default 0): where the entry is pinned.
 * - `observed`: ranges [lo, hi] that the named observed numbers must lie in; `note`: a regular expression the verdict's
 *   note must match. At least one of them: an entry pins *how* the claim fails, so a listed claim that fails for another
 *   reason (a thrown error, a different quantity) is reported as failing differently.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One entry of `expected-failures.json`: a claim known to fail, where (profiles, seed), why, and how it must fail (observed ranges, note pattern).
 */
export interface ExpectedFailure {
  id: string;
  reason: string;
  profiles?: ('smoke' | 'paper')[];
  seed?: number;
  observed?: Record<string, [number, number]>;
  note?: string;
}

/**
 * Result of `compareExpectedFailures`: `ok` when the run's failures are exactly the documented ones, failing the documented way.
 */
export interface ExpectedFailureCheck {
  ok: boolean;
  /** Failed claims not documented for this profile (at another seed: not documented at all). */
  unexpected: string[];
  /** Documented failures (for this profile and seed) that did not fail. */
  stale: string[];
  /** Documented failures that failed differently: `id: why`. */
  different: string[];
  /** Problems with the file itself. */
  malformed: string[];
}

/**
 * Read and validate `expected-failures.json` of a paper package (missing file: no documented failures).
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { readExpectedFailures } from '@repro/harness';
 *
 * const pkg = mkdtempSync(join(tmpdir(), 'paper-'));
 * readExpectedFailures(pkg); // → [] (no file: no documented failures)
 * writeFileSync(join(pkg, 'expected-failures.json'), JSON.stringify([{ id: 'p.c', reason: 'slope 1.5 > 1.3', observed: { slope: [1.4, 1.6] } }]));
 * readExpectedFailures(pkg)[0]!.id; // → 'p.c'
 * ```
 */
export function readExpectedFailures(packageRoot: string): ExpectedFailure[] {
  const file = join(packageRoot, 'expected-failures.json');
  if (!existsSync(file)) return [];
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new Error(`${file}: expected an array of entries`);
  return raw as ExpectedFailure[];
}

function validate(e: ExpectedFailure, i: number): string[] {
  const bad: string[] = [];
  if (typeof e.id !== 'string' || e.id === '') bad.push(`entry ${i}: no id`);
  if (typeof e.reason !== 'string' || e.reason.trim() === '') bad.push(`entry ${i} (${e.id}): no reason`);
  if (e.observed === undefined && e.note === undefined) bad.push(`entry ${i} (${e.id}): pins neither observed ranges nor a note pattern`);
  for (const [k, r] of Object.entries(e.observed ?? {}))
    if (!Array.isArray(r) || r.length !== 2 || !(r[0] <= r[1])) bad.push(`entry ${i} (${e.id}): observed.${k} is not a range [lo, hi]`);
  if (e.note !== undefined)
    try {
      new RegExp(e.note);
    } catch {
      bad.push(`entry ${i} (${e.id}): note is not a regular expression`);
    }
  return bad;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : v === 'NaN' ? Number.NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : Number.NaN);

/**
 * Compare a run's claims with the documented failures. At the entry's seed (default 0) the failed set must equal the
 * documented set for the profile, and each documented failure must fail the documented way (observed ranges, note).
 * At any other seed only new failures count: a claim that holds must never fail at any seed, while a documented
 * failure may pass or fail there.
 * @example
 * ```ts
 * import { compareExpectedFailures } from '@repro/harness';
 *
 * const entries = [{ id: 'p.c', reason: 'slope 1.5 > 1.3', observed: { slope: [1.4, 1.6] as [number, number] } }];
 * const run = { profile: 'smoke', seed: 0 } as const;
 * compareExpectedFailures([{ id: 'p.c', status: 'fail', observed: { slope: 1.5 } }], entries, run).ok; // → true
 * const other = compareExpectedFailures([{ id: 'p.c', status: 'fail', observed: { slope: 2.5 } }], entries, run);
 * other.ok; // → false
 * other.different.length; // → 1 (fails, but not the documented way)
 * compareExpectedFailures([{ id: 'p.c', status: 'pass', observed: {} }], entries, run).stale; // → ['p.c']
 * ```
 */
export function compareExpectedFailures(
  claims: readonly { id: string; status: string; observed: Record<string, unknown>; note?: string }[],
  entries: readonly ExpectedFailure[],
  run: { profile: 'smoke' | 'paper'; seed: number },
): ExpectedFailureCheck {
  const malformed = entries.flatMap(validate);
  const forProfile = entries.filter((e) => (e.profiles ?? ['smoke']).includes(run.profile));
  const pinned = forProfile.filter((e) => (e.seed ?? 0) === run.seed);
  const failed = claims.filter((c) => c.status === 'fail');
  // Strict where entries are pinned (seed 0 by default): the failed set must be the documented one. At another seed with
  // nothing pinned to it, any claim documented as failing for this profile may fail; every other claim must not.
  const strict = run.seed === 0 || pinned.length > 0;
  const allowed = new Set((strict ? pinned : forProfile).map((e) => e.id));
  const unexpected = failed.filter((c) => !allowed.has(c.id)).map((c) => c.id);
  const stale: string[] = [];
  const different: string[] = [];
  for (const e of pinned) {
    const c = claims.find((x) => x.id === e.id);
    if (c === undefined) {
      different.push(`${e.id}: no such claim in the run`);
      continue;
    }
    if (c.status === 'skip') continue;
    if (c.status !== 'fail') {
      stale.push(e.id);
      continue;
    }
    const why: string[] = [];
    for (const [k, [lo, hi]] of Object.entries(e.observed ?? {})) {
      const v = num(c.observed[k]);
      if (!(v >= lo && v <= hi)) why.push(`observed.${k} = ${c.observed[k] === undefined ? 'missing' : String(c.observed[k])} outside [${lo}, ${hi}]`);
    }
    if (e.note !== undefined && !new RegExp(e.note).test(c.note ?? '')) why.push(`note does not match /${e.note}/ (note: ${c.note ?? 'none'})`);
    if (why.length > 0) different.push(`${e.id}: fails differently — ${why.join('; ')}`);
  }
  return { ok: malformed.length === 0 && unexpected.length === 0 && stale.length === 0 && different.length === 0, unexpected, stale, different, malformed };
}
