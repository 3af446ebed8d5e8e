import { allOf, checkBound, checkCondition } from '@repro/harness';
import { assertFinite, first, fmt, indexAt, type SoudryClaim } from './select.js';

/** Card: ADAM's 1 − cos stays above 0.1 and does not shrink (ratio at T vs T/10 above 0.5); GD's is below 1e-3 and decreasing. */
const ADAM_FLOOR = 0.1;
const ADAM_RATIO = 0.5;
const GD_BOUND = 1e-3;

export const fig2Adam: SoudryClaim = {
  id: 'soudry2017.adam',
  source: 'Figure 2, arXiv:1710.10345',
  statement: 'ADAM does not converge to the L2 max-margin direction, while GD on the same data does.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['adam'],
  catches: ['svm-rotated'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const a = first(traces, 'adam');
    assertFinite(a.runs);
    const gd = a.runs[a.runs.length - 1];
    if (gd === undefined) throw new Error('adam has no GD run');
    const T = gd.t[gd.t.length - 1] as number;
    const T10 = gd.t.find((t) => t >= T / 10 - 1e-9) as number;
    const at = (r: (typeof a.runs)[number], t: number): number => r.angleGap[indexAt(r.t, t)] as number;
    const adams = a.runs.slice(0, -1);
    const adamGaps = adams.map((r) => at(r, T));
    const adamRatios = adams.map((r, i) => (adamGaps[i] as number) / at(r, T10));
    const gT = at(gd, T);
    const g10 = at(gd, T10);
    const extra: Record<string, number> = {};
    adams.forEach((r, i) => {
      extra[`adam_lr${r.eta}_angleGap`] = adamGaps[i] as number;
      extra[`adam_lr${r.eta}_ratioTvsT10`] = adamRatios[i] as number;
    });
    const h = Math.hypot(...a.svm.wHat);
    return {
      ...allOf(
        {
          adamFar: checkBound(adamGaps, ADAM_FLOOR, 'ge'),
          adamNotShrinking: checkBound(adamRatios, ADAM_RATIO, 'ge'),
          gdClose: checkBound(gT, GD_BOUND, 'le'),
          gdDecreasing: checkCondition(gT < g10, { gdAngleGap: gT, gdAngleGapAtT10: g10 }, 'GD 1 − cos at T below its value at T/10'),
        },
        extra,
      ),
      note: `${adams.map((r) => {
        const w = r.w[r.w.length - 1] as number[];
        const n = Math.hypot(...w);
        return `ADAM lr ${r.eta}: direction (${w.map((x) => fmt(x / n, 3)).join(', ')})`;
      }).join('; ')}; SVM direction (${a.svm.wHat.map((x) => fmt(x / h, 3)).join(', ')})`,
    };
  },
};
