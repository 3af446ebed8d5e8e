import { allOf, checkBound } from '@repro/harness';
import { gfRadius, mainRuns } from './main-run.js';
import type { SongYang2019Claim } from './select.js';

export const lemGf: SongYang2019Claim = {
  id: 'song-yang2019.lem.gf',
  source: 'LN3 Lemmas 5–6 (restating du2019 Lemmas 3.3–3.4), arXiv:1906.03593',
  statement: 'While λ_min(H(s)) ≥ λ/2, the squared residual decays at least like e^{−λt} and every neuron stays within D_cts = √n‖y − u(0)‖/(√m λ) of its initialization (the proof supports 2·D_cts).',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['main'],
  observational:
    'both bounds are loose on a GD stand-in for the flow (the residual decays like e^{−2λ_min(H)t} ≥ 2× faster than e^{−λt} once past the first steps; distance slack ≫ 2), so a gradient or Gram bug passes them; the same run’s exact one-step identities are verdicts in lem.move and thm.main',
  check(traces) {
    const runs = mainRuns(traces);
    // DEVIATION: gradient flow is stood in for by the thm.main GD run at η = λ/(4n²) (t = kη); ηλ ≪ 1, so each GD step
    // contracts every mode like the flow up to O(η²).
    const rate = runs.flatMap((t) => t.loss.slice(1).map((L, i) => Math.log(L / (t.loss[0] as number)) + t.lambda * (i + 1) * t.eta));
    const dist = runs.map((t) => Math.max(...t.maxDistance) / (2 * gfRadius(t)));
    return allOf(
      { rate: checkBound(rate.map(Math.exp), 1, 'le'), distance: checkBound(dist, 1, 'le') },
      { distanceOverDcts: Math.max(...runs.map((t) => Math.max(...t.maxDistance) / gfRadius(t))) },
    );
  },
};
