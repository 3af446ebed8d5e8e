import type { Verdict } from './types.js';

/** Relative slack granted to every bound: float64 rounding of the observed quantity and of the bound itself (≪ 1e-6). */
export const BOUND_RTOL = 1e-6;

/**
 * A one-sided bound as a claim verdict: side 'le' passes when observed ≤ bound + BOUND_RTOL·|bound|, side 'ge' when
 * observed ≥ bound − BOUND_RTOL·|bound|.
 *
 * `observed` may be an array (float64): its worst element is checked (max for 'le', min for 'ge'). Observed: `observed`
 * (the worst element), `bound`, `slack`, and `n` for arrays. `slack` is the factor by which the bound holds — bound/observed for
 * 'le' and observed/bound for 'ge' — so slack ≥ 1 means "holds with room" for positive quantities (DESIGN.md reports
 * slack = bound / observed for upper bounds). NaN on either side, or an empty array, fails.
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
