import { checkProbability, type Verdict } from '@repro/harness';
import type { GfRun } from '../trace.js';
import { ALPHA } from './select.js';

/** ln(L/L0) + λ0 t ≤ 1e-6: the exponential bound, with float32 rounding of L far below the margin. */
const LOG_TOL = 1e-6;
/**
 * Violation rate Theorems 3.2/3.3 must detect, chosen a priori: the theorems allow a failure probability δ = 0.1; a rate of
 * 0.25 (2.5δ) must not pass. Sized with probabilityPower (test/power.test.ts): 15 runs (the paper profile's GF suite)
 * catch it with probability 0.987; 6 runs (smoke) cannot exclude it even when all hold (12 are needed), so smoke ends
 * inconclusive unless a run fails.
 */
export const GF_DETECT = 0.25;

/**
 * Theorems 3.2 and 3.3 state the e^{−λ0 t} rate "with probability ≥ 1 − δ" over the initialization: each run (one W(0)) is a
 * trial that succeeds when max_k [ln(L(k)/L(0)) + λ0 kη] ≤ 1e-6.
 */
export function gfProbabilityVerdict(runs: readonly GfRun[], delta: number): Verdict {
  if (runs.length === 0) throw new Error('no GF-suite runs');
  const k = runs.filter((r) => r.maxExcess <= LOG_TOL).length;
  const v = checkProbability(k, runs.length, 1 - delta, ALPHA, GF_DETECT);
  return { ...v, observed: { ...v.observed, worstLogExcess: Math.max(...runs.map((r) => r.maxExcess)) } };
}
