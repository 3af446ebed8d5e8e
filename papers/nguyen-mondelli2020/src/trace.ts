/**
 * The nguyen-mondelli2020 trace: everything `run` measured for one harness seed, JSON-serializable. Claims and figures
 * read only this.
 */

/**
 * GD at the rule's step size η0 = etaScale/λ_max(K̄(θ_0)) for all K steps, no halving, descent not enforced (the rate
 * claims read this run). Series as in GdRun; a non-finite loss ends it (`diverged`).
 */
export interface RuleRun {
  eta: number;
  loss: number[];
  gradSq: number[];
  mu: number[];
  sigmaF1: number[];
  minWRatio: number[];
  /** Steps whose update broke Φ_{k+1} ≤ Φ_k − (η/2)‖∇Φ_k‖² (above the floor), and the first of them (−1: none). */
  descentViolations: number;
  firstViolation: number;
  diverged: { step: number; reason: string } | null;
}

/** One NM20 GD run (run set R) after the step-size ladder; per-step series have K + 1 entries (k = 0..K) unless floored. */
export interface GdRun {
  n1: number;
  L: number;
  gamma: number;
  seed: number;
  widths: number[];
  /** Final step size and how many halvings the ladder needed. */
  eta: number;
  halvings: number;
  /** Whether the final run met Φ_{k+1} ≤ Φ_k − (η/2)‖∇Φ_k‖² at every step above the floor. */
  descentOk: boolean;
  /** Φ_k = ½‖F_L − Y‖². */
  loss: number[];
  /** ‖∇Φ_k‖_F² (all layers) and ‖∇_{W_2}Φ_k‖_F². */
  gradSq: number[];
  gradW2Sq: number[];
  /** PL constant μ_k = γ^{2(L−2)} σ_N(F_1^k)² Π_{l≥3} σ_min(W_l^k)², so the §2 inequality reads ‖∇_{W_2}Φ‖² ≥ 2μ_kΦ_k. */
  mu: number[];
  /** σ_N(F_1^k). */
  sigmaF1: number[];
  /** min over l ≥ 3 of σ_min(W_l^k)/σ_min(W_l^0) (1 when L = 2). */
  minWRatio: number[];
  /** max over l of ‖W_l^k‖_2/‖W_l^0‖_2. */
  maxNormRatio: number[];
  /** Lemma B.2 gradient bound: max_l ‖∇_{W_l}Φ_k‖_F / (‖X‖_F Π_{p≠l}‖W_p^k‖_2 ‖F_L − Y‖_F) per step (≤ 1 holds). */
  gradBoundRatio: number[];
  /** At θ_0: rᵀK̄r (float64 empirical NTK) and λ_min(K̄_0), λ_max(K̄_0). */
  ntkQuad0: number;
  lambdaMinK0: number;
  lambdaMaxK0: number;
  diverged: { step: number; reason: string } | null;
  /** The run at the rule's η0 without halving (identical to this run when halvings = 0). */
  rule: RuleRun;
}

export interface GdTrace {
  N: number;
  d: number;
  beta: number;
  floor: number;
  runs: GdRun[];
}

/** σ_min(F_1) at initialization: ρ = σ_N(σ(XW_1))²/(n_1λ_*) per trial. */
export interface InitCell {
  d: number;
  N: number;
  n1: number;
  rho: number[];
  lambdaStar: number[];
}

export interface InitTrace {
  gamma: number;
  beta: number;
  cells: InitCell[];
  /** thm3.3: λ_* per d (one value per data set); `mc`: λ_min of the Monte-Carlo Gram (1/M)Σ_m σ(Xw_m)σ(Xw_m)ᵀ on data set 0. */
  lambdaStar: { d: number; N: number; values: number[]; mc: number; mcDraws: number }[];
}

export interface DecompCase {
  activation: string;
  widths: number[];
  /** Row-major N×N: the layer formula (float64), central differences (float64; empty when skipped), tfjs autodiff (float32). */
  layer: number[];
  centralDiff: number[];
  autodiff: number[];
  /** The float32 tfjs layer formula. */
  layerTf: number[];
}

export interface DecompTrace {
  N: number;
  d: number;
  cases: DecompCase[];
}

