import { z } from 'zod';
import type { ProfileName } from '@repro/harness';

const posInt = (what: string) => z.number().int().positive().describe(what);
const widthList = (what: string) => z.array(z.number().int().positive()).min(1).describe(what);
const slopeRange = (what: string) =>
  z
    .tuple([z.number(), z.number()])
    .refine(([lo, hi]) => lo < hi, 'range must be [low, high] with low < high')
    .describe(what);
const posReal = (what: string) => z.number().positive().finite().describe(what);

/**
 * Every experiment of the du2019 reproduction. Figure 1 follows the paper's setup [arXiv:1810.02054 Fig. 1]; where the paper
 * has no experiment the `paper` profile uses our sizes [NOTES.md §5].
 */
export const config = z
  .object({
    // Figure 1 (and thm4.1 B, cor4.1, rem3.1, lem3.4, intro.rate)
    fig1N: posInt('Figure 1: number of training points n (unit vectors on S^{d-1}), count'),
    fig1D: posInt('Figure 1: input dimension d, count'),
    fig1Widths: widthList('Figure 1: hidden widths m, one curve per width, neurons'),
    fig1Seeds: posInt('Figure 1: initializations (W(0), a) per width, count'),
    fig1Epochs: posInt('Figure 1: full-batch GD iterations (epoch = iteration), steps'),
    fig1EtaScale: posReal('Figure 1: step size eta = etaScale / lambda_max(H_inf), dimensionless'),
    fig1GramEvery: posInt('Figure 1 panel (d): compute lambda_min(H(k)) every this many epochs, steps'),
    fig1PatternSlope: slopeRange('Figure 1(b,c): accepted log-log slope range of the final value vs m (m >= 100), exponent'),
    rem31Slope: slopeRange('Remark 3.1: accepted log-log slope range of ||H(K)-H(0)||_2 vs m (m >= 100), exponent'),
    // def.hinf
    hinfN: posInt('def.hinf: points, count'),
    hinfD: posInt('def.hinf: dimension, count'),
    hinfSamples: posInt('def.hinf: Monte-Carlo draws M of w ~ N(0, I), count'),
    // thm3.1
    thm31N: posInt('thm3.1: points, count'),
    thm31D: posInt('thm3.1: dimension, count'),
    thm31Thetas: z
      .array(z.number().min(0).max(Math.PI))
      .min(3)
      .describe('thm3.1(b): angles theta between the near-parallel pair x1, x2 (the value 0 is the parallel case), radians'),
    // lem3.1
    lem31N: posInt('lem3.1: points n (= d), count'),
    lem31Widths: widthList('lem3.1(a): widths m for the rate fit, neurons'),
    lem31Seeds: posInt('lem3.1(a): draws per width for the rate fit, count'),
    lem31ProbWidths: widthList('lem3.1(b): widths at which the explicit Hoeffding bound is tested, neurons'),
    lem31Trials: posInt('lem3.1(b): independent draws T per width for the probability claim, count (50 draws catch a 25 % violation rate with probability 0.981, 200 with 0.982)'),
    lem31MinWidthDraws: posInt('lem3.1(c): draws per width on the doubling grid for the smallest sufficient m, count'),
    delta: z.number().gt(0).lt(1).describe('failure probability delta used by every high-probability claim, probability'),
    // lem3.2 / lem4.1
    lem32N: posInt('lem3.2: points, count'),
    lem32Dims: widthList('lem3.2: input dimensions d, count'),
    lem32Width: posInt('lem3.2: width m, neurons'),
    lem32Radii: z.array(z.number().positive().finite()).min(1).describe('lem3.2: ball radii R, Euclidean distance'),
    lem32Trials: posInt('lem3.2: independent draws T of W(0), count (20 draws catch a 25 % violation rate of the Markov bounds with probability 0.976, 100 with 0.979)'),
    // GF suite (lem3.3, lem3.4, thm3.2, thm3.3)
    gfN: posInt('GF suite: points n (= d), count'),
    gfWidths: widthList('GF suite: widths m, neurons'),
    gfSeeds: posInt(
      'GF suite: initializations per width, count (thm3.2 trials = widths × seeds; 15 runs catch a 25 % violation rate with probability 0.987, 12 are the fewest that can pass)',
    ),
    gfTimeScale: posReal('GF suite: horizon t_max = timeScale / lambda0, time units of gradient flow'),
    gfEtaScale: posReal('GF suite: GD stands in for gradient flow with eta = etaScale / lambda_max, dimensionless'),
    gfJointTimeScale: posReal('thm3.3 (joint training): horizon t_max = timeScale / lambda0, time units'),
    gfJointWidths: widthList('thm3.3 (joint training): widths m; its step is ~n/(2 pi) times smaller, so it gets its own grid, neurons'),
    gfJointSeeds: posInt(
      'thm3.3 (joint training): initializations per width, count (trials = widths × seeds; 12 runs catch a 25 % violation rate with probability 0.968 and pass when all hold)',
    ),
    gfLogPoints: posInt('GF suite: logged times for lambda_min(H(t)), count'),
    // init.residual
    initN: posInt('init.residual: points n (= d), count'),
    initWidth: posInt('init.residual: width m, neurons'),
    initTrials: posInt('init.residual: initializations T, count'),
    // thm4.1 A (inside the hypothesis)
    thm41N: posInt('thm4.1 A: points n (= d), count'),
    thm41Width: posInt('thm4.1 A: width m, neurons'),
    thm41StepFactor: posReal('thm4.1 A: K = ceil(stepFactor * n^2 / lambda0^2) iterations at eta = lambda0/(4 n^2), dimensionless'),
    thm41Precision: z.enum(['float32', 'float64']).describe('thm4.1 A: arithmetic of the GD run (float64 = plain JS, float32 = tfjs)'),
    thm41Replicates: posInt(
      'thm4.1 A: independent runs (data and initialization), each held to the bound; run 0 keeps the key of a one-run profile, count',
    ),
  })
  .strict();

