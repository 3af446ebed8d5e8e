import type { Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Trace } from '../trace.js';
import { curveFits, curveKey, inversions } from './fig2-fit.js';
import { fig2Points, perCurve } from './select.js';

export const fig2rLinearN: Claim<Nm20Config, Nm20Trace> = {
  id: 'nmm21.thm4.1-lambda-min-linear-N',
  source: 'Theorem 4.1 and Figure 2 (right), arXiv:2012.11654 v5',
  statement: 'With He init and n_1 = 8N, λ_min(K̄) grows roughly linearly in N (positive intercept from the d- and n_2-terms).',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['fig2R'],
  check(traces, cfg) {
    const curves = perCurve(fig2Points(traces, 'fig2R'));
    const [lo, hi] = cfg.fig2RightLogSlope;
    const observed: Record<string, number> = {};
    const problems: string[] = [];
    let minSlopeLog = Number.POSITIVE_INFINITY;
    let maxSlopeLog = Number.NEGATIVE_INFINITY;
    for (const c of curves) {
      const name = c[0]?.curve ?? '?';
      const key = curveKey(name);
      const { affine, loglog, r2 } = curveFits(c);
      const inv = inversions(c);
      observed[`${key}_slope`] = affine.slope;
      observed[`${key}_slopeCiLow`] = affine.slopeCi[0];
      observed[`${key}_slopeCiHigh`] = affine.slopeCi[1];
      observed[`${key}_r`] = affine.r;
      observed[`${key}_logLogSlope`] = loglog.slope;
      minSlopeLog = Math.min(minSlopeLog, loglog.slope);
      maxSlopeLog = Math.max(maxSlopeLog, loglog.slope);
      if (!(affine.slope > 0)) problems.push(`${name}: affine slope ${affine.slope} ≤ 0`);
      if (!(r2 >= cfg.fig2RightR2Min)) problems.push(`${name}: R² ${r2.toFixed(4)} < ${cfg.fig2RightR2Min}`);
      if (!(loglog.slope >= lo && loglog.slope <= hi)) problems.push(`${name}: log-log slope ${loglog.slope.toFixed(3)} outside [${lo}, ${hi}]`);
      if (inv > cfg.fig2RightInversions) problems.push(`${name}: ${inv} decreases of the mean along N (allowed ${cfg.fig2RightInversions})`);
    }
    return {
      status: problems.length === 0 ? 'pass' : 'fail',
      observed: { ...observed, minLogLogSlope: minSlopeLog, maxLogLogSlope: maxSlopeLog },
      expected: `per curve: affine slope > 0, R² ≥ ${cfg.fig2RightR2Min}, log-log slope in [${lo}, ${hi}], ≤ ${cfg.fig2RightInversions} decreases of the mean`,
      tolerance: { kind: 'rate', range: [lo, hi] },
      ...(problems.length > 0 ? { note: problems.join('; ') } : {}),
    };
  },
};
