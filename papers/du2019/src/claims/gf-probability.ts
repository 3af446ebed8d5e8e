import { wilsonInterval } from '@repro/concentration';
import type { Verdict } from '@repro/harness';
import type { GfRun } from '../trace.js';

const ALPHA = 0.05;
/** ln(L/L0) + λ0 t ≤ 1e-6: the exponential bound, with float32 rounding of L far below the margin. */
const LOG_TOL = 1e-6;

/**
 * Theorems 3.2 and 3.3 state the e^{−λ0 t} rate "with probability ≥ 1 − δ" over the initialization: the fraction of runs
 * satisfying it must not have its Wilson CI entirely below 1 − δ.
 */
export function gfProbabilityVerdict(runs: readonly GfRun[], delta: number, expectedSuffix: string): Verdict {
  if (runs.length === 0) throw new Error('no GF-suite runs');
  const k = runs.filter((r) => r.maxExcess <= LOG_TOL).length;
  const claimed = 1 - delta;
  const [lo, hi] = wilsonInterval(k, runs.length, ALPHA);
  return {
    status: hi >= claimed ? 'pass' : 'fail',
    observed: { successes: k, runs: runs.length, frequency: k / runs.length, ciLow: lo, ciHigh: hi, worstLogExcess: Math.max(...runs.map((r) => r.maxExcess)) },
    expected: `fraction of runs with max_k [ln(L(k)/L(0)) + λ0 kη] ≤ 1e-6 is ≥ ${claimed} (Wilson ${(1 - ALPHA) * 100}% CI not entirely below)${expectedSuffix}`,
    tolerance: { kind: 'probability', claimed, alpha: ALPHA },
  };
}
