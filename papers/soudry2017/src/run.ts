import { foldIn, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import type { Soudry2017Config } from './config.js';
import { adam } from './experiments/adam.js';
import { asym } from './experiments/asym.js';
import { fig1 } from './experiments/fig1.js';
import { indep } from './experiments/indep.js';
import { multiclass } from './experiments/multiclass.js';
import { sgd } from './experiments/sgd.js';
import { standinB } from './experiments/standin-b.js';
import { standin } from './experiments/standin.js';
import { tight } from './experiments/tight.js';
import { valLoss } from './experiments/val-loss.js';
import type { Soudry2017Trace } from './trace.js';

/**
 * run(cfg, key) → trace: the only entry point that computes. Everything is plain float64 JS (no tfjs backend is selected).
 * Each experiment draws from its own sub-key foldIn(key, name); the Figure-1 data set (used by fig1, indep, sgd and adam) comes
 * from foldIn(foldIn(key, 'fig1'), 'data') for all of them, so `--only` does not change any number.
 *
 * With cfg.replicates = R > 1 (the paper profile) every random experiment is run R times inside this harness seed: replicate
 * 0 with `key` itself (so its numbers are those of a one-replicate run), replicate r ≥ 1 with foldIn(key, 'replicate-r'),
 * stored under `trace.replicates`. asym and tight draw nothing: their one computation is shared by every replicate.
 */
export async function run(cfg: Soudry2017Config, k: Key, ctx: RunContext): Promise<Soudry2017Trace> {
  const want = (name: string): boolean => ctx.experiments.has(name);
  ctx.reportBackend({ name: 'float64-js', requested: ctx.backend, detail: 'plain JavaScript float64; tfjs is not used by this paper' });
  const step = async <R>(name: string, fn: () => R): Promise<R> => {
    ctx.progress.log(`soudry2017: ${name}`);
    return ctx.time(name, async () => fn());
  };
  const one = async (key: Key, shared: Soudry2017Trace | null): Promise<Soudry2017Trace> => {
    const fig1Key = foldIn(key, 'fig1');
    const dataKey = foldIn(fig1Key, 'data');
    const trace: Soudry2017Trace = {};
    if (want('fig1')) trace.fig1 = await step('fig1', () => fig1(cfg, fig1Key));
    if (want('asym')) trace.asym = shared?.asym ?? (await step('asym', () => asym(cfg)));
    if (want('tight')) trace.tight = shared?.tight ?? (await step('tight', () => tight(cfg)));
    if (want('indep')) trace.indep = await step('indep', () => indep(cfg, foldIn(key, 'indep'), dataKey));
    if (want('sgd')) trace.sgd = await step('sgd', () => sgd(cfg, foldIn(key, 'sgd'), dataKey));
    if (want('adam')) trace.adam = await step('adam', () => adam(cfg, dataKey));
    if (want('valLoss')) trace.valLoss = await step('valLoss', () => valLoss(cfg, foldIn(key, 'valLoss')));
    if (want('multiclass')) trace.multiclass = await step('multiclass', () => multiclass(cfg, foldIn(key, 'multiclass')));
    if (want('standin')) trace.standin = await step('standin', () => standin(cfg, foldIn(key, 'standin')));
    if (want('standinB')) trace.standinB = await step('standinB', () => standinB(cfg, foldIn(key, 'standinB')));
    return trace;
  };
  const trace = await one(k, null);
  if (cfg.replicates > 1) {
    trace.replicates = [];
    for (let r = 1; r < cfg.replicates; r++) trace.replicates.push(await one(foldIn(k, `replicate-${r}`), trace));
  }
  return trace;
}
