import { foldIn, sphere, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { eigvalsh, matrix, type Matrix } from '@repro/linalg';
import { gramDeviationRate, gramH, gramHoeffdingTrials } from '@repro/nets';
import { drawW0, hInf } from '../model.js';
import { denseEigErrorBound } from './data.js';
import type { Du2019Config } from '../config.js';
import type { Lem31Trace } from '../trace.js';

/** Upper end of the doubling grid for lem3.1(c): beyond this the search reports "not found". */
const MIN_WIDTH_GRID_MAX = 1 << 17;
/** lem3.1(c) asks for λ_min(H(0)) ≥ ¾λ0 in at least this fraction of draws. */
const MIN_WIDTH_SUCCESS = 0.9;

/** lem3.1: concentration of H(0) around H∞ as m grows (float64 Gram from the activation pattern). */
export async function lem31(cfg: Du2019Config, k: Key, ctx: RunContext): Promise<Lem31Trace> {
  const n = cfg.lem31N;
  const d = n;
  const X = matrix(n, d, sphere(foldIn(k, 'X'), n, d));
  const Hinf = hInf(X);
  const lambda0 = eigvalsh(Hinf)[0] ?? Number.NaN;
  const lambda0ErrorBound = denseEigErrorBound(Hinf);
  const H0 = (key: Key, m: number): Matrix => gramH(X, drawW0(key, m, d), m);
  const total =
    cfg.lem31Widths.reduce((s, m) => s + m * cfg.lem31Seeds, 0) + cfg.lem31ProbWidths.reduce((s, m) => s + m * cfg.lem31Trials, 0);
  ctx.progress.phase('lem3.1', total);

  const rate = await ctx.time('lem3.1: rate', async () =>
    gramDeviationRate({
      X,
      Hinf,
      widths: cfg.lem31Widths,
      draws: cfg.lem31Seeds,
      key: k,
      sample: H0,
      onDraw: (m, t) => ctx.progress.tick(m, `rate m=${m} draw ${t + 1}/${cfg.lem31Seeds}`),
    }),
  );
  const prob = await ctx.time('lem3.1: probability', async () =>
    gramHoeffdingTrials({
      Hinf,
      widths: cfg.lem31ProbWidths,
      trials: cfg.lem31Trials,
      delta: cfg.delta,
      key: k,
      sample: H0,
      onDraw: (m, t) => ctx.progress.tick(m, `probability m=${m} draw ${t + 1}/${cfg.lem31Trials}`),
    }),
  );

  const minWidthGrid: number[] = [];
  const minWidthFracOk: number[] = [];
  let minWidthFound: number | null = null;
  let minWidthErrorBound = 0;
  await ctx.time('lem3.1: smallest width', async () => {
    for (let m = 16; m <= MIN_WIDTH_GRID_MAX && minWidthFound === null; m *= 2) {
      let ok = 0;
      for (let t = 0; t < cfg.lem31MinWidthDraws; t++) {
        const H = H0(foldIn(foldIn(k, `minwidth-m${m}`), t), m);
        const lmin = eigvalsh(H)[0] ?? Number.NaN;
        minWidthErrorBound = Math.max(minWidthErrorBound, denseEigErrorBound(H));
        if (lmin >= 0.75 * lambda0) ok++;
      }
      const frac = ok / cfg.lem31MinWidthDraws;
      minWidthGrid.push(m);
      minWidthFracOk.push(frac);
      if (frac >= MIN_WIDTH_SUCCESS) minWidthFound = m;
      ctx.progress.log(`lem3.1(c): m=${m}: λ_min(H(0)) ≥ ¾λ0 in ${(frac * 100).toFixed(0)}% of draws`);
    }
  });
  // m ≥ 8n² log(2n²/δ)/λ0² makes the explicit Hoeffding bound (hoeffdingGramBound, NOTES.md §2) at most λ0/4.
  const sufficientWidth = (8 * n * n * Math.log((2 * n * n) / cfg.delta)) / lambda0 ** 2;
  return {
    n,
    lambda0,
    lambda0ErrorBound,
    ...rate,
    ...prob,
    minWidthGrid,
    minWidthFracOk,
    minWidthFound,
    minWidthErrorBound,
    sufficientWidth,
  };
}
