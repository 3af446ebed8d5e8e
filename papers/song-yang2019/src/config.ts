import { z } from 'zod';
import type { ProfileName } from '@repro/harness';

const posInt = (what: string) => z.number().int().positive().describe(what);
const intList = (what: string) => z.array(z.number().int().positive()).min(1).describe(what);
const posReal = (what: string) => z.number().positive().finite().describe(what);
const posList = (what: string) => z.array(z.number().positive().finite()).min(1).describe(what);

/**
 * Every experiment of the song-yang2019 reproduction. The paper has no experiments, so every size is our choice
 * [NOTES.md §6].
 */
export const config = z
  .object({
    delta: z.number().gt(0).lt(1).describe('failure probability delta of the high-probability claims, probability'),
    // lem.init-gram
    initGramNs: intList('lem.init-gram: numbers of points n for the smallest-width search, count'),
    initGramDims: intList('lem.init-gram: input dimensions d (one m*(n) curve per d), count'),
    initGramDraws: posInt('lem.init-gram: draws of W(0) per grid width, count'),
    initGramMaxWidth: posInt('lem.init-gram: top of the doubling grid 8, 16, …, neurons'),
    initGramBisections: z.number().int().min(0).describe('lem.init-gram: geometric bisection steps inside the last doubling bracket [m/2, m], count'),
    // lem.perturb / lem.antic
    perturbN: posInt('lem.perturb: points n, count'),
    perturbWidth: posInt('lem.perturb: width m, neurons'),
    perturbRadii: posList('lem.perturb: ball radii R, Euclidean distance'),
    perturbTrials: posInt(
      'lem.perturb: independent draws T of W~, count. Power (PERTURB_DETECT = 0.2, Bonferroni over the informative cases): smoke 50 draws catch a 20 % violation rate with probability 0.9987 (6 cases), paper 200 draws with probability 0.998 (8 cases); ≥ 30 draws are needed to pass at all (test/power.test.ts)',
    ),
    perturbSphereD: posInt('lem.perturb: dimension of the spread (sphere) data, count'),
    perturbClusterD: posInt('lem.perturb: dimension of the clustered data, count'),
    perturbClusterAngle: z.number().gt(0).lt(Math.PI / 2).describe('lem.perturb: clustered data lie within this angle of one pole, radians'),
    // fact.dynamics
    dynN: posInt('fact.dynamics: points n (= d), count'),
    dynWidth: posInt('fact.dynamics: width m, neurons'),
    dynSteps: posInt('fact.dynamics: GD steps at eta = 1e-3/lambda_max(H^cts), steps'),
    // claim.decomp / claim.c1-c4
    decompN: posInt('claim.decomp: points n (= d), count'),
    decompWidth: posInt('claim.decomp: width m, neurons'),
    decompSteps: posInt('claim.decomp: GD steps per step size (eta = lambda/(4n^2) and eta = 0.5/lambda_max), steps'),
    // thm.main / lem.move / lem.gf
    mainN: posInt('thm.main: points n (= d), count'),
    mainWidth: posInt('thm.main: width m, neurons'),
    mainStepFactor: posReal('thm.main: K = ceil(stepFactor * n^2 / lambda^2) iterations at eta = lambda/(4n^2), dimensionless'),
    mainPrecision: z.enum(['float32', 'float64']).describe('thm.main: arithmetic of the GD run (float64 = plain JS, float32 = tfjs)'),
    // claim.residual
    residualN: posInt('claim.residual: points n (= d), count'),
    residualWidth: posInt('claim.residual: width m, neurons'),
    residualTrials: posInt('claim.residual: initializations T, count'),
    residualDeltas: z.array(z.number().gt(0).lt(1)).min(2).describe('claim.residual: failure probabilities delta of the quantiles q_{1-delta}, probability'),
    // tool.chernoff
    chernoffShapes: z.array(z.tuple([z.number().int().positive(), z.number().int().positive()])).min(1).describe('tool.chernoff: data shapes (n, d), count'),
    chernoffWidths: intList('tool.chernoff: widths m, neurons'),
    chernoffEps: z.array(z.number().gt(0).lt(1)).min(1).describe('tool.chernoff: relative deviations epsilon, dimensionless'),
    chernoffTrials: posInt(
      'tool.chernoff: draws T per (shape, width), count. Power (detect = bound + 0.05, worst case bound 0): smoke 500 draws catch a 5-point excess with probability 0.9995 (Bonferroni over ≤ 20 tails), paper 5000 draws with ≥ 0.999 (≤ 30 tails); ≥ 188 draws are needed to pass at all (test/power.test.ts)',
    ),
    // emp.mstar
    mstarNs: intList('emp.mstar: numbers of points n, count'),
    mstarDims: intList('emp.mstar: input dimensions d (one m*(n) curve per d), count'),
    mstarSeeds: posInt('emp.mstar: GD seeds per width (a width succeeds in a majority of them), count'),
    mstarTarget: z.number().gt(0).lt(1).describe('emp.mstar: target L(k)/L(0), ratio'),
    mstarStepBudget: posReal('emp.mstar: iteration budget ceil(budget/(eta*lambda)) at eta = 1/lambda_max, dimensionless'),
    mstarBisections: z.number().int().min(0).describe('emp.mstar: bisection steps inside the doubling bracket [m/2, m], count'),
  })
  .strict();

