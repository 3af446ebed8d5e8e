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
import type { SongYang2019Claim } from './select.js';
import { thmMain } from './thm-main.js';
import { toolChernoff } from './tool-chernoff.js';

/** Every song-yang2019 claim, in the order of NOTES.md §4. */
export const claims: readonly SongYang2019Claim[] = [
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
