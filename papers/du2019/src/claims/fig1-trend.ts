import { logLogSlope } from '@repro/concentration';
import { allOf, checkBound, checkCondition, checkRate, type Verdict } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace, Fig1Run } from '../trace.js';
import { MIN_WIDE, fig1Runs, perWidth } from './select.js';

/** "Most of the change happens within ~10 epochs" [NOTES.md §3]: at epoch 10 at least this share of the final value is reached. */
const EARLY_SHARE = 0.5;
const EARLY_EPOCH = 10;

/**
 * The shared test of Figure 1(b) and 1(c): the final value strictly decreases in m (m ≥ 100), its log-log slope vs m (fitted
 * over every run) lies in the configured band, and most of the change happens early.
 */
export function fig1Trend(traces: readonly Du2019Trace[], cfg: Du2019Config, series: (run: Fig1Run) => readonly number[], label: string): Verdict {
  const wide = fig1Runs(traces).filter(({ run }) => run.m >= MIN_WIDE);
  const final = perWidth(traces, (r) => series(r).at(-1) ?? Number.NaN).filter((r) => r.m >= MIN_WIDE);
  const early = perWidth(traces, (r) => {
    const s = series(r);
    return (s[Math.min(EARLY_EPOCH, s.length - 1)] as number) / (s.at(-1) as number);
  }).filter((r) => r.m >= MIN_WIDE);
  const problems: string[] = [];
  for (let i = 1; i < final.length; i++) {
    const a = final[i - 1];
    const b = final[i];
    if (a !== undefined && b !== undefined && !(b.mean < a.mean)) problems.push(`final ${label} not decreasing from m=${a.m} to m=${b.m}`);
  }
  const extra: Record<string, number> = {};
  for (const r of final) extra[`final_m${r.m}`] = r.mean;
  return allOf(
    {
      decreasing: checkCondition(final.length >= 3 && problems.length === 0, { widths: final.length }, `final ${label} strictly decreasing in m over ≥ 3 widths m ≥ ${MIN_WIDE}`, final.length < 3 ? 'fewer than 3 widths m ≥ 100' : problems.join('; ')),
      slope: checkRate(
        logLogSlope(
          wide.map(({ run }) => run.m),
          wide.map(({ run }) => series(run).at(-1) ?? Number.NaN),
        ),
        cfg.fig1PatternSlope,
      ),
      early: checkBound(
        early.map((r) => r.mean),
        EARLY_SHARE,
        'ge',
      ),
    },
    extra,
  );
}
