import type { Figure } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { bandSpec, seriesRows } from './fig1-series.js';

export const fig1dGramEigenvalueFigure: Figure<Du2019Config, Du2019Trace> = {
  id: 'du2019.fig1d',
  title: 'Panel (d), not in the paper: λ_min(H(k))/λ0 vs epoch',
  caption: 'Smallest eigenvalue of the time-varying Gram matrix H(k) (float64 eigen-solve) relative to λ0 = λ_min(H∞), seed mean ± 1 sd. The mechanism behind Lemmas 3.2–3.4: wide nets keep H(k) near H∞.',
  profiles: ['smoke', 'paper'],
  needs: ['fig1'],
  data: (traces) => seriesRows(traces, (run, tr) => run.lambdaMinH.map((p) => ({ x: p.step, y: p.value / tr.lambda0 })), false),
  spec: bandSpec({ title: 'Smallest eigenvalue of H(k)', yTitle: 'λ_min(H(k)) / λ0', logScale: false }),
};
