import { logLogSlope } from '@repro/concentration';
import type { Verdict } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace, Fig1Run } from '../trace.js';
import { MIN_WIDE, fig1Runs, perWidth } from './select.js';

/** "Most of the change happens within ~10 epochs" [card]: at epoch 10 at least this share of the final value is reached. */
const EARLY_SHARE = 0.5;
const EARLY_EPOCH = 10;

/**
 * The shared test of Figure 1(b) and 1(c): the final value strictly decreases in m (m ≥ 100), its log-log slope vs m lies in
 * the configured band, and most of the change happens early.
 */
export function fig1Trend(
  traces: readonly Du2019Trace[],
  cfg: Du2019Config,
  series: (run: Fig1Run) => readonly number[],
  label: string,
): Verdict {
  fig1Runs(traces); // a diverged run fails the claim with its step and reason
  const final = perWidth(traces, (r) => series(r).at(-1) ?? Number.NaN).filter((r) => r.m >= MIN_WIDE);
  const early = perWidth(traces, (r) => {
    const s = series(r);
    return (s[Math.min(EARLY_EPOCH, s.length - 1)] as number) / (s.at(-1) as number);
  }).filter((r) => r.m >= MIN_WIDE);
  const fit = logLogSlope(
    final.map((r) => r.m),
    final.map((r) => r.mean),
  );
  const [lo, hi] = cfg.fig1PatternSlope;
  const problems: string[] = [];
  for (let i = 1; i < final.length; i++) {
    const a = final[i - 1];
    const b = final[i];
    if (a !== undefined && b !== undefined && !(b.mean < a.mean)) problems.push(`final ${label} not decreasing from m=${a.m} to m=${b.m}`);
  }
  if (!(fit.slope >= lo && fit.slope <= hi)) problems.push(`slope ${fit.slope.toFixed(3)} outside [${lo}, ${hi}]`);
  const minEarly = Math.min(...early.map((r) => r.mean));
  if (!(minEarly >= EARLY_SHARE)) problems.push(`only ${(minEarly * 100).toFixed(0)}% of the final value reached by epoch ${EARLY_EPOCH}`);
  const observed: Record<string, number> = { slope: fit.slope, slopeCiLow: fit.slopeCi[0], slopeCiHigh: fit.slopeCi[1], minShareByEpoch10: minEarly };
  for (const r of final) observed[`final_m${r.m}`] = r.mean;
  return {
    status: problems.length === 0 ? 'pass' : 'fail',
    observed,
    expected: `final ${label} strictly decreasing in m (m ≥ ${MIN_WIDE}); log-log slope vs m in [${lo}, ${hi}]; ≥ ${EARLY_SHARE * 100}% of it reached by epoch ${EARLY_EPOCH}`,
    tolerance: { kind: 'rate', range: [lo, hi] },
    ...(problems.length > 0 ? { note: problems.join('; ') } : {}),
  };
}
