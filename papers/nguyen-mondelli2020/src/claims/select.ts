/**
 * Accessors shared by the nguyen-mondelli2020 claims, values and figures: pick parts of the traces and aggregate over
 * trials. Pure functions of the traces (no model computation, no randomness).
 */
import { meanSd } from '@repro/concentration';
import { checkProbability, type Verdict } from '@repro/harness';
import type { Fig2Point, GdRun, GdTrace, Nm20Trace } from '../trace.js';

/** ε of the card for float64 checks (relative slack of an inequality that holds exactly in exact arithmetic). */
export const EPS_F64 = 1e-9;

/** Thrown by an accessor when the trace lacks an experiment; the harness turns it into a failed check with this message. */
export function need<K extends keyof Nm20Trace>(traces: readonly Nm20Trace[], part: K): NonNullable<Nm20Trace[K]>[] {
  const out = traces.map((t) => t[part]);
  if (out.length === 0 || out.some((x) => x === undefined)) throw new Error(`trace has no '${String(part)}' experiment`);
  return out as NonNullable<Nm20Trace[K]>[];
}

/** All GD runs with their trace; throws "training diverged: …" when any run diverged or failed the ladder. */
export function gdRuns(traces: readonly Nm20Trace[]): { tr: GdTrace; run: GdRun }[] {
  const all = need(traces, 'gd').flatMap((tr) => tr.runs.map((run) => ({ tr, run })));
  const bad = all.filter(({ run }) => run.diverged !== null);
  if (bad.length > 0)
    throw new Error(`training diverged: ${bad.map(({ run }) => `n1=${run.n1} L=${run.L} γ=${run.gamma} seed ${run.seed} at step ${run.diverged?.step}: ${run.diverged?.reason}`).join('; ')}`);
  return all;
}

/** Steps k whose Φ_k is above the float floor (ratio checks stop there, card pitfall 9). */
export function aboveFloor(run: Pick<GdRun, 'loss'>, floor: number): number[] {
  const phi0 = run.loss[0] as number;
  return run.loss.flatMap((phi, k) => (phi > floor * phi0 ? [k] : []));
}

/** max_k Φ_k / (Π_{j<k}(1 − ημ_j)Φ_0) over steps above the floor, in log space. */
export function maxRatioToPlRate(run: Pick<GdRun, 'loss' | 'eta' | 'mu'>, floor: number): number {
  const phi0 = run.loss[0] as number;
  let logBound = 0;
  let worst = Number.NEGATIVE_INFINITY;
  for (let k = 1; k < run.loss.length; k++) {
    logBound += Math.log1p(-run.eta * (run.mu[k - 1] as number));
    const phi = run.loss[k] as number;
    if (!(phi > floor * phi0)) break;
    worst = Math.max(worst, Math.log(phi / phi0) - logBound);
  }
  return Math.exp(worst);
}

/** Path length Σ_k η‖∇Φ_k‖ and the bound 2√(2Φ_0/μ̂), μ̂ = min_k μ_k (PL + descent, card [D]). */
export function pathAndBound(run: GdRun): { path: number; bound: number } {
  let path = 0;
  for (let k = 0; k + 1 < run.loss.length; k++) path += run.eta * Math.sqrt(run.gradSq[k] as number);
  const muHat = Math.min(...run.mu);
  return { path, bound: 2 * Math.sqrt((2 * (run.loss[0] as number)) / muHat) };
}

export interface CurveStats {
  curve: string;
  x: number;
  mean: number;
  sd: number;
  n: number;
}

/** Trial mean ± sd of a per-point scalar, per (curve, x), curves in first-seen (config) order, x ascending. */
export function perCurve(points: readonly Fig2Point[], pick: (p: Fig2Point) => number = (p) => p.lambdaMin): CurveStats[][] {
  const curves = new Map<string, Map<number, number[]>>();
  for (const p of points) {
    const byX = curves.get(p.curve) ?? new Map<number, number[]>();
    const list = byX.get(p.x) ?? [];
    list.push(pick(p));
    byX.set(p.x, list);
    curves.set(p.curve, byX);
  }
  return [...curves.entries()].map(([curve, byX]) =>
    [...byX.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([x, xs]) => {
        const s = meanSd(xs);
        return { curve, x, mean: s.mean, sd: s.sd, n: s.n };
      }),
  );
}

export function fig2Points(traces: readonly Nm20Trace[], side: 'fig2R' | 'fig2L'): Fig2Point[] {
  return need(traces, side).flat();
}

/** Median of a non-empty list (NaN when empty). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** One grid cell of draws of ρ = σ_min(F_1)²/(n_1λ) (nm20.init-sigma-min-F1, nmm21.lemma5.2-chernoff). */
export interface RhoCell {
  d: number;
  N: number;
  n1: number;
  rho: number[];
}

export interface RhoCheck {
  /** ρ ≥ rhoMin counts as a success. */
  rhoMin: number;
  /** Claimed probability of success over the cells with n_1 ≥ minFactor·N (Wilson CI at level 1 − alpha). */
  claimed: number;
  alpha: number;
  minFactor: number;
  /** Optional floors for the median ρ at n_1/N = key. */
  medianAt?: Readonly<Record<number, number>>;
}

/**
 * The σ_min(F_1) check both papers state: P(ρ ≥ rhoMin) ≥ claimed for n_1 ≥ minFactor·N, the median ρ strictly rising in
 * n_1 for every d, and the optional median floors. Observed: the probability check's numbers, `median_d<d>_n1x<n_1/N>`
 * per cell and `minRho`; every broken condition is named in the note.
 */
export function checkRhoCells(cells: readonly RhoCell[], c: RhoCheck): Verdict {
  let successes = 0;
  let trials = 0;
  const problems: string[] = [];
  const medians: Record<string, number> = {};
  for (const cell of cells) {
    const f = cell.n1 / cell.N;
    if (f >= c.minFactor) {
      successes += cell.rho.filter((r) => r >= c.rhoMin).length;
      trials += cell.rho.length;
    }
    const med = median(cell.rho);
    medians[`median_d${cell.d}_n1x${f}`] = med;
    const floor = c.medianAt?.[f];
    if (floor !== undefined && !(med >= floor)) problems.push(`d=${cell.d}, n_1=${f}N: median ρ ${med.toPrecision(3)} < ${floor}`);
  }
  for (const d of [...new Set(cells.map((cell) => cell.d))]) {
    const meds = cells.filter((cell) => cell.d === d).sort((a, b) => a.n1 - b.n1).map((cell) => median(cell.rho));
    for (let i = 1; i < meds.length; i++) if (!((meds[i] as number) > (meds[i - 1] as number))) problems.push(`d=${d}: median ρ not increasing in n_1`);
  }
  const v = checkProbability(successes, trials, c.claimed, c.alpha);
  const ok = v.status === 'pass' && problems.length === 0;
  return {
    ...v,
    status: ok ? 'pass' : 'fail',
    observed: { ...v.observed, ...medians, minRho: Math.min(...cells.flatMap((cell) => cell.rho)) },
    ...(problems.length > 0 || v.note ? { note: [v.note, ...problems].filter(Boolean).join('; ') } : {}),
  };
}
