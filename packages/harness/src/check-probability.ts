import { wilsonInterval } from '@repro/concentration';
import type { Verdict } from './types.js';

/**
 * "Holds with probability ≥ claimed" as a three-valued verdict, with the Wilson CI of successes/trials at level 1 − alpha:
 * - `fail` when the CI lies entirely below `claimed` (the data show the frequency is below the claim);
 * - `pass` when the CI excludes the violation rate `detect` the claim states a priori that it must detect (lower end of the
 *   CI above 1 − detect): a run that violated the statement that often would have been caught;
 * - `inconclusive` otherwise: too few trials to tell (size the profile with `probabilityPower`).
 *
 * `detect` must exceed 1 − claimed (a frequency at the claimed level must be able to pass). Observed: `successes`,
 * `trials`, `frequency`, `ciLow`, `ciHigh`. No trials fails ("no trials"); successes outside 0..trials or non-integers throw
 * a RangeError (a bug in the claim).
 *
 * ```ts
 * checkProbability(12, 15, 0.9, 0.05, 0.2) // fail? no (CI high 0.93 ≥ 0.9); pass? no (CI low 0.55 ≤ 0.8): inconclusive
 * ```
 * @example
 * ```ts
 * import { checkProbability } from '@repro/harness';
 *
 * // 12 of 15 runs hold; claimed ≥ 0.9, and the check must catch a 20 % violation rate at α = 0.05
 * checkProbability(12, 15, 0.9, 0.05, 0.2).status; // → 'inconclusive' (Wilson CI [0.548, 0.930])
 * checkProbability(15, 15, 0.9, 0.05, 0.2).status; // → 'inconclusive' (CI low end 0.796 ≤ 0.8)
 * checkProbability(16, 16, 0.9, 0.05, 0.2).status; // → 'pass' (CI low end 0.806 > 0.8)
 * ```
 */
export function checkProbability(successes: number, trials: number, claimed: number, alpha: number, detect: number): Verdict {
  if (!(claimed >= 0 && claimed <= 1)) throw new RangeError(`checkProbability: claimed must be in [0, 1], got ${claimed}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`checkProbability: alpha must be in (0, 1), got ${alpha}`);
  if (!(detect > 1 - claimed && detect <= 1))
    throw new RangeError(`checkProbability: the violation rate to detect must lie in (1 − claimed, 1] = (${1 - claimed}, 1], got ${detect}`);
  const tolerance = { kind: 'probability', claimed, alpha, detect } as const;
  const level = +((1 - alpha) * 100).toPrecision(6);
  const expected = `frequency ≥ ${claimed}: fail if the Wilson ${level}% CI lies below it; pass if the CI excludes a violation rate of ${detect} (low end > ${+(1 - detect).toPrecision(6)})`;
  if (trials === 0) return { status: 'fail', observed: { successes, trials }, expected, tolerance, note: 'no trials' };
  const [ciLow, ciHigh] = wilsonInterval(successes, trials, alpha);
  const observed = { successes, trials, frequency: successes / trials, ciLow, ciHigh };
  const ci = `CI [${ciLow.toPrecision(4)}, ${ciHigh.toPrecision(4)}]`;
  if (ciHigh < claimed) return { status: 'fail', observed, expected, tolerance, note: `${successes}/${trials}: ${ci} lies below ${claimed}` };
  if (ciLow > 1 - detect) return { status: 'pass', observed, expected, tolerance };
  return {
    status: 'inconclusive',
    observed,
    expected,
    tolerance,
    note: `${successes}/${trials}: ${ci} cannot exclude a violation rate of ${detect} (${minTrialsToExclude(detect, alpha)} trials without a violation would)`,
  };
}

/**
 * The fewest trials at which n successes out of n pass `checkProbability` for violation rate `detect` at level 1 − alpha.
 * @example
 * ```ts
 * import { minTrialsToExclude } from '@repro/harness';
 *
 * minTrialsToExclude(0.2, 0.05); // → 16 (16 of 16 excludes a 20 % violation rate at 95 %)
 * ```
 */
export function minTrialsToExclude(detect: number, alpha: number): number {
  if (!(detect > 0 && detect <= 1)) throw new RangeError(`minTrialsToExclude: detect must be in (0, 1], got ${detect}`);
  for (let n = 1; n < 1_000_000; n++) if ((wilsonInterval(n, n, alpha)[0] as number) > 1 - detect) return n;
  throw new RangeError(`minTrialsToExclude: no n below 10⁶ for detect=${detect}`);
}

/**
 * Power of `checkProbability` with `trials` trials: the probability that the verdict is NOT `pass` when each trial violates
 * the statement independently with probability `detect` — i.e. that a violation rate of `detect` is caught. Exact binomial
 * sum. Write it beside the config value that sets the trial count ("15 runs catch a 20 % violation rate with
 * probability 0.96"); a test can assert it.
 * @example
 * ```ts
 * import { probabilityPower } from '@repro/harness';
 *
 * probabilityPower(30, 0.2, 0.05); // → 0.99 (30 runs catch a 20 % violation rate with this probability)
 * ```
 */
export function probabilityPower(trials: number, detect: number, alpha: number): number {
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError(`probabilityPower: trials must be a positive integer, got ${trials}`);
  const q = 1 - detect; // success probability under the alternative
  let passProb = 0;
  // log-space binomial pmf
  let logC = 0; // log C(trials, k), built up from k = 0
  for (let k = 0; k <= trials; k++) {
    if (k > 0) logC += Math.log((trials - k + 1) / k);
    if ((wilsonInterval(k, trials, alpha)[0] as number) > 1 - detect) {
      const logP = logC + (k > 0 ? k * Math.log(q) : 0) + (trials - k > 0 ? (trials - k) * Math.log(1 - q) : 0);
      passProb += Math.exp(logP);
    }
  }
  return 1 - passProb;
}
