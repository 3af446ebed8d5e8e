import { definePaper } from '@repro/harness';
import { claims } from './claims/index.js';
import { config, profiles } from './config.js';
import { deviations } from './deviations.js';
import { faults } from './faults.js';
import { figures } from './figures/index.js';
import { estimateMemory } from './memory.js';
import { meta } from './meta.js';
import { run } from './run.js';
import { values } from './values.js';

export type { SongYang2019Config } from './config.js';
export type { SongYang2019Trace } from './trace.js';
export { config, profiles } from './config.js';
export { run } from './run.js';
export { claims } from './claims/index.js';
export { figures } from './figures/index.js';
export { faults } from './faults.js';

/** The song-yang2019 paper: Song & Yang (2019), claims from LN3's restatement, and the width-vs-n experiment. */
export const paper = definePaper({ meta, config, profiles, run, values, claims, figures, faults, deviations, estimateMemory });
