import { logLogSlope } from '@repro/concentration';
import type { Claim } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { MIN_WIDE, fig1Runs, perWidth } from './select.js';

export const rem31PerturbationRate: Claim<Du2019Config, Du2019Trace> = {
  id: 'du2019.rem3.1',
  source: 'Remark 3.1, arXiv:1810.02054',
  statement: 'The Gram matrix moves by O(m^{−1/2}) during training: ‖H(K) − H(0)‖₂ shrinks like m^{−1/2} (poly(n) factors hidden).',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['fig1'],
  check(traces, cfg) {
    fig1Runs(traces); // a diverged run fails the claim with its step and reason
    const rows = perWidth(traces, (r) => r.hDiffNorm2).filter((r) => r.m >= MIN_WIDE);
    const fit = logLogSlope(
      rows.map((r) => r.m),
      rows.map((r) => r.mean),
    );
    const [lo, hi] = cfg.rem31Slope;
    const observed: Record<string, number> = { slope: fit.slope, slopeCiLow: fit.slopeCi[0], slopeCiHigh: fit.slopeCi[1] };
    for (const r of rows) observed[`hDiffNorm2_m${r.m}`] = r.mean;
    return {
      status: fit.slope >= lo && fit.slope <= hi ? 'pass' : 'fail',
      observed,
      expected: `log-log slope of seed-mean ‖H(K) − H(0)‖₂ vs m (m ≥ ${MIN_WIDE}) in [${lo}, ${hi}]`,
      tolerance: { kind: 'rate', range: [lo, hi] },
    };
  },
};
