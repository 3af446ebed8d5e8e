import { maxRatioToGeometric as geometricRatio } from '@repro/nets';
/**
 * Accessors shared by the du2019 claims and figures: they pick parts of the traces and aggregate over seeds.
 * Pure functions of the traces (no model computation, no randomness).
 */
import { meanSd, studentTQuantile } from '@repro/concentration';
import { checkAllClose, need, type Claim, type Figure, type Verdict } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Experiment, Du2019Trace, Fig1Run, Fig1Trace, GfTrace, Thm41Trace } from '../trace.js';

/** A du2019 claim / figure: `needs` typed over the paper's experiments. */
export type Du2019Claim = Claim<Du2019Config, Du2019Trace, Du2019Experiment>;
export type Du2019Figure = Figure<Du2019Config, Du2019Trace, Du2019Experiment>;
export { need };

/** Level of every confidence interval and probability check of the paper (95 %). */
export const ALPHA = 0.05;

/**
 * Error bound of a λ_min(H(t)) that nets' GD recorder computed (Lanczos, tol 1e-10, without reporting its bound): the
 * stopping test bounds the Ritz residual by 1e-10·‖H‖₂ ≤ 1e-10·n (H_ii ≤ 1, so ‖H‖₂ ≤ tr H ≤ n), plus rounding n·ε·‖H‖_F ≤ n²ε.
 */
export function gdLambdaMinErrorBound(n: number): number {
  return 1e-10 * n + n * n * Number.EPSILON;
}

/** Widths at or above which the paper's regime applies in our runs (m = 10 is the deliberately too-narrow control). */
export const MIN_WIDE = 100;
/** float32 training bottoms out near L/L0 ≈ 1e-13; values below this are treated as 0 in comparisons [NOTES.md §6]. */
export const FLOAT32_LOSS_FLOOR = 1e-12;


/** Throw "training diverged: …" when any run hit NaN/Inf: the harness reports it as the claim's failure reason. */
function assertNoDivergence(runs: readonly { m: number; seed: number; diverged: { step: number; reason: string } | null }[]): void {
  const note = divergenceNote(runs);
  if (note !== undefined) throw new Error(`training diverged: ${note}`);
}

/** All Figure-1 runs across harness seeds, with the trace they came from, diverged or not (for figures and values). */
export function fig1RunsAll(traces: readonly Du2019Trace[]): { tr: Fig1Trace; run: Fig1Run }[] {
  return need(traces, 'fig1').flatMap((tr) => tr.runs.map((run) => ({ tr, run })));
}

/** All Figure-1 runs for a claim: throws "training diverged: …" if any run diverged, so the claim fails with that reason. */
export function fig1Runs(traces: readonly Du2019Trace[]): { tr: Fig1Trace; run: Fig1Run }[] {
  const runs = fig1RunsAll(traces);
  assertNoDivergence(runs.map(({ run }) => run));
  return runs;
}

/** The thm4.1 A runs of every harness seed, replicates included (throws if any diverged). */
export function thm41Runs(traces: readonly Du2019Trace[]): Omit<Thm41Trace, 'replicas'>[] {
  const all = need(traces, 'thm41').flatMap((t) => [t, ...(t.replicas ?? [])]);
  assertNoDivergence(all.map((t) => ({ m: t.m, seed: 0, diverged: t.diverged })));
  return all;
}

/** Seed mean ± sd of a per-run scalar, per width (ascending m). Diverged runs are included (their values are non-finite). */
export function perWidth(
  traces: readonly Du2019Trace[],
  pick: (run: Fig1Run, tr: Fig1Trace) => number,
): { m: number; mean: number; sd: number; n: number }[] {
  const byM = new Map<number, number[]>();
  for (const { tr, run } of fig1RunsAll(traces)) {
    const list = byM.get(run.m) ?? [];
    list.push(pick(run, tr));
    byM.set(run.m, list);
  }
  return [...byM.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([m, xs]) => {
      const s = meanSd(xs);
      return { m, mean: s.mean, sd: s.sd, n: s.n };
    });
}

/** Last entry of a series (NaN when empty). */
export function last(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : (xs[xs.length - 1] as number);
}

/** L(K)/L(0) of a run. */
export function finalNormalizedLoss(run: Fig1Run): number {
  return last(run.loss) / (run.loss[0] ?? Number.NaN);
}

/** All GF-suite traces (one per harness seed; throws if any run diverged). */
export function gfTraces(traces: readonly Du2019Trace[]): GfTrace[] {
  const all = need(traces, 'gf');
  assertNoDivergence(all.flatMap((g) => [...g.runs, ...g.joint]));
  return all;
}

/** Reason string for diverged runs, or undefined when none diverged. */
export function divergenceNote(runs: readonly { m: number; seed: number; diverged: { step: number; reason: string } | null }[]): string | undefined {
  const bad = runs.filter((r) => r.diverged !== null);
  if (bad.length === 0) return undefined;
  return bad.map((r) => `m=${r.m} seed ${r.seed} diverged at step ${r.diverged?.step}: ${r.diverged?.reason}`).join('; ');
}

/** max_k L(k)/(c^k L(0)) with float32-floored steps counted as satisfied (see `maxRatioToGeometric` in @repro/nets). */
export const maxRatioToGeometric = (loss: readonly number[], c: number): { maxRatio: number; floored: number } => geometricRatio(loss, c, FLOAT32_LOSS_FLOOR);

/**
 * The mean of `xs` equals `exact` within t·SE (Student t with n − 1 dof, two-sided at level familyAlpha/comparisons:
 * Bonferroni over the comparisons one verdict makes). A concentration check around an exact expectation.
 */
export function checkMean(xs: readonly number[], exact: number, familyAlpha: number, comparisons: number): Verdict {
  const s = meanSd(xs);
  const q = s.n > 1 ? studentTQuantile(1 - familyAlpha / (2 * comparisons), s.n - 1) : Number.NaN;
  const v = checkAllClose(s.mean, exact, 0, q * s.se);
  return { ...v, observed: { mean: s.mean, exact, se: s.se, tScore: (s.mean - exact) / s.se, tCritical: q, draws: s.n } };
}