/** One Figure 2 trial. */
export interface Fig2Point {
  /** Curve label, grid x value (N for the right panel, d for the left). */
  curve: string;
  x: number;
  trial: number;
  N: number;
  d: number;
  n1: number;
  n2: number;
  /** λ_min of the plotted matrix (right: K̄ unscaled, He; left: 4K̄/(n_1n_2), N(0,1) weights), float64 Lanczos. */
  lambdaMin: number;
  /** A-posteriori error bound of lambdaMin (@repro/linalg: explicit Ritz residual plus its rounding; n·ε·‖A‖_F when dense). */
  lambdaMinErrorBound: number;
  /** Σ_i K̄_ii of the plotted matrix and its exact expectation given X, Σ_i ‖x_i‖²·c (He unscaled: c = 1 + (n_1 + n_2)/d; N(0,1) with 4/(n_1n_2): c = 3). */
  diagSum: number;
  diagExpected: number;
  /** The Thm 4.1 upper bound in data and widths: min_i ‖x_i‖²·c = min_i E[K̄_ii] (the proof's λ_min ≤ K̄_ii with K̄_ii ≈ E[K̄_ii]). */
  upperTheory: number;
  /** Thm 4.1 proof sandwich on the same scale: Σ_k λ_min(F_kF_kᵀ)·min_i‖(B_{k+1})_{i:}‖² ≤ λ_min; min_i K̄_ii (reported). */
  lower: number;
  upper: number;
  /** The per-layer lower-bound terms k = 0..L−1. */
  lowerTerms: number[];
  /** λ_min(K^{(3)}) of the closed-form limit on the same X (left panel, trial 0 only; NaN otherwise). */
  limitLambdaMin: number;
  /** λ_min(K̄) solver: Lanczos, or the dense fallback when Lanczos did not converge. */
  solver: 'lanczos' | 'dense';
  seconds: number;
}

/** NMM21 Thm 3.2 on the closed-form limit K^{(L)}: one row per (d, L). */
export interface LimitTrace {
  rows: { d: number; L: number; N: number; lambdaMin: number; layerGramMins: number[]; minNormSq: number }[];
}

/** nm20.lemmaB2 feature-Lipschitz pairs (a, b): max over l of ‖F_l(a) − F_l(b)‖_F / (‖X‖_F Π_{p≤l}λ̄_p Σ_{p≤l}‖W_pᵃ − W_pᵇ‖_2/λ̄_p), λ̄_p = max(‖W_pᵃ‖_2, ‖W_pᵇ‖_2). */
export interface LipschitzTrace {
  pairs: { n1: number; L: number; pair: number; distance: number; ratio: number; perLayer: number[] }[];
}

/** nmm21.lemma5.2-chernoff: ρ = σ_min(F_1)²/(n_1λ), λ = λ_min(G^{(2)})/d, ReLU, He W_1; plus the matrix Chernoff tail bound. */
export interface ChernoffCell {
  d: number;
  N: number;
  n1: number;
  rho: number[];
  /** λ = λ_min(G^{(2)})/d per trial (so E[F_1F_1ᵀ] = n_1G^{(2)}/d has λ_min = n_1λ). */
  lambda: number[];
  /** Matrix Chernoff bound on P(λ_min(F_1F_1ᵀ) ≤ n_1λ/4) with R = the largest observed per-neuron ‖σ(Xw_j)‖², per trial. */
  chernoffTail: number[];
}

export interface ChernoffTrace {
  cells: ChernoffCell[];
}

/** nm20.lecun-width-scaling: ‖W_1⁰‖_2 and ‖F_L(θ_0)‖_F/√N per trial at each n_1. */
export interface LecunCell {
  n1: number;
  N: number;
  d: number;
  w1Norm: number[];
  outputNorm: number[];
}

/** nm20.sec3.1-width-N: GD from the tailored init (W_1 = sX⁺, W_2 = 0, W_{l≥3} = s·LeCun). */
export interface WidthNRun extends Omit<GdRun, 'ntkQuad0'> {
  /** Scale s of the tailored init. */
  s: number;
}

export interface WidthNTrace {
  N: number;
  d: number;
  floor: number;
  runs: WidthNRun[];
}

/** nmm21.lemma3.1-limit: relative Frobenius error of (4/n²)K̄ against K^{(3)}, per (width n, trial). */
export interface NtkLimitTrace {
  N: number;
  d: number;
  rows: { n: number; trial: number; relErr: number }[];
}

export interface Nm20Trace {
  gd?: GdTrace;
  init?: InitTrace;
  decomp?: DecompTrace;
  fig2R?: Fig2Point[];
  fig2L?: Fig2Point[];
  limit?: LimitTrace;
  lipschitz?: LipschitzTrace;
  chernoff?: ChernoffTrace;
  n1Sweep?: Fig2Point[];
  lecun?: LecunCell[];
  widthN?: WidthNTrace;
  ntkLimit?: NtkLimitTrace;
}

export type ExperimentName = keyof Nm20Trace;
/** The experiments a claim or figure may name in `needs`. */
export type Nm20Experiment = ExperimentName;
