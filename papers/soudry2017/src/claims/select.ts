/**
 * Accessors and check helpers shared by the soudry2017 claims and figures. Pure functions of the traces (no model
 * computation, no randomness). The gap criteria follow NOTES.md ("what Theorem 3 implies at the horizons we run").
 */
import { allOf, checkBand, checkCondition, combineStatus, need, type Claim, type Figure, type Verdict } from '@repro/harness';
import type { Soudry2017Config } from '../config.js';
import type { LinearRun, Soudry2017Experiment, Soudry2017Trace } from '../trace.js';

/** A soudry2017 claim / figure, with `needs` typed over the experiments of `run`. */
export type SoudryClaim = Claim<Soudry2017Config, Soudry2017Trace, Soudry2017Experiment>;
export type SoudryFigure = Figure<Soudry2017Config, Soudry2017Trace, Soudry2017Experiment>;

/** The first trace's part (every soudry2017 claim reads one trace: `seeds: 'every'` checks each seed alone). */
export function first<K extends keyof Soudry2017Trace>(traces: readonly Soudry2017Trace[], part: K): NonNullable<Soudry2017Trace[K]> {
  return need(traces, part)[0] as NonNullable<Soudry2017Trace[K]>;
}

/** Throw "training diverged: …" when a run hit NaN/Inf (the claim then fails with that reason). */
export function assertFinite(runs: readonly LinearRun[]): void {
  const bad = runs.filter((r) => r.diverged !== null);
  if (bad.length > 0) throw new Error(`training diverged: ${bad.map((r) => `${r.label} at t = ${r.diverged?.t}: ${r.diverged?.reason}`).join('; ')}`);
}

/** The Figure-1 part of the first trace and its plain-GD run (runs[0]), checked finite. */
export function fig1GdRun(traces: readonly Soudry2017Trace[]): { f: NonNullable<Soudry2017Trace['fig1']>; run: LinearRun } {
  const f = first(traces, 'fig1');
  const run = f.runs[0];
  if (run === undefined) throw new Error('fig1 has no GD run');
  assertFinite([run]);
  return { f, run };
}

/** Index of the recording at time t (exact match within 1e-9 relative), or throw. */
export function indexAt(ts: readonly number[], t: number): number {
  const i = ts.findIndex((x) => Math.abs(x - t) <= 1e-9 * t);
  if (i < 0) throw new Error(`no recording at t = ${t}`);
  return i;
}

/** y at time t. */
export function valueAt(ts: readonly number[], ys: readonly number[], t: number): number {
  return ys[indexAt(ts, t)] as number;
}

/** The last element (NaN if empty). */
export function last(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : (xs[xs.length - 1] as number);
}

/** Powers of ten 10^k with lo ≤ 10^k ≤ hi. */
export function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let k = Math.ceil(Math.log10(lo) - 1e-12); 10 ** k <= hi * (1 + 1e-12); k++) out.push(10 ** k);
  return out;
}

/**
 * sup of y over each decade [10^k, 10^{k+1}] for consecutive powers of ten in [lo, hi] (inclusive ends). A quantity that is
 * O(f(t)) with f decreasing must have decreasing decade suprema eventually, while pointwise values may dip near a crossing
 * (the direction of w can pass through ŵ's and move off again), so "decreasing" is judged on the decade suprema.
 */
export function decadeSups(ts: readonly number[], ys: readonly number[], lo: number, hi: number): { from: number; sup: number }[] {
  const ds = decades(lo, hi);
  const out: { from: number; sup: number }[] = [];
  for (let i = 0; i + 1 < ds.length; i++) {
    const a = ds[i] as number;
    const b = ds[i + 1] as number;
    let s = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < ts.length; k++) {
      const t = ts[k] as number;
      if (t >= a * (1 - 1e-12) && t <= b * (1 + 1e-12)) s = Math.max(s, ys[k] as number);
    }
    out.push({ from: a, sup: s });
  }
  return out;
}

