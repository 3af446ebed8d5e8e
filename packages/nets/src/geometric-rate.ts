/**
 * How well a loss curve respects a geometric bound L(k) ≤ c^k L(0) (Du et al. 2019 Thm 4.1; Song & Yang 2019):
 * max over k ≥ 1 of L(k) / (c^k L(0)), computed in log space so neither side underflows (k = 0 is 1 by definition and
 * would hide the slack). With `floor` set, steps where both L(k)/L(0) and the bound c^k are below it count as satisfied and
 * are returned in `floored` (float32 training cannot resolve losses there). A non-finite loss gives maxRatio NaN.
 * @example
 * ```ts
 * import { maxRatioToGeometric } from '@repro/nets';
 *
 * maxRatioToGeometric([1, 0.5, 0.3, 0.1], 0.6); // → { maxRatio: 0.83333333, floored: 0 } (≤ 1: the bound holds)
 * maxRatioToGeometric([1, 1e-9, 1e-9], 1e-4, 1e-6); // → { maxRatio: 1.00e-5, floored: 1 } (step 2 is below the floor on both sides)
 * ```
 */
export function maxRatioToGeometric(loss: readonly number[], c: number, floor: number | null = null): { maxRatio: number; floored: number } {
  const L0 = loss[0] ?? Number.NaN;
  const logC = Math.log(c);
  const logFloor = floor === null ? Number.NEGATIVE_INFINITY : Math.log(floor);
  let worst = Number.NEGATIVE_INFINITY;
  let floored = 0;
  for (let k = 1; k < loss.length; k++) {
    const L = loss[k] as number;
    if (!Number.isFinite(L)) return { maxRatio: Number.NaN, floored };
    const logBound = k * logC;
    if (floor !== null && L / L0 < floor && logBound < logFloor) {
      floored++;
      continue;
    }
    worst = Math.max(worst, Math.log(L / L0) - logBound);
  }
  return { maxRatio: Math.exp(worst), floored };
}
