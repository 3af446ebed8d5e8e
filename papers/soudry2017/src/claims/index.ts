import { fig2Adam } from './fig-2-adam.js';
import { indepClaim } from './indep.js';
import { lemma1Divergence } from './lemma-1-divergence.js';
import { lossRate } from './loss-rate.js';
import { momentumClaim } from './momentum.js';
import { multiclassClaim } from './multiclass.js';
import { sgdClaim } from './sgd.js';
import { standinALossRate } from './standin-a-loss-rate.js';
import { standinANorm } from './standin-a-norm.js';
import { standinAValLoss } from './standin-a-val-loss.js';
import { thm3Direction } from './thm-3-direction.js';
import { thm3Norm } from './thm-3-norm.js';
import { thm4ResidualLimit } from './thm-4-residual-limit.js';
import { tightRate } from './tight-rate.js';
import { valLossClaim } from './val-loss.js';
import type { SoudryClaim } from './select.js';

/** Every soudry2017 claim, in the paper's order. */
export const claims: readonly SoudryClaim[] = [
  lemma1Divergence,
  thm3Norm,
  thm3Direction,
  tightRate,
  thm4ResidualLimit,
  lossRate,
  indepClaim,
  momentumClaim,
  sgdClaim,
  fig2Adam,
  valLossClaim,
  multiclassClaim,
  standinALossRate,
  standinANorm,
  standinAValLoss,
];
