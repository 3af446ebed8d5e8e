import type { Du2019Figure } from '../claims/select.js';
import { bandSpec, seriesRows } from './fig1-series.js';

export const fig1cDistanceFigure: Du2019Figure = {
  id: 'du2019.fig1c',
  title: 'Figure 1(c): maximum distance from initialization vs epoch',
  caption: 'max_r ‖w_r(k) − w_r(0)‖₂, seed mean ± 1 sd; same runs as panel (a).',
  profiles: ['smoke', 'paper'],
  needs: ['fig1'],
  claims: ['du2019.fig1c', 'du2019.cor4.1', 'du2019.lem3.3'],
  data: (traces) => seriesRows(traces, (run) => run.maxDistance.map((y, k) => ({ x: k, y })), false),
  spec: bandSpec({ title: 'Distance from initialization', yTitle: 'max_r ‖w_r(k) − w_r(0)‖', logScale: false }),
};
