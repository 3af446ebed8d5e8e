import { allOf, checkAllClose, checkBound, need } from '@repro/harness';
import { empiricalQuantile, meanSd } from '@repro/concentration';
import type { SongYang2019Claim } from './select.js';

/** Mean check: |mean − (‖y‖² + n/2)| within this many standard errors (as du2019.init.residual). */
const MEAN_SE = 4;

export const claimResidual: SongYang2019Claim = {
  id: 'song-yang2019.claim.residual',
  source: 'LN3 Claim 10 (proof left as an exercise), arXiv:1906.03593',
  statement: 'With probability ≥ 1 − δ, ‖y − u(0)‖² = O(n·polylog(m, n, 1/δ)): the tail grows logarithmically in 1/δ, not like du2019’s Markov bound n/δ.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['residual'],
  catches: ['init-variance'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces, cfg) {
    const t = need(traces, 'residual')[0];
    if (t === undefined) throw new Error('no residual trace');
    const deltas = [...cfg.residualDeltas].sort((a, b) => b - a);
    const q = deltas.map((d) => empiricalQuantile(t.residualSq, 1 - d));
    const d1 = deltas[0] as number;
    // (a) shape: q_{1−δ}/q_{1−δ1} ≤ ln(1/δ)/ln(1/δ1) for every smaller δ (a Markov-like 1/δ tail would give δ1/δ).
    const shape = deltas.slice(1).map((d, i) => (q[i + 1] as number) / (q[0] as number) / (Math.log(1 / d) / Math.log(1 / d1)));
    const s = meanSd(t.residualSq);
    // (b) the tight part: E‖y − u(0)‖² = ‖y‖² + n/2 exactly (E u_i = 0, E u_i² = E relu(g)² = ½ for g ~ N(0, 1)).
    const exact = t.yNormSq + t.n / 2;
    const extra: Record<string, number> = {};
    deltas.forEach((d, i) => {
      extra[`quantile_${d}`] = q[i] as number;
      extra[`markov_${d}`] = exact / d;
    });
    return allOf({ shape: checkBound(shape, 1, 'le'), mean: checkAllClose(s.mean, exact, 0, MEAN_SE * s.se) }, extra);
  },
};
