import type { Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Trace } from '../trace.js';
import { fig2Order } from './fig2-order.js';
import { fig2lLinearD } from './fig2l-linear-d.js';
import { fig2rLinearN } from './fig2r-linear-n.js';
import { initSigmaMinF1 } from './init-sigma-min-f1.js';
import { ntkDecomposition } from './ntk-decomposition.js';
import { ntkPl } from './ntk-pl.js';
import { plInequality } from './pl-inequality.js';
import { thm32LinearRate } from './thm-3-2-linear-rate.js';
import { thm32LambdaMinLinearD, thm32LimitSandwich } from './thm-3-2-limit.js';
import { thm33LambdaStar } from './thm-3-3-lambda-star.js';
import { thm41Orders } from './thm-4-1-orders.js';
import { thm41Sandwich } from './thm-4-1-sandwich.js';
import { trajectoryBall } from './trajectory-ball.js';

/** Every nguyen-mondelli2020 claim, in the paper card's order. */
export const claims: readonly Claim<Nm20Config, Nm20Trace>[] = [
  plInequality,
  initSigmaMinF1,
  thm33LambdaStar,
  thm32LinearRate,
  trajectoryBall,
  ntkDecomposition,
  ntkPl,
  thm32LimitSandwich,
  thm32LambdaMinLinearD,
  thm41Sandwich,
  fig2rLinearN,
  fig2lLinearD,
  fig2Order,
  thm41Orders,
];
