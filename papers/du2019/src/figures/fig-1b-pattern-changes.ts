import type { Du2019Figure } from '../claims/select.js';
import { bandSpec, seriesRows } from './fig1-series.js';

export const fig1bPatternChangesFigure: Du2019Figure = {
  id: 'du2019.fig1b',
  title: 'Figure 1(b): fraction of activation patterns changed vs epoch',
  caption: '(1/(mn)) Σ_i Σ_r 1{1[w_r(0)ᵀx_i ≥ 0] ≠ 1[w_r(k)ᵀx_i ≥ 0]}, seed mean ± 1 sd; same runs as panel (a).',
  profiles: ['smoke', 'paper'],
  needs: ['fig1'],
  claims: ['du2019.fig1b', 'du2019.lem3.2'],
  data: (traces) => seriesRows(traces, (run) => run.patternChange.map((y, k) => ({ x: k, y })), false),
  spec: bandSpec({ title: 'Activation pattern changes', yTitle: 'fraction of (i, r) changed', logScale: false }),
};
