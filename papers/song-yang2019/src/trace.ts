import type { GramDeviationRate, GramHoeffdingTrials } from '@repro/nets';
/**
 * The song-yang2019 trace: everything `run` measured for one harness seed, JSON-serializable (plain numbers and arrays).
 * Claims, figures and values read only this.
 */

/** lem.init-gram: smallest grid width with λ_min(H(0)) ≥ ¾λ in ≥ 9/10 draws, per (d, n). */
export interface InitGramTrace {
  d: number;
  /**
   * du2019 Lemma 3.1's parts (a) and (b) at this d (n = `initGramLemmaN` points, H(0) from `gramAt`, H^cts from `hcts`):
   * ‖H(0) − H^cts‖ against m, and the explicit Hoeffding bound's success counts (@repro/nets).
   */
  lemma: GramDeviationRate & GramHoeffdingTrials & { n: number };
  rows: {
    n: number;
    /** Index of the independent data set X at this n (`initGramDataDraws`); draw 0 uses the key of a one-draw run. */
    draw: number;
    lambda: number;
    xNorm2Sq: number;
    /** Every width tried (doubling, then bisection) and its fraction of draws with λ_min(H(0)) ≥ ¾λ. */
    grid: number[];
    fracOk: number[];
    mStar: number | null;
    /** Per draw (all widths pooled): m‖H(0) − H^cts‖_F² / Σ_ij ρ_ij² p_ij(1 − p_ij), whose exact expectation is 1. */
    devScaled: number[];
    /** Largest error bound of λ_min(H(0)) over the draws, and the draws with |λ_min(H(0)) − ¾λ| within it. */
    eigErrMax: number;
    closeCalls: number;
  }[];
}

/** lem.perturb / lem.antic, one data geometry. */
export interface PerturbGeometry {
  name: 'sphere' | 'cluster';
  d: number;
  radii: number[];
  /** Per radius, per draw: ‖U‖_F and ‖U‖₂ (U dominates |H(W) − H(W̃)| entrywise on the ball). */
  uFro: number[][];
  uSpec: number[][];
  /** Per radius, per draw: ‖H(W̃ + RV) − H(W̃)‖_F for random unit directions v_r (a contrast, not a worst case). */
  randomFro: number[][];
  /** Per radius: fraction of (i, r) with |w̃_rᵀx_i| < R, pooled over draws, and its standard error over neurons. */
  flagFraction: { mean: number; se: number }[];
  /** Per radius: the exact E‖U‖_F² over W̃ ~ N(0, I) (`expectedUFroSq`). */
  uFroSqExpected: number[];
}

export interface PerturbTrace {
  n: number;
  m: number;
  trials: number;
  geometries: PerturbGeometry[];
}

/** fact.dynamics: per GD step, whether any pattern flipped and the discrete-vs-continuous error. */
export interface DynamicsTrace {
  n: number;
  m: number;
  eta: number;
  /** Per step: 1 if no pattern 1{w_rᵀx_i ≥ 0} changed between k and k+1. */
  flipFree: number[];
  /** Per step: ‖(u(k+1) − u(k))/η − H(k)(y − u(k))‖/‖H(k)(y − u(k))‖. */
  relErr: number[];
  /** Flip-free steps, concatenated: (u(k+1) − u(k))/η and H(k)(y − u(k)), elementwise. */
  flipFreeObserved: number[];
  flipFreeExpected: number[];
}

/** claim.decomp / claim.c1-c4, one step size. */
export interface DecompRun {
  label: 'theory' | 'practical';
  eta: number;
  /** Per step k: ‖e(k)‖², ‖e(k+1)‖², C1..C4, R_k, max_i |S̄_i|, λ_min(H(k)). */
  eSq: number[];
  eNextSq: number[];
  c1: number[];
  c2: number[];
  c3: number[];
  c4: number[];
  radius: number[];
  /**
   * Per step: R*_k = max(R_k, ln(n/δ)/m), the smallest ball radius that contains the trajectory so far and makes the C2/C3
   * guarantee 1 − n·e^{−mR} non-vacuous at level δ, and C2, C3 recomputed with S̄_i at that radius (the decomposition is
   * exact for any R ≥ R_k; C1 and C4 do not depend on R) [NOTES.md §7].
   */
  radiusWide: number[];
  c2Wide: number[];
  c3Wide: number[];
  maxSbar: number[];
  lambdaMinH: number[];
  /** Per step: error bound of λ_min(H(k)) (a-priori n·ε·‖H‖_F of the dense solver, `extremeEigenvalues`). */
  lambdaMinErr: number[];
  /**
   * Per step: a-priori float64 rounding bound of the outputs, ‖δu(k)‖ + ‖δu(k+1)‖ with |δu_i| ≤ γ_m m^{−1/2} Σ_r |a_r relu(z_ir)|
   * (γ_m = m·u/(1 − m·u), u = 2⁻⁵³): e = y − u inherits it, and near convergence it dominates ‖e‖.
   */
  roundU: number[];
}

