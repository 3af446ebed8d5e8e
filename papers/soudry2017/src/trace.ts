/**
 * The soudry2017 trace: everything `run` measured for one harness seed, JSON-serializable (plain numbers and arrays).
 * Claims and figures read only this. Times t are GD iterations (epochs for SGD); beyond `flowFrom` the values come from the
 * log-time gradient-flow integrator started at the exact GD iterate.
 */

/** One recorded optimization path of the binary linear model, at log-spaced times. */
export interface LinearRun {
  label: string;
  optimizer: 'gd' | 'gdmo' | 'sgd' | 'adam';
  loss: 'logistic' | 'exp';
  /** Step η (GD, GDMO, SGD) or learning rate (ADAM). */
  eta: number;
  gamma: number;
  w0: number[];
  /** t from which the values come from the log-time flow (null: exact iterations throughout). */
  flowFrom: number | null;
  t: number[];
  w: number[][];
  /** L(w(t)) = Σ_n ℓ(w(t)ᵀz_n). */
  L: number[];
  normW: number[];
  /** min_n z_nᵀw(t). */
  minMargin: number[];
  /** 1 − cos(w(t), ŵ). */
  angleGap: number[];
  /** ‖w/‖w‖ − ŵ/‖ŵ‖‖. */
  dirGap: number[];
  /** 1/‖ŵ‖ − min_n z_nᵀw/‖w‖. */
  marginGap: number[];
  /** ‖ρ(t)‖ = ‖w(t) − ŵ ln t‖ (t ≥ 1; NaN at t = 0). */
  rhoNorm: number[];
  diverged: { t: number; reason: string } | null;
}

/** The max-margin solution as stored in traces. */
export interface SvmSummary {
  wHat: number[];
  alpha: number[];
  support: number[];
  /** min over non-support n of ŵᵀz_n. */
  theta: number;
  /** KKT residuals of the solver (all ≈ 0). */
  kktMax: number;
}

export interface Fig1Trace {
  /** Points (not label-absorbed) and labels, for panel (a). */
  X: number[];
  y: number[];
  attempt: number;
  sigmaMax: number;
  eta: number;
  /** The logistic step bound 8/σ²_max. */
  stepBound: number;
  svm: SvmSummary;
  /** GD, GDMO at the paper's step, GDMO at η(1−γ). */
  runs: LinearRun[];
}

export interface AsymTrace {
  svm: SvmSummary;
  /** w̃ of Theorem 4 for step η: η·exp(−z_nᵀw̃) = α_n on S, P₂w̃ = P₂w(0). */
  wTilde: number[];
  eta: number;
  gamma: number;
  /** GD logistic, GD exp, GDMO logistic. */
  runs: LinearRun[];
  /** ‖ρ(t) − w̃‖ per run (same times as the run), for GDMO against w̃ of the effective step η/(1−γ). */
  rhoMinusTilde: number[][];
  wTildeMomentum: number[];
}

export interface TightTrace {
  t: number[];
  /** w₁(t); w₂ stays w₂(0). */
  w1: number[];
  w2: number;
  /** ‖w/‖w‖ − ŵ/‖ŵ‖‖ with ŵ from the SVM solver on z = (1, 0). */
  gap: number[];
  wHat: number[];
}

export interface IndepTrace {
  sigmaMax: number;
  svm: SvmSummary;
  runs: LinearRun[];
}

export interface SgdTrace {
  svm: SvmSummary;
  run: LinearRun;
}

export interface AdamTrace {
  X: number[];
  y: number[];
  sigmaMax: number;
  svm: SvmSummary;
  gdEta: number;
  /** ADAM runs (one per lr) then GD. */
  runs: LinearRun[];
}

export interface ValLossTrace {
  attempt: number;
  eta: number;
  svm: SvmSummary;
  wHatNormSq: number;
  /** mean_{k∈V} max(0, −ŵᵀz_k): the predicted slope of the mean validation loss vs ln t. */
  predictedSlope: number;
  /** Validation error of ŵ itself. */
  svmValError: number;
  flowFrom: number;
  t: number[];
  trainLoss: number[];
  valLoss: number[];
  valError: number[];
  normW: number[];
}

export interface MulticlassTrace {
  X: number[];
  y: number[];
  eta: number;
  WHat: number[];
  kktMax: number;
  flowFrom: number;
  t: number[];
  /** ‖W/‖W‖ − Ŵ/‖Ŵ‖‖_F. */
  gap: number[];
  normW: number[];
  loss: number[];
}

export interface StandinTrace {
  source: string;
  features: number;
  nTrain: number;
  nVal: number;
  eta: number;
  flowFrom: number;
  t: number[];
  trainLoss: number[];
  trainError: number[];
  normW: number[];
  valLoss: number[];
  valError: number[];
  /** First t with zero training error (null: never). */
  separatedAt: number | null;
}

/** Stand-in B (MLP on MNIST, SGD with momentum; NOTES.md §8): values at log-spaced SGD steps and at the Table-1 epochs. */
export interface StandinBTrace {
  source: string;
  nTrain: number;
  nVal: number;
  /** [784, h, h, 10]. */
  widths: number[];
  lr: number;
  momentum: number;
  batch: number;
  stepsPerEpoch: number;
  /** The recorded steps round(T/100), round(T/10) and T (T the last step) that the claims compare. */
  anchors: number[];
  /** The Table-1 epochs recorded (end of each epoch; config standinBTableEpochs up to the run's length). */
  tableEpochs: number[];
  /** SGD steps t and the (fractional) epoch each recording was taken at. */
  step: number[];
  epoch: number[];
  /** Mean cross-entropy over the training set (true log-sum-exp). */
  trainLoss: number[];
  trainError: number[];
  valLoss: number[];
  valError: number[];
  /** ‖W₃‖_F (the last layer) and the norm of all weights. */
  normLast: number[];
  normAll: number[];
  /** min_n (z_{y_n} − max_{k≠y_n} z_k) over the training set. */
  minMargin: number[];
  /** First recorded step with zero training error (null: never). */
  separatedAtStep: number | null;
  diverged: { step: number; reason: string } | null;
}

/** Everything one harness seed measured; absent parts were not requested (`--only`). */
export interface Soudry2017Trace {
  fig1?: Fig1Trace;
  asym?: AsymTrace;
  tight?: TightTrace;
  indep?: IndepTrace;
  sgd?: SgdTrace;
  adam?: AdamTrace;
  valLoss?: ValLossTrace;
  multiclass?: MulticlassTrace;
  standin?: StandinTrace;
  standinB?: StandinBTrace;
  /**
   * Further independent replicates of the random experiments (config `replicates` − 1 of them; NOTES.md §9), each drawn
   * from foldIn(key, 'replicate-r'); the deterministic experiments (asym, tight) are shared with this trace.
   */
  replicates?: Soudry2017Trace[];
}

/** The experiments of `run` (claims' and figures' `needs`). */
export type Soudry2017Experiment = Exclude<keyof Soudry2017Trace & string, 'replicates'>;
