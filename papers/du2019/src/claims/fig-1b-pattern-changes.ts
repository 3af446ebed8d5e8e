import { fig1Trend } from './fig1-trend.js';
import type { Du2019Claim } from './select.js';

export const fig1bPatternChanges: Du2019Claim = {
  id: 'du2019.fig1b',
  source: 'Figure 1(b), arXiv:1810.02054',
  statement: 'The fraction of activation patterns that change during training shrinks as the width grows (support for Lemma 3.2).',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['fig1'],
  catches: ['output-scale'],
  check: (traces, cfg) => fig1Trend(traces, cfg, (r) => r.patternChange, 'pattern-change fraction'),
};
