/** Accessors and helpers shared by the claims and figures: pick parts of the traces. Pure (no models, no randomness). */
import type { Claim } from '@repro/harness';
import type { ChoSaul2009Config } from '../config.js';
import type { ChoSaul2009Experiment, ChoSaul2009Trace, SvmDatasetTrace } from '../trace.js';

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
