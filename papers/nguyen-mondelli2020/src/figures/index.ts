import type { Figure } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Experiment, Nm20Trace } from '../trace.js';
import { fig2LeftFigure, fig2RightFigure } from './fig2.js';
import { nm20LossFigure } from './nm20-loss.js';

export const figures: readonly Figure<Nm20Config, Nm20Trace, Nm20Experiment>[] = [fig2RightFigure, fig2LeftFigure, nm20LossFigure];
