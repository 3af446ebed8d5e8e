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

/**
 * z of a significant decrease: the theorem makes E[λ_min] increase along x, so a decrease of the trial mean between two
 * neighbouring grid points is evidence against it only beyond the noise of the difference of two means, √(se_i² + se_{i+1}²).
 * 3.5 standard errors: a false alarm has probability ≈ 2·10⁻⁴ per step (≈ 1 % over the paper grid's 48 steps).
 */
export const INVERSION_Z = 3.5;

/** Standard error of a trial mean (0 for a single trial). */
export const stdErr = (s: CurveStats): number => (s.n > 1 && Number.isFinite(s.sd) ? s.sd / Math.sqrt(s.n) : 0);

/**
 * The smallest difference a Figure 2 claim draws a conclusion from: the significance threshold INVERSION_Z·√(se_a² + se_b²),
 * or, with single trials (no standard error), the difference of the two means itself.
 */
export function decisionScale(a: CurveStats, b: CurveStats): number {
  const thr = INVERSION_Z * Math.hypot(stdErr(a), stdErr(b));
  return thr > 0 ? thr : Math.abs(a.mean - b.mean);
}

/** Decreases of the mean along x (all, and those beyond INVERSION_Z standard errors of the difference); smallest decision scale. */
export function significantDecreases(c: readonly CurveStats[]): { decreases: number; significant: number; minThreshold: number } {
  let decreases = 0;
  let significant = 0;
  let minThreshold = Number.POSITIVE_INFINITY;
  for (let i = 1; i < c.length; i++) {
    const a = c[i - 1] as CurveStats;
    const b = c[i] as CurveStats;
    const thr = INVERSION_Z * Math.hypot(stdErr(a), stdErr(b));
    minThreshold = Math.min(minThreshold, decisionScale(a, b));
    if (!(b.mean > a.mean)) decreases++;
    if (a.mean - b.mean > thr) significant++;
  }
  return { decreases, significant, minThreshold };
}

/** Short key for observed names: 'd=400, n2=400' → 'd400_n2400'. */
export function curveKey(curve: string): string {
  return curve.replace(/[=\s]/g, '').replace(/,/g, '_');
}
