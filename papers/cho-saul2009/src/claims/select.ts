/** Accessors shared by the claims and figures: pick parts of the traces. Pure (no computation of models, no randomness). */
import { checkAllClose, type Verdict } from '@repro/harness';
import type { ChoSaul2009Trace } from '../trace.js';

/** Thrown by an accessor when the trace lacks an experiment; the harness turns it into a failed check with this message. */
export function need<K extends keyof ChoSaul2009Trace>(traces: readonly ChoSaul2009Trace[], part: K): NonNullable<ChoSaul2009Trace[K]>[] {
  const out = traces.map((t) => t[part]);
  if (out.length === 0 || out.some((x) => x === undefined)) throw new Error(`trace has no '${String(part)}' experiment`);
  return out as NonNullable<ChoSaul2009Trace[K]>[];
}

/**
 * allclose with a per-element atol: |o_i − e_i| ≤ atol_i + rtol|e_i|. Runs checkAllClose element by element and reports the
 * worst element (worstRatio ≤ 1 ⇔ pass); the verdict's tolerance carries the largest atol used.
 */
export function allCloseEach(observed: readonly number[], expected: readonly number[], rtol: number, atols: readonly number[], labels: readonly string[]): Verdict {
  let worst: Verdict | undefined;
  let worstRatio = -1;
  let worstLabel = '';
  let failed = 0;
  observed.forEach((o, i) => {
    const v = checkAllClose(o, expected[i] as number, rtol, atols[i] as number);
    if (v.status !== 'pass') failed++;
    const r = Number.isNaN(v.observed.worstRatio) ? Infinity : (v.observed.worstRatio as number);
    if (r > worstRatio) {
      worstRatio = r;
      worst = v;
      worstLabel = labels[i] ?? String(i);
    }
  });
  if (worst === undefined) return checkAllClose([], [], rtol, 0);
  const status = failed === 0 ? 'pass' : 'fail';
  const v: Verdict = {
    status,
    observed: { n: observed.length, failed, worstRatio, worstObserved: worst.observed.worstObserved as number, worstExpected: worst.observed.worstExpected as number },
    expected: `|observed − expected| ≤ atol_i + ${rtol}·|expected| per element (atol_i per element)`,
    tolerance: { kind: 'allclose', rtol, atol: Math.max(...atols) },
    note: `worst element: ${worstLabel} (${worstRatio.toPrecision(3)}× its tolerance)`,
  };
  return v;
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
