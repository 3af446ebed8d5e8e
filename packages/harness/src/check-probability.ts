import { wilsonInterval } from '@repro/concentration';
import type { Verdict } from './types.js';

/**
 * "Holds with probability ≥ claimed" as a claim verdict: pass unless the Wilson CI (level 1 − alpha) of successes/trials lies
 * entirely below `claimed`.
 *
 * So a run fails only when the data are evidence (at level alpha) that the frequency is below the claim; with few trials the
 * check is weak, which the reported CI makes visible. Observed: `successes`, `trials`, `frequency`, `ciLow`, `ciHigh`.
 * No trials fails ("no trials"); successes outside 0..trials or non-integers throw a RangeError (a bug in the claim).
 */
export function checkProbability(successes: number, trials: number, claimed: number, alpha: number): Verdict {
  if (!(claimed >= 0 && claimed <= 1)) throw new RangeError(`checkProbability: claimed must be in [0, 1], got ${claimed}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`checkProbability: alpha must be in (0, 1), got ${alpha}`);
  const tolerance = { kind: 'probability', claimed, alpha } as const;
  const expected = `frequency ≥ ${claimed} (Wilson ${+((1 - alpha) * 100).toPrecision(6)}% CI not entirely below)`;
  if (trials === 0) return { status: 'fail', observed: { successes, trials }, expected, tolerance, note: 'no trials' };
  const [ciLow, ciHigh] = wilsonInterval(successes, trials, alpha);
  const ok = ciHigh >= claimed;
  const v: Verdict = { status: ok ? 'pass' : 'fail', observed: { successes, trials, frequency: successes / trials, ciLow, ciHigh }, expected, tolerance };
  if (!ok) v.note = `${successes}/${trials}: CI [${ciLow.toPrecision(4)}, ${ciHigh.toPrecision(4)}] lies below ${claimed}`;
  return v;
}
