import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { FigureRow, VegaLiteSpec } from './types.js';

/** Vega-Lite schema the specs are written against (major version of the installed vega-lite). */
const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * Shared look of every figure: 480×300 plotting area, one font, light grid, tableau10 colors, legend on the right.
 * Merged under the spec's own `config` (the spec wins key by key). Log scales are the figure's choice (`scale: {type: 'log'}`).
 */
export const FIGURE_CONFIG: Record<string, unknown> = {
  font: 'Helvetica, Arial, sans-serif',
  view: { continuousWidth: 480, continuousHeight: 300, stroke: '#ccc' },
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridOpacity: 0.35 },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: 'right' },
  title: { fontSize: 14, anchor: 'start' },
  range: { category: { scheme: 'tableau10' } },
  line: { strokeWidth: 1.75 },
  point: { size: 30 },
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Recursive merge of plain objects (arrays and scalars of `over` replace those of `base`). */
function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isPlainObject(b) && isPlainObject(v) ? deepMerge(b, v) : v;
  }
  return out;
}

/**
 * The complete spec written to `<fig-id>.vl.json` and rendered: `$schema`, the harness look merged under the spec's config,
 * and the rows inlined as `data.values` when the spec names no data of its own. Opens as-is in the Vega editor.
 * @example
 * ```ts
 * import { FIGURE_CONFIG, fullSpec } from '@repro/harness';
 *
 * const spec = fullSpec({ mark: 'line', encoding: { x: { field: 'm' }, y: { field: 'loss' } } }, [{ m: 10, loss: 0.5 }]);
 * spec.data; // → { values: [{ m: 10, loss: 0.5 }] }
 * spec.config !== undefined && FIGURE_CONFIG !== undefined; // → true
 * ```
 */
export function fullSpec(spec: VegaLiteSpec, rows: readonly FigureRow[]): VegaLiteSpec {
  const config = isPlainObject(spec.config) ? deepMerge(FIGURE_CONFIG, spec.config) : FIGURE_CONFIG;
  const out: VegaLiteSpec = { $schema: VEGA_LITE_SCHEMA, ...spec, config };
  if (out.data === undefined && out.datasets === undefined) out.data = { values: rows };
  return out;
}

/**
 * Vega-Lite → Vega → SVG string, server-side (vega.View with renderer 'none': no canvas, no DOM). Applies FIGURE_CONFIG.
 * @example
 * ```ts
 * import { renderSvg } from '@repro/harness';
 *
 * const svg = await renderSvg({ data: { values: [{ x: 1, y: 2 }, { x: 2, y: 1 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } });
 * svg.startsWith('<svg'); // → true
 * ```
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const config = isPlainObject(spec.config) ? deepMerge(FIGURE_CONFIG, spec.config) : FIGURE_CONFIG;
  const vl = compile({ ...spec, config } as unknown as Parameters<typeof compile>[0]).spec;
  const view = new vega.View(vega.parse(vl), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
