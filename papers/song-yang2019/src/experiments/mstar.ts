import { foldIn, type Key } from '@repro/concentration';
import { mapJobs, type RunContext } from '@repro/harness';
import type { Matrix } from '@repro/linalg';
import { trainTwoLayerGd } from '@repro/nets';
import { gradStep, initParams } from './model.js';
import type { SongYang2019Config } from '../config.js';
import type { MstarRow, MstarTrace } from '../trace.js';
import { hctsSpectrum, spectralNormSq, sphereData, sumSquares } from './data.js';

/** GD runs in chunks of this many steps so a run stops soon after reaching the target (the trainer has no early stop). */
const CHUNK = 256;
/** The doubling grid starts at one neuron. */
const GRID_START = 1;
/** Doubling stops here ("not found" beyond). */
const GRID_MAX = 1 << 14;

/** Does float64 GD from W(0) reach L(k) ≤ target·L(0) within `steps` (η fixed)? Divergence counts as failure [NOTES.md §4]. */
export async function reachesTarget(X: Matrix, y: Float64Array, k: Key, m: number, eta: number, steps: number, target: number): Promise<boolean> {
  let p = initParams(k, m, X.cols);
  let done = 0;
  let L0 = Number.NaN;
  while (done < steps) {
    const chunk = Math.min(CHUNK, steps - done);
    const tr = await trainTwoLayerGd({ X, y, init: p, eta: gradStep(eta), steps: chunk, precision: 'float64', keepFinal: true });
    if (Number.isNaN(L0)) L0 = tr.loss[0] ?? Number.NaN;
    if (tr.diverged !== undefined || tr.final === undefined) return false;
    if (tr.loss.some((L) => L <= target * L0)) return true;
    p = { ...p, W: tr.final.W };
    done += chunk;
  }
  return false;
}

/** One m* search of emp.mstar, a job of the harness pool (`mapJobs`): the config, key and sizes travel inside the job. */
export interface MstarJob {
  cfg: SongYang2019Config;
  /** The search's key (`foldIn(k, d, n[, draw])`, see `mstar`). */
  key: Key;
  d: number;
  n: number;
  draw: number;
}

/** One m* search (a worker thread, or this thread with one worker): its row and its wall time in seconds. */
export async function mstarSearchJob(j: MstarJob): Promise<{ row: MstarRow; seconds: number }> {
  const t0 = performance.now();
  const { cfg, key: kn, d, n, draw } = j;
  const need = Math.floor(cfg.mstarSeeds / 2) + 1;
  const { X, y } = sphereData(foldIn(kn, 'data'), n, d);
  const { lambda, lambdaMax } = hctsSpectrum(X);
  const eta = 1 / lambdaMax;
  const steps = Math.ceil(cfg.mstarStepBudget / (eta * lambda));
  const tried: MstarRow['tried'] = [];
  const ok = async (m: number): Promise<boolean> => {
    let successes = 0;
    let seeds = 0;
    for (let s = 0; s < cfg.mstarSeeds; s++) {
      if (successes >= need || seeds - successes > cfg.mstarSeeds - need) break;
      seeds++;
      if (await reachesTarget(X, y, foldIn(foldIn(kn, `m${m}`), s), m, eta, steps, cfg.mstarTarget)) successes++;
    }
    tried.push({ m, successes, seeds });
    return successes >= need;
  };
  let hi: number | null = null;
  let lo = 0;
  for (let m = GRID_START; m <= GRID_MAX; m *= 2) {
    if (await ok(m)) {
      hi = m;
      break;
    }
    lo = m;
  }
  if (hi !== null)
    for (let b = 0; b < cfg.mstarBisections && hi - lo > 1; b++) {
      const mid = Math.min(hi - 1, Math.max(lo + 1, Math.round(Math.sqrt(Math.max(lo, 1) * hi))));
      if (await ok(mid)) hi = mid;
      else lo = mid;
    }
  const row: MstarRow = { n, d, draw, lambda, lambdaMax, xNorm2Sq: spectralNormSq(X), residualSqMean: sumSquares(y) + n / 2, steps, tried, mStar: hi };
  return { row, seconds: (performance.now() - t0) / 1000 };
}

/**
 * emp.mstar [NOTES.md §4]: for each (d, n) and data draw, the smallest width m at which GD with η = 1/λ_max(H^cts) reaches
 * L ≤ target·L(0) within ⌈budget/(ηλ)⌉ steps in a majority of seeds: doubling from 1, then geometric bisection inside
 * the bracket [m/2, m]. Seeds stop early once the majority is decided. Each search is one job of the harness pool
 * (`mapJobs`: both cores; the same rows, in the same order, for any worker count); each search's wall time goes to the log.
 */
export async function mstar(cfg: SongYang2019Config, k: Key, ctx: RunContext): Promise<MstarTrace> {
  const cases = cfg.mstarDims.flatMap((d) => cfg.mstarNs.flatMap((n) => Array.from({ length: cfg.mstarDataDraws }, (_, draw) => ({ d, n, draw }))));
  // Draw 0 keeps the key of a one-draw run; further data sets fold in their index.
  const jobs: MstarJob[] = cases.map(({ d, n, draw }) => {
    const kdn = foldIn(foldIn(k, `d${d}`), `n${n}`);
    return { cfg, key: draw === 0 ? kdn : foldIn(kdn, `draw${draw}`), d, n, draw };
  });
  ctx.progress.phase('emp.mstar', jobs.length);
  const done = await ctx.time(`emp.mstar (job pool, ${jobs.length} searches)`, () =>
    mapJobs<MstarJob, { row: MstarRow; seconds: number }>(import.meta.url, 'mstarSearchJob', jobs, {
      onResult: (_, { row: r, seconds }) => {
        const msg = `emp.mstar d=${r.d} n=${r.n} draw ${r.draw}: m* = ${r.mStar ?? 'not found'} (${seconds.toFixed(1)} s)`;
        ctx.progress.log(msg);
        ctx.progress.tick(1, msg);
      },
    }),
  );
  // null: a search of another shard under `--shard-by job` (this shard's trace is not checked; the merge has them all).
  return { target: cfg.mstarTarget, rows: (done as ({ row: MstarRow } | null)[]).flatMap((x) => (x === null ? [] : [x.row])) };
}
