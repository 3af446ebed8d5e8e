import type { Claim } from '@repro/harness';
import type { Soudry2017Config } from '../config.js';
import type { Soudry2017Trace } from '../trace.js';
import { assertFinite, first, fmt, indexAt } from './select.js';

/** Card: ADAM's 1 − cos stays above 0.1 and does not shrink (ratio at T vs T/10 above 0.5); GD's is below 1e-3 and decreasing. */
const ADAM_FLOOR = 0.1;
const ADAM_RATIO = 0.5;
const GD_BOUND = 1e-3;

export const fig2Adam: Claim<Soudry2017Config, Soudry2017Trace> = {
  id: 'soudry2017.adam',
  source: 'Figure 2, arXiv:1710.10345',
  statement: 'ADAM does not converge to the L2 max-margin direction, while GD on the same data does.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['adam'],
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
    const obs: Record<string, number> = {};
    let ok = true;
    const notes: string[] = [];
    for (const r of adams) {
      const gT = at(r, T);
      const ratio = gT / at(r, T10);
      obs[`adam_lr${r.eta}_angleGap`] = gT;
      obs[`adam_lr${r.eta}_ratioTvsT10`] = ratio;
      if (!(gT > ADAM_FLOOR && ratio > ADAM_RATIO)) ok = false;
      const w = r.w[r.w.length - 1] as number[];
      const n = Math.hypot(...w);
      notes.push(`ADAM lr ${r.eta}: direction (${w.map((x) => fmt(x / n, 3)).join(', ')}), min margin ${fmt(r.minMargin[r.minMargin.length - 1] as number, 3)}`);
    }
    const gT = at(gd, T);
    const g10 = at(gd, T10);
    obs.gdAngleGap = gT;
    obs.gdAngleGapAtT10 = g10;
    if (!(gT < GD_BOUND && gT < g10)) ok = false;
    const h = Math.hypot(...a.svm.wHat);
    notes.push(`SVM direction (${a.svm.wHat.map((x) => fmt(x / h, 3)).join(', ')})`);
    return {
      status: ok ? 'pass' : 'fail',
      observed: obs,
      expected: `ADAM: 1 − cos(w(T), ŵ) > ${ADAM_FLOOR} and (1 − cos)(T)/(1 − cos)(T/10) > ${ADAM_RATIO} for every lr; GD: 1 − cos < ${GD_BOUND} and decreasing (T = ${T})`,
      tolerance: { kind: 'bound', side: 'ge' },
      note: notes.join('; '),
    };
  },
};
