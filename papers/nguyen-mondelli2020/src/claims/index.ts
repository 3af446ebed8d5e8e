import type { Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Experiment, Nm20Trace } from '../trace.js';
import { fig2Order } from './fig2-order.js';
import { fig2lLinearD } from './fig2l-linear-d.js';
import { fig2rLinearN } from './fig2r-linear-n.js';
import { initSigmaMinF1 } from './init-sigma-min-f1.js';
import { lecunWidthScaling } from './lecun-width-scaling.js';
import { lemma31Limit } from './lemma-3-1-limit.js';
import { lemma52Chernoff } from './lemma-5-2-chernoff.js';
import { lemmaB2 } from './lemma-b2.js';
import { ntkDecomposition } from './ntk-decomposition.js';
import { ntkPl } from './ntk-pl.js';
import { plInequality } from './pl-inequality.js';
import { sec31WidthN } from './sec-3-1-width-n.js';
import { thm32LinearRate } from './thm-3-2-linear-rate.js';
import { thm32LambdaMinLinearD, thm32LimitSandwich } from './thm-3-2-limit.js';
import { thm33LambdaStar } from './thm-3-3-lambda-star.js';
import { thm41LinearN1 } from './thm-4-1-linear-n1.js';
import { thm41Orders } from './thm-4-1-orders.js';
import { thm41Sandwich } from './thm-4-1-sandwich.js';
import { trajectoryBall } from './trajectory-ball.js';

/** Every nguyen-mondelli2020 claim, in the order of NOTES.md §5. */
export const claims: readonly Claim<Nm20Config, Nm20Trace, Nm20Experiment>[] = [
  plInequality,
  lemmaB2,
  initSigmaMinF1,
  thm33LambdaStar,
  lecunWidthScaling,
  thm32LinearRate,
  trajectoryBall,
  sec31WidthN,
  ntkDecomposition,
  ntkPl,
  lemma31Limit,
  thm32LimitSandwich,
  thm32LambdaMinLinearD,
  thm41Sandwich,
  thm41LinearN1,
  fig2rLinearN,
  fig2lLinearD,
  fig2Order,
  thm41Orders,
  lemma52Chernoff,
];
