import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { VegaLiteSpec } from './types.js';

/** Shared look of every figure (fonts, sizes); applied under the spec's own settings. */
const CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridOpacity: 0.35 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 14, anchor: 'start' },
  view: { stroke: '#ccc' },
};

/** Vega-Lite → Vega → SVG, server-side (renderer 'none', no canvas). */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const vl = compile({ config: CONFIG, ...spec } as Parameters<typeof compile>[0]).spec;
  const view = new vega.View(vega.parse(vl), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
