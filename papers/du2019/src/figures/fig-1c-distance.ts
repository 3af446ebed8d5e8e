import type { Figure } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { bandSpec, seriesRows } from './fig1-series.js';

export const fig1cDistanceFigure: Figure<Du2019Config, Du2019Trace> = {
  id: 'du2019.fig1c',
  title: 'Figure 1(c): maximum distance from initialization vs epoch',
  caption: 'max_r ‖w_r(k) − w_r(0)‖₂, seed mean ± 1 sd; same runs as panel (a).',
  profiles: ['smoke', 'paper'],
  needs: ['fig1'],
  data: (traces) => seriesRows(traces, (run) => run.maxDistance.map((y, k) => ({ x: k, y })), false),
  spec: bandSpec({ title: 'Distance from initialization', yTitle: 'max_r ‖w_r(k) − w_r(0)‖', logScale: false }),
};
