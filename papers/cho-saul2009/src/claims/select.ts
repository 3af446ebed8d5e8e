/** Accessors and helpers shared by the claims and figures: pick parts of the traces. Pure (no models, no randomness). */
import { checkBound, type Claim, type Verdict } from '@repro/harness';
import type { ChoSaul2009Config } from '../config.js';
import type { ChoSaul2009Experiment, ChoSaul2009Trace, SvmDatasetTrace } from '../trace.js';

/**
 * A one-sided bound judged on an interval [lo, hi] known to contain the quantity (a CI, or a value ± its error bound):
 * `pass` when the whole interval satisfies the bound, `fail` when none of it does, `inconclusive` when it straddles the
 * bound. Built on checkBound (BOUND_RTOL included): the pass part checks the interval's worst end, the fail part its best.
 * Observed: the worst end's checkBound numbers plus `lo`, `hi`.
 */
export function checkIntervalBound(lo: number, hi: number, bound: number, side: 'le' | 'ge', what: string): Verdict {
  const worst = checkBound(side === 'le' ? hi : lo, bound, side);
  const best = checkBound(side === 'le' ? lo : hi, bound, side);
  const observed = { ...worst.observed, lo, hi };
  const expected = `${what} ${side === 'le' ? '≤' : '≥'} ${bound} over its whole interval [lo, hi] (fail when no point of it is; inconclusive when it straddles)`;
  if (worst.status === 'pass') return { ...worst, observed, expected };
  if (best.status !== 'pass') return { ...best, observed, expected, note: `${what}: the whole interval [${lo.toPrecision(4)}, ${hi.toPrecision(4)}] violates ${side === 'le' ? '≤' : '≥'} ${bound}` };
  return { ...worst, status: 'inconclusive', observed, expected, note: `${what}: the interval [${lo.toPrecision(4)}, ${hi.toPrecision(4)}] straddles ${bound}` };
}

/** Every draw of the convex data set in every harness seed's trace: replicate 0 (the `datasets` entry) and the extra ones. */
export function convexRuns(svms: readonly NonNullable<ChoSaul2009Trace['svm']>[]): SvmDatasetTrace[] {
  return svms.flatMap((t) => {
    const d = t.datasets.find((x) => x.name === 'convex');
    if (d === undefined) throw new Error("the SVM experiment did not run the 'convex' dataset");
    return [d, ...(t.convexReplicates ?? [])];
  });
}

/** Spearman rank correlation (average ranks for ties). */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  const rank = (v: readonly number[]): number[] => {
    const idx = v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
    const r = new Array<number>(v.length);
    for (let i = 0; i < idx.length; ) {
      let j = i;
      while (j + 1 < idx.length && idx[j + 1]?.[0] === idx[i]?.[0]) j++;
      for (let t = i; t <= j; t++) r[idx[t]?.[1] as number] = (i + j) / 2;
      i = j + 1;
    }
    return r;
  };
  const rx = rank(xs);
  const ry = rank(ys);
  const n = xs.length;
  const mx = rx.reduce((a, b) => a + b, 0) / n;
  const my = ry.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += ((rx[i] as number) - mx) * ((ry[i] as number) - my);
    sxx += ((rx[i] as number) - mx) ** 2;
    syy += ((ry[i] as number) - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** A cho-saul2009 claim: its `needs` are typed over the experiments of `run`. */
export type ChoSaul2009Claim = Claim<ChoSaul2009Config, ChoSaul2009Trace, ChoSaul2009Experiment>;
