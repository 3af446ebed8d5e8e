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
/** float32 training bottoms out near L/L0 ≈ 1e-13; below this both measured and bound count as satisfied [card pitfall 4]. */
export const FLOAT32_LOSS_FLOOR = 1e-12;

/** Evidence labels of the card mapped onto the contract: [LN3]/[SEC]/[STD] → cited, [DER]/[OURS] → inferred, [MEM] → unverified. */
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
 */
export function widthExponent(rows: readonly { n: number; d: number; mStar: number | null }[][]): { d: number; ns: number[]; mStar: number[]; fit: LineFit | null; missing: number[] }[] {
  const dims = [...new Set(rows.flat().map((r) => r.d))].sort((a, b) => a - b);
  return dims.map((d) => {
    const ns = [...new Set(rows.flat().filter((r) => r.d === d).map((r) => r.n))].sort((a, b) => a - b);
    const good: number[] = [];
    const mStar: number[] = [];
    const missing: number[] = [];
    for (const n of ns) {
      const vals = rows.flat().filter((r) => r.d === d && r.n === n).map((r) => r.mStar);
      if (vals.some((v) => v === null)) {
        missing.push(n);
        continue;
      }
      good.push(n);
      mStar.push(Math.exp(meanSd(vals.map((v) => Math.log(v as number))).mean));
    }
    return { d, ns: good, mStar, fit: good.length >= 3 ? logLogSlope(good, mStar) : null, missing };
  });
}

/** max_k L(k)/(c^k L(0)); with `floor`, steps below the float32 floor count as satisfied (`maxRatioToGeometric` in @repro/nets). */
export const maxRatioToGeometric = (loss: readonly number[], c: number, floor: boolean): { maxRatio: number; floored: number } =>
  geometricRatio(loss, c, floor ? FLOAT32_LOSS_FLOOR : null);

/** A song-yang2019 claim: `needs` typed over the paper's experiments. */
export type SongYang2019Claim = Claim<SongYang2019Config, SongYang2019Trace, SongYang2019Experiment>;
