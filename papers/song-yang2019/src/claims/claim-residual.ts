import { checkAllClose, checkBound, type Claim } from '@repro/harness';
import { empiricalQuantile, meanSd } from '@repro/concentration';
import type { SongYang2019Config } from '../config.js';
import type { SongYang2019Trace } from '../trace.js';
import { combine, need } from './select.js';

/** Mean check: |mean − (‖y‖² + n/2)| within this many standard errors (as du2019.init.residual). */
const MEAN_SE = 4;

export const claimResidual: Claim<SongYang2019Config, SongYang2019Trace> = {
  id: 'song-yang2019.claim.residual',
  source: 'LN3 Claim 10 (proof left as an exercise), arXiv:1906.03593',
  statement: 'With probability ≥ 1 − δ, ‖y − u(0)‖² = O(n·polylog(m, n, 1/δ)): the tail grows logarithmically in 1/δ, not like du2019’s Markov bound n/δ.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['residual'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces, cfg) {
    const t = need(traces, 'residual')[0];
    if (t === undefined) throw new Error('no residual trace');
    const deltas = [...cfg.residualDeltas].sort((a, b) => b - a);
    const q = deltas.map((d) => empiricalQuantile(t.residualSq, 1 - d));
    const d1 = deltas[0] as number;
    // (a) shape: q_{1−δ}/q_{1−δ1} ≤ ln(1/δ)/ln(1/δ1) for every smaller δ (a Markov-like 1/δ tail would give δ1/δ).
    const shape = deltas.slice(1).map((d, i) => ((q[i + 1] as number) / (q[0] as number)) / (Math.log(1 / d) / Math.log(1 / d1)));
    const s = meanSd(t.residualSq);
    const exact = t.yNormSq + t.n / 2;
    const v = combine(
      [
        { tag: 'shape', v: checkBound(shape, 1, 'le') },
        { tag: 'mean', v: checkAllClose(s.mean, exact, 0, MEAN_SE * s.se) },
      ],
      { expected: `(a) q_{1−δ}/q_{1−${d1}} ≤ ln(1/δ)/ln(1/${d1}) for δ ∈ {${deltas.slice(1).join(', ')}}; (b) mean = ‖y‖² + n/2 within ${MEAN_SE} SE`, tolerance: { kind: 'bound', side: 'le' } },
    );
    deltas.forEach((d, i) => {
      v.observed[`quantile_${d}`] = q[i] as number;
      v.observed[`markov_${d}`] = exact / d;
    });
    return v;
  },
};
