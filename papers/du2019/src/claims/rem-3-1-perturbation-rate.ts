import { logLogSlope } from '@repro/concentration';
import { checkRate } from '@repro/harness';
import { MIN_WIDE, fig1Runs, perWidth, type Du2019Claim } from './select.js';

export const rem31PerturbationRate: Du2019Claim = {
  id: 'du2019.rem3.1',
  source: 'Remark 3.1, arXiv:1810.02054',
  statement: 'The Gram matrix moves by O(m^{−1/2}) during training: ‖H(K) − H(0)‖₂ shrinks like m^{−1/2} (poly(n) factors hidden).',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['fig1'],
  catches: ['output-scale'],
  check(traces, cfg) {
    const wide = fig1Runs(traces).filter(({ run }) => run.m >= MIN_WIDE);
    // Fitted over every run (not seed means): the CI then uses all seeds' scatter, with n − 2 residual dof.
    const v = checkRate(
      logLogSlope(
        wide.map(({ run }) => run.m),
        wide.map(({ run }) => run.hDiffNorm2),
      ),
      cfg.rem31Slope,
    );
    const extra: Record<string, number> = {};
    for (const r of perWidth(traces, (run) => run.hDiffNorm2).filter((r) => r.m >= MIN_WIDE)) extra[`hDiffNorm2_m${r.m}`] = r.mean;
    return { ...v, observed: { ...v.observed, ...extra } };
  },
};
