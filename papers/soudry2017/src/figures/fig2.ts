import type { Figure, FigureRow } from '@repro/harness';
import type { Soudry2017Config } from '../config.js';
import type { Soudry2017Trace, Soudry2017Experiment } from '../trace.js';
import { first } from '../claims/select.js';
import { dataPanelSpec, lineSpec, separatorRows, seriesRows } from './line-spec.js';

type F = Figure<Soudry2017Config, Soudry2017Trace, Soudry2017Experiment>;
const CAP = 'Figure-1 data with the second coordinate ×20 (recalled, unverified; NOTES.md §7). ADAM β = (0.9, 0.999), ε = 1e-8 at each lr; GD at η = 0.9·8/σ²_max. w(0) = 0, logistic loss, float64.';

export const fig2a: F = {
  id: 'soudry2017.fig2a',
  title: 'Figure 2(A): ×20 data, max-margin separator, GD and ADAM separators at T',
  caption: CAP,
  profiles: ['smoke', 'paper'],
  needs: ['adam'],
  claims: ['soudry2017.adam'],
  data(traces) {
    const a = first(traces, 'adam');
    const rows: FigureRow[] = [];
    for (let n = 0; n < a.y.length; n++) rows.push({ kind: 'point', series: (a.y[n] as number) > 0 ? 'y = +1' : 'y = −1', x: a.X[2 * n] as number, y: a.X[2 * n + 1] as number });
    const half = Math.max(...a.X.map(Math.abs));
    rows.push(...separatorRows('max margin (SVM)', a.svm.wHat, half));
    for (const r of a.runs) rows.push(...separatorRows(r.label, r.w[r.w.length - 1] as number[], half));
    return rows;
  },
  spec: dataPanelSpec('Figure 2(A): ×20 data and separators'),
};

export const fig2b: F = {
  id: 'soudry2017.fig2b',
  title: 'Figure 2(B): angle gap of ADAM vs GD',
  caption: CAP,
  profiles: ['smoke', 'paper'],
  needs: ['adam'],
  claims: ['soudry2017.adam'],
  data(traces) {
    return first(traces, 'adam').runs.flatMap((r) => seriesRows(r.label, r.t, r.angleGap, true));
  },
  spec: lineSpec({ title: 'Figure 2(B): 1 − cos(w(t), ŵ)', xTitle: 't (iterations)', yTitle: '1 − cos(w(t), ŵ)', logX: true, logY: true }),
};

export const figE: F = {
  id: 'soudry2017.figE',
  title: 'Figure E (App. E): SGD vs GD angle gap on the Figure-1 data',
  caption: 'Per-sample SGD (batch 1, reshuffled epochs, η = 1/σ_max; t = epochs) and full-batch GD (t = iterations), logistic loss, w(0) = 0.',
  profiles: ['smoke', 'paper'],
  needs: ['sgd', 'fig1'],
  claims: ['soudry2017.sgd'],
  data(traces) {
    const s = first(traces, 'sgd');
    const g = first(traces, 'fig1').runs[0];
    return [...seriesRows('SGD (batch 1)', s.run.t, s.run.angleGap, true), ...(g === undefined ? [] : seriesRows('GD', g.t, g.angleGap, true))];
  },
  spec: lineSpec({ title: 'Figure E: 1 − cos(w, ŵ)', xTitle: 't (epochs / iterations)', yTitle: '1 − cos(w, ŵ)', logX: true, logY: true }),
};
