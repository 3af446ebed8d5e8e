import { definePaper } from '@repro/harness';
import { claims } from './claims/index.js';
import { config, profiles } from './config.js';
import { deviations } from './deviations.js';
import { figures } from './figures/index.js';
import { faults } from './faults.js';
import { estimateMemory } from './memory.js';
import { meta } from './meta.js';
import { run } from './run.js';
import { values } from './values.js';

export type { Du2019Config } from './config.js';
export type { Du2019Experiment, Du2019Trace } from './trace.js';
export { faults } from './faults.js';
export { config, profiles } from './config.js';
export { run } from './run.js';
export { claims } from './claims/index.js';
export { figures } from './figures/index.js';

/** The du2019 paper: Du, Zhai, Póczos, Singh (ICLR 2019) — claims, figures and their experiments. */
export const paper = definePaper({ meta, config, profiles, run, values, claims, figures, deviations, estimateMemory, faults });
