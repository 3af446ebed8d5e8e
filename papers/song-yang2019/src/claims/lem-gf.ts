import { checkBound, type Claim } from '@repro/harness';
import type { SongYang2019Config } from '../config.js';
import type { SongYang2019Trace } from '../trace.js';
import { gfRadius, mainRuns } from './main-run.js';
import { combine } from './select.js';

export const lemGf: Claim<SongYang2019Config, SongYang2019Trace> = {
  id: 'song-yang2019.lem.gf',
  source: 'LN3 Lemmas 5–6 (restating du2019 Lemmas 3.3–3.4), arXiv:1906.03593',
  statement: 'While λ_min(H(s)) ≥ λ/2, the squared residual decays at least like e^{−λt} and every neuron stays within D_cts = √n‖y − u(0)‖/(√m λ) of its initialization (the proof supports 2·D_cts).',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['main'],
  check(traces) {
    const runs = mainRuns(traces);
    // DEVIATION: gradient flow is stood in for by the thm.main GD run at η = λ/(4n²) (t = kη); ηλ ≪ 1, so each GD step
    // contracts every mode like the flow up to O(η²).
    const rate = runs.flatMap((t) => t.loss.slice(1).map((L, i) => Math.log(L / (t.loss[0] as number)) + t.lambda * (i + 1) * t.eta));
    const dist = runs.map((t) => Math.max(...t.maxDistance) / (2 * gfRadius(t)));
    const v = combine(
      [
        { tag: 'rate', v: checkBound(rate.map(Math.exp), 1, 'le') },
        { tag: 'distance', v: checkBound(dist, 1, 'le') },
      ],
      { expected: 'max_k ‖y − u(k)‖²/(e^{−λkη}‖y − u(0)‖²) ≤ 1 and max distance ≤ 2·D_cts (GD at η = λ/(4n²) standing in for the flow)', tolerance: { kind: 'bound', side: 'le' } },
    );
    v.observed.distanceOverDcts = Math.max(...runs.map((t) => Math.max(...t.maxDistance) / gfRadius(t)));
    return v;
  },
};
