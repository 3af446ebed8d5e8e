import { checkAllClose, type Claim } from '@repro/harness';
import type { Soudry2017Config } from '../config.js';
import { norm } from '../model/geometry.js';
import type { Soudry2017Trace } from '../trace.js';
import { assertFinite, decadeSups, first, fmt, increases, valueAt } from './select.js';

/** Card: t·L within rtol 5e-3 of ‖ŵ‖²(1−γ)/η at 10⁶ (asymmetric data, γ = 0.9, η = 0.1). */
const RTOL = 5e-3;
const AT = 1e6;

export const momentumClaim: Claim<Soudry2017Config, Soudry2017Trace> = {
  id: 'soudry2017.momentum',
  source: 'Figure 1 (GDMO) and §5, arXiv:1710.10345',
  statement: 'GD with (heavy-ball) momentum keeps the implicit bias: it behaves like GD with step η/(1−γ), so t·L → ‖ŵ‖²(1−γ)/η and the direction converges to ŵ.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['asym'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const a = first(traces, 'asym');
    const r = a.runs[2];
    if (r === undefined) throw new Error('asym has no GDMO run');
    assertFinite([r]);
    const target = (norm(a.svm.wHat) ** 2 * (1 - a.gamma)) / a.eta;
    const tL = AT * valueAt(r.t, r.L, AT);
    const v = checkAllClose(tL, target, RTOL, 0);
    const s = decadeSups(r.t, r.dirGap, 100, AT);
    const inc = increases(s.map((x) => x.sup));
    return {
      ...v,
      status: v.status === 'pass' && inc.count === 0 ? 'pass' : 'fail',
      observed: { tL, target, relErr: v.observed.maxRelErr ?? Number.NaN, dirGapAtT: valueAt(r.t, r.dirGap, AT), dirGapDecadeIncreases: inc.count },
      expected: `t·L(10⁶) within rtol ${RTOL} of ‖ŵ‖²(1−γ)/η = ${fmt(target)}; per-decade sup of the direction gap decreasing from 10² on`,
      note: `direction-gap decade sups: ${s.map((x) => fmt(x.sup, 3)).join(', ')}`,
    };
  },
};
