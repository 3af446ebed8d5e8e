import { foldIn, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { selectBackend, type BackendRequest } from '@repro/nets';
import type { Nm20Config } from './config.js';
import { decomp } from './experiments/decomp.js';
import { fig2Left, fig2Right } from './experiments/fig2.js';
import { gd } from './experiments/gd.js';
import { init } from './experiments/init.js';
import { chernoff } from './experiments/chernoff.js';
import { lecun } from './experiments/lecun.js';
import { limit } from './experiments/limit.js';
import { lipschitz } from './experiments/lipschitz.js';
import { n1Sweep } from './experiments/n1-sweep.js';
import { ntkLimit } from './experiments/ntk-limit.js';
import { widthN } from './experiments/width-n.js';
import type { Nm20Trace } from './trace.js';

/** Experiments that use tfjs (float32 GEMMs or autodiff) and so need a backend; the rest are plain float64 JS. */
const TFJS_EXPERIMENTS = ['decomp', 'fig2R', 'fig2L', 'n1Sweep', 'ntkLimit'] as const;

/**
 * run(cfg, key) → trace: the only entry point that computes. Each experiment draws from its own sub-key foldIn(key, name),
 * so selecting a subset (`--only`) does not change the numbers of the others.
 */
export async function run(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<Nm20Trace> {
  const want = (name: string): boolean => ctx.experiments.has(name);
  if (TFJS_EXPERIMENTS.some(want)) ctx.reportBackend(await selectBackend(ctx.backend as BackendRequest));
  const trace: Nm20Trace = {};
  if (want('decomp')) trace.decomp = await decomp(cfg, foldIn(k, 'decomp'), ctx);
  if (want('init')) trace.init = await init(cfg, foldIn(k, 'init'), ctx);
  if (want('gd')) trace.gd = await gd(cfg, foldIn(k, 'gd'), ctx);
  if (want('limit')) trace.limit = await limit(cfg, foldIn(k, 'limit'), ctx);
  if (want('fig2R')) trace.fig2R = await fig2Right(cfg, foldIn(k, 'fig2R'), ctx);
  if (want('fig2L')) trace.fig2L = await fig2Left(cfg, foldIn(k, 'fig2L'), ctx);
  if (want('lipschitz')) trace.lipschitz = await lipschitz(cfg, foldIn(k, 'lipschitz'), ctx);
  if (want('lecun')) trace.lecun = await lecun(cfg, foldIn(k, 'lecun'), ctx);
  if (want('widthN')) trace.widthN = await widthN(cfg, foldIn(k, 'widthN'), ctx);
  if (want('chernoff')) trace.chernoff = await chernoff(cfg, foldIn(k, 'chernoff'), ctx);
  if (want('n1Sweep')) trace.n1Sweep = await n1Sweep(cfg, foldIn(k, 'n1Sweep'), ctx);
  if (want('ntkLimit')) trace.ntkLimit = await ntkLimit(cfg, foldIn(k, 'ntkLimit'), ctx);
  return trace;
}
