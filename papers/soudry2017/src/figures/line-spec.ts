import type { FigureRow, VegaLiteSpec } from '@repro/harness';

/** Rows {series, x, y} of one (t, value) series, skipping non-positive values on a log axis and non-finite values. */
export function seriesRows(series: string, xs: readonly number[], ys: readonly number[], logY: boolean): FigureRow[] {
  const out: FigureRow[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y) || x <= 0 || (logY && y <= 0)) continue;
    out.push({ series, x, y });
  }
  return out;
}

/** Line chart, one colour per series; series whose name starts with 'reference' are drawn dashed grey. */
export function lineSpec(opts: { title: string; xTitle: string; yTitle: string; logX: boolean; logY: boolean }): (rows: readonly FigureRow[]) => VegaLiteSpec {
  return (rows) => {
    const x = { field: 'x', type: 'quantitative', title: opts.xTitle, scale: opts.logX ? { type: 'log' } : { zero: false }, ...(opts.logX ? { axis: { format: '.0e' } } : {}) };
    const y = { field: 'y', type: 'quantitative', title: opts.yTitle, scale: opts.logY ? { type: 'log' } : { zero: false }, ...(opts.logY ? { axis: { format: '.0e' } } : {}) };
    return {
      title: opts.title,
      width: 480,
      height: 300,
      data: { values: rows },
      layer: [
        {
          transform: [{ filter: "indexof(datum.series, 'reference') !== 0" }],
          mark: { type: 'line', strokeWidth: 2 },
          encoding: { x, y, color: { field: 'series', type: 'nominal', title: null } },
        },
        {
          transform: [{ filter: "indexof(datum.series, 'reference') === 0" }],
          mark: { type: 'line', strokeDash: [6, 4], color: '#444', strokeWidth: 1.5 },
          encoding: { x, y, detail: { field: 'series' } },
        },
      ],
    };
  };
}

/** Separator lines through the origin, perpendicular to w, as rows {kind: 'line', series, x, y, order}. */
export function separatorRows(series: string, w: readonly number[], half: number): FigureRow[] {
  const n = Math.hypot(w[0] as number, w[1] as number);
  const dx = -(w[1] as number) / n;
  const dy = (w[0] as number) / n;
  return [
    { kind: 'line', series, x: -half * dx, y: -half * dy, order: 0 },
    { kind: 'line', series, x: half * dx, y: half * dy, order: 1 },
  ];
}

/** Scatter of labelled points plus separator lines (Figure 1A / 2A style). */
export function dataPanelSpec(title: string): (rows: readonly FigureRow[]) => VegaLiteSpec {
  return (rows) => ({
    title,
    width: 400,
    height: 400,
    data: { values: rows },
    layer: [
      {
        transform: [{ filter: "datum.kind === 'point'" }],
        mark: { type: 'point', filled: false, size: 60 },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: 'x₁' },
          y: { field: 'y', type: 'quantitative', title: 'x₂' },
          shape: { field: 'series', type: 'nominal', title: 'class' },
          color: { value: '#333' },
        },
      },
      {
        transform: [{ filter: "datum.kind === 'line'" }],
        mark: { type: 'line', strokeWidth: 1.75 },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'y', type: 'quantitative' },
          order: { field: 'order' },
          color: { field: 'series', type: 'nominal', title: 'separator' },
          strokeDash: { field: 'series', type: 'nominal', legend: null },
        },
      },
    ],
  });
}
