import { foldIn, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { selectBackend, type BackendRequest } from '@repro/nets';
import type { Du2019Config } from './config.js';
import { fig1 } from './experiments/fig1.js';
import { gf } from './experiments/gf.js';
import { hinf } from './experiments/hinf.js';
import { init } from './experiments/init.js';
import { lem31 } from './experiments/lem31.js';
import { lem32 } from './experiments/lem32.js';
import { thm31 } from './experiments/thm31.js';
import { thm41 } from './experiments/thm41.js';
import type { Du2019Trace } from './trace.js';

/** Experiments that train on tfjs (float32) and so need a backend; the rest are plain float64 JS. */
const TFJS_EXPERIMENTS = ['fig1', 'gf', 'gfJoint', 'thm41'] as const;

/**
 * run(cfg, key) → trace: the only entry point that computes. Each experiment draws from its own sub-key
 * foldIn(key, name), so selecting a subset (`--only`) does not change the numbers of the others.
 */
export async function run(cfg: Du2019Config, k: Key, ctx: RunContext): Promise<Du2019Trace> {
  const want = (name: string): boolean => ctx.experiments.has(name);
  if (TFJS_EXPERIMENTS.some(want)) {
    const info = await selectBackend(ctx.backend as BackendRequest);
    ctx.reportBackend(info);
  }
  const trace: Du2019Trace = {};
  if (want('hinf')) trace.hinf = await hinf(cfg, foldIn(k, 'hinf'), ctx);
  if (want('thm31')) trace.thm31 = await ctx.time('thm3.1', async () => thm31(cfg, foldIn(k, 'thm31')));
  if (want('init')) trace.init = await init(cfg, foldIn(k, 'init'), ctx);
  if (want('lem31')) trace.lem31 = await lem31(cfg, foldIn(k, 'lem31'), ctx);
  if (want('lem32')) trace.lem32 = await lem32(cfg, foldIn(k, 'lem32'), ctx);
  if (want('thm41')) trace.thm41 = await thm41(cfg, foldIn(k, 'thm41'), ctx);
  if (want('gf') || want('gfJoint')) trace.gf = await gf(cfg, foldIn(k, 'gf'), ctx, { first: want('gf'), joint: want('gfJoint') });
  if (want('fig1')) trace.fig1 = await fig1(cfg, foldIn(k, 'fig1'), ctx);
  return trace;
}
