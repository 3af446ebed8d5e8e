import type { Verdict } from './types.js';

/** Relative slack granted to every bound: float64 rounding of the observed quantity and of the bound itself (≪ 1e-6). */
export const BOUND_RTOL = 1e-6;

/**
 * A one-sided bound as a claim verdict: side 'le' passes when observed ≤ bound + BOUND_RTOL·|bound|, side 'ge' when
 * observed ≥ bound − BOUND_RTOL·|bound|.
 *
 * `observed` may be an array (float64): its worst element is checked (max for 'le', min for 'ge'). Observed: `observed`
 * (the worst element), `bound`, `slack`, and `n` for arrays. `slack` is the factor by which the bound holds — bound/observed for
 * 'le' and observed/bound for 'ge' — so slack ≥ 1 means "holds with room" for positive quantities (for upper bounds, slack =
 * bound / observed) [README §Verdicts: pass · fail · inconclusive · skip]. NaN on either side, or an empty array, fails.
 * @example
 * ```ts
 * import { checkBound } from '@repro/harness';
 *
 * const v = checkBound([0.2, 0.5], 1, 'le'); // the worst element, 0.5, against ≤ 1
 * v.status; // → 'pass'
 * v.observed.slack; // → 2 (bound / observed)
 * checkBound(0.9, 1, 'ge').status; // → 'fail'
 * ```
 */
export function checkBound(observed: number | ArrayLike<number>, bound: number, side: 'le' | 'ge'): Verdict {
  const xs = typeof observed === 'number' ? [observed] : Array.from(observed);
  const tolerance = { kind: 'bound', side } as const;
  const expected = `observed ${side === 'le' ? '≤' : '≥'} ${bound} (relative slack ${BOUND_RTOL})`;
  if (xs.length === 0) return { status: 'fail', observed: { n: 0, bound }, expected, tolerance, note: 'nothing to compare (empty input)' };
  let worst = xs[0] as number;
  for (const x of xs) if (Number.isNaN(x) || (!Number.isNaN(worst) && (side === 'le' ? x > worst : x < worst))) worst = x;
  const margin = BOUND_RTOL * Math.abs(bound);
  const ok = side === 'le' ? worst <= bound + margin : worst >= bound - margin;
  const slack = side === 'le' ? bound / worst : worst / bound;
  const obs: Record<string, number> = { observed: worst, bound, slack };
  if (typeof observed !== 'number') obs.n = xs.length;
  const v: Verdict = { status: ok ? 'pass' : 'fail', observed: obs, expected, tolerance };
  if (!ok) v.note = Number.isNaN(worst) || Number.isNaN(bound) ? 'NaN in the observed value or the bound' : `observed ${worst} ${side === 'le' ? '>' : '<'} bound ${bound}`;
  return v;
}

const fmt4 = (x: number): string => (Number.isFinite(x) ? x.toPrecision(4) : String(x));

/**
 * A bound judged on an interval [lo, hi] that holds the quantity (a confidence interval, a value ± its solver error
 * bound) as a three-valued verdict: `pass` when the whole interval satisfies `side` against `bound`, `fail` when no point
 * of it does, `inconclusive` when it straddles the bound. Observed: checkBound's numbers for the worst end, plus `lo`, `hi`.
 *
 * @example
 * ```ts
 * import { checkIntervalBound } from '@repro/harness';
 *
 * checkIntervalBound(-0.3, -0.1, 0, 'le', 'CI of the error difference').status; // → 'pass'
 * checkIntervalBound(-0.01, 0.31, 0, 'le', 'CI of the error difference').status; // → 'inconclusive'
 * checkIntervalBound(0.1, 0.3, 0, 'le', 'CI of the error difference').status; // → 'fail'
 * ```
 */
export function checkIntervalBound(lo: number, hi: number, bound: number, side: 'le' | 'ge', what: string): Verdict {
  const worst = checkBound(side === 'le' ? hi : lo, bound, side);
  const best = checkBound(side === 'le' ? lo : hi, bound, side);
  const observed = { ...worst.observed, lo, hi };
  const expected = `${what} ${side === 'le' ? '≤' : '≥'} ${bound} over its whole interval [lo, hi] (fail when no point of it is; inconclusive when it straddles)`;
  if (worst.status === 'pass') return { ...worst, observed, expected };
  if (best.status !== 'pass') return { ...best, observed, expected, note: `${what}: the whole interval [${lo.toPrecision(4)}, ${hi.toPrecision(4)}] violates ${side === 'le' ? '≤' : '≥'} ${bound}` };
  return { ...worst, status: 'inconclusive', observed, expected, note: `${what}: the interval [${lo.toPrecision(4)}, ${hi.toPrecision(4)}] straddles ${bound}` };
}

/**
 * A three-valued upper band: `pass` when observed ≤ passMax (relative slack BOUND_RTOL), `fail` when observed ≥ failMin
 * (or NaN), `inconclusive` in between (e.g. a horizon that cannot tell). `failMin = Infinity` makes a part that never fails
 * on its own. Observed: `observed`, `passMax`, `failMin`.
 *
 * @example
 * ```ts
 * import { checkBand } from '@repro/harness';
 *
 * checkBand(0.9, 1, 1.2, 'growth').status; // → 'pass'
 * checkBand(1.1, 1, 1.2, 'growth').status; // → 'inconclusive'
 * checkBand(1.3, 1, 1.2, 'growth').status; // → 'fail'
 * ```
 */
export function checkBand(observed: number, passMax: number, failMin: number, what: string): Verdict {
  if (!(passMax < failMin)) throw new RangeError(`checkBand: passMax ${passMax} must be below failMin ${failMin}`);
  const obs = { observed, passMax, failMin };
  const expected = Number.isFinite(failMin) ? `${what} ≤ ${fmt4(passMax)} (pass); ≥ ${fmt4(failMin)} fails; inconclusive between` : `${what} ≤ ${fmt4(passMax)} (pass); above: inconclusive (this part never fails)`;
  const tolerance = { kind: 'bound', side: 'le' } as const;
  if (Number.isNaN(observed) || observed >= failMin) return { status: 'fail', observed: obs, expected, tolerance, note: `${what} = ${fmt4(observed)} ≥ ${fmt4(failMin)}` };
  if (observed <= passMax * (1 + BOUND_RTOL)) return { status: 'pass', observed: obs, expected, tolerance };
  return { status: 'inconclusive', observed: obs, expected, tolerance, note: `${what} = ${fmt4(observed)} above ${fmt4(passMax)}: the horizon cannot tell` };
}
