import { cor41Distance } from './cor-4-1-distance.js';
import { defHinf } from './def-hinf.js';
import { fig1aConvergence } from './fig-1a-convergence.js';
import { fig1bPatternChanges } from './fig-1b-pattern-changes.js';
import { fig1cDistance } from './fig-1c-distance.js';
import { initResidual } from './init-residual.js';
import { introRate } from './intro-rate.js';
import { lem31InitConcentration } from './lem-3-1-init-concentration.js';
import { lem32PatternFlips } from './lem-3-2-pattern-flips.js';
import { lem33GfRateAndDistance } from './lem-3-3-gf-rate-and-distance.js';
import { lem34StaysPositive } from './lem-3-4-stays-positive.js';
import { lem41FlipCount } from './lem-4-1-flip-count.js';
import type { Du2019Claim } from './select.js';
import { rem31PerturbationRate } from './rem-3-1-perturbation-rate.js';
import { thm31PositiveDefinite } from './thm-3-1-positive-definite.js';
import { thm32GradientFlow } from './thm-3-2-gradient-flow.js';
import { thm33JointTraining } from './thm-3-3-joint-training.js';
import { thm41LinearRate } from './thm-4-1-linear-rate.js';

/** Every du2019 claim, in the paper's order. */
export const claims: readonly Du2019Claim[] = [
  defHinf,
  thm31PositiveDefinite,
  lem31InitConcentration,
  rem31PerturbationRate,
  lem32PatternFlips,
  lem33GfRateAndDistance,
  lem34StaysPositive,
  thm32GradientFlow,
  initResidual,
  thm33JointTraining,
  thm41LinearRate,
  cor41Distance,
  lem41FlipCount,
  introRate,
  fig1aConvergence,
  fig1bPatternChanges,
  fig1cDistance,
];
