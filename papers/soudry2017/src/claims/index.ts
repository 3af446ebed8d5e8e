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
import { standinBLossRate } from './standin-b-loss-rate.js';
import { standinBNorm } from './standin-b-norm.js';
import { standinBValLoss } from './standin-b-val-loss.js';
import { thm3Direction } from './thm-3-direction.js';
import { thm3Norm } from './thm-3-norm.js';
import { thm4ResidualLimit } from './thm-4-residual-limit.js';
import { tightRate } from './tight-rate.js';
import { valLossClaim } from './val-loss.js';
import { perReplicate, type SoudryClaim } from './select.js';

/**
 * Every soudry2017 claim, in the paper's order. Under the paper profile (replicates > 1, NOTES.md §9) a claim on a random
 * experiment is checked on every replicate (`perReplicate`: it holds only if it holds on each), except the three gap
 * claims (thm3-direction, indep, sgd), which aggregate their runs by §9's rule themselves; thm4, tight and momentum read
 * only the deterministic experiments (asym, tight) and are checked once.
 */
export const claims: readonly SoudryClaim[] = [
  perReplicate(lemma1Divergence),
  perReplicate(thm3Norm),
  thm3Direction,
  tightRate,
  thm4ResidualLimit,
  perReplicate(lossRate),
  indepClaim,
  momentumClaim,
  sgdClaim,
  perReplicate(fig2Adam),
  perReplicate(valLossClaim),
  perReplicate(multiclassClaim),
  perReplicate(standinALossRate),
  perReplicate(standinANorm),
  perReplicate(standinAValLoss),
  perReplicate(standinBLossRate),
  perReplicate(standinBNorm),
  perReplicate(standinBValLoss),
];
