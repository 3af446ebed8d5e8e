import { maxRatioToGeometric as geometricRatio } from '@repro/nets';
/**
 * Accessors shared by the du2019 claims and figures: they pick parts of the traces and aggregate over seeds.
 * Pure functions of the traces (no model computation, no randomness).
 */
import { meanSd } from '@repro/concentration';
import type { Du2019Trace, Fig1Run, Fig1Trace, GfTrace, Thm41Trace } from '../trace.js';

/** Widths at or above which the paper's regime applies in our runs (m = 10 is the deliberately too-narrow control). */
export const MIN_WIDE = 100;
/** float32 training bottoms out near L/L0 ≈ 1e-13; values below this are treated as 0 in comparisons [card pitfall 8]. */
export const FLOAT32_LOSS_FLOOR = 1e-12;

/** Thrown by an accessor when the trace lacks an experiment; the harness turns it into a failed check with this message. */
export function need<K extends keyof Du2019Trace>(traces: readonly Du2019Trace[], part: K): NonNullable<Du2019Trace[K]>[] {
  const out = traces.map((t) => t[part]);
  if (out.length === 0 || out.some((x) => x === undefined)) throw new Error(`trace has no '${String(part)}' experiment`);
  return out as NonNullable<Du2019Trace[K]>[];
}

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

/** The thm4.1 A runs (throws if any diverged). */
export function thm41Runs(traces: readonly Du2019Trace[]): Thm41Trace[] {
  const all = need(traces, 'thm41');
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
