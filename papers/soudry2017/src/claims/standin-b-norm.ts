import { allOf, checkBand, checkCondition } from '@repro/harness';
import { first, fmt, valueAt, type SoudryClaim } from './select.js';

/**
 * Stand-in B [NOTES.md §8 item 2]: r = (‖W₃(T)‖ − ‖W₃(T/10)‖)/(‖W₃(T/10)‖ − ‖W₃(T/100)‖) — ln t growth gives 1, the
 * homogeneous-net (ln t)^{1/3} growth less, a polynomial tail about 10^{1/3} = 2.15. Pass r ≤ 1.1, fail r ≥ 1.5,
 * inconclusive between; fail also when the last layer does not grow over the last decade.
 */
const PASS_MAX = 1.1;
const FAIL_MIN = 1.5;

export const standinBNorm: SoudryClaim = {
  id: 'soudry2017.standinB-norm',
  source: 'Figure 3 / Table 1 (last-layer norm ≈ ln t), arXiv:1710.10345 App. D; CPU stand-in B (NOTES.md §8)',
  statement: 'Stand-in for Figure 3 with every layer trained: the last layer’s norm keeps growing, at most logarithmically (its increment over the last decade of steps is not larger than over the one before).',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['standinB'],
  catches: ['poly-tail'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness); replicates: perReplicate
  check(traces) {
    const s = first(traces, 'standinB');
    if (s.diverged !== null) throw new Error(`training diverged at step ${s.diverged.step}: ${s.diverged.reason}`);
    const n = s.anchors.map((t) => valueAt(s.step, s.normLast, t)) as [number, number, number];
    const d1 = n[1] - n[0];
    const d2 = n[2] - n[1];
    return {
      ...allOf(
        {
          growing: checkCondition(d2 > 0, { lastDecadeIncrement: d2 }, '‖W₃‖ grows over the last decade [T/10, T]', `‖W₃‖ did not grow over the last decade (${fmt(d2)})`),
          atMostLog: checkBand(d1 > 0 ? d2 / d1 : Number.POSITIVE_INFINITY, PASS_MAX, FAIL_MIN, 'increment of ‖W₃‖ over [T/10, T] / its increment over [T/100, T/10]'),
        },
        { normAtT100: n[0], normAtT10: n[1], normAtT: n[2] },
      ),
      note: `‖W₃‖ at steps ${s.anchors.join(', ')}: ${n.map((x) => fmt(x)).join(', ')}`,
    };
  },
};
