import { allOf, checkAllClose, checkCondition } from '@repro/harness';
import { norm } from '../model/geometry.js';
import { assertFinite, decadeSups, first, fmt, increases, valueAt, type SoudryClaim } from './select.js';

/** [NOTES.md §5] t·L within rtol 5e-3 of ‖ŵ‖²(1−γ)/η at 10⁶ (asymmetric data, γ = 0.9, η = 0.1). */
const RTOL = 5e-3;
const AT = 1e6;

export const momentumClaim: SoudryClaim = {
  id: 'soudry2017.momentum',
  source: 'Figure 1 (GDMO) and §5, arXiv:1710.10345',
  statement: 'GD with (heavy-ball) momentum keeps the implicit bias: it behaves like GD with step η/(1−γ), so t·L → ‖ŵ‖²(1−γ)/η and the direction converges to ŵ.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['asym'],
  catches: ['mean-loss'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const a = first(traces, 'asym');
    const r = a.runs[2];
    if (r === undefined) throw new Error('asym has no GDMO run');
    assertFinite([r]);
    const target = (norm(a.svm.wHat) ** 2 * (1 - a.gamma)) / a.eta;
    const tL = AT * valueAt(r.t, r.L, AT);
    const s = decadeSups(r.t, r.dirGap, 100, AT);
    const inc = increases(s.map((x) => x.sup));
    return {
      ...allOf(
        {
          tL: checkAllClose(tL, target, RTOL, 0),
          direction: checkCondition(inc.count === 0, { decadeIncreases: inc.count }, 'per-decade sup of the direction gap decreasing from 10² on'),
        },
        { tL, target, dirGapAtT: valueAt(r.t, r.dirGap, AT) },
      ),
      note: `direction-gap decade sups: ${s.map((x) => fmt(x.sup, 3)).join(', ')}`,
    };
  },
};
