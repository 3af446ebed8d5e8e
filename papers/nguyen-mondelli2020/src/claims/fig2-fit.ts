import { logLogSlope, olsFit, type LineFit } from '@repro/concentration';
import type { CurveStats } from './select.js';

/** Affine fit of the trial means vs x, and the log-log slope, for one curve. */
export function curveFits(c: readonly CurveStats[]): { affine: LineFit; loglog: LineFit; r2: number } {
  const xs = c.map((p) => p.x);
  const ys = c.map((p) => p.mean);
  const affine = olsFit(xs, ys);
  return { affine, loglog: logLogSlope(xs, ys), r2: affine.r * affine.r };
}

/** Count of decreases of the mean along x. */
export function inversions(c: readonly CurveStats[]): number {
  let n = 0;
  for (let i = 1; i < c.length; i++) if (!((c[i] as CurveStats).mean > (c[i - 1] as CurveStats).mean)) n++;
  return n;
}

/** Short key for observed names: 'd=400, n2=400' → 'd400_n2400'. */
export function curveKey(curve: string): string {
  return curve.replace(/[=\s]/g, '').replace(/,/g, '_');
}
