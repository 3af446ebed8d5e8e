/**
 * The du2019 trace: everything `run` measured for one harness seed, JSON-serializable (plain numbers and arrays).
 * Claims and figures read only this.
 */

/** One Figure-1 GD run (one width m, one initialization). */
export interface Fig1Run {
  m: number;
  seed: number;
  /** L(k) = ½‖u(k) − y‖², k = 0..K (sum loss). */
  loss: number[];
  /** Fraction of (i, r) whose activation pattern differs from k = 0. */
  patternChange: number[];
  /** max_r ‖w_r(k) − w_r(0)‖₂. */
  maxDistance: number[];
  /** λ_min(H(k)) at logged steps (float64 eigen-solve of the float32-trained pattern). */
  lambdaMinH: { step: number; value: number }[];
  /** ‖H(K) − H(0)‖₂ and ‖·‖_F at the last step. */
  hDiffNorm2: number;
  hDiffFro: number;
  /** ‖y − u(0)‖₂. */
  residual0: number;
  diverged: { step: number; reason: string } | null;
}

export interface Fig1Trace {
  n: number;
  d: number;
  lambda0: number;
  /** Error bound of λ0 (dense eigvalsh: n·ε·‖H∞‖_F). */
  lambda0ErrorBound: number;
  lambdaMax: number;
  eta: number;
  yNormSq: number;
  runs: Fig1Run[];
}

export interface HinfTrace {
  n: number;
  samples: number;
  /** max_ij |H_MC − H∞| and the same for K. */
  maxAbsErrH: number;
  maxAbsErrK: number;
  /** max_ij |H∞_ij − H∞_ji| (should be exactly 0). */
  asymmetryH: number;
  /** max_i |H∞_ii − ½|. */
  diagDevH: number;
  lambda0: number;
  lambdaMinK: number;
  /** Error bounds of λ0 and λ_min(K∞) (dense eigvalsh: n·ε·‖·‖_F). */
  lambda0ErrorBound: number;
  lambdaMinKErrorBound: number;
}

export interface Thm31Trace {
  n: number;
  d: number;
  lambda0Random: number;
  thetas: number[];
  lambda0Theta: number[];
  /** Second-smallest eigenvalue λ₂(θ) of H∞. */
  lambda2Theta: number[];
  /** ½ − cosθ(π − θ)/(2π): Rayleigh quotient of (e₁ − e₂)/√2, an upper bound on λ0(θ). */
  rayleighBound: number[];
  /** ‖H∞v − ρv‖ for v = (e₁ − e₂)/√2 and ρ the closed-form Rayleigh quotient (Kato–Temple lower bound). */
  rayleighResidual: number[];
  /** Largest error bound of the dense eigen-solves (n·ε·‖H∞‖_F). */
  errorBound: number;
  /** λ0 when x₂ = −x₁ (antiparallel; allowed by the theorem's converse failing). */
  lambda0Antipodal: number;
}

export interface Lem31Trace {
  n: number;
  lambda0: number;
  lambda0ErrorBound: number;
  /** The exact E‖H(0) − H∞‖_F² per rate width, (1/m)Σ_ij ρ_ij² p_ij(1 − p_ij). */
  froSqExpected: number[];
  widths: number[];
  /** ‖H(0) − H∞‖_F and ‖·‖₂ per width (outer) per draw (inner). */
  fro: number[][];
  spec: number[][];
  probWidths: number[];
  /** Explicit bound n√(log(2n²/δ)/(2m)) per probability width. */
  probBound: number[];
  /** Draws where ‖H(0) − H∞‖_F ≤ bound, per probability width. */
  probSuccesses: number[];
  probTrials: number;
  /** Worst observed ‖·‖_F per probability width. */
  probWorstFro: number[];
  /** Doubling grid search for the smallest m with λ_min(H(0)) ≥ ¾λ0 in ≥ 9/10 draws. */
  minWidthGrid: number[];
  minWidthFracOk: number[];
  minWidthFound: number | null;
  /** Largest error bound of the dense λ_min(H(0)) solves of the search. */
  minWidthErrorBound: number;
  /** The sufficient width 8n² log(2n²/δ)/λ0² from the explicit bound. */
  sufficientWidth: number;
}

export interface Lem32PerDim {
  d: number;
  lambda0: number;
  radii: number[];
  /** Per radius: fraction of (r, i) with |w_r(0)ᵀx_i| < R — mean and standard error over neurons (pooled over draws). */
  flagFraction: { mean: number; se: number; neurons: number }[];
  /** Per radius, per draw: Σ_ij U_ij. */
  sumU: number[][];
  /** Per radius: the exact E[Σ_ij U_ij] (bivariate-normal square probabilities). */
  sumUExpected: number[];
  /** Per radius: 4n²R/(√(2π)δ). */
  sumUBound: number[];
  /** R* = √(2π)δλ0/(16n²) and ‖U‖_F at R* per draw. */
  rStar: number;
  uFroAtRStar: number[];
  /** lem4.1: Σ_i |S_i^⊥| per radius per draw, and the bound (2/√(2π))·m n R/δ. */
  lem41Count: number[][];
  lem41Bound: number[];
  /** lem4.1: the exact E Σ_i |S_i^⊥| = m n erf(R/√2) per radius. */
  lem41Expected: number[];
}

export interface Lem32Trace {
  n: number;
  m: number;
  trials: number;
  dims: Lem32PerDim[];
}

/** One GD-as-gradient-flow run of the GF suite. */
export interface GfRun {
  m: number;
  seed: number;
  steps: number;
  eta: number;
  /** max over k ≥ 1 of [ln(L(k)/L(0)) + λ0·kη]. */
  maxExcess: number;
  /** λ_min(H(t))/λ0 at the logged times. */
  lambdaRatios: number[];
  maxDistance: number;
  residual0: number;
  diverged: { step: number; reason: string } | null;
}

export interface GfTrace {
  n: number;
  lambda0: number;
  lambda0ErrorBound: number;
  lambdaMax: number;
  /** λ_max(H∞ + K∞), used for the joint-training step size. */
  lambdaMaxJoint: number;
  runs: GfRun[];
  joint: GfRun[];
}

export interface InitTrace {
  n: number;
  m: number;
  yNormSq: number;
  /** ‖y − u(0)‖² per initialization. */
  residualSq: number[];
}

export interface Thm41Trace {
  n: number;
  m: number;
  lambda0: number;
  eta: number;
  steps: number;
  precision: 'float32' | 'float64';
  loss: number[];
  maxDistance: number[];
  residual0: number;
  diverged: { step: number; reason: string } | null;
  /** Runs 2 … R of `thm41Replicates` (own data and initialization), each a full run; absent when R = 1. */
  replicas?: Omit<Thm41Trace, 'replicas'>[];
}

/** Everything one harness seed measured; absent parts were not requested (`--only`). */
export interface Du2019Trace {
  fig1?: Fig1Trace;
  hinf?: HinfTrace;
  thm31?: Thm31Trace;
  lem31?: Lem31Trace;
  lem32?: Lem32Trace;
  gf?: GfTrace;
  init?: InitTrace;
  thm41?: Thm41Trace;
}

export type ExperimentName = keyof Du2019Trace;
/** The experiments claims and figures name in `needs` (`gfJoint`: the joint-training half of the GF suite, in `gf`). */
export type Du2019Experiment = ExperimentName | 'gfJoint';
