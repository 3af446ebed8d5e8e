import type { Verdict } from './types.js';

/** What checkRate reads from a fit: `LineFit` of @repro/concentration (olsFit, logLogSlope) satisfies it. */
export interface RateFit {
  slope: number;
  /** Confidence interval of the slope, when the fit has one (reported, not tested). */
  slopeCi?: readonly [number, number];
}

/**
 * A fitted rate (slope of a log-log or semi-log fit) as a claim verdict: pass when lo ≤ slope ≤ hi.
 *
 * Only the point estimate is tested; the CI is reported (observed `slopeCiLow`/`slopeCiHigh`) and a note says when it pokes
 * out of the range. Requiring the whole CI inside the range would make small smoke runs (few points, wide t-intervals) fail
 * for lack of data rather than for a wrong rate. A non-finite slope fails.
 */
export function checkRate(fit: RateFit, range: readonly [number, number]): Verdict {
  const [lo, hi] = range;
  if (!(lo <= hi)) throw new RangeError(`checkRate: range must satisfy lo ≤ hi, got [${lo}, ${hi}]`);
  const observed: Record<string, number> = { slope: fit.slope };
  if (fit.slopeCi !== undefined) {
    observed.slopeCiLow = fit.slopeCi[0];
    observed.slopeCiHigh = fit.slopeCi[1];
  }
  const ok = Number.isFinite(fit.slope) && fit.slope >= lo && fit.slope <= hi;
  const v: Verdict = { status: ok ? 'pass' : 'fail', observed, expected: `fitted slope in [${lo}, ${hi}]`, tolerance: { kind: 'rate', range: [lo, hi] } };
  if (!ok) v.note = `slope ${fit.slope} outside [${lo}, ${hi}]`;
  else if (fit.slopeCi !== undefined && (fit.slopeCi[0] < lo || fit.slopeCi[1] > hi))
    v.note = `slope inside the range; its CI [${fit.slopeCi[0].toPrecision(4)}, ${fit.slopeCi[1].toPrecision(4)}] extends beyond it`;
  return v;
}
