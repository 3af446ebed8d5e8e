/**
 * The cho-saul2009 trace: everything `run` measured for one harness seed, JSON-serializable. Claims and figures read only this.
 */
import type { DatasetName, MkmDatasetName } from './config.js';

/** eq-closed-form: closed form vs angular quadrature, one row per (n, θ, norm draw). */
export interface ClosedFormTrace {
  rows: { n: number; theta: number; normX: number; normY: number; closed: number; quadrature: number }[];
}

/** eq-jn-general: the operator formula by nested finite differences, and the end values. */
export interface JnGeneralTrace {
  operator: { n: number; theta: number; operator: number; closed: number }[];
  ends: { n: number; j0: number; doubleFactorialPi: number; jPi: number }[];
}

export interface McCase {
  n: number;
  theta: number;
  exact: number;
  /** exact single-sample sd σ_n = √(2k_{2n} − k_n²) */
  sigma: number;
  perWidth: { m: number; mean: number; rms: number }[];
}

/** mc-limit: (2/m)Σ g_n(wᵀx)g_n(wᵀy) over R repeats per width. */
export interface McTrace {
  d: number;
  repeats: number;
  cases: McCase[];
}

/** eq-recursion: h^ℓ_x·h^ℓ_y of a deep random network over S draws vs k^(ℓ). */
export interface RecursionTrace {
  d: number;
  m: number;
  seeds: number;
  cases: { n: number; depth: number; exact: number; mean: number; se: number; sd: number }[];
}

/** diag-depth: diagonal recursion and scale behaviour. */
export interface DiagTrace {
  rows: { n: number; depth: number; observed: number; predicted: number; gram: number }[];
  scale: { n: number; depth: number; s: number; scaled: number; expected: number }[];
}

/** psd: extreme eigenvalues of Gram matrices. */
export interface PsdTrace {
  n: number;
  rows: {
    degree: number;
    depth: number;
    lambdaMin: number;
    lambdaMax: number;
    solver: string;
    /** error bounds of lambdaMin / lambdaMax from the solver (a-posteriori for Lanczos, a-priori n·ε·‖K‖_F for eigvalsh) */
    errorBoundMin: number;
    errorBoundMax: number;
  }[];
}

/** angle-map: iterates of cos θ' = J_n(θ)/J_n(0) from θ = 3 and fixed points. */
export interface AngleMapTrace {
  iterates: { n: number; thetas: number[] }[];
  fixedPoints: { n: number; theta: number }[];
  /** n = 1: θ⁽ℓ⁾·ℓ at ℓ = longRun, from θ = 3. */
  n1ThetaTimesDepth: number;
  longRun: number;
}

/** Angular-dependence curves for the figures. */
export interface CurvesTrace {
  thetas: number[];
  /** k_n(x, y)/k_n(x, x) for unit x, y at each θ = J_n(θ)/J_n(0), per n and depth */
  curves: { n: number; depth: number; values: number[] }[];
}

export interface SvmArcResult {
  n: number;
  depth: number;
  /** selected C (relative grid value) and its validation error */
  C: number;
  valError: number;
  testError: number;
  supportVectors: number;
  iterations: number;
  maxKkt: number;
  /** paired test comparison with the RBF baseline: points this model gets wrong and RBF right, and the reverse */
  worseThanRbf: number;
  betterThanRbf: number;
}

export interface SvmDatasetTrace {
  name: DatasetName;
  classes: number;
  train: number;
  val: number;
  test: number;
  /** per-row input scale s (x → s·x) making the mean training ‖x‖² = 1 */
  inputScale: number;
  /** mean on-pixel count per class (binary images only) */
  meanOnPixels?: { positive: number; negative: number };
  arc: SvmArcResult[];
  rbf: { gamma: number; C: number; valError: number; testError: number; supportVectors: number };
}

export interface SvmTrace {
  datasets: SvmDatasetTrace[];
  /** extra independent draws of convex (replicates 1..R−1; replicate 0 is the convex entry of `datasets`), degrees n ≥ 1 */
  convexReplicates: SvmDatasetTrace[];
}

/** One MKM of one degree at one depth: the (w, k) selected on validation and its test error. */
export interface MkmLayerResult {
  /** layers ℓ (0 = the classifier on pruned pixels, the same for every degree) */
  depth: number;
  /** features available at this depth (784 pixels at ℓ = 0, kernel-PCA components after) */
  features: number;
  /** features kept by mutual information and k of the k-NN classifier, both selected on validation */
  w: number;
  k: number;
  valError: number;
  testError: number;
  /** indices of the test rows this model gets wrong (for paired comparisons between degrees) */
  wrong: number[];
  /** ℓ ≥ 1: largest kernel-PCA eigenvalue (of the kernel normalised by its mean diagonal) and the fraction of the centred trace the kept components carry */
  lambdaMax?: number;
  explained?: number;
  /** ℓ ≥ 1: how the kernel-PCA eigendecomposition answered ('permuted': QL retried on a symmetric permutation) */
  eigSolver?: string;
}

/** The MKM experiment on one dataset: per degree n, depths ℓ = 0..L. */
export interface MkmDatasetTrace {
  name: MkmDatasetName;
  /** draw index: 0 is the charted draw, r ≥ 1 the extra mnist-back-rand draws of the paper profile */
  draw: number;
  train: number;
  val: number;
  test: number;
  fit: number;
  degrees: { n: number; layers: MkmLayerResult[] }[];
}

export interface MkmTrace {
  /** draw 0 of every MKM dataset (figures, values) */
  datasets: MkmDatasetTrace[];
  /** mnist-back-rand draws 1.. (config mkmBackRandDraws − 1), pooled by mkm-degree-backrand */
  backRandReplicates: MkmDatasetTrace[];
}

/** Everything one harness seed measured; absent parts were not requested (`--only`). */
export interface ChoSaul2009Trace {
  closedForm?: ClosedFormTrace;
  jnGeneral?: JnGeneralTrace;
  mc?: McTrace;
  recursion?: RecursionTrace;
  diag?: DiagTrace;
  psd?: PsdTrace;
  angleMap?: AngleMapTrace;
  curves?: CurvesTrace;
  svm?: SvmTrace;
  mkm?: MkmTrace;
}

export type ExperimentName = keyof ChoSaul2009Trace;
/** The experiments of `run` that claims and figures name in `needs`. */
export type ChoSaul2009Experiment = ExperimentName;
