import { foldIn, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { selectBackend, type BackendRequest } from '@repro/nets';
import type { SongYang2019Config } from './config.js';
import { chernoff } from './experiments/chernoff.js';
import { decomp } from './experiments/decomp.js';
import { dynamics } from './experiments/dynamics.js';
import { initGram } from './experiments/init-gram.js';
import { main } from './experiments/main.js';
import { mstar } from './experiments/mstar.js';
import { perturb } from './experiments/perturb.js';
import { residual } from './experiments/residual.js';
import { replicates } from './experiments/replicate.js';
import type { SongYang2019Trace } from './trace.js';

/**
 * run(cfg, key) → trace: the only entry point that computes. Each experiment draws from its own sub-key foldIn(key, name),
 * so selecting a subset (`--only`) does not change the numbers of the others. Only thm.main in float32 needs tfjs.
 */
export async function run(cfg: SongYang2019Config, k: Key, ctx: RunContext): Promise<SongYang2019Trace> {
  const want = (name: string): boolean => ctx.experiments.has(name);
  if (want('main') && cfg.mainPrecision === 'float32') ctx.reportBackend(await selectBackend(ctx.backend as BackendRequest));
  else ctx.reportBackend({ name: 'float64-js', requested: ctx.backend, detail: 'every experiment of this profile is plain-JS float64' });
  const trace: SongYang2019Trace = {};
  if (want('initGram')) trace.initGram = await initGram(cfg, foldIn(k, 'initGram'), ctx);
  if (want('perturb')) trace.perturb = await perturb(cfg, foldIn(k, 'perturb'), ctx);
  if (want('dynamics')) trace.dynamics = await dynamics(cfg, foldIn(k, 'dynamics'), ctx);
  if (want('decomp')) trace.decomp = await decomp(cfg, foldIn(k, 'decomp'), ctx);
  if (want('main')) trace.main = await main(cfg, foldIn(k, 'main'), ctx);
  if (want('residual')) trace.residual = await residual(cfg, foldIn(k, 'residual'), ctx);
  if (want('chernoff')) trace.chernoff = await chernoff(cfg, foldIn(k, 'chernoff'), ctx);
  if (want('mstar')) trace.mstar = await mstar(cfg, foldIn(k, 'mstar'), ctx);
  // Replicates 1 … R − 1 of the single-run experiments (job pool): independent keys, so replicate 0 is the one-replicate run's numbers.
  if (cfg.replicates > 1 && (want('dynamics') || want('decomp') || want('main')))
    trace.replicas = await replicates(cfg, k, ctx, { dynamics: want('dynamics'), decomp: want('decomp'), main: want('main') });
  return trace;
}
