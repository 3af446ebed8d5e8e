import { maxRatioToGeometric as geometricRatio } from '@repro/nets';
/**
 * Accessors shared by the song-yang2019 claims, figures and values: pure functions of the traces (no model computation, no
 * randomness).
 */
import { logLogSlope, meanSd, normalQuantile, type LineFit } from '@repro/concentration';
import { checkAllClose, type Claim, type Verdict } from '@repro/harness';
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
 * Log-log fit of m* against n for each input dimension d, pooling harness seeds by the mean of log m*. Rows without an m*
 * (search exhausted) are listed in `missing` and left out of the fit.
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
  fit: LineFit | null;
  missing: number[];
  /** Slope range over the brackets alone (no sampling error). */
  gridSlopeRange: [number, number] | null;
}[] {
  const dims = [...new Set(rows.flat().map((r) => r.d))].sort((a, b) => a - b);
  return dims.map((d) => {
    const ns = [...new Set(rows.flat().filter((r) => r.d === d).map((r) => r.n))].sort((a, b) => a - b);
    const good: number[] = [];
    const mStar: number[] = [];
    const logLow: number[] = [];
    const missing: number[] = [];
    for (const n of ns) {
      const rs = rows.flat().filter((r) => r.d === d && r.n === n);
      if (rs.some((r) => r.mStar === null)) {
        missing.push(n);
        continue;
      }
      good.push(n);
      mStar.push(Math.exp(meanSd(rs.map((r) => Math.log(r.mStar as number))).mean));
      logLow.push(meanSd(rs.map((r) => Math.log(r.mLow ?? (r.mStar as number)))).mean);
    }
    if (good.length < 3) return { d, ns: good, mStar, fit: null, missing, gridSlopeRange: null };
    const ols = logLogSlope(good, mStar);
    const x = good.map(Math.log);
    const xbar = x.reduce((s, v) => s + v, 0) / x.length;
    const sxx = x.reduce((s, v) => s + (v - xbar) ** 2, 0);
    let lo = 0;
    let hi = 0;
    x.forEach((xi, i) => {
      const c = (xi - xbar) / sxx;
      const yHi = Math.log(mStar[i] as number);
      const yLo = logLow[i] as number;
      lo += c * (c > 0 ? yLo : yHi);
      hi += c * (c > 0 ? yHi : yLo);
    });
    const half = (ols.slopeCi[1] - ols.slopeCi[0]) / 2;
    const fit: LineFit = { ...ols, slopeCi: [Math.min(lo, ols.slope) - half, Math.max(hi, ols.slope) + half] };
    return { d, ns: good, mStar, fit, missing, gridSlopeRange: [lo, hi] };
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

/** A song-yang2019 claim: `needs` typed over the paper's experiments. */
export type SongYang2019Claim = Claim<SongYang2019Config, SongYang2019Trace, SongYang2019Experiment>;
