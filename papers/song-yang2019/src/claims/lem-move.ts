import { checkBound, type Claim } from '@repro/harness';
import type { SongYang2019Config } from '../config.js';
import type { SongYang2019Trace } from '../trace.js';
import { mainRuns, moveRadius } from './main-run.js';

export const lemMove: Claim<SongYang2019Config, SongYang2019Trace> = {
  id: 'song-yang2019.lem.move',
  source: 'LN3 Lemma 8 (restating du2019 Corollary 4.1), arXiv:1906.03593',
  statement: 'If the rate bound holds up to iteration k, every neuron stays within D = 4√n‖y − u(0)‖/(√m λ) of its initialization at k + 1.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['main'],
  check(traces) {
    const runs = mainRuns(traces);
    const v = checkBound(runs.map((t) => Math.max(...t.maxDistance) / moveRadius(t)), 1, 'le');
    v.expected = `max_k max_r ‖w_r(k) − w_r(0)‖ / D ≤ 1 on the thm.main run (η = λ/(4n²)); ${v.expected}`;
    v.observed.radiusD = moveRadius(runs[0] as (typeof runs)[number]);
    return v;
  },
};
