import { checkBound, type Claim } from '@repro/harness';
import type { Soudry2017Config } from '../config.js';
import type { Soudry2017Trace } from '../trace.js';
import { assertFinite, first, last } from './select.js';

/** Card: 1 − cos < 1e-4 at the last epoch. */
const ANGLE_BOUND = 1e-4;

export const sgdClaim: Claim<Soudry2017Config, Soudry2017Trace> = {
  id: 'soudry2017.sgd',
  source: 'Appendix E, arXiv:1710.10345',
  statement: 'Per-sample SGD on separable data also converges in direction to the max-margin separator.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['sgd'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const s = first(traces, 'sgd');
    assertFinite([s.run]);
    const a = last(s.run.angleGap);
    const v = checkBound(a, ANGLE_BOUND, 'le');
    return { ...v, observed: { ...v.observed, epochs: last(s.run.t), normW: last(s.run.normW) }, expected: `1 − cos(w, ŵ) ≤ ${ANGLE_BOUND} after the last epoch (batch 1, reshuffled epochs)` };
  },
};
