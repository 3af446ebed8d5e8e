import { checkCondition, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Experiment, Nm20Trace } from '../trace.js';
import { curveFits, curveKey } from './fig2-fit.js';
import { fig2Points, perCurve } from './select.js';

export const fig2lLinearD: Claim<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nmm21.fig2L-linear-d',
  source: 'Theorem 3.2 / Lemma 3.1 and Figure 2 (left), arXiv:2012.11654 v5',
  statement: 'Under N(0,1) weights, λ_min(4K̄/(n_1n_2)) grows linearly in the input dimension d.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['fig2L'],
  catches: ['fig2-normalization-swap'],
  check(traces, cfg) {
    const curves = perCurve(fig2Points(traces, 'fig2L'));
    const [lo, hi] = cfg.fig2LeftLogSlope;
    const observed: Record<string, number> = {};
    const problems: string[] = [];
    for (const c of curves) {
      const name = c[0]?.curve ?? '?';
      const key = curveKey(name);
      const { affine, loglog, r2 } = curveFits(c);
      const perD = c.map((p) => p.mean / p.x);
      const band = Math.max(...perD) / Math.min(...perD);
      observed[`${key}_slope`] = affine.slope;
      observed[`${key}_slopeCiLow`] = affine.slopeCi[0];
      observed[`${key}_slopeCiHigh`] = affine.slopeCi[1];
      observed[`${key}_r`] = affine.r;
      observed[`${key}_logLogSlope`] = loglog.slope;
      observed[`${key}_band`] = band;
      if (!(r2 >= cfg.fig2LeftR2Min)) problems.push(`${name}: R² ${r2.toFixed(4)} < ${cfg.fig2LeftR2Min}`);
      if (!(loglog.slope >= lo && loglog.slope <= hi)) problems.push(`${name}: log-log slope ${loglog.slope.toFixed(3)} outside [${lo}, ${hi}]`);
      if (!(band <= cfg.fig2LeftBand)) problems.push(`${name}: max/min of λ_min/d = ${band.toFixed(3)} > ${cfg.fig2LeftBand}`);
    }
    return checkCondition(
      problems.length === 0,
      observed,
      `per curve: affine R² ≥ ${cfg.fig2LeftR2Min}, log-log slope in [${lo}, ${hi}], max/min of λ_min/d ≤ ${cfg.fig2LeftBand}`,
      problems.join('; '),
    );
  },
};
