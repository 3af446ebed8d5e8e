import { z } from 'zod';
import type { ProfileName } from '@repro/harness';

const posInt = (what: string) => z.number().int().positive().describe(what);
const posReal = (what: string) => z.number().positive().finite().describe(what);
const horizon = (what: string) => z.number().min(1).finite().describe(what);

/**
 * Every experiment of the soudry2017 reproduction. Sizes [NOTES.md §5]:
 * smoke = exact GD to 10⁵ (flow to 10⁸ where needed), paper = exact GD to 10⁶ (flow to 10¹⁰). "Flow" is the log-time RK4
 * integrator of gradient flow [NOTES.md §3], started from the exact GD iterate.
 */
export const config = z
  .object({
    loss: z.enum(['logistic', 'exp']).describe('margin loss of the binary experiments (Figure 1, indep, sgd, adam, val-loss): logistic ln(1+e^{-u}) or exp e^{-u}'),
    recordPerDecade: posInt('log-spaced recording: checkpoints per decade of t, count'),
    // Figure 1 (lemma1, thm3-norm, thm3-direction, loss-rate B)
    fig1Steps: posInt('Figure 1: exact GD (and GDMO) iterations T, steps'),
    fig1Momentum: z.number().min(0).lt(1).describe('Figure 1 GDMO: heavy-ball momentum gamma, dimensionless'),
    fig1MaxSigma: posReal('Figure 1 data: redraw while sigma_max(X) >= this (GD at eta = 1/sigma_max needs sigma_max < 8; NOTES.md §1), dimensionless'),
    // asymmetric data (thm4, loss-rate A, momentum)
    asymEta: posReal('asymmetric data: GD step eta, dimensionless'),
    asymSteps: posInt('asymmetric data: exact GD iterations, steps'),
    asymFlowT: horizon('asymmetric data: continue by log-time gradient flow up to this t (= asymSteps: no flow), iterations'),
    // tight
    tightSteps: posInt('tight (App. B example): scalar exp-loss GD iterations, steps'),
    // indep
    indepSteps: posInt('indep: exact GD iterations per run before the flow, steps'),
    indepFlowT: horizon('indep: log-time flow horizon, iterations'),
    indepEtas: z.array(z.number().positive()).min(1).describe('indep: step sizes; 1/sigma_max is always added as a further step, dimensionless'),
    indepInits: posInt('indep: random w(0) per step size, count'),
    indepInitRadius: posReal('indep: ||w(0)|| <= this (uniform in the disc), Euclidean norm'),
    // sgd
    sgdEpochs: posInt('sgd: epochs of per-sample SGD (batch 1, reshuffled each epoch), epochs'),
    // adam
    adamSteps: posInt('adam (Figure 2): ADAM and GD iterations on the x20 data, steps'),
    adamLrs: z.array(z.number().positive()).min(1).describe('adam: ADAM learning rates, one run each, dimensionless'),
    adamScale: posReal('adam: factor applied to the second coordinate of every Figure-1 point (recalled: 20; NOTES.md §7), dimensionless'),
    adamGdStepFraction: z.number().gt(0).lt(1).describe('adam: GD step = this * 8/sigma_max^2 (0.9; NOTES.md §4), dimensionless'),
    // val-loss
    valD: posInt('val-loss: dimension d, count'),
    valN: posInt('val-loss: training points N, count'),
    valV: posInt('val-loss: validation points |V|, count'),
    valSteps: posInt('val-loss: exact GD iterations before the flow, steps'),
    valFlowT: horizon('val-loss: log-time flow horizon, iterations'),
    // multiclass
    mcPerClass: posInt('multiclass: points per class (K = 3, d = 2), count'),
    mcSteps: posInt('multiclass: exact GD iterations before the flow, steps'),
    mcFlowT: horizon('multiclass: log-time flow horizon, iterations'),
    // stand-in A (Figure 3 substitute)
    standinTrain: posInt('stand-in A: MNIST training points, count'),
    standinVal: posInt('stand-in A: MNIST validation points, count'),
    standinPca: z.number().int().min(0).describe('stand-in A: PCA dimension of the centred pixels (0 = all 784 pixels), features'),
    standinSteps: posInt('stand-in A: exact GD iterations before the flow, steps'),
    standinFlowT: horizon('stand-in A: log-time flow horizon, iterations'),
    standinNormFrom: horizon('stand-in A: per-decade ||W|| increments are compared from this t on, iterations'),
    // stand-in B (Figure 3 / Table 1 substitute: MLP on MNIST; NOTES.md §8)
    standinBTrain: posInt('stand-in B: MNIST training points, count'),
    standinBVal: posInt('stand-in B: MNIST validation points, count'),
    standinBWidth: posInt('stand-in B: width h of both hidden layers of the bias-free ReLU MLP 784-h-h-10, units'),
    standinBBatch: posInt('stand-in B: SGD mini-batch size, samples'),
    standinBLr: posReal('stand-in B: constant SGD learning rate on the mean batch cross-entropy, dimensionless'),
    standinBMomentum: z.number().min(0).lt(1).describe('stand-in B: heavy-ball momentum gamma, dimensionless'),
    standinBEpochs: posInt('stand-in B: epochs of SGD, epochs'),
    standinBTableEpochs: z.array(z.number().int().positive()).min(1).describe('stand-in B: epochs at which the Table-1 columns are recorded, epochs'),
    // seeds
    replicates: posInt('independent replicates of every random experiment inside one harness seed (replicate 0 is the seed itself; the claims hold only if they hold for every replicate; NOTES.md §9), count'),
    // flow integrator
    flowHMax: posReal('log-time RK4: largest step in s = ln t (0.05-0.2; NOTES.md §3), dimensionless'),
    flowTol: posReal('log-time RK4: step-doubling error tolerance per step, relative to 1 + ||w||_inf'),
  })
  .strict();