export interface DecompTrace {
  n: number;
  m: number;
  lambda: number;
  lambdaMax: number;
  runs: DecompRun[];
}

/** thm.main (and lem.move, lem.gf): GD at η = λ/(4n²). */
export interface MainTrace {
  n: number;
  m: number;
  lambda: number;
  eta: number;
  steps: number;
  precision: 'float32' | 'float64';
  /** ½‖y − u(k)‖², k = 0..K. */
  loss: number[];
  maxDistance: number[];
  residual0: number;
  diverged: { step: number; reason: string } | null;
  /**
   * The first GD step W(0) → W(1) in closed form: ‖W(1) − W(0)‖_F², eᵀH(0)e and ‖H(0)e‖² with e = y − u(0), the losses
   * ½‖y − u(0)‖², ½‖y − u(1)‖², and the number of (i, r) whose pattern 1{w_rᵀx_i ≥ 0} flipped.
   */
  firstStep: { movedSq: number; eHe: number; HeSq: number; loss0: number; loss1: number; flips: number };
}

export interface ResidualTrace {
  n: number;
  m: number;
  yNormSq: number;
  residualSq: number[];
}

/** tool.chernoff: per (shape, width), λ_min and λ_max of H(0) per draw. */
export interface ChernoffCase {
  n: number;
  d: number;
  m: number;
  muMin: number;
  muMax: number;
  /** ‖X‖₂²/m ≥ λ_max of each summand (1/m)D_r XXᵀD_r. */
  L: number;
  lambdaMin: number[];
  lambdaMax: number[];
  /** Largest error bound of the λ_min / λ_max values above (dense solver, a-priori n·ε·‖H‖_F). */
  eigErr: number;
  /** Per draw ‖H(0) − H^cts‖_F², and its exact expectation Σ_ij ρ_ij² p_ij(1 − p_ij)/m (@repro/nets `gramHDeviationScale`). */
  devSq: number[];
  devSqExpected: number;
}

export interface ChernoffTrace {
  cases: ChernoffCase[];
}

/** emp.mstar: the smallest width reaching the target within the budget in a majority of seeds, per (d, n). */
export interface MstarRow {
  n: number;
  d: number;
  /** Index of the independent data set (X, y) at this (d, n) (`mstarDataDraws`); draw 0 uses the key of a one-draw run. */
  draw: number;
  lambda: number;
  lambdaMax: number;
  xNorm2Sq: number;
  /** ‖y‖² + n/2 = E‖y − u(0)‖² (exact expectation over the initialization). */
  residualSqMean: number;
  steps: number;
  /** Every width tried, and how many seeds reached the target. */
  tried: { m: number; successes: number; seeds: number }[];
  mStar: number | null;
}

export interface MstarTrace {
  target: number;
  rows: MstarRow[];
}

/** Everything one harness seed measured; absent parts were not requested (`--only`). */
export interface SongYang2019Trace {
  initGram?: InitGramTrace[];
  perturb?: PerturbTrace;
  dynamics?: DynamicsTrace;
  decomp?: DecompTrace;
  main?: MainTrace;
  residual?: ResidualTrace;
  chernoff?: ChernoffTrace;
  mstar?: MstarTrace;
  /**
   * Replicates 1 … R − 1 (`replicates`) of the single-run experiments, each with its own data and initialization;
   * replicate 0 is the fields above. Claims on them hold only if they hold on every replicate (`claims/select.ts`).
   */
  replicas?: ReplicaTrace[];
}

/** The single-run experiments that `replicates` repeats. */
export type ReplicaTrace = Pick<SongYang2019Trace, 'dynamics' | 'decomp' | 'main'>;

export type ExperimentName = Exclude<keyof SongYang2019Trace, 'replicas'>;
/** The experiments claims and figures name in `needs`. */
export type SongYang2019Experiment = ExperimentName;
