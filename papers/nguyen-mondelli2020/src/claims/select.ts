/**
 * Accessors shared by the nguyen-mondelli2020 claims, values and figures: pick parts of the traces and aggregate over
 * trials. Pure functions of the traces (no model computation, no randomness).
 */
import { meanSd } from '@repro/concentration';
import { allOf, checkBound, checkCondition, checkProbability, need, type Verdict } from '@repro/harness';
import type { Fig2Point, GdRun, GdTrace, Nm20Trace } from '../trace.js';

/** ε for float64 checks [NOTES.md §2] (relative slack of an inequality that holds exactly in exact arithmetic). */
export const EPS_F64 = 1e-9;



/** All GD runs with their trace; throws "training diverged: …" when any run diverged or failed the ladder. */
export function gdRuns(traces: readonly Nm20Trace[]): { tr: GdTrace; run: GdRun }[] {
  const all = need(traces, 'gd').flatMap((tr) => tr.runs.map((run) => ({ tr, run })));
  const bad = all.filter(({ run }) => run.diverged !== null);
  if (bad.length > 0)
    throw new Error(`training diverged: ${bad.map(({ run }) => `n1=${run.n1} L=${run.L} γ=${run.gamma} seed ${run.seed} at step ${run.diverged?.step}: ${run.diverged?.reason}`).join('; ')}`);
  return all;
}

/** Steps k whose Φ_k is above the float floor (ratio checks stop there) [NOTES.md §2]. */
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

/** Path length Σ_k η‖∇Φ_k‖ and the bound 2√(2Φ_0/μ̂), μ̂ = min_k μ_k (PL + descent) [NOTES.md §2]. */
export function pathAndBound(run: Pick<GdRun, 'loss' | 'eta' | 'gradSq' | 'mu'>): { path: number; bound: number } {
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
  /** The violation rate the probability part must detect, stated a priori (see the claims). */
  detect: number;
  minFactor: number;
  /** Optional floors for the median ρ at n_1/N = key. */
  medianAt?: Readonly<Record<number, number>>;
}

/**
 * z of the one-sided upper-side test of E[ρ] ≤ 1: the trial mean may exceed 1 by at most RHO_MEAN_Z standard errors.
 * Chosen a priori: a 3.5σ one-sided excursion has probability ≈ 2e−4 per cell for a claim that holds.
 */
export const RHO_MEAN_Z = 3.5;

/**
 * The σ_min(F_1) check both papers state, as named parts (allOf):
 * - `probability`: P(ρ ≥ rhoMin) ≥ claimed over the draws with n_1 ≥ minFactor·N (checkProbability, violation rate `detect`);
 * - `medianRising`: the median ρ strictly rising in n_1 for every d (the law of large numbers ρ → 1);
 * - `medianFloors` (when given): the median floors of NOTES.md §5 — the lower side of ρ → 1;
 * - `meanAtMostOne`: the upper side. λ_min is concave, so E[λ_min(F_1F_1ᵀ/n_1)] ≤ λ_min(E[F_1F_1ᵀ/n_1]) = λ (Jensen):
 *   the mean of ρ is at most 1 in every cell. Each cell's trial mean minus RHO_MEAN_Z standard errors must not exceed 1 —
 *   a λ (λ_*) that is too small (a 2× underestimate gives ρ ≈ 2) fails here, where the floors alone would pass it.
 * Observed: `median_d<d>_n1x<n_1/N>` and `mean_d<d>_n1x<n_1/N>` per cell and `minRho` beside the parts' numbers.
 */
export function checkRhoCells(cells: readonly RhoCell[], c: RhoCheck): Verdict {
  let successes = 0;
  let trials = 0;
  const extra: Record<string, number> = {};
  const floorProblems: string[] = [];
  const risingProblems: string[] = [];
  let worstMeanLow = Number.NEGATIVE_INFINITY;
  let worstCell = '';
  for (const cell of cells) {
    const f = cell.n1 / cell.N;
    if (f >= c.minFactor) {
      successes += cell.rho.filter((r) => r >= c.rhoMin).length;
      trials += cell.rho.length;
    }
    const med = median(cell.rho);
    const ms = meanSd(cell.rho);
    extra[`median_d${cell.d}_n1x${f}`] = med;
    extra[`mean_d${cell.d}_n1x${f}`] = ms.mean;
    const low = ms.mean - (RHO_MEAN_Z * (ms.n > 1 ? ms.sd : 0)) / Math.sqrt(ms.n);
    if (low > worstMeanLow) {
      worstMeanLow = low;
      worstCell = `d=${cell.d}, n_1=${f}N: mean ρ ${ms.mean.toPrecision(4)}`;
    }
    const floor = c.medianAt?.[f];
    if (floor !== undefined && !(med >= floor)) floorProblems.push(`d=${cell.d}, n_1=${f}N: median ρ ${med.toPrecision(3)} < ${floor}`);
  }
  for (const d of [...new Set(cells.map((cell) => cell.d))]) {
    const meds = cells.filter((cell) => cell.d === d).sort((a, b) => a.n1 - b.n1).map((cell) => median(cell.rho));
    for (let i = 1; i < meds.length; i++) if (!((meds[i] as number) > (meds[i - 1] as number))) risingProblems.push(`d=${d}: median ρ not increasing in n_1`);
  }
  extra.minRho = Math.min(...cells.flatMap((cell) => cell.rho));
  const parts: Record<string, Verdict> = {
    probability: checkProbability(successes, trials, c.claimed, c.alpha, c.detect),
    medianRising: checkCondition(risingProblems.length === 0, { cells: cells.length }, 'median ρ strictly increasing in n_1 for every d', risingProblems.join('; ')),
  };
  if (c.medianAt !== undefined)
    parts.medianFloors = checkCondition(
      floorProblems.length === 0,
      {},
      `median ρ ≥ ${Object.entries(c.medianAt).map(([f, v]) => `${v} at ${f}N`).join(', ')}`,
      floorProblems.join('; '),
    );
  const mean = checkBound(worstMeanLow, 1, 'le');
  parts.meanAtMostOne = { ...mean, expected: `every cell: mean ρ − ${RHO_MEAN_Z}·sd/√trials ≤ 1 (Jensen: E[ρ] ≤ 1)`, ...(mean.status === 'pass' ? {} : { note: `${worstCell} lies above 1 by more than ${RHO_MEAN_Z} standard errors` }) };
  return allOf(parts, extra);
}
