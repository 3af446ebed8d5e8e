import { meanSd } from '@repro/concentration';
import type { FigureRow, VegaLiteSpec } from '@repro/harness';
import { fig1RunsAll } from '../claims/select.js';
import type { Du2019Trace, Fig1Run, Fig1Trace } from '../trace.js';

/** Lower clip for log-scale bands: the float32 floor of L(k)/L(0) [NOTES.md §6]. */
const LOG_FLOOR = 1e-13;

/**
 * Rows {width, epoch, mean, lo, hi} of a per-epoch series aggregated over seeds (mean ± 1 sd band), for one Figure-1 panel.
 * With `logScale`, the line is the geometric mean and the band ± 1 sd of log10 y, clipped at the float32 floor.
 */
export function seriesRows(
  traces: readonly Du2019Trace[],
  pick: (run: Fig1Run, tr: Fig1Trace) => readonly { x: number; y: number }[],
  logScale: boolean,
): FigureRow[] {
  const groups = new Map<number, { x: number; y: number }[][]>();
  for (const { tr, run } of fig1RunsAll(traces)) {
    const list = groups.get(run.m) ?? [];
    list.push([...pick(run, tr)]);
    groups.set(run.m, list);
  }
  const rows: FigureRow[] = [];
  const clip = (v: number): number => (logScale ? Math.max(v, LOG_FLOOR) : v);
  for (const [m, seriesList] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    const len = Math.min(...seriesList.map((s) => s.length));
    for (let i = 0; i < len; i++) {
      const x = (seriesList[0]?.[i] as { x: number }).x;
      if (logScale) {
        // On a log axis the band is mean ± 1 sd of log10 y (a geometric band): an arithmetic mean − sd goes negative.
        const logs = seriesList.map((s) => Math.log10(clip((s[i] as { y: number }).y))).filter(Number.isFinite);
        if (logs.length === 0) continue;
        const { mean, sd } = meanSd(logs);
        rows.push({ series: `m = ${m}`, width: m, epoch: x, mean: clip(10 ** mean), lo: clip(10 ** (mean - sd)), hi: clip(10 ** (mean + sd)) });
        continue;
      }
      const ys = seriesList.map((s) => (s[i] as { y: number }).y).filter(Number.isFinite);
      if (ys.length === 0) continue;
      const { mean, sd } = meanSd(ys);
      rows.push({ series: `m = ${m}`, width: m, epoch: x, mean, lo: mean - sd, hi: mean + sd });
    }
  }
  return rows;
}

/** A line-with-band Vega-Lite spec: one colour per width, optional dashed reference series, log or linear y. */
export function bandSpec(opts: { title: string; yTitle: string; logScale: boolean; xTitle?: string }): (rows: readonly FigureRow[]) => VegaLiteSpec {
  return (rows) => {
    const y = {
      field: 'mean',
      type: 'quantitative',
      title: opts.yTitle,
      scale: opts.logScale ? { type: 'log' } : { zero: true },
      ...(opts.logScale ? { axis: { format: '.0e' } } : {}),
    };
    const color = { field: 'series', type: 'nominal', title: 'width', sort: { field: 'width' } };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: opts.title,
      width: 480,
      height: 300,
      data: { values: rows },
      encoding: { x: { field: 'epoch', type: 'quantitative', title: opts.xTitle ?? 'epoch' } },
      layer: [
        {
          transform: [{ filter: "datum.series !== 'reference'" }],
          mark: { type: 'area', opacity: 0.18 },
          encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color },
        },
        {
          transform: [{ filter: "datum.series !== 'reference'" }],
          mark: { type: 'line', strokeWidth: 2 },
          encoding: { y, color },
        },
        {
          transform: [{ filter: "datum.series === 'reference'" }],
          mark: { type: 'line', strokeDash: [6, 4], color: '#444', strokeWidth: 1.5 },
          encoding: { y },
        },
      ],
    };
  };
}
