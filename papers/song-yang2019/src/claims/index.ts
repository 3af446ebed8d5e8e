import type { Claim } from '@repro/harness';
import type { SongYang2019Config } from '../config.js';
import type { SongYang2019Trace } from '../trace.js';
import { claimC1C4 } from './claim-c1-c4.js';
import { claimDecomp } from './claim-decomp.js';
import { claimQuadratic } from './claim-quadratic.js';
import { claimResidual } from './claim-residual.js';
import { empMstar } from './emp-mstar.js';
import { factDynamics } from './fact-dynamics.js';
import { lemAntic } from './lem-antic.js';
import { lemGf } from './lem-gf.js';
import { lemInitGram } from './lem-init-gram.js';
import { lemMove } from './lem-move.js';
import { lemPerturb } from './lem-perturb.js';
import { thmMain } from './thm-main.js';
import { toolChernoff } from './tool-chernoff.js';

/** Every song-yang2019 claim, in the paper card's order. */
export const claims: readonly Claim<SongYang2019Config, SongYang2019Trace>[] = [
  lemInitGram,
  lemAntic,
  lemPerturb,
  factDynamics,
  lemGf,
  lemMove,
  claimDecomp,
  claimC1C4,
  thmMain,
  claimResidual,
  toolChernoff,
  claimQuadratic,
  empMstar,
];
