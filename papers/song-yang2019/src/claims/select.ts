import { maxRatioToGeometric as geometricRatio } from '@repro/nets';
/**
 * Accessors shared by the song-yang2019 claims, figures and values: pure functions of the traces (no model computation, no
 * randomness).
 */
import { logLogSlope, meanSd, type LineFit } from '@repro/concentration';
import type { Verdict } from '@repro/harness';
import type { SongYang2019Trace } from '../trace.js';

/** Wilson / z-test level of every probability claim, family-wise (Bonferroni over the informative cases of a claim). */
export const ALPHA = 0.05;
/** float32 training bottoms out near L/L0 ≈ 1e-13; below this both measured and bound count as satisfied [card pitfall 4]. */
export const FLOAT32_LOSS_FLOOR = 1e-12;

/** Evidence labels of the card mapped onto the contract: [LN3]/[SEC]/[STD] → cited, [DER]/[OURS] → inferred, [MEM] → unverified. */
export const CARD_TAGS = { LN3: 'cited', SEC: 'cited', STD: 'cited', DER: 'inferred', OURS: 'inferred', MEM: 'unverified' } as const;

/** The traces' experiment `part` (one per harness seed); throws when a trace lacks it (the harness reports a failed check). */
export function need<K extends keyof SongYang2019Trace>(traces: readonly SongYang2019Trace[], part: K): NonNullable<SongYang2019Trace[K]>[] {
  const out = traces.map((t) => t[part]);
  if (out.length === 0 || out.some((x) => x === undefined)) throw new Error(`trace has no '${String(part)}' experiment`);
  return out as NonNullable<SongYang2019Trace[K]>[];
}

/** Combine sub-verdicts: pass iff all pass; observed keys get the sub-verdict's prefix; notes are joined. */
export function combine(parts: readonly { tag: string; v: Verdict }[], top: Pick<Verdict, 'expected' | 'tolerance'>, extraNote?: string): Verdict {
  const observed: Record<string, number> = {};
  const notes: string[] = [];
  for (const { tag, v } of parts) {
    for (const [k, x] of Object.entries(v.observed)) observed[`${tag}_${k}`] = x;
    if (v.status === 'fail') notes.push(`${tag}: ${v.note ?? 'failed'}`);
  }
  if (extraNote !== undefined) notes.push(extraNote);
  const v: Verdict = { status: parts.length > 0 && parts.every((p) => p.v.status === 'pass') ? 'pass' : 'fail', observed, ...top };
  if (parts.length === 0) notes.unshift('nothing to check');
  if (notes.length > 0) v.note = notes.join('; ');
  return v;
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
