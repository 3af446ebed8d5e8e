import type { FigureRow } from '@repro/harness';
import { need, type Du2019Figure } from '../claims/select.js';
import { bandSpec, seriesRows } from './fig1-series.js';

export const fig1aConvergenceFigure: Du2019Figure = {
  id: 'du2019.fig1a',
  title: 'Figure 1(a): training loss L(k)/L(0) vs epoch',
  caption:
    'Full-batch GD on W (a fixed), n = d points on the sphere, η = 0.5/λ_max(H∞). Lines: geometric mean over seeds; bands: ± 1 sd of log10 L(k)/L(0) over seeds. Dashed: the Theorem 4.1 rate (1 − ηλ0/2)^k. Log scale, clipped at the float32 floor 1e-13.',
  profiles: ['smoke', 'paper'],
  needs: ['fig1'],
  claims: ['du2019.fig1a', 'du2019.thm4.1', 'du2019.intro.rate'],
  data(traces) {
    const rows = seriesRows(traces, (run) => run.loss.map((L, k) => ({ x: k, y: L / (run.loss[0] as number) })), true);
    const tr = need(traces, 'fig1')[0];
    if (tr !== undefined) {
      const c = 1 - (tr.eta * tr.lambda0) / 2;
      const K = Math.max(...tr.runs.map((r) => r.loss.length - 1));
      for (let k = 0; k <= K; k++) rows.push({ series: 'reference', width: Number.NaN, epoch: k, mean: c ** k, lo: null, hi: null } satisfies FigureRow);
    }
    return rows;
  },
  spec: bandSpec({ title: 'Training loss (normalized)', yTitle: 'L(k) / L(0)', logScale: true }),
};