export type Du2019Config = z.infer<typeof config>;

const smoke: Du2019Config = {
  fig1N: 100,
  fig1D: 100,
  fig1Widths: [10, 100, 400, 1600, 6400],
  fig1Seeds: 2,
  fig1Epochs: 100,
  fig1EtaScale: 0.5,
  fig1GramEvery: 10,
  fig1PatternSlope: [-0.7, -0.3],
  rem31Slope: [-0.85, -0.3],
  hinfN: 20,
  hinfD: 10,
  hinfSamples: 200_000,
  thm31N: 50,
  thm31D: 10,
  thm31Thetas: [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 0],
  lem31N: 50,
  lem31Widths: [100, 400, 1600, 6400],
  lem31Seeds: 5,
  lem31ProbWidths: [100, 1600],
  lem31Trials: 50,
  lem31MinWidthDraws: 10,
  delta: 0.1,
  lem32N: 50,
  lem32Dims: [10],
  lem32Width: 2000,
  lem32Radii: [0.01, 0.05, 0.1],
  lem32Trials: 20,
  gfN: 50,
  gfWidths: [100, 400, 1600],
  gfSeeds: 2,
  gfTimeScale: 5,
  gfEtaScale: 0.05,
  gfJointTimeScale: 5,
  gfJointWidths: [100, 400],
  gfJointSeeds: 2,
  gfLogPoints: 10,
  initN: 50,
  initWidth: 500,
  initTrials: 500,
  thm41N: 8,
  thm41Width: 512,
  thm41StepFactor: 4,
  thm41Precision: 'float64',
  thm41Replicates: 1,
};

const paper: Du2019Config = {
  ...smoke,
  fig1N: 1000,
  fig1D: 1000,
  // 5 initializations per width (issue 21: ≥ 5 draws for the claims read from Figure 1); 3 before 2026-12-07, when the
  // whole profile took 525 s on the idle box (Figure 1: 186 s of it), so 5 add ≈ 125 s.
  fig1Seeds: 5,
  fig1PatternSlope: [-0.65, -0.35],
  rem31Slope: [-0.85, -0.35],
  hinfN: 100,
  hinfD: 50,
  hinfSamples: 1_000_000,
  thm31N: 200,
  thm31D: 50,
  lem31N: 200,
  lem31Widths: [100, 400, 1600, 6400, 25600],
  lem31Trials: 200,
  lem31MinWidthDraws: 20,
  lem32N: 200,
  lem32Dims: [10, 1000],
  lem32Width: 4000,
  lem32Trials: 100,
  gfN: 100,
  gfWidths: [250, 1000, 4000],
  // 3 × 5 = 15 runs: catch a 25 % violation rate with probability 0.987 (test/power.test.ts)
  gfSeeds: 5,
  gfTimeScale: 10,
  gfJointTimeScale: 5,
  gfJointWidths: [250, 1000],
  // 2 × 6 = 12 joint runs: the fewest that exclude a 25 % violation rate when all hold (power 0.968)
  gfJointSeeds: 6,
  // the plan's sizes (NOTES.md §5): 26 CPU s here (measured 2026-12-07, --only du2019.init.residual); with T = 200 the
  // standard error of the mean is ≈ 0.9 % of ‖y‖² + n/2, so the 4-SE window (≈ 3.5 %) still separates a 5 % constant error
  initN: 1000,
  initWidth: 1000,
  initTrials: 200,
  thm41N: 16,
  thm41Width: 4096,
  thm41StepFactor: 8,
  thm41Precision: 'float32',
  // 5 independent runs (issue 21: every single-trace claim over ≥ 5 draws in the paper profile): ≈ 62 s each, serial
  // (2026-12-07, idle box). The plan's n = d = 32, m = 8192 is ≳ 50× one run and does not fit (README).
  thm41Replicates: 5,
};

export const profiles: Record<ProfileName, Du2019Config> = { smoke, paper };