export type Soudry2017Config = z.infer<typeof config>;

const smoke: Soudry2017Config = {
  loss: 'logistic',
  recordPerDecade: 10,
  fig1Steps: 100_000,
  fig1Momentum: 0.9,
  fig1MaxSigma: 8,
  asymEta: 0.1,
  asymSteps: 1_000_000,
  asymFlowT: 1_000_000,
  tightSteps: 10_000_000,
  indepSteps: 100_000,
  indepFlowT: 1e8,
  indepEtas: [0.01, 0.05],
  indepInits: 3,
  indepInitRadius: 5,
  sgdEpochs: 100_000,
  adamSteps: 200_000,
  adamLrs: [1e-3, 1e-2, 1e-1],
  adamScale: 20,
  adamGdStepFraction: 0.9,
  valD: 30,
  valN: 40,
  valV: 20_000,
  valSteps: 100_000,
  valFlowT: 1e8,
  mcPerClass: 8,
  mcSteps: 100_000,
  mcFlowT: 1e8,
  standinTrain: 200,
  standinVal: 3000,
  standinPca: 64,
  standinSteps: 2000,
  standinFlowT: 1e6,
  standinNormFrom: 1e3,
  standinBTrain: 500,
  standinBVal: 1000,
  standinBWidth: 32,
  standinBBatch: 32,
  standinBLr: 0.01,
  standinBMomentum: 0.9,
  standinBEpochs: 640,
  standinBTableEpochs: [10, 20, 50, 100, 200, 400, 640],
  replicates: 1,
  flowHMax: 0.2,
  flowTol: 1e-9,
};

const paper: Soudry2017Config = {
  ...smoke,
  fig1Steps: 1_000_000,
  asymFlowT: 1e10,
  indepSteps: 1_000_000,
  indepFlowT: 1e10,
  sgdEpochs: 1_000_000,
  adamSteps: 2_000_000,
  valSteps: 1_000_000,
  valFlowT: 1e10,
  mcSteps: 1_000_000,
  // 10²⁸⁰, not 10¹² (changed after the 10¹² reference was inconclusive on 3 of 5 replicates; NOTES.md § multiclass): the
  // theorem's transient decays like t^{−δ}, δ the smallest excess margin of a non-support pair, and our generator's δ goes
  // down to 0.008 (replicate 2), so T^{−δ} ≤ 0.01 needs ln T ≥ 600. 10²⁸⁰ is as far as the float64 flow goes with margin:
  // the support pairs' e^{−ln t} terms stay ≈ 10⁻²⁸⁰ ≫ the 2·10⁻³⁰⁸ normal floor. The log-time flow makes it cheap (ms).
  mcFlowT: 1e280,
  standinTrain: 300,
  standinPca: 0,
  standinFlowT: 1e8,
  standinNormFrom: 1e4,
  standinBTrain: 1000,
  standinBVal: 2000,
  standinBWidth: 64,
  standinBEpochs: 400,
  standinBTableEpochs: [10, 20, 50, 100, 200, 400],
  replicates: 5,
};

export const profiles: Record<ProfileName, Soudry2017Config> = { smoke, paper };
