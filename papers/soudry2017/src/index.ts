import { definePaper } from '@repro/harness';
import { claims } from './claims/index.js';
import { config, profiles } from './config.js';
import { deviations } from './deviations.js';
import { faults } from './faults.js';
import { figures } from './figures/index.js';
import { meta } from './meta.js';
import { run } from './run.js';
import { values } from './values.js';

export type { Soudry2017Config } from './config.js';
export type { Soudry2017Trace } from './trace.js';
export { config, profiles } from './config.js';
export { run } from './run.js';
export { claims } from './claims/index.js';
export { figures } from './figures/index.js';
export { faults } from './faults.js';
export type { Soudry2017Experiment } from './trace.js';

/** Peak memory: MNIST as float64 (≈ 63 MB) plus features and the runtime baseline; the other experiments are tiny. */
function estimateMemory(): number {
  return 400 * 2 ** 20;
}

/** The soudry2017 paper: Soudry, Hoffer, Nacson, Gunasekar, Srebro (ICLR 2018) — claims, figures and their experiments. */
export const paper = definePaper({ meta, config, profiles, run, values, claims, figures, faults, deviations, estimateMemory });
