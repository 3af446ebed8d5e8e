import { foldIn, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import type { Soudry2017Config } from './config.js';
import { adam } from './experiments/adam.js';
import { asym } from './experiments/asym.js';
import { fig1 } from './experiments/fig1.js';
import { indep } from './experiments/indep.js';
import { multiclass } from './experiments/multiclass.js';
import { sgd } from './experiments/sgd.js';
import { standin } from './experiments/standin.js';
import { tight } from './experiments/tight.js';
import { valLoss } from './experiments/val-loss.js';
import type { Soudry2017Trace } from './trace.js';

/**
 * run(cfg, key) → trace: the only entry point that computes. Everything is plain float64 JS (no tfjs backend is selected).
 * Each experiment draws from its own sub-key foldIn(key, name); the Figure-1 data set (used by fig1, indep, sgd and adam) comes
 * from foldIn(foldIn(key, 'fig1'), 'data') for all of them, so `--only` does not change any number.
 */
export async function run(cfg: Soudry2017Config, k: Key, ctx: RunContext): Promise<Soudry2017Trace> {
  const want = (name: string): boolean => ctx.experiments.has(name);
  ctx.reportBackend({ name: 'float64-js', requested: ctx.backend, detail: 'plain JavaScript float64; tfjs is not used by this paper' });
  const fig1Key = foldIn(k, 'fig1');
  const dataKey = foldIn(fig1Key, 'data');
  const trace: Soudry2017Trace = {};
  const step = async <R>(name: string, fn: () => R): Promise<R> => {
    ctx.progress.log(`soudry2017: ${name}`);
    return ctx.time(name, async () => fn());
  };
  if (want('fig1')) trace.fig1 = await step('fig1', () => fig1(cfg, fig1Key));
  if (want('asym')) trace.asym = await step('asym', () => asym(cfg));
  if (want('tight')) trace.tight = await step('tight', () => tight(cfg));
  if (want('indep')) trace.indep = await step('indep', () => indep(cfg, foldIn(k, 'indep'), dataKey));
  if (want('sgd')) trace.sgd = await step('sgd', () => sgd(cfg, foldIn(k, 'sgd'), dataKey));
  if (want('adam')) trace.adam = await step('adam', () => adam(cfg, dataKey));
  if (want('valLoss')) trace.valLoss = await step('valLoss', () => valLoss(cfg, foldIn(k, 'valLoss')));
  if (want('multiclass')) trace.multiclass = await step('multiclass', () => multiclass(cfg, foldIn(k, 'multiclass')));
  if (want('standin')) trace.standin = await step('standin', () => standin(cfg, foldIn(k, 'standin')));
  return trace;
}
