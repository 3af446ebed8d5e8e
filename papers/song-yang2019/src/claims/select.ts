import { maxRatioToGeometric as geometricRatio } from '@repro/nets';
/**
 * Accessors shared by the song-yang2019 claims, figures and values: pure functions of the traces (no model computation, no
 * randomness).
 */
import { logLogSlope, meanSd, normalQuantile, type LineFit } from '@repro/concentration';
import { checkAllClose, combineStatus, type Claim, type Verdict } from '@repro/harness';
import type { SongYang2019Config } from '../config.js';
import type { SongYang2019Experiment, SongYang2019Trace } from '../trace.js';

/** Wilson / z-test level of every probability claim, family-wise (Bonferroni over the informative cases of a claim). */
export const ALPHA = 0.05;
/** float32 training bottoms out near L/L0 ≈ 1e-13; below this both measured and bound count as satisfied [NOTES.md §4]. */
export const FLOAT32_LOSS_FLOOR = 1e-12;

/** Source labels mapped onto the contract [NOTES.md §1]: LN3/secondary/textbook → cited, derived/ours → inferred, recalled → unverified. */
export const CARD_TAGS = { LN3: 'cited', SEC: 'cited', STD: 'cited', DER: 'inferred', OURS: 'inferred', MEM: 'unverified' } as const;

/** A part name for `allOf` from a tag that may hold a decimal point (R0.05 → R0p05): part names must not contain '.'. */
export function partName(tag: string): string {
  return tag.replaceAll('.', 'p');
}

/**
 * z-scores of sample means against exact expectations, as one allclose part: |z| ≤ the two-sided Bonferroni critical value
 * at family-wise level ALPHA over the cases (a false failure at most ALPHA of the time).
 */
export function zParts(z: readonly number[]): { v: Verdict; zCrit: number } {
  const zCrit = normalQuantile(1 - ALPHA / (2 * Math.max(1, z.length)));
  return { v: checkAllClose(z, z.map(() => 0), 0, zCrit), zCrit };
}

/** Last entry of a series (NaN when empty). */
export function last(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : (xs[xs.length - 1] as number);
}

/**
 * Log-log fit of m* against n for each input dimension d, over every (n, data draw, harness seed) point: each point is one
 * m* search, so the CI has (points − 2) residual dof and the per-point spread (data draws, GD seeds) enters it. `mStar`
 * is the geometric mean per n (for tables and figures). An n where some search found no m* is listed in `missing` and
 * left out of the fit.
 *
 * The search only brackets m*: it lies in (mLow, mStar] (mLow = the largest width below m* that failed; 0 when none did).
 * `fit.slopeCi` therefore widens the t-interval by the bracket: OLS is linear in the log m* values, so over the brackets
 * the slope ranges over [Σ c_i·(c_i > 0 ? log mLow_i : log mStar_i), Σ c_i·(c_i > 0 ? log mStar_i : log mLow_i)]
 * (c_i = (x_i − x̄)/S_xx); the reported CI is that range widened by the t half-width. A doubling grid alone gives brackets of
 * ln 2, which the plain OLS interval ignores (three collinear grid points give a zero-width CI).
 */
export function widthExponent(rows: readonly { n: number; d: number; mStar: number | null; mLow?: number }[][]): {
  d: number;
  ns: number[];
  mStar: number[];
  /** Per n in `ns`: smallest and largest m* over its points. */
  mStarMin: number[];
  mStarMax: number[];
  /** Points (m* searches) in the fit. */
  points: number;
  fit: LineFit | null;
  missing: number[];
  /** Slope range over the brackets alone (no sampling error). */
  gridSlopeRange: [number, number] | null;
}[] {
  const dims = [...new Set(rows.flat().map((r) => r.d))].sort((a, b) => a - b);
  return dims.map((d) => {
    const all = rows.flat().filter((r) => r.d === d);
    const ns = [...new Set(all.map((r) => r.n))].sort((a, b) => a - b);
    const missing = ns.filter((n) => all.some((r) => r.n === n && r.mStar === null));
    const good = ns.filter((n) => !missing.includes(n));
    const pts = all.filter((r) => good.includes(r.n)) as { n: number; mStar: number; mLow?: number }[];
    const atN = (n: number) => pts.filter((r) => r.n === n).map((r) => r.mStar);
    const mStar = good.map((n) => Math.exp(meanSd(atN(n).map(Math.log)).mean));
    const mStarMin = good.map((n) => Math.min(...atN(n)));
    const mStarMax = good.map((n) => Math.max(...atN(n)));
    const base = { d, ns: good, mStar, mStarMin, mStarMax, points: pts.length, missing };
    if (good.length < 3) return { ...base, fit: null, gridSlopeRange: null };
    const ols = logLogSlope(
      pts.map((r) => r.n),
      pts.map((r) => r.mStar),
    );
    const x = pts.map((r) => Math.log(r.n));
    const xbar = x.reduce((s, v) => s + v, 0) / x.length;
    const sxx = x.reduce((s, v) => s + (v - xbar) ** 2, 0);
    let lo = 0;
    let hi = 0;
    x.forEach((xi, i) => {
      const r = pts[i] as { mStar: number; mLow?: number };
      const c = (xi - xbar) / sxx;
      const yHi = Math.log(r.mStar);
      const yLo = Math.log(r.mLow ?? r.mStar);
      lo += c * (c > 0 ? yLo : yHi);
      hi += c * (c > 0 ? yHi : yLo);
    });
    const half = (ols.slopeCi[1] - ols.slopeCi[0]) / 2;
    const fit: LineFit = { ...ols, slopeCi: [Math.min(lo, ols.slope) - half, Math.max(hi, ols.slope) + half] };
    return { ...base, fit, gridSlopeRange: [lo, hi] };
  });
}

