import { definePaper } from '@repro/harness';
import { faults } from './faults.js';
import { claims } from './claims/index.js';
import { config, profiles } from './config.js';
import { deviations } from './deviations.js';
import { figures } from './figures/index.js';
import { estimateMemory } from './memory.js';
import { meta } from './meta.js';
import { run } from './run.js';
import { values } from './values.js';

export type { Nm20Config } from './config.js';
export type { Nm20Trace } from './trace.js';
export { config, profiles } from './config.js';
export { run } from './run.js';
export { claims } from './claims/index.js';
export { figures } from './figures/index.js';
export { estimateMemory } from './memory.js';
export { fig2Trial, trialFlops } from './experiments/fig2.js';

/** The nguyen-mondelli2020 paper: NM20 convergence checks and NMM21 Figure 2. */
export const paper = definePaper({ meta, config, profiles, run, values, claims, figures, deviations, estimateMemory, faults });
