import type { Du2019Figure } from '../claims/select.js';
import { bandSpec, seriesRows } from './fig1-series.js';

export const fig1dGramEigenvalueFigure: Du2019Figure = {
  id: 'du2019.fig1d',
  title: 'Panel (d), not in the paper: λ_min(H(k))/λ0 vs epoch',
  caption: 'Smallest eigenvalue of the time-varying Gram matrix H(k) (float64 eigen-solve) relative to λ0 = λ_min(H∞), seed mean ± 1 sd. The mechanism behind Lemmas 3.2–3.4: wide nets keep H(k) near H∞.',
  profiles: ['smoke', 'paper'],
  needs: ['fig1'],
  claims: ['du2019.lem3.4', 'du2019.rem3.1'],
  data: (traces) => seriesRows(traces, (run, tr) => run.lambdaMinH.map((p) => ({ x: p.step, y: p.value / tr.lambda0 })), false),
  spec: bandSpec({ title: 'Smallest eigenvalue of H(k)', yTitle: 'λ_min(H(k)) / λ0', logScale: false }),
};
