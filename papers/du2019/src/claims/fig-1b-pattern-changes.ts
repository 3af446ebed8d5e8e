import type { Claim } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { fig1Trend } from './fig1-trend.js';

export const fig1bPatternChanges: Claim<Du2019Config, Du2019Trace> = {
  id: 'du2019.fig1b',
  source: 'Figure 1(b), arXiv:1810.02054',
  statement: 'The fraction of activation patterns that change during training shrinks as the width grows (support for Lemma 3.2).',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['fig1'],
  check: (traces, cfg) => fig1Trend(traces, cfg, (r) => r.patternChange, 'pattern-change fraction'),
};
