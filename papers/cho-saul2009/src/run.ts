import { foldIn, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import type { ChoSaul2009Config } from './config.js';
import { angleMap, closedForm, curves, diag, jnGeneral, psd } from './experiments/kernel-checks.js';
import { mc, recursion } from './experiments/monte-carlo.js';
import { mkm } from './experiments/mkm.js';
import { svm } from './experiments/svm.js';
import type { ChoSaul2009Trace } from './trace.js';

/**
 * run(cfg, key) → trace: the only entry point that computes. Each experiment draws from its own sub-key foldIn(key, name),
 * so selecting a subset (`--only`) does not change the numbers of the others. Everything is float64 plain JS.
 */
export async function run(cfg: ChoSaul2009Config, k: Key, ctx: RunContext): Promise<ChoSaul2009Trace> {
  const want = (name: string): boolean => ctx.experiments.has(name);
  ctx.reportBackend({ name: 'float64-js', requested: ctx.backend, detail: 'kernels, Monte Carlo, eigvalsh and SMO in float64 plain JS' });
  const trace: ChoSaul2009Trace = {};
  const sync = <R>(phase: string, f: () => R): Promise<R> => ctx.time(phase, async () => f());
  if (want('closedForm')) trace.closedForm = await sync('eq-closed-form', () => closedForm(cfg, foldIn(k, 'closedForm')));
  if (want('jnGeneral')) trace.jnGeneral = await sync('eq-jn-general', () => jnGeneral(cfg));
  if (want('diag')) trace.diag = await sync('diag-depth', () => diag(cfg, foldIn(k, 'diag')));
  if (want('psd')) trace.psd = await sync('psd', () => psd(cfg, foldIn(k, 'psd')));
  if (want('angleMap')) trace.angleMap = await sync('angle-map', () => angleMap(cfg));
  if (want('curves')) trace.curves = await sync('angular curves', () => curves());
  if (want('mc')) trace.mc = await ctx.time('mc-limit', () => mc(cfg, foldIn(k, 'mc'), ctx));
  if (want('recursion')) trace.recursion = await ctx.time('eq-recursion', () => recursion(cfg, foldIn(k, 'recursion'), ctx));
  if (want('svm')) trace.svm = await svm(cfg, foldIn(k, 'svm'), ctx);
  if (want('mkm')) trace.mkm = await ctx.time('mkm', () => mkm(cfg, foldIn(k, 'mkm'), ctx));
  return trace;
}
