import type { Verdict } from './types.js';

/** What checkRate reads from a fit: `LineFit` of @repro/concentration (olsFit, logLogSlope) satisfies it. */
export interface RateFit {
  slope: number;
  /** Confidence interval of the slope, when the fit has one: it decides between pass, fail and inconclusive. */
  slopeCi?: readonly [number, number];
}

/**
 * A fitted rate (slope of a log-log or semi-log fit) as a three-valued verdict (DESIGN: "with its CI inside range"):
 * - `pass` when the slope's CI lies inside [lo, hi];
 * - `fail` when the CI lies entirely outside it (or the slope is not finite);
 * - `inconclusive` when the CI straddles an edge (or is not finite, e.g. a two-point fit): the data cannot tell.
 *
 * A fit without a CI is judged on its point estimate alone (pass/fail), and the note says so. Observed: `slope`,
 * `slopeCiLow`, `slopeCiHigh`.
 *
 * ```ts
 * checkRate(logLogSlope(widths, errors), [-0.6, -0.4]) // a Monte-Carlo error ∝ m^{-1/2}
 * ```
 * @example
 * ```ts
 * import { logLogSlope } from '@repro/concentration';
 * import { checkRate } from '@repro/harness';
 *
 * const widths = [100, 400, 1600, 6400];
 * const errors = [0.1, 0.051, 0.0248, 0.0126]; // ∝ m^{−1/2}
 * const v = checkRate(logLogSlope(widths, errors), [-0.6, -0.4]);
 * v.status; // → 'pass'
 * v.observed.slope; // → -0.5003
 * checkRate({ slope: -0.45, slopeCi: [-0.7, -0.2] }, [-0.6, -0.4]).status; // → 'inconclusive' (the CI straddles both edges)
 * ```
 */
export function checkRate(fit: RateFit, range: readonly [number, number]): Verdict {
  const [lo, hi] = range;
  if (!(lo <= hi)) throw new RangeError(`checkRate: range must satisfy lo ≤ hi, got [${lo}, ${hi}]`);
  const observed: Record<string, number> = { slope: fit.slope };
  const tolerance = { kind: 'rate', range: [lo, hi] } as const;
  const expected = `fitted slope's CI inside [${lo}, ${hi}]`;
  const inside = (x: number) => x >= lo && x <= hi;
  if (!Number.isFinite(fit.slope)) return { status: 'fail', observed, expected, tolerance, note: `slope ${fit.slope} is not finite` };
  if (fit.slopeCi === undefined) {
    const ok = inside(fit.slope);
    return {
      status: ok ? 'pass' : 'fail',
      observed,
      expected: `fitted slope in [${lo}, ${hi}] (point estimate: the fit has no CI)`,
      tolerance,
      note: ok ? 'no CI: judged on the point estimate' : `slope ${fit.slope} outside [${lo}, ${hi}] (no CI: point estimate)`,
    };
  }
  const [cl, ch] = fit.slopeCi;
  observed.slopeCiLow = cl;
  observed.slopeCiHigh = ch;
  const ci = `CI [${cl.toPrecision(4)}, ${ch.toPrecision(4)}]`;
  if (Number.isFinite(cl) && Number.isFinite(ch) && inside(cl) && inside(ch)) return { status: 'pass', observed, expected, tolerance };
  if (ch < lo || cl > hi) return { status: 'fail', observed, expected, tolerance, note: `slope ${fit.slope.toPrecision(4)}, ${ci} lies outside [${lo}, ${hi}]` };
  return {
    status: 'inconclusive',
    observed,
    expected,
    tolerance,
    note: `slope ${fit.slope.toPrecision(4)} ${inside(fit.slope) ? 'inside' : 'outside'} [${lo}, ${hi}] but its ${ci} straddles an edge: more points or seeds needed`,
  };
}
