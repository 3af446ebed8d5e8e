import { z } from 'zod';
import type { ProfileName } from '@repro/harness';

const posInt = (what: string) => z.number().int().positive().describe(what);
const intList = (what: string) => z.array(z.number().int().positive()).min(1).describe(what);
const range = (what: string) =>
  z
    .tuple([z.number(), z.number()])
    .refine(([lo, hi]) => lo < hi, 'range must be [low, high] with low < high')
    .describe(what);
const unit = (what: string) => z.number().min(0).max(1).describe(what);

/**
 * Every experiment of the nguyen-mondelli2020 reproduction; sizes follow NMM21's Figure 2 [arXiv:2012.11654 Fig. 2] where
 * the paper has an experiment [NOTES.md §7]. NM20 has no experiments, so its `paper` sizes are ours [NOTES.md §4].
 */
export const config = z
  .object({
    // NM20 run set R: GD on a deep net with one wide layer followed by a pyramid (float64 plain JS)
    gdN: posInt('run set R: training points N (x on the radius-√d sphere, y ~ N(0,1)), count'),
    gdD: posInt('run set R: input dimension d, count'),
    gdWideWidths: intList('run set R: widths n_1 of the wide first layer, neurons'),
    gdPyramid: intList('run set R: widths n_2 ≥ n_3 ≥ … after the wide layer, truncated to depth L (output n_L = 1 appended), neurons'),
    gdDepths: intList('run set R: depths L (number of weight matrices), count'),
    gdGammas: z.array(z.number().gt(0).lt(1)).min(1).describe('run set R: slopes γ of σ_{γ,β} (σ′ ∈ (γ,1)), dimensionless'),
    gdBeta: z.number().positive().describe('run set R: sharpness β of σ_{γ,β}, dimensionless'),
    gdSteps: posInt('run set R: full-batch GD steps K, steps'),
    gdSeeds: posInt('run set R: initializations (and data sets) per configuration, count'),
    gdEtaScale: z.number().positive().describe('run set R: first step size η = etaScale/λ_max(K̄(θ_0)) before the halving ladder, dimensionless'),
    gdMaxHalvings: z.number().int().min(0).describe('run set R: how often η may be halved when the descent precondition fails, count'),
    // NM20 σ_min(F_1) at initialization and λ_*
    initDims: intList('init-sigma-min-F1: input dimensions d (N = 2d), count'),
    initWidthFactors: intList('init-sigma-min-F1: first-layer widths n_1 as multiples of N, dimensionless'),
    initTrials: posInt('init-sigma-min-F1: independent draws (X, W_1) per (d, n_1), count'),
    lambdaStarDims: intList('thm3.3-lambda-star: input dimensions d (N = 2d), count'),
    lambdaStarTrials: posInt('thm3.3-lambda-star: data sets per d, count'),
    lambdaStarMcDraws: posInt('thm3.3-lambda-star: Monte-Carlo draws w ~ N(0, I_d/d) of the λ_* cross-check on data set 0 of each d (at least 2·10⁵; NOTES.md §3), count'),
    // NM20 Lemma B.2 (feature Lipschitz pairs; the gradient bound reads the GD runs of R)
    lipschitzPairs: posInt('lemmaB2: parameter pairs (a, b) at LeCun init of run set R networks, cycling over (n_1, L), count'),
    lipschitzDistance: z.number().positive().describe('lemmaB2: per-layer Frobenius distance ‖W_pᵃ − W_pᵇ‖_F of a pair, weight units'),
    // NM20 LeCun width scaling
    lecunN: posInt('lecun-width-scaling: points N (radius-√d sphere), count'),
    lecunD: posInt('lecun-width-scaling: input dimension d, count'),
    lecunWidths: intList('lecun-width-scaling: first-layer widths n_1, neurons'),
    lecunDepth: z.number().int().min(2).describe('lecun-width-scaling: depth L (pyramid gdPyramid truncated, scalar output), weight matrices'),
    lecunTrials: posInt('lecun-width-scaling: independent draws (X, θ_0) per n_1, count'),
    // NM20 §3.1 width exactly N
    widthNN: posInt('sec3.1-width-N: training points N = n_1, count'),
    widthND: posInt('sec3.1-width-N: input dimension d (≥ N so that XX⁺ = I), count'),
    widthNPyramids: z.array(intList('widths')).min(1).describe('sec3.1-width-N: widths [n_2, …, n_{L−1}] after n_1 = N (scalar output appended), one net per entry, neurons'),
    widthNScales: z.array(z.number().positive()).min(1).describe('sec3.1-width-N: scales s of the tailored init W_1 = sX⁺, W_{l≥3} = s·LeCun, dimensionless'),
    widthNSteps: posInt('sec3.1-width-N: full-batch GD steps K, steps'),
    // NMM21 Lemma 5.2 (matrix Chernoff for σ_min(F_1), ReLU, He)
    chernoffDims: intList('lemma5.2-chernoff: input dimensions d (N = 2d, x ~ N(0, I_d)), count'),
    chernoffWidthFactors: intList('lemma5.2-chernoff: first-layer widths n_1 as multiples of N, dimensionless'),
    chernoffTrials: posInt('lemma5.2-chernoff: independent draws (X, W_1) per (d, n_1), count'),
    // NMM21 Thm 4.1: λ_min(K̄) vs the wide width n_1
    n1SweepN: posInt('thm4.1-lambda-min-linear-n1: points N (x ~ N(0, I_d)), count'),
    n1SweepD: posInt('thm4.1-lambda-min-linear-n1: input dimension d, count'),
    n1SweepN2: posInt('thm4.1-lambda-min-linear-n1: second hidden width n_2, neurons'),
    n1SweepWidths: intList('thm4.1-lambda-min-linear-n1: wide widths n_1 (He init, L = 3), neurons'),
    n1SweepTrials: posInt('thm4.1-lambda-min-linear-n1: independent trials (data + weights) per n_1, count'),
    // NMM21 Lemma 3.1: (4/(n_1n_2))K̄ → K^{(3)}
    ntkLimitN: posInt('lemma3.1-limit: points N (x ~ N(0, I_d)), count'),
    ntkLimitD: posInt('lemma3.1-limit: input dimension d, count'),
    ntkLimitWidths: intList('lemma3.1-limit: hidden widths n = n_1 = n_2 (N(0,1) weights, L = 3), neurons'),
    ntkLimitTrials: posInt('lemma3.1-limit: independent trials (data + weights) per n, count'),
    // NMM21 NTK decomposition check
    decompN: posInt('ntk-decomposition: points N, count'),
    decompD: posInt('ntk-decomposition: input dimension d, count'),
    decompWidths: z.array(intList('widths')).min(1).describe('ntk-decomposition: hidden widths [n_1, …, n_{L−1}] per net (scalar output), neurons'),
    // NMM21 Theorem 3.2 on the closed-form limit
    limitN: posInt('thm3.2-limit: points N (x ~ N(0, I_d)), count'),
    limitDims: intList('thm3.2-limit: input dimensions d, count'),
    limitDepths: intList('thm3.2-limit: depths L (weight matrices), count'),
    // NMM21 Figure 2
    fig2RightTrials: posInt('Figure 2 right: independent trials (data + weights) per grid point, count (the paper used 50)'),
    fig2LeftTrials: posInt('Figure 2 left: independent trials (data + weights) per grid point, count (the paper used 50)'),
    fig2RightN: intList('Figure 2 right: sample sizes N, count'),
    fig2RightWidthFactor: posInt('Figure 2 right: n_1 = factor·N, dimensionless'),
    fig2RightCurves: z.array(z.tuple([z.number().int().positive(), z.number().int().positive()])).min(1).describe('Figure 2 right: curves (d, n_2), count/neurons'),
    fig2LeftD: intList('Figure 2 left: input dimensions d, count'),
    fig2LeftCurves: z
      .array(z.tuple([z.number().int().positive(), z.number().int().positive(), z.number().int().positive()]))
      .min(1)
      .describe('Figure 2 left: curves (N, n_1, n_2), count/neurons/neurons'),
    fig2LeftLimit: z.boolean().describe('Figure 2 left: also compute λ_min(K^{(3)}) of the closed-form limit on trial 0 (overlay), flag'),
    // pass thresholds [NOTES.md §5]
    fig2RightR2Min: unit('Figure 2 right: minimum R² of the affine fit λ_min vs N, dimensionless'),
    fig2RightLogSlope: range('Figure 2 right: accepted log-log slope of λ_min vs N, exponent'),
    fig2RightInversions: z.number().int().min(0).describe('Figure 2 right: allowed decreases of the mean along N per curve, count'),
    fig2LeftR2Min: unit('Figure 2 left: minimum R² of the affine fit λ_min vs d, dimensionless'),
    fig2LeftLogSlope: range('Figure 2 left: accepted log-log slope of λ_min vs d, exponent'),
    fig2LeftBand: z.number().gt(1).describe('Figure 2 left: maximum max/min of λ_min/d over the grid, ratio'),
    fig2LeftOrderFrac: unit('Figure 2 left: minimum share of grid points where the curve order holds, fraction'),
    orderBand: z.number().gt(1).describe('thm4.1-orders: maximum max/min of mean λ_min/(d + n_1 + n_2) over the right-panel grid, ratio'),
  })
  .strict();

