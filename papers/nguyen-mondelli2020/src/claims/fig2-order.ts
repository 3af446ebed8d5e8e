import { allOf, checkCondition, type Claim, type Verdict } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Fig2Point, Nm20Experiment, Nm20Trace } from '../trace.js';
import { decisionScale, INVERSION_Z, stdErr } from './fig2-fit.js';
import { fig2Points, perCurve, type CurveStats } from './select.js';

/** The λ_min error bound must lie this far below the smallest difference the claim judges (the significance threshold). */
const ERROR_BOUND_FRACTION = 0.01;

interface OrderAt {
  x: number;
  /** Means strictly increasing in config order (the paper's order). */
  holds: boolean;
  /** Some neighbouring pair out of order by more than INVERSION_Z standard errors of the difference. */
  significantViolation: boolean;
  /** Smallest significance threshold at this x. */
  threshold: number;
}

/** At each grid x: does the curve order hold on the trial means, and is any violation beyond the noise of the difference? */
function orderAt(curves: readonly CurveStats[][]): OrderAt[] {
  const xs = (curves[0] ?? []).map((p) => p.x);
  return xs.map((x) => {
    const at = curves.map((c) => c.find((p) => p.x === x));
    let holds = true;
    let sig = false;
    let threshold = Number.POSITIVE_INFINITY;
    for (let j = 1; j < at.length; j++) {
      const a = at[j - 1];
      const b = at[j];
      if (a === undefined || b === undefined) {
        holds = false;
        sig = true;
        continue;
      }
      const thr = INVERSION_Z * Math.hypot(stdErr(a), stdErr(b));
      threshold = Math.min(threshold, decisionScale(a, b));
      if (!(b.mean > a.mean)) holds = false;
      if (a.mean - b.mean > thr) sig = true;
    }
    return { x, holds, significantViolation: sig, threshold };
  });
}

/**
 * Three-valued order verdict over a set of grid points that must hold at a share ≥ frac: pass when the order of the means
 * holds at that share [NOTES.md §5]; fail when the points without a significant violation fall below that share;
 * inconclusive when the order fails only within the noise.
 */
function orderVerdict(points: readonly OrderAt[], frac: number, what: string): Verdict {
  const n = points.length;
  const share = points.filter((p) => p.holds).length / n;
  const clean = points.filter((p) => !p.significantViolation).length / n;
  const observed = { share, shareWithoutSignificantViolation: clean, points: n };
  const expected = `${what}: the curve order of the means holds at ≥ ${frac * 100}% of the points (fail: significant violations, > ${INVERSION_Z} standard errors, at more than ${((1 - frac) * 100).toFixed(0)}%)`;
  if (share >= frac) return checkCondition(true, observed, expected);
  if (clean < frac) return checkCondition(false, observed, expected, `${what}: order significantly violated at ${((1 - clean) * 100).toFixed(0)}% of the points`);
  return { status: 'inconclusive', observed, expected, tolerance: { kind: 'condition' }, note: `${what}: order holds at ${(share * 100).toFixed(0)}% of the points, the violations are within ${INVERSION_Z} standard errors` };
}

export const fig2Order: Claim<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nmm21.fig2-order',
  source: 'Figure 2, arXiv:2012.11654 v5',
  statement:
    'The curves are ordered as in the paper: right (d, n_2) = (800,800) > (800,400) > (400,400); left (500,2000,2000) > (1000,4000,4000) > (1000,2000,2000) (fewer samples or wider layers give larger λ_min).',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['fig2R', 'fig2L'],
  catches: ['fig2-normalization-swap'],
  check(traces, cfg) {
    const rPts = fig2Points(traces, 'fig2R');
    const lPts = fig2Points(traces, 'fig2L');
    const right = orderAt(perCurve(rPts));
    const left = orderAt(perCurve(lPts));
    const largest = right.slice(-1);
    const thr = Math.min(...[...largest, ...left].map((p) => p.threshold));
    const maxEb = Math.max(...[...rPts, ...lPts].map((p: Fig2Point) => p.lambdaMinErrorBound));
    return allOf(
      {
        right: orderVerdict(largest, 1, 'right panel at the largest N'),
        left: orderVerdict(left, cfg.fig2LeftOrderFrac, 'left panel'),
        errorBound: checkCondition(
          maxEb <= ERROR_BOUND_FRACTION * thr,
          { maxLambdaMinErrorBound: maxEb, minDecisionThreshold: thr },
          `λ_min error bound ≤ ${ERROR_BOUND_FRACTION}× the smallest significance threshold`,
          `λ_min error bound ${maxEb.toPrecision(3)} not far below ${thr.toPrecision(3)}`,
        ),
      },
      { rightShare: right.filter((p) => p.holds).length / right.length },
    );
  },
};
