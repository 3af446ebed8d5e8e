import { allOf, checkCondition } from '@repro/harness';
import { decades, fig1GdRun, fmt, valueAt, type SoudryClaim } from './select.js';

/** Zero training error is required from this iteration on [NOTES.md §5]. */
const SEPARATED_FROM = 10;
/** Relative slack for "L non-increasing" between checkpoints: float64 evaluation of a sum of 16 terms (≪ 1e-12). */
const MONOTONE_RTOL = 1e-12;

export const lemma1Divergence: SoudryClaim = {
  id: 'soudry2017.lemma1',
  source: 'Lemma 1, arXiv:1710.10345',
  statement: 'On separable data GD drives the loss to zero while ‖w(t)‖ and every margin z_nᵀw(t) grow without bound.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['fig1'],
  catches: ['label-flip'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const { run } = fig1GdRun(traces);
    let errors = 0;
    let lossRises = 0;
    for (let i = 0; i < run.t.length; i++) {
      if ((run.t[i] as number) >= SEPARATED_FROM && !((run.minMargin[i] as number) > 0)) errors++;
      if (i > 0 && (run.L[i] as number) > (run.L[i - 1] as number) * (1 + MONOTONE_RTOL)) lossRises++;
    }
    const T = run.t[run.t.length - 1] as number;
    const mm = decades(SEPARATED_FROM, T).map((t) => valueAt(run.t, run.minMargin, t));
    let notRising = 0;
    for (let i = 1; i < mm.length; i++) if (!((mm[i] as number) > (mm[i - 1] as number))) notRising++;
    return {
      ...allOf(
        {
          separated: checkCondition(errors === 0, { checkpointsWithError: errors }, `zero training error at every checkpoint t ≥ ${SEPARATED_FROM}`),
          lossMonotone: checkCondition(lossRises === 0, { lossIncreases: lossRises }, `L(t) non-increasing between checkpoints (relative slack ${MONOTONE_RTOL})`),
          marginRising: checkCondition(notRising === 0, { decadesNotRising: notRising }, `min_n z_nᵀw rising from each power of ten to the next from ${SEPARATED_FROM}`),
        },
        { lossAtT: run.L[run.L.length - 1] as number, normWAtT: run.normW[run.normW.length - 1] as number, minMarginAtT: mm[mm.length - 1] as number },
      ),
      note: `min margin at 10^k: ${mm.map((x) => fmt(x)).join(', ')}`,
    };
  },
};
