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

export type { ChoSaul2009Config } from './config.js';
export type { ChoSaul2009Experiment, ChoSaul2009Trace } from './trace.js';
export { faults, type ChoSaul2009Fault } from './faults.js';
export { config, profiles } from './config.js';
export { run } from './run.js';
export { claims } from './claims/index.js';
export { figures } from './figures/index.js';

/** The cho-saul2009 paper: Cho & Saul (NIPS 2009) — arc-cosine kernels, their checks, and the SVM experiments. */
export const paper = definePaper({ meta, config, profiles, run, values, claims, figures, faults, deviations, estimateMemory });
