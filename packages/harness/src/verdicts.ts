/**
 * The claim vocabulary: the pieces every paper's checks are written with, so that a claim reads the same in every paper.
 *
 * - `need(traces, part)` — the part of each trace a check reads; throws (→ `fail` with the reason) when it is missing.
 * - `allOf({ a: verdictA, b: verdictB })` — a verdict made of named parts, each keeping its own tolerance and numbers.
 * - `observe(observed, expected)` — numbers reported beside a verdict without deciding anything.
 * - the single-part checks: `checkAllClose`, `checkBound`, `checkRate`, `checkProbability` (their own files).
 */
import type { Tolerance, Verdict, VerdictStatus } from './types.js';

/**
 * The `part` of every trace (one per harness seed), non-null. Throws "trace has no '<part>' experiment" when a trace lacks
 * it (the experiment was not run, e.g. deselected by `--only`); the harness turns the throw into a failed check.
 * @example
 * ```ts
 * import { need } from '@repro/harness';
 *
 * type Trace = { fit?: { slope: number } };
 * const traces: Trace[] = [{ fit: { slope: -0.5 } }, { fit: { slope: -0.48 } }];
 * need(traces, 'fit').map((f) => f.slope); // → [-0.5, -0.48]
 * // need([{}], 'fit') throws "trace has no 'fit' experiment" (the claim then fails)
 * ```
 */
export function need<T, K extends keyof T>(traces: readonly T[], part: K): NonNullable<T[K]>[] {
  const out = traces.map((t) => t[part]);
  if (out.length === 0 || out.some((x) => x === undefined || x === null)) throw new Error(`trace has no '${String(part)}' experiment`);
  return out as NonNullable<T[K]>[];
}

/** Order of severity when parts are combined: one failing part fails the claim, else one inconclusive part makes it inconclusive. */
const SEVERITY: Record<VerdictStatus, number> = { pass: 0, skip: 1, inconclusive: 2, fail: 3 };

/**
 * The combined status of several parts: fail > inconclusive > skip > pass (an empty list is a fail: nothing was checked).
 * @example
 * ```ts
 * import { combineStatus } from '@repro/harness';
 *
 * combineStatus(['pass', 'inconclusive', 'pass']); // → 'inconclusive'
 * combineStatus(['pass', 'fail', 'inconclusive']); // → 'fail'
 * combineStatus([]); // → 'fail' (nothing was checked)
 * ```
 */
export function combineStatus(statuses: readonly VerdictStatus[]): VerdictStatus {
  if (statuses.length === 0) return 'fail';
  return statuses.reduce<VerdictStatus>((a, s) => (SEVERITY[s] > SEVERITY[a] ? s : a), 'pass');
}

/**
 * A multi-part verdict: every named part is a verdict of its own (with its tolerance); the claim holds only if every part
 * holds. Status: `fail` if any part fails, else `inconclusive` if any part is, else `skip` if any part is, else `pass`.
 * Observed numbers are kept per part as `<part>.<name>`; the tolerance is `{ kind: 'allOf', parts }`; the note names the
 * parts that did not pass, with their notes. `extra` adds reported numbers (not part of any decision) unprefixed.
 *
 * ```ts
 * return allOf({
 *   rate: checkRate(fit, [-0.6, -0.4]),
 *   bound: checkBound(worstRatio, 1, 'le'),
 * }, { lambda0: t.lambda0 });
 * ```
 * @example
 * ```ts
 * import { allOf, checkBound, checkCondition } from '@repro/harness';
 *
 * const v = allOf(
 *   { bound: checkBound(0.5, 1, 'le'), order: checkCondition(true, { violations: 0 }, 'losses decrease with m') },
 *   { lambda0: 0.155 },
 * );
 * v.status; // → 'pass'
 * v.observed; // → { 'bound.observed': 0.5, 'bound.bound': 1, 'bound.slack': 2, 'order.violations': 0, lambda0: 0.155 }
 * ```
 */
export function allOf(parts: Readonly<Record<string, Verdict>>, extra: Readonly<Record<string, number>> = {}): Verdict {
  const names = Object.keys(parts);
  if (names.length === 0) throw new RangeError('allOf needs at least one part');
  const observed: Record<string, number> = {};
  const tolerances: Record<string, Tolerance> = {};
  const notes: string[] = [];
  for (const name of names) {
    if (name.includes('.')) throw new RangeError(`allOf: part name '${name}' must not contain '.'`);
    const v = parts[name] as Verdict;
    for (const [k, x] of Object.entries(v.observed)) observed[`${name}.${k}`] = x;
    tolerances[name] = v.tolerance;
    if (v.status !== 'pass') notes.push(`${name}: ${v.status}${v.note !== undefined ? ` (${v.note})` : ''}`);
    else if (v.note !== undefined) notes.push(`${name}: ${v.note}`);
  }
  for (const [k, x] of Object.entries(extra)) observed[k] = x;
  const out: Verdict = {
    status: combineStatus(names.map((n) => (parts[n] as Verdict).status)),
    observed,
    expected: names.map((n) => `${n}: ${(parts[n] as Verdict).expected}`).join('; '),
    tolerance: { kind: 'allOf', parts: tolerances },
  };
  if (notes.length > 0) out.note = notes.join('; ');
  return out;
}

/**
 * A verdict from a plain condition, for a part that is neither a bound, a rate, an allclose nor a probability.
 * @example
 * ```ts
 * import { checkCondition } from '@repro/harness';
 *
 * const v = checkCondition(false, { violations: 2 }, 'final loss non-increasing in m', '2 widths out of order');
 * v; // → { status: 'fail', observed: { violations: 2 }, note: '2 widths out of order' }
 * ```
 */
export function checkCondition(ok: boolean, observed: Readonly<Record<string, number>>, expected: string, failNote?: string): Verdict {
  const v: Verdict = { status: ok ? 'pass' : 'fail', observed: { ...observed }, expected, tolerance: { kind: 'condition' } };
  if (!ok && failNote !== undefined) v.note = failNote;
  return v;
}
