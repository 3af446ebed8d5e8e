import type { Figure } from '@repro/harness';
import type { Soudry2017Config } from '../config.js';
import type { Soudry2017Experiment, Soudry2017Trace } from '../trace.js';
import { fig1a, fig1b, fig1c, fig1d, fig1e } from './fig1.js';
import { fig2a, fig2b, figE } from './fig2.js';
import { fig3a, fig3b, fig3c, fig3d, fig3eB, fig3fB, fig3gB, fig3hB } from './fig3.js';

export const figures: readonly Figure<Soudry2017Config, Soudry2017Trace, Soudry2017Experiment>[] = [fig1a, fig1b, fig1c, fig1d, fig1e, fig2a, fig2b, figE, fig3a, fig3b, fig3c, fig3d, fig3eB, fig3fB, fig3gB, fig3hB];
