import type { Claim } from '@repro/harness';
import type { Soudry2017Config } from '../config.js';
import type { Soudry2017Trace } from '../trace.js';
import { assertFinite, decadeSups, first, fmt } from './select.js';

/** Card: 1 − cos(T) < 1e-3 in every run. */
const ANGLE_BOUND = 1e-3;

export const indepClaim: Claim<Soudry2017Config, Soudry2017Trace> = {
  id: 'soudry2017.indep',
  source: 'Theorem 3 (any w(0), any admissible η), arXiv:1710.10345',
  statement: 'The limit direction of GD depends neither on the initialization nor on the step size.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['indep'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const ind = first(traces, 'indep');
    assertFinite(ind.runs);
    let worst = 0;
    let notDecreasing = 0;
    const notes: string[] = [];
    for (const r of ind.runs) {
      const T = r.t[r.t.length - 1] as number;
      const a = r.angleGap[r.angleGap.length - 1] as number;
      worst = Math.max(worst, a);
      // decreasing: the sup over the last decade below the sup over the decade before it
      const s = decadeSups(r.t, r.angleGap, T / 100, T);
      const dec = s.length === 2 && (s[1] as { sup: number }).sup < (s[0] as { sup: number }).sup;
      if (!dec) notDecreasing++;
      notes.push(`${r.label}: ${fmt(a, 3)}${dec ? '' : ' (not decreasing)'}`);
    }
    const ok = worst < ANGLE_BOUND && notDecreasing === 0;
    return {
      status: ok ? 'pass' : 'fail',
      observed: { runs: ind.runs.length, worstAngleGapAtT: worst, bound: ANGLE_BOUND, slack: ANGLE_BOUND / worst, runsNotDecreasing: notDecreasing },
      expected: `1 − cos(w(T), ŵ) < ${ANGLE_BOUND} in every run, and its sup over the last decade below that over the decade before`,
      tolerance: { kind: 'bound', side: 'le' },
      note: notes.join('; '),
    };
  },
};
