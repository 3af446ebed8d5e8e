import { allOf, checkBound } from '@repro/harness';
import { cor41Radius } from './cor-4-1-distance.js';
import { fig1Trend } from './fig1-trend.js';
import { MIN_WIDE, fig1Runs, type Du2019Claim } from './select.js';

export const fig1cDistance: Du2019Claim = {
  id: 'du2019.fig1c',
  source: 'Figure 1(c), arXiv:1810.02054',
  statement: 'The maximum distance of a neuron from its initialization shrinks as the width grows (support for Lemma 3.3 and Corollary 4.1).',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['fig1'],
  catches: ['output-scale'],
  check(traces, cfg) {
    return allOf({
      trend: fig1Trend(traces, cfg, (r) => r.maxDistance, 'max distance'),
      cor41Radius: checkBound(
        fig1Runs(traces)
          .filter(({ run }) => run.m >= MIN_WIDE)
          .map(({ tr, run }) => Math.max(...run.maxDistance) / cor41Radius(tr.n, run.m, run.residual0, tr.lambda0)),
        1,
        'le',
      ),
    });
  },
};
