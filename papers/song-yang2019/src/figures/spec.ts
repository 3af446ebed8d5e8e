import type { FigureRow, VegaLiteSpec } from '@repro/harness';

/**
 * Rows {series, kind: 'measured' | 'bound', x, y, lo?, hi?} as a layered Vega-Lite chart: measured series as points + lines
 * with an optional lo–hi band, bounds/theory as dashed lines; log axes on request.
 */
export function lineSpec(opts: { title: string; xTitle: string; yTitle: string; logX: boolean; logY: boolean }): (rows: readonly FigureRow[]) => VegaLiteSpec {
  return (rows) => {
    const x = { field: 'x', type: 'quantitative', title: opts.xTitle, scale: opts.logX ? { type: 'log' } : { zero: false } };
    const y = { field: 'y', type: 'quantitative', title: opts.yTitle, scale: opts.logY ? { type: 'log' } : { zero: true } };
    const color = { field: 'series', type: 'nominal', title: null };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: opts.title,
      width: 480,
      height: 300,
      data: { values: rows },
      encoding: { x },
      layer: [
        { transform: [{ filter: "datum.kind === 'measured' && isValid(datum.lo)" }], mark: { type: 'area', opacity: 0.15 }, encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color } },
        { transform: [{ filter: "datum.kind === 'measured'" }], mark: { type: 'line', point: true, strokeWidth: 2 }, encoding: { y, color } },
        { transform: [{ filter: "datum.kind === 'bound'" }], mark: { type: 'line', strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { y, color } },
      ],
    };
  };
}