/** Number of i with xs[i+1] ≥ xs[i] (strict decrease wanted), and the worst ratio xs[i+1]/xs[i]. */
export function increases(xs: readonly number[]): { count: number; worstRatio: number } {
  let count = 0;
  let worst = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    const r = (xs[i + 1] as number) / (xs[i] as number);
    if (!(r < 1)) count++;
    worst = Math.max(worst, r);
  }
  return { count, worstRatio: worst };
}

/** Format for notes. */
export function fmt(x: number, digits = 4): string {
  return Number.isFinite(x) ? x.toPrecision(digits) : String(x);
}

/** The three-valued band is the harness's `checkBand` (re-exported for the claims and tests that import it from here). */
export { checkBand };

/** The numbers of NOTES.md's gap criterion for one recorded gap over the window [from, T] (from, T powers of ten). */
export interface GapConvergence {
  /** Decade sups of the gap and of gap·ln t over the window. */
  sups: number[];
  scaledSups: number[];
  /** Sup of the gap over the first and the last decade of the window, and its max over the decades before the last. */
  firstSup: number;
  lastSup: number;
  maxEarlierSup: number;
  /** Decade sups of H = gap·ln t / ln ln t (the gap in units of the theorem's envelope ln ln t / ln t). */
  envelopeSups: number[];
  /** sup of H over the last decade / its max over the earlier decades of the window (pass at or below 1). */
  growth: number;
  /** 1: H does not exceed the level the earlier decades established (pass at or below; above it is inconclusive). */
  envelope: number;
  /** (ln T / ln ln T)/(ln(T/10) / ln ln(T/10)): the growth of H over one decade for a gap that does not fall (reported). */
  flat: number;
}

export function gapConvergence(t: readonly number[], gap: readonly number[], from: number, T: number): GapConvergence {
  const sups = decadeSups(t, gap, from, T).map((x) => x.sup);
  const scaledSups = decadeSups(t, gap.map((g, i) => g * Math.log(t[i] as number)), from, T).map((x) => x.sup);
  if (sups.length < 2) throw new Error(`gap criterion needs at least two decades in [${from}, ${T}]`);
  const envelopeSups = decadeSups(t, gap.map((g, i) => (g * Math.log(t[i] as number)) / Math.log(Math.log(t[i] as number))), from, T).map((x) => x.sup);
  const h = (x: number): number => x / Math.log(x);
  return {
    sups,
    scaledSups,
    envelopeSups,
    firstSup: sups[0] as number,
    lastSup: sups[sups.length - 1] as number,
    maxEarlierSup: Math.max(...sups.slice(0, -1)),
    growth: (envelopeSups[envelopeSups.length - 1] as number) / Math.max(...envelopeSups.slice(0, -1)),
    envelope: 1,
    flat: h(Math.log(T)) / h(Math.log(T / 10)),
  };
}

/**
 * NOTES.md's criterion (second revision) for a gap that Theorem 3 bounds by O(ln ln t / ln t): `falls` (fail side: the gap's
 * sup over the last decade is not a new high of the window — below its max over the earlier decades) and `envelope`
 * (H = gap·ln t / ln ln t over the last decade does not exceed its max over the earlier decades: pass; above it:
 * inconclusive — a crossing bump of a converging gap and a slower rate look alike at a finite horizon).
 */
export function checkGapConvergence(c: GapConvergence, what: string): Verdict {
  return allOf({
    falls: checkCondition(c.lastSup < c.maxEarlierSup, { firstDecadeSup: c.firstSup, maxEarlierDecadeSup: c.maxEarlierSup, lastDecadeSup: c.lastSup }, `sup of ${what} over the last decade below its max over the earlier decades of the window`, `${what} reached a new high in the last decade of the window`),
    envelope: checkBand(c.growth, c.envelope, Number.POSITIVE_INFINITY, `sup of ${what}·ln t/ln ln t over the last decade / its max over the earlier decades`),
  });
}

/** The trace and its replicates [NOTES.md §9]: replicate 0 is the trace itself, then `trace.replicates` (paper profile). */
export function replicatesOf(traces: readonly Soudry2017Trace[]): Soudry2017Trace[] {
  const t = traces[0];
  if (t === undefined) throw new Error('no trace');
  return [t, ...(t.replicates ?? [])];
}

