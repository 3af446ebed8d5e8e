import { wilsonInterval } from '@repro/concentration';
import type { Claim } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { need } from './select.js';

const ALPHA = 0.05;

export const lem41FlipCount: Claim<Du2019Config, Du2019Trace> = {
  id: 'du2019.lem4.1',
  source: 'Lemma 4.1, arXiv:1810.02054 (form of the bound from memory; Markov constant derived in the card)',
  statement: 'The number of (neuron, input) pairs whose pattern can flip inside the ball, Σ_i |S_i^⊥|, is at most C·mnR/δ with probability ≥ 1 − δ (C = 2/√(2π) by Markov).',
  evidence: 'unverified',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['lem32'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces, cfg) {
    const t = need(traces, 'lem32')[0];
    if (t === undefined) throw new Error('no lem3.2 trace');
    const claimed = 1 - cfg.delta;
    const observed: Record<string, number> = {};
    let ok = true;
    for (const dim of t.dims)
      dim.radii.forEach((R, ri) => {
        const counts = dim.lem41Count[ri] ?? [];
        const bound = dim.lem41Bound[ri] as number;
        const k = counts.filter((c) => c <= bound).length;
        const [, hi] = wilsonInterval(k, counts.length, ALPHA);
        observed[`freq_d${dim.d}_R${R}`] = k / counts.length;
        observed[`slack_d${dim.d}_R${R}`] = bound / Math.max(...counts);
        ok &&= hi >= claimed;
      });
    return {
      status: ok ? 'pass' : 'fail',
      observed,
      expected: `Σ_i |S_i^⊥| ≤ (2/√(2π))·mnR/δ in a fraction ≥ ${claimed} of draws (Wilson CI not entirely below)`,
      tolerance: { kind: 'probability', claimed, alpha: ALPHA },
      note: 'the R used in the paper’s Section 4 was lost with the display math; checked on the lem3.2 radii',
    };
  },
};