export type Nm20Config = z.infer<typeof config>;

const smoke: Nm20Config = {
  gdN: 16,
  gdD: 8,
  gdWideWidths: [16, 64, 256],
  gdPyramid: [8, 4],
  gdDepths: [3, 4],
  gdGammas: [0.5],
  gdBeta: 4,
  gdSteps: 800,
  gdSeeds: 2,
  gdEtaScale: 0.25,
  gdMaxHalvings: 12,
  initDims: [16, 32],
  initWidthFactors: [4, 16],
  initTrials: 10,
  lambdaStarDims: [16, 32, 64],
  lambdaStarTrials: 3,
  lambdaStarMcDraws: 200_000,
  lipschitzPairs: 20,
  lipschitzDistance: 1e-2,
  lecunN: 32,
  lecunD: 16,
  lecunWidths: [256, 1024, 4096],
  lecunDepth: 3,
  lecunTrials: 20,
  widthNN: 16,
  widthND: 20,
  widthNPyramids: [[8, 4]],
  widthNScales: [1, 2],
  widthNSteps: 3000,
  chernoffDims: [25, 50],
  // 64N: the upper side of ρ → 1 (mean ρ ≤ 1) is sharpest at the widest layer
  chernoffWidthFactors: [4, 16, 64],
  chernoffTrials: 10,
  n1SweepN: 100,
  n1SweepD: 50,
  n1SweepN2: 50,
  n1SweepWidths: [400, 800, 1600, 3200],
  n1SweepTrials: 5,
  ntkLimitN: 50,
  ntkLimitD: 50,
  ntkLimitWidths: [100, 200, 400, 800, 1600],
  ntkLimitTrials: 5,
  decompN: 8,
  decompD: 5,
  decompWidths: [
    [12, 6],
    [12, 6, 4],
  ],
  limitN: 100,
  limitDims: [100, 200, 400, 800],
  limitDepths: [2, 3, 5],
  fig2RightTrials: 4,
  // the 1/8-scale left grid is noisier than the planned 1/4 grid [NOTES.md §7] (n_1 ≈ d): 8 trials (≈ 17 s) keep the sd of the mean down
  fig2LeftTrials: 8,
  fig2RightN: [50, 100, 150, 200, 250],
  fig2RightWidthFactor: 8,
  fig2RightCurves: [
    [50, 50],
    [100, 50],
    [100, 100],
  ],
  fig2LeftD: [50, 100, 150, 200, 250],
  fig2LeftCurves: [
    [125, 250, 250],
    [125, 500, 500],
    [62, 250, 250],
  ],
  fig2LeftLimit: true,
  fig2RightR2Min: 0.85,
  fig2RightLogSlope: [0.4, 1.1],
  fig2RightInversions: 1,
  fig2LeftR2Min: 0.98,
  fig2LeftLogSlope: [0.8, 1.5],
  fig2LeftBand: 2.5,
  fig2LeftOrderFrac: 0.8,
  orderBand: 2.5,
};

