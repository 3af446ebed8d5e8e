import type { Figure, FigureRow, VegaLiteSpec } from '@repro/harness';
import { fig2Points, perCurve } from '../claims/select.js';
import type { Nm20Config } from '../config.js';
import type { Fig2Point, Nm20Experiment, Nm20Trace } from '../trace.js';

function rows(points: readonly Fig2Point[], pick?: (p: Fig2Point) => number): FigureRow[] {
  return perCurve(points, pick)
    .flat()
    .map((s, i) => ({ series: s.curve, order: i, x: s.x, mean: s.mean, lo: s.mean - s.sd, hi: s.mean + s.sd, trials: s.n }));
}

function bandSpec(title: string, xTitle: string, yTitle: string): (rows: readonly FigureRow[]) => VegaLiteSpec {
  return (data) => {
    const color = { field: 'series', type: 'nominal', title: 'curve', sort: { field: 'order' } };
    const y = { field: 'mean', type: 'quantitative', title: yTitle, scale: { zero: true } };
    const solid = { filter: "indexof(datum.series, 'limit') < 0" };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title,
      width: 480,
      height: 300,
      data: { values: data },
      encoding: { x: { field: 'x', type: 'quantitative', title: xTitle } },
      layer: [
        { transform: [solid], mark: { type: 'area', opacity: 0.2 }, encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color } },
        { transform: [solid], mark: { type: 'line', point: true, strokeWidth: 2 }, encoding: { y, color } },
        {
          transform: [{ filter: "indexof(datum.series, 'limit') >= 0" }],
          mark: { type: 'line', strokeDash: [6, 4], strokeWidth: 1.5 },
          encoding: { y, color },
        },
      ],
    };
  };
}

export const fig2RightFigure: Figure<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nmm21.fig2-right',
  title: 'NMM21 Figure 2 (right): λ_min(K̄) vs N, He init, n_1 = 8N, L = 3',
  caption: 'Unnormalized λ_min of the empirical NTK Gram (float32 layer decomposition, float64 Lanczos), x ~ N(0, I_d), one curve per (d, n_2), trial mean ± 1 sd.',
  profiles: ['smoke', 'paper'],
  needs: ['fig2R'],
  claims: ['nmm21.thm4.1-lambda-min-linear-N', 'nmm21.fig2-order', 'nmm21.thm4.1-orders', 'nmm21.thm4.1-sandwich'],
  data: (traces) => rows(fig2Points(traces, 'fig2R')),
  spec: bandSpec('λ_min of the NTK vs N (He init, n1 = 8N)', 'N (samples)', 'λ_min(K̄)'),
};

export const fig2LeftFigure: Figure<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nmm21.fig2-left',
  title: 'NMM21 Figure 2 (left): λ_min(4K̄/(n_1n_2)) vs d, N(0,1) weights, L = 3',
  caption:
    'λ_min of the normalized empirical NTK Gram, one curve per (N, n_1, n_2), trial mean ± 1 sd; dashed: λ_min(K^{(3)}) of the closed-form limit on trial 0 of each point (repo overlay, not in the paper).',
  profiles: ['smoke', 'paper'],
  needs: ['fig2L'],
  claims: ['nmm21.fig2L-linear-d', 'nmm21.fig2-order', 'nmm21.thm4.1-sandwich'],
  data: (traces) => {
    const pts = fig2Points(traces, 'fig2L');
    const limit = pts.filter((p) => Number.isFinite(p.limitLambdaMin)).map((p) => ({ ...p, curve: `${p.curve} (limit)` }));
    return [...rows(pts), ...rows(limit, (p) => p.limitLambdaMin)];
  },
  spec: bandSpec('λ_min of the normalized NTK vs d (N(0,1) weights)', 'd (input dimension)', 'λ_min(4K̄/(n1 n2))'),
};
