/**
 * Accessors shared by the soudry2017 claims and figures: they pick parts of the traces. Pure functions of the traces
 * (no model computation, no randomness).
 */
import type { LinearRun, Soudry2017Trace } from '../trace.js';

/** Thrown by an accessor when the trace lacks an experiment; the harness turns it into a failed check with this message. */
export function need<K extends keyof Soudry2017Trace>(traces: readonly Soudry2017Trace[], part: K): NonNullable<Soudry2017Trace[K]>[] {
  const out = traces.map((t) => t[part]);
  if (out.length === 0 || out.some((x) => x === undefined)) throw new Error(`trace has no '${String(part)}' experiment`);
  return out as NonNullable<Soudry2017Trace[K]>[];
}

/** The first trace's part (claims aggregate over seeds with `need` where it matters). */
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