const grid = (lo: number, hi: number, step: number): number[] => Array.from({ length: Math.floor((hi - lo) / step) + 1 }, (_, i) => lo + i * step);

const paper: Nm20Config = {
  ...smoke,
  gdN: 100,
  gdD: 50,
  gdWideWidths: [100, 400, 2000],
  gdPyramid: [16, 8, 4],
  gdDepths: [3, 4, 5],
  gdGammas: [0.2, 0.5],
  gdSteps: 2000,
  gdSeeds: 3,
  initDims: [25, 50, 100],
  initWidthFactors: [4, 16, 64],
  initTrials: 20,
  lambdaStarDims: [25, 50, 100, 200],
  lambdaStarTrials: 3,
  lipschitzPairs: 200,
  lecunN: 200,
  lecunD: 100,
  lecunWidths: [1600, 6400, 25600, 64000],
  widthNN: 64,
  widthND: 80,
  widthNPyramids: [[16], [16, 8], [16, 8, 4]],
  chernoffDims: [25, 50, 100, 200],
  chernoffWidthFactors: [4, 16, 64],
  chernoffTrials: 20,
  n1SweepN: 200,
  n1SweepD: 100,
  n1SweepN2: 100,
  n1SweepWidths: [800, 1600, 3200, 6400],
  n1SweepTrials: 20,
  ntkLimitN: 500,
  ntkLimitD: 1000,
  ntkLimitWidths: [500, 1000, 2000, 4000, 8000],
  ntkLimitTrials: 10,
  decompN: 64,
  decompD: 32,
  decompWidths: [[256, 64]],
  limitN: 1000,
  limitDims: [400, 800, 1200, 1600, 2000],
  limitDepths: [2, 3, 5, 10],
  fig2RightTrials: 10,
  fig2LeftTrials: 10,
  fig2RightN: grid(400, 2000, 100),
  fig2RightCurves: [
    [400, 400],
    [800, 400],
    [800, 800],
  ],
  fig2LeftD: grid(400, 2000, 100),
  fig2LeftCurves: [
    [1000, 2000, 2000],
    [1000, 4000, 4000],
    [500, 2000, 2000],
  ],
  fig2RightR2Min: 0.97,
  fig2RightLogSlope: [0.55, 1.1],
  fig2RightInversions: 0,
};

export const profiles: Record<ProfileName, Nm20Config> = { smoke, paper };
