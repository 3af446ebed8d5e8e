import { logLogSlope, meanSd, normalQuantile } from '@repro/concentration';
import { checkAllClose } from './check-all-close.js';
import { checkProbability } from './check-probability.js';
import { checkRate } from './check-rate.js';
import type { Verdict } from './types.js';
import { allOf } from './verdicts.js';

/**
 * The data `checkGramConcentration` reads: `GramDeviationRate & GramHoeffdingTrials` of @repro/nets (structural, so the
 * harness does not depend on nets).
 */
export interface GramConcentrationData {
  widths: readonly number[];
  fro: readonly (readonly number[])[];
  spec: readonly (readonly number[])[];
  froSqExpected: readonly number[];
  probWidths: readonly number[];
  probSuccesses: readonly number[];
  probTrials: number;
}

/** Part (a)'s band for ‖H(0) − H∞‖_F (du2019 NOTES.md §3, lem3.1): a mean of m i.i.d. terms has error slope −½ in m. */
export const GRAM_FRO_SLOPE: readonly [number, number] = [-0.6, -0.4];
/** Part (a)'s band for ‖H(0) − H∞‖₂: slope −½ in m, wider (the spectral norm of a sum of m random matrices is noisier). */
export const GRAM_SPEC_SLOPE: readonly [number, number] = [-0.65, -0.35];

/**
 * The checks of Du et al. (2019) Lemma 3.1, shared by du2019.lem3.1 and song-yang2019.lem.init-gram (which restates it):
 * - `exactFroSq` (the tight part): m‖H(0) − H∞‖_F²/V has expectation exactly 1 at every m; the mean over every draw must
 *   lie within z·SE of 1, z two-sided at level `zLevel` (default 0.01). A Gram or H∞ off by a few percent fails it.
 * - `froRate`, `specRate` (part (a)): log-log slope of ‖H(0) − H∞‖_F and ‖·‖₂ against m, fitted over every draw (the CI
 *   then has draws − 2 residual dof), inside `GRAM_FRO_SLOPE` / `GRAM_SPEC_SLOPE`.
 * - `hoeffding` (part (b)): at each width the explicit bound must hold with probability ≥ 1 − δ (`checkProbability`,
 *   level 1 − `alpha`, violation rate `detect` stated a priori); the bound is loose, so this is the lemma as stated, not
 *   the part a bug must get past.
 * Returns the four parts for `allOf` (the caller may rename or add to them).
 * @example
 * ```ts
 * import { allOf, checkGramConcentration } from '@repro/harness';
 *
 * // ‖H(0) − H∞‖_F = 5/√m exactly at each width, E‖·‖_F² = 25/m; 50 of 50 draws within the bound at m = 100 and 1600
 * const widths = [100, 400, 1600, 6400];
 * const fro = widths.map((m) => [0.98, 1.01, 1.02, 0.99].map((w) => (5 * w) / Math.sqrt(m)));
 * const data = { widths, fro, spec: fro, froSqExpected: widths.map((m) => 25.00625 / m), probWidths: [100, 1600], probSuccesses: [50, 50], probTrials: 50 };
 * const parts = checkGramConcentration(data, { delta: 0.1, alpha: 0.05, detect: 0.25 });
 * parts.froRate.status; // → 'pass'
 * allOf(parts).status; // → 'pass'
 * ```
 */
export function checkGramConcentration(
  t: GramConcentrationData,
  o: { delta: number; alpha: number; detect: number; zLevel?: number },
): { exactFroSq: Verdict; froRate: Verdict; specRate: Verdict; hoeffding: Verdict } {
  const perDraw = (draws: readonly (readonly number[])[]): number[] => draws.flatMap((xs, i) => xs.map(() => t.widths[i] as number));
  const ratios = t.fro.flatMap((xs, wi) => xs.map((f) => (f * f) / (t.froSqExpected[wi] as number)));
  const s = meanSd(ratios);
  const z = normalQuantile(1 - (o.zLevel ?? 0.01) / 2);
  const hoeffding: Record<string, Verdict> = {};
  t.probWidths.forEach((m, i) => {
    hoeffding[`m${m}`] = checkProbability(t.probSuccesses[i] as number, t.probTrials, 1 - o.delta, o.alpha, o.detect);
  });
  return {
    exactFroSq: checkAllClose(s.mean, 1, 0, z * s.se),
    froRate: checkRate(logLogSlope(perDraw(t.fro), t.fro.flat()), GRAM_FRO_SLOPE),
    specRate: checkRate(logLogSlope(perDraw(t.spec), t.spec.flat()), GRAM_SPEC_SLOPE),
    hoeffding: allOf(hoeffding),
  };
}
