import type { Du2019Figure } from '../claims/select.js';
import { fig1aConvergenceFigure } from './fig-1a-convergence.js';
import { fig1bPatternChangesFigure } from './fig-1b-pattern-changes.js';
import { fig1cDistanceFigure } from './fig-1c-distance.js';
import { fig1dGramEigenvalueFigure } from './fig-1d-gram-eigenvalue.js';

export const figures: readonly Du2019Figure[] = [
  fig1aConvergenceFigure,
  fig1bPatternChangesFigure,
  fig1cDistanceFigure,
  fig1dGramEigenvalueFigure,
];
