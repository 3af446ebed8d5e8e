import { allOf, checkCondition, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Experiment, Nm20Trace } from '../trace.js';
import { curveFits, curveKey, significantDecreases, INVERSION_Z } from './fig2-fit.js';
import { fig2Points, perCurve } from './select.js';

/** The λ_min error bound must lie this far below the smallest difference the claim judges (the inversion threshold). */
const ERROR_BOUND_FRACTION = 0.01;

export const fig2rLinearN: Claim<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nmm21.thm4.1-lambda-min-linear-N',
  source: 'Theorem 4.1 and Figure 2 (right), arXiv:2012.11654 v5',
  statement: 'With He init and n_1 = 8N, λ_min(K̄) grows roughly linearly in N (positive intercept from the d- and n_2-terms).',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['fig2R'],
  catches: ['fig2-normalization-swap'],
  check(traces, cfg) {
    const pts = fig2Points(traces, 'fig2R');
    const curves = perCurve(pts);
    const [lo, hi] = cfg.fig2RightLogSlope;
    const extra: Record<string, number> = {};
    const bad = { slope: [] as string[], r2: [] as string[], loglog: [] as string[], inv: [] as string[] };
    let minThreshold = Number.POSITIVE_INFINITY;
    let minSlopeLog = Number.POSITIVE_INFINITY;
    let maxSlopeLog = Number.NEGATIVE_INFINITY;
    for (const c of curves) {
      const name = c[0]?.curve ?? '?';
      const key = curveKey(name);
      const { affine, loglog, r2 } = curveFits(c);
      const inv = significantDecreases(c);
      minThreshold = Math.min(minThreshold, inv.minThreshold);
      extra[`${key}_slope`] = affine.slope;
      extra[`${key}_slopeCiLow`] = affine.slopeCi[0];
      extra[`${key}_slopeCiHigh`] = affine.slopeCi[1];
      extra[`${key}_r`] = affine.r;
      extra[`${key}_logLogSlope`] = loglog.slope;
      extra[`${key}_decreases`] = inv.decreases;
      extra[`${key}_significantDecreases`] = inv.significant;
      minSlopeLog = Math.min(minSlopeLog, loglog.slope);
      maxSlopeLog = Math.max(maxSlopeLog, loglog.slope);
      if (!(affine.slope > 0)) bad.slope.push(`${name}: affine slope ${affine.slope} ≤ 0`);
      if (!(r2 >= cfg.fig2RightR2Min)) bad.r2.push(`${name}: R² ${r2.toFixed(4)} < ${cfg.fig2RightR2Min}`);
      if (!(loglog.slope >= lo && loglog.slope <= hi)) bad.loglog.push(`${name}: log-log slope ${loglog.slope.toFixed(3)} outside [${lo}, ${hi}]`);
      if (inv.significant > cfg.fig2RightInversions) bad.inv.push(`${name}: ${inv.significant} significant decreases of the mean along N (allowed ${cfg.fig2RightInversions})`);
    }
    const maxEb = Math.max(...pts.map((p) => p.lambdaMinErrorBound));
    return allOf(
      {
        affineSlope: checkCondition(bad.slope.length === 0, {}, 'affine slope of the mean λ_min vs N > 0 on every curve', bad.slope.join('; ')),
        r2: checkCondition(bad.r2.length === 0, {}, `affine R² ≥ ${cfg.fig2RightR2Min} on every curve`, bad.r2.join('; ')),
        logLogSlope: checkCondition(bad.loglog.length === 0, { min: minSlopeLog, max: maxSlopeLog }, `log-log slope in [${lo}, ${hi}] on every curve`, bad.loglog.join('; ')),
        inversions: checkCondition(
          bad.inv.length === 0,
          {},
          `≤ ${cfg.fig2RightInversions} decreases of the mean by more than ${INVERSION_Z} standard errors of the difference, per curve`,
          bad.inv.join('; '),
        ),
        errorBound: checkCondition(
          maxEb <= ERROR_BOUND_FRACTION * minThreshold,
          { maxLambdaMinErrorBound: maxEb, minDecisionThreshold: minThreshold },
          `λ_min error bound ≤ ${ERROR_BOUND_FRACTION}× the smallest inversion threshold`,
          `λ_min error bound ${maxEb.toPrecision(3)} not far below the threshold ${minThreshold.toPrecision(3)}`,
        ),
      },
      { ...extra, minLogLogSlope: minSlopeLog, maxLogLogSlope: maxSlopeLog },
    );
  },
};
