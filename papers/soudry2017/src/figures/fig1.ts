import type { Figure, FigureRow } from '@repro/harness';
import type { Soudry2017Config } from '../config.js';
import type { Soudry2017Trace, Soudry2017Experiment } from '../trace.js';
import { first } from '../claims/select.js';
import { dataPanelSpec, lineSpec, separatorRows, seriesRows } from './line-spec.js';

type F = Figure<Soudry2017Config, Soudry2017Trace, Soudry2017Experiment>;
const CAP = 'Figure-1 data (6 random points per class off the margin, seeded), logistic loss, w(0) = 0, η = 1/σ_max. GD; GDMO = heavy ball with γ = 0.9 at the paper step η (overshoots and freezes; NOTES.md §4) and at η(1−γ). Log-spaced recording, plain float64.';

export const fig1a: F = {
  id: 'soudry2017.fig1a',
  title: 'Figure 1(A): data, max-margin separator and the GD separator at T',
  caption: `${CAP} Black-ish line: the L2 max-margin separator (hard-margin SVM); the others: the separators ⟂ w(T).`,
  profiles: ['smoke', 'paper'],
  needs: ['fig1'],
  claims: ['soudry2017.lemma1', 'soudry2017.thm3-direction'],
  data(traces) {
    const f = first(traces, 'fig1');
    const rows: FigureRow[] = [];
    for (let n = 0; n < f.y.length; n++) rows.push({ kind: 'point', series: (f.y[n] as number) > 0 ? 'y = +1' : 'y = −1', x: f.X[2 * n] as number, y: f.X[2 * n + 1] as number });
    rows.push(...separatorRows('max margin (SVM)', f.svm.wHat, 3));
    for (const r of f.runs.slice(0, 1)) rows.push(...separatorRows(`${r.label} at t = ${r.t[r.t.length - 1]}`, r.w[r.w.length - 1] as number[], 3));
    return rows;
  },
  spec: dataPanelSpec('Figure 1(A): data and separators'),
};

function panel(id: string, title: string, yTitle: string, logY: boolean, pick: (r: NonNullable<Soudry2017Trace['fig1']>['runs'][number]) => number[], ref?: 'inv-t'): F {
  return {
    id,
    title,
    caption: CAP + (ref === 'inv-t' ? ' Dashed: reference slope −1 (‖ŵ‖²/(ηt)).' : ''),
    profiles: ['smoke', 'paper'],
    needs: ['fig1'],
    data(traces) {
      const f = first(traces, 'fig1');
      const rows = f.runs.flatMap((r) => seriesRows(r.label, r.t, pick(r), logY));
      if (ref === 'inv-t') {
        const c = (f.svm.wHat[0] as number) ** 2 + (f.svm.wHat[1] as number) ** 2;
        const ts = f.runs[0]?.t ?? [];
        rows.push(...seriesRows('reference ‖ŵ‖²/(ηt)', ts, ts.map((t) => c / (f.eta * t)), logY));
      }
      return rows;
    },
    spec: lineSpec({ title, xTitle: 't (iterations)', yTitle, logX: true, logY }),
  };
}

export const fig1b: F = { ...panel('soudry2017.fig1b', 'Figure 1(B): normalized weight norm', '‖w(t)‖ / ‖w(T)‖', false, (r) => r.normW.map((x) => x / (r.normW[r.normW.length - 1] as number))), claims: ['soudry2017.thm3-norm'] };
export const fig1c: F = { ...panel('soudry2017.fig1c', 'Figure 1(C): training loss', 'L(w(t))', true, (r) => r.L, 'inv-t'), claims: ['soudry2017.loss-rate', 'soudry2017.lemma1'] };
export const fig1d: F = { ...panel('soudry2017.fig1d', 'Figure 1(D): angle gap', '1 − cos(w(t), ŵ)', false, (r) => r.angleGap), claims: ['soudry2017.thm3-direction', 'soudry2017.momentum'] };
export const fig1e: F = { ...panel('soudry2017.fig1e', 'Figure 1(E): margin gap', '1/‖ŵ‖ − min_n z_nᵀw/‖w‖', false, (r) => r.marginGap), claims: ['soudry2017.thm3-direction'] };
