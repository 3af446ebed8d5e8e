import type { Verdict } from './types.js';

/**
 * numpy.allclose as a claim verdict: pass when |observed_i − expected_i| ≤ atol + rtol·|expected_i| for every i.
 *
 * Scalars or equal-length arrays (float64). Semantics follow numpy (`equal_nan=False`): a NaN on either side fails, equal
 * infinities pass. Two deliberate differences, because a claim must be able to fail: an empty comparison fails ("nothing to
 * compare") instead of passing vacuously, and a length mismatch fails with a note instead of broadcasting.
 * Observed: `n`, `maxAbsErr`, `maxRelErr` (|o − e| / |e|), `worstRatio` = max_i |o − e| / (atol + rtol·|e|) (≤ 1 ⇔ pass),
 * `worstIndex`, `worstObserved`, `worstExpected`.
 * @example
 * ```ts
 * import { checkAllClose } from '@repro/harness';
 *
 * checkAllClose([1.0005, 2], [1, 2], 1e-3, 0).status; // → 'pass'
 * const v = checkAllClose([1.01, 2], [1, 2], 1e-3, 0);
 * v.status; // → 'fail'
 * v.observed.worstRatio; // → 10 (|o − e| is 10× the allowance)
 * checkAllClose([], [], 1e-3, 0).status; // → 'fail' (nothing to compare)
 * ```
 */
export function checkAllClose(observed: number | ArrayLike<number>, expected: number | ArrayLike<number>, rtol: number, atol: number): Verdict {
  if (!(rtol >= 0) || !(atol >= 0)) throw new RangeError(`checkAllClose: rtol and atol must be ≥ 0, got rtol=${rtol}, atol=${atol}`);
  const o = typeof observed === 'number' ? [observed] : observed;
  const e = typeof expected === 'number' ? [expected] : expected;
  const tolerance = { kind: 'allclose', rtol, atol } as const;
  const text = `|observed − expected| ≤ ${atol} + ${rtol}·|expected| elementwise`;
  if (o.length !== e.length)
    return { status: 'fail', observed: { n: o.length, nExpected: e.length }, expected: text, tolerance, note: `length mismatch: ${o.length} observed vs ${e.length} expected` };
  if (o.length === 0) return { status: 'fail', observed: { n: 0 }, expected: text, tolerance, note: 'nothing to compare (empty input)' };
  // NaN-propagating max: a NaN error is worse than any number and must surface in the report.
  const worse = (a: number, b: number): number => (Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : Math.max(a, b));
  let maxAbsErr = 0;
  let maxRelErr = 0;
  let worstRatio = 0;
  let worstIndex = 0;
  let ok = true;
  for (let i = 0; i < o.length; i++) {
    const a = o[i] as number;
    const b = e[i] as number;
    // Exact equality (equal infinities included) passes with zero error, as in numpy; NaN compares unequal to everything.
    const err = a === b ? 0 : Math.abs(a - b);
    const ratio = err === 0 ? 0 : err / (atol + rtol * Math.abs(b));
    if (!(ratio <= 1)) ok = false;
    if (!Number.isNaN(worstRatio) && (Number.isNaN(ratio) || ratio > worstRatio)) {
      worstRatio = ratio;
      worstIndex = i;
    }
    maxAbsErr = worse(maxAbsErr, err);
    maxRelErr = worse(maxRelErr, err === 0 ? 0 : err / Math.abs(b));
  }
  const v: Verdict = {
    status: ok ? 'pass' : 'fail',
    observed: { n: o.length, maxAbsErr, maxRelErr, worstRatio, worstIndex, worstObserved: o[worstIndex] as number, worstExpected: e[worstIndex] as number },
    expected: text,
    tolerance,
  };
  if (!ok) v.note = `element ${worstIndex}: observed ${o[worstIndex]} vs expected ${e[worstIndex]} (${Number.isNaN(worstRatio) ? 'NaN' : `${worstRatio.toPrecision(3)}× the tolerance`})`;
  return v;
}