function checkSafely(c: SoudryClaim, t: Soudry2017Trace, cfg: Soudry2017Config): Verdict {
  try {
    return c.check([t], cfg);
  } catch (e) {
    return { status: 'fail', observed: {}, expected: '', tolerance: { kind: 'condition' }, note: `check threw: ${(e as Error).message ?? String(e)}` };
  }
}

/**
 * A single-trace claim checked on every replicate of the trace [NOTES.md §9]: it holds only if it holds on each (the worst
 * status, as `combineStatus` orders them); the numbers shown are the first failing (else inconclusive) replicate's, else
 * replicate 0's, with `replicatesChecked` / `replicatesPassed` added and the failing replicates named. With one replicate
 * (smoke) the claim is returned unchanged.
 */
export function perReplicate(c: SoudryClaim): SoudryClaim {
  return {
    ...c,
    check(traces, cfg) {
      const reps = replicatesOf(traces);
      if (reps.length === 1) return c.check(traces, cfg);
      const vs = reps.map((t) => checkSafely(c, t, cfg));
      const withStatus = (st: string): number[] => vs.flatMap((v, r) => (v.status === st ? [r] : []));
      const failing = withStatus('fail');
      const unsure = withStatus('inconclusive');
      const firstBad = [failing, unsure].find((l) => l.length > 0);
      const shown = firstBad !== undefined ? (firstBad[0] as number) : 0;
      const base = vs[shown] as Verdict;
      const status = combineStatus(vs.map((v) => v.status));
      const list = (l: number[]): string => `replicate${l.length > 1 ? 's' : ''} ${l.join(', ')} of ${vs.length}`;
      const head =
        failing.length > 0
          ? `fails for ${list(failing)} (numbers: replicate ${shown})`
          : unsure.length > 0
            ? `inconclusive for ${list(unsure)} (numbers: replicate ${shown})`
            : `holds for each of the ${vs.length} replicates (numbers: replicate 0)`;
      return {
        ...base,
        status,
        observed: { ...base.observed, replicatesChecked: vs.length, replicatesPassed: vs.filter((v) => v.status === 'pass').length },
        note: base.note === undefined ? head : `${head}; ${base.note}`,
      };
    },
  };
}

/** One run's part of NOTES.md §9's aggregate: N (the last decade's sup is a new high of the window) and E (envelope ratio). */
export interface GapRun {
  newHigh: boolean;
  growth: number;
}

export function gapRun(c: GapConvergence): GapRun {
  return { newHigh: !(c.lastSup < c.maxEarlierSup), growth: c.growth };
}

/** Median (NaN if empty). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * NOTES.md §9's rule over R independent runs of a gap that Theorem 3 bounds by O(ln ln t/ln t), with the fail side of its
 * fourth revision (§10): with k the number of runs whose last-decade sup is a new high of the window, **fail** when R ≥ 3
 * and k = R (every draw stopped falling: what a wrong limit does in every draw, a crossing bump only in some); **pass** when
 * k = 0 and the median over the runs of the envelope
 * ratio E (sup of gap·ln t/ln ln t over the last decade / its max over the earlier decades) is ≤ 1; **inconclusive**
 * otherwise (a crossing bump in a minority of draws, or too few runs to tell).
 */
export function checkGapRuns(runs: readonly GapRun[], what: string): Verdict {
  const R = runs.length;
  const k = runs.filter((r) => r.newHigh).length;
  const medE = median(runs.map((r) => r.growth));
  // fail when every one of R ≥ 3 runs reached a new high (fourth revision, NOTES.md §10); with R ≤ 2 runs this part cannot fail.
  const failAt = R >= 3 ? R : Number.POSITIVE_INFINITY;
  return allOf(
    {
      newHighs: checkBand(k, 0, failAt, `number of the ${R} run(s) whose ${what} reached a new high of its window in the last decade`),
      envelope: checkBand(medE, 1, Number.POSITIVE_INFINITY, `median over the ${R} run(s) of sup(${what}·ln t/ln ln t) over the last decade / its max over the earlier decades`),
    },
    { runs: R, worstEnvelopeRatio: Math.max(...runs.map((r) => r.growth)) },
  );
}