export type SongYang2019Config = z.infer<typeof config>;

const smoke: SongYang2019Config = {
  delta: 0.1,
  initGramNs: [25, 50, 100],
  initGramDims: [10],
  initGramDraws: 10,
  initGramMaxWidth: 4096,
  initGramBisections: 0,
  perturbN: 50,
  perturbWidth: 4000,
  perturbRadii: [0.05, 0.1, 0.5],
  perturbTrials: 50,
  perturbSphereD: 10,
  perturbClusterD: 3,
  perturbClusterAngle: Math.PI / 6,
  dynN: 20,
  dynWidth: 500,
  dynSteps: 50,
  decompN: 20,
  decompWidth: 1000,
  decompSteps: 100,
  mainN: 8,
  mainWidth: 512,
  mainStepFactor: 4,
  mainPrecision: 'float64',
  residualN: 50,
  residualWidth: 500,
  residualTrials: 2000,
  residualDeltas: [0.1, 0.005],
  chernoffShapes: [
    [10, 5],
    [20, 20],
  ],
  chernoffWidths: [20, 100, 400],
  chernoffEps: [0.25, 0.5, 0.75],
  chernoffTrials: 500,
  mstarNs: [16, 32, 64],
  mstarDims: [10],
  mstarSeeds: 3,
  mstarTarget: 1e-4,
  mstarStepBudget: 30,
  mstarBisections: 2,
};

const paper: SongYang2019Config = {
  ...smoke,
  initGramNs: [25, 50, 100, 200, 400],
  initGramDims: [10, 50],
  initGramBisections: 3,
  perturbN: 200,
  perturbWidth: 20000,
  perturbRadii: [0.01, 0.05, 0.1, 0.5],
  perturbTrials: 200,
  // fact.dynamics: n = d = 100, m = 1000, 200 steps — at m = 4000 every step of 50 flipped a pattern (no input for the
  // exact identity); at m = 1000 about one step in ten is flip-free.
  dynN: 100,
  dynWidth: 1000,
  dynSteps: 200,
  decompN: 40,
  decompWidth: 4000,
  decompSteps: 200,
  chernoffTrials: 5000,
  mstarNs: [16, 32, 64, 128, 256],
  mstarDims: [10, 50],
  mstarBisections: 3,
  mainN: 12,
  mainWidth: 2048,
  mainStepFactor: 8,
  residualN: 100,
  residualWidth: 1000,
  residualTrials: 5000,
  residualDeltas: [0.1, 0.01, 0.002],
};

export const profiles: Record<ProfileName, SongYang2019Config> = { smoke, paper };
