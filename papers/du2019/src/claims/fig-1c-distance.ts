import type { Claim } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { cor41Radius } from './cor-4-1-distance.js';
import { fig1Trend } from './fig1-trend.js';
import { MIN_WIDE, fig1Runs } from './select.js';

const BOUND_RTOL = 1e-6;

export const fig1cDistance: Claim<Du2019Config, Du2019Trace> = {
  id: 'du2019.fig1c',
  source: 'Figure 1(c), arXiv:1810.02054',
  statement: 'The maximum distance of a neuron from its initialization shrinks as the width grows (support for Lemma 3.3 and Corollary 4.1).',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['fig1'],
  check(traces, cfg) {
    const trend = fig1Trend(traces, cfg, (r) => r.maxDistance, 'max distance');
    const worst = Math.max(
      ...fig1Runs(traces)
        .filter(({ run }) => run.m >= MIN_WIDE)
        .map(({ tr, run }) => Math.max(...run.maxDistance) / cor41Radius(tr.n, run.m, run.residual0, tr.lambda0)),
    );
    const okBound = worst <= 1 + BOUND_RTOL;
    const notes = [trend.note, okBound ? undefined : `Corollary 4.1 radius exceeded: max distance / radius = ${worst.toPrecision(4)}`].filter(
      (x): x is string => x !== undefined,
    );
    return {
      ...trend,
      status: trend.status === 'pass' && okBound ? 'pass' : 'fail',
      observed: { ...trend.observed, maxDistanceOverCor41Radius: worst },
      expected: `${trend.expected}; max distance ≤ Corollary 4.1 radius`,
      ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    };
  },
};
