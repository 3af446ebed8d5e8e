import { allOf, checkAllClose, checkBound, checkCondition } from '@repro/harness';
import { logLogSlope } from '@repro/concentration';
import { norm } from '../model/geometry.js';
import { assertFinite, decades, first, fmt, valueAt, type SoudryClaim } from './select.js';

/** [NOTES.md §5] asymmetric data, t·L within rtol 1e-3 of ‖ŵ‖²/η at 10⁶. */
const ASYM_RTOL = 1e-3;
const ASYM_AT = 1e6;
/** [NOTES.md §5] on the Figure-1 data t·L within 10% of ‖ŵ‖²/η at T (slow: θ ≈ 1.1), approached monotonically. */
const FIG1_REL = 0.1;

export const lossRate: SoudryClaim = {
  id: 'soudry2017.loss-rate',
  source: 'Theorem 3 (loss rate), arXiv:1710.10345; constant derived in NOTES.md §2',
  statement: 'The training loss decays like 1/t; under Theorem 4 t·L(t) tends to ‖ŵ‖²/η.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['asym', 'fig1'],
  catches: ['mean-loss', 'poly-tail'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const a = first(traces, 'asym');
    const gd = a.runs[0];
    if (gd === undefined) throw new Error('asym has no GD run');
    assertFinite([gd]);
    const target = norm(a.svm.wHat) ** 2 / a.eta;
    const tL = ASYM_AT * valueAt(gd.t, gd.L, ASYM_AT);
    const f = first(traces, 'fig1');
    const fr = f.runs[0];
    if (fr === undefined) throw new Error('fig1 has no GD run');
    assertFinite([fr]);
    const T = fr.t[fr.t.length - 1] as number;
    const fTarget = norm(f.svm.wHat) ** 2 / f.eta;
    const ftl = decades(10, T).map((t) => t * valueAt(fr.t, fr.L, t));
    const fRel = Math.abs((ftl[ftl.length - 1] as number) - fTarget) / fTarget;
    let nonMonotone = 0;
    for (let i = 1; i < ftl.length; i++) if (!(Math.abs((ftl[i] as number) - fTarget) < Math.abs((ftl[i - 1] as number) - fTarget))) nonMonotone++;
    const tail = fr.t.map((t, i) => ({ t, L: fr.L[i] as number })).filter(({ t }) => t >= T / 100);
    const slope = logLogSlope(
      tail.map((x) => x.t),
      tail.map((x) => x.L),
    );
    return {
      ...allOf(
        {
          asym: checkAllClose(tL, target, ASYM_RTOL, 0),
          fig1: checkBound(fRel, FIG1_REL, 'le'),
          fig1Monotone: checkCondition(nonMonotone === 0, { nonMonotoneDecades: nonMonotone }, 'Figure-1 |t·L − ‖ŵ‖²/η| shrinking from each power of ten to the next'),
        },
        { asymTL: tL, asymTarget: target, fig1TL: ftl[ftl.length - 1] as number, fig1Target: fTarget, fig1LossSlope: slope.slope },
      ),
      note: `Figure-1 t·L at 10^k: ${ftl.map((x) => fmt(x)).join(', ')} → ${fmt(fTarget)}; log-log slope of L over [T/100, T] = ${fmt(slope.slope)} (reported)`,
    };
  },
};