/**
 * The largest width below m* that was tried (0 when none was): doubling stops at the first success and bisection keeps the
 * failed end as its lower bracket, so every tried width below m* failed, and m* lies in (mLow, mStar].
 */
export function bracketLow(tried: readonly number[], mStar: number | null): number {
  if (mStar === null) return 0;
  return Math.max(0, ...tried.filter((m) => m < mStar));
}

/** emp.mstar rows of every trace with their brackets, for `widthExponent`. */
export function mstarRows(traces: readonly SongYang2019Trace[]): { n: number; d: number; mStar: number | null; mLow: number }[][] {
  return traces.map((t) => (t.mstar?.rows ?? []).map((r) => ({ n: r.n, d: r.d, mStar: r.mStar, mLow: bracketLow(r.tried.map((x) => x.m), r.mStar) })));
}

/** max_k L(k)/(c^k L(0)); with `floor`, steps below the float32 floor count as satisfied (`maxRatioToGeometric` in @repro/nets). */
export const maxRatioToGeometric = (loss: readonly number[], c: number, floor: boolean): { maxRatio: number; floored: number } =>
  geometricRatio(loss, c, floor ? FLOAT32_LOSS_FLOOR : null);

/**
 * Every replicate of the single-run experiments (config `replicates`) as a trace of its own: replicate 0 is the trace's
 * fields, replicates 1 … R − 1 its `replicas` laid over it. One trace per replicate, per harness seed.
 */
export function replicaTraces(traces: readonly SongYang2019Trace[]): SongYang2019Trace[] {
  return traces.flatMap((t) => {
    const { replicas, ...rest } = t;
    return [rest, ...(replicas ?? []).map((r) => ({ ...rest, ...r }))];
  });
}

/**
 * A claim written against one run, judged on every replicate [NOTES.md §7]: it holds only if it holds on each (the
 * harness's `seeds: 'every'` rule, applied to the replicates inside a trace). A failing replicate fails it, else an
 * inconclusive one makes it inconclusive; the reported numbers are the first failing (else inconclusive) replicate's,
 * else replicate 0's, with `replicatesChecked` / `replicatesPassed`.
 */
export function onEveryReplicate(traces: readonly SongYang2019Trace[], check: (t: SongYang2019Trace) => Verdict): Verdict {
  const vs = replicaTraces(traces).map(check);
  if (vs.length === 1) return vs[0] as Verdict;
  const which = (st: string) => vs.flatMap((v, i) => (v.status === st ? [i] : []));
  const failing = which('fail');
  const unsure = which('inconclusive');
  const first = [failing, unsure].find((l) => l.length > 0);
  const shown = first === undefined ? 0 : (first[0] as number);
  const base = vs[shown] as Verdict;
  const passed = vs.filter((v) => v.status === 'pass').length;
  const note =
    failing.length > 0
      ? `fails on replicate${failing.length > 1 ? 's' : ''} ${failing.join(', ')} of ${vs.length} (numbers: replicate ${shown})`
      : unsure.length > 0
        ? `inconclusive on replicate${unsure.length > 1 ? 's' : ''} ${unsure.join(', ')} of ${vs.length} (numbers: replicate ${shown})`
        : `holds on each of the ${vs.length} replicates (numbers: replicate 0)`;
  return {
    ...base,
    status: combineStatus(vs.map((v) => v.status)),
    observed: { ...base.observed, replicatesChecked: vs.length, replicatesPassed: passed },
    note: base.note === undefined ? note : `${note}; ${base.note}`,
  };
}

/** A song-yang2019 claim: `needs` typed over the paper's experiments. */
export type SongYang2019Claim = Claim<SongYang2019Config, SongYang2019Trace, SongYang2019Experiment>;
