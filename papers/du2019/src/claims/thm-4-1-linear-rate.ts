import type { Claim } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { MIN_WIDE, fig1Runs, maxRatioToGeometric, thm41Runs } from './select.js';

const BOUND_RTOL = 1e-6;

export const thm41LinearRate: Claim<Du2019Config, Du2019Trace> = {
  id: 'du2019.thm4.1',
  source: 'Theorem 4.1 (Condition 4.1), arXiv:1810.02054',
  statement: 'Gradient descent with η = O(λ0/n²) contracts the loss geometrically: ‖u(k) − y‖² ≤ (1 − ηλ0/2)^k ‖u(0) − y‖² for every k.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['thm41', 'fig1'],
  check(traces, cfg) {
    const a = thm41Runs(traces);
    const A = a.map((t) => ({ t, ...maxRatioToGeometric(t.loss, 1 - (t.eta * t.lambda0) / 2) }));
    const fig = fig1Runs(traces);
    const B = fig.map(({ tr, run }) => ({ run, ...maxRatioToGeometric(run.loss, 1 - (tr.eta * tr.lambda0) / 2) }));
    const wide = B.filter((b) => b.run.m >= MIN_WIDE);
    const narrow = B.filter((b) => b.run.m < MIN_WIDE);
    const maxA = Math.max(...A.map((x) => x.maxRatio));
    const maxB = Math.max(...wide.map((x) => x.maxRatio));
    const maxNarrow = narrow.length > 0 ? Math.max(...narrow.map((x) => x.maxRatio)) : Number.NaN;
    const okA = maxA <= 1 + BOUND_RTOL;
    const okB = maxB <= 1 + BOUND_RTOL;
    const notes = [
      `A (inside the hypothesis: η = λ0/(4n²), ${a[0]?.steps ?? '?'} steps, ${a[0]?.precision ?? '?'}): max ratio ${maxA.toPrecision(6)}`,
      `B (practical η = ${cfg.fig1EtaScale}/λ_max(H∞), outside the hypothesis, m ≥ ${MIN_WIDE}): max ratio ${maxB.toPrecision(6)}`,
      `m < ${MIN_WIDE} (recorded, not a failure: λ_min(H(0)) can be ~0): max ratio ${Number.isNaN(maxNarrow) ? 'n/a' : maxNarrow.toPrecision(4)}`,
    ];
    return {
      status: okA && okB ? 'pass' : 'fail',
      observed: {
        maxRatioA: maxA,
        slackA: 1 / maxA,
        maxRatioB: maxB,
        slackB: 1 / maxB,
        maxRatioNarrow: maxNarrow,
        flooredSteps: [...A, ...wide].reduce((s, x) => s + x.floored, 0),
      },
      expected: 'max_k L(k)/((1 − ηλ0/2)^k L(0)) ≤ 1 for run A and every Figure-1 run with m ≥ 100',
      tolerance: { kind: 'bound', side: 'le' },
      note: notes.join('; '),
    };
  },
};
