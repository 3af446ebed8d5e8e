import type { Claim } from '@repro/harness';
import type { Soudry2017Config } from '../config.js';
import type { Soudry2017Trace } from '../trace.js';
import { decades, first, fmt, last, valueAt } from './select.js';

export const standinAValLoss: Claim<Soudry2017Config, Soudry2017Trace> = {
  id: 'soudry2017.standinA-val-loss',
  source: 'Figure 3 (validation loss eventually increasing), arXiv:1710.10345; CPU stand-in A of the paper card',
  statement: 'Stand-in for Figure 3: after its minimum the validation loss keeps increasing while the training loss still falls (validation error reported only).',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['standin'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const s = first(traces, 'standin');
    let iMin = 0;
    for (let i = 1; i < s.valLoss.length; i++) if ((s.valLoss[i] as number) < (s.valLoss[iMin] as number)) iMin = i;
    const tMin = s.t[iMin] as number;
    const T = last(s.t);
    // Decades after the minimum (plus T): the validation loss must rise from each to the next.
    const pts = [tMin, ...decades(tMin * 1.0000001, T)];
    if (pts[pts.length - 1] !== T) pts.push(T);
    const vals = pts.map((t) => valueAt(s.t, s.valLoss, t));
    let drops = 0;
    for (let i = 1; i < vals.length; i++) if (!((vals[i] as number) > (vals[i - 1] as number))) drops++;
    const ok = iMin < s.t.length - 1 && drops === 0 && vals.length >= 3;
    return {
      status: ok ? 'pass' : 'fail',
      observed: { valLossMin: s.valLoss[iMin] as number, tAtMin: tMin, valLossAtT: last(s.valLoss), decadesNotRising: drops, valErrorAtMin: s.valError[iMin] as number, valErrorAtT: last(s.valError) },
      expected: 'the mean validation loss rises from its minimum at every later decade up to T (and the minimum is not at T)',
      tolerance: { kind: 'bound', side: 'ge' },
      note: `validation loss at ${pts.map((t) => t.toExponential(1)).join(', ')}: ${vals.map((x) => fmt(x)).join(', ')}; validation error ${fmt(s.valError[iMin] as number, 3)} at the minimum → ${fmt(last(s.valError), 3)} at T (reported)`,
    };
  },
};
