import { checkAllClose, type Claim } from '@repro/harness';
import type { SongYang2019Config } from '../config.js';
import type { SongYang2019Trace } from '../trace.js';
import { need } from './select.js';

/** Card: the identity is exact given the S_i pattern condition, so only float64 rounding remains (relative to ‖e‖²). */
const ATOL_REL = 1e-9;

export const claimDecomp: Claim<SongYang2019Config, SongYang2019Trace> = {
  id: 'song-yang2019.claim.decomp',
  source: 'LN3 Claim 9, arXiv:1906.03593',
  statement: '‖y − u(k+1)‖² = ‖y − u(k)‖² + C1 + C2 + C3 + C4 with C1 = −2ηeᵀH(k)e, C2 = 2ηeᵀH^⊥(k)e, C3 = −2eᵀv₂, C4 = ‖u(k+1) − u(k)‖².',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['decomp'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const t = need(traces, 'decomp')[0];
    if (t === undefined) throw new Error('no decomp trace');
    const lhs: number[] = [];
    const rhs: number[] = [];
    for (const r of t.runs)
      r.eSq.forEach((e, k) => {
        lhs.push((r.eNextSq[k] as number) / e);
        rhs.push((e + (r.c1[k] as number) + (r.c2[k] as number) + (r.c3[k] as number) + (r.c4[k] as number)) / e);
      });
    const v = checkAllClose(lhs, rhs, 0, ATOL_REL);
    v.expected = `‖e(k+1)‖²/‖e(k)‖² = (‖e(k)‖² + C1 + C2 + C3 + C4)/‖e(k)‖² within ${ATOL_REL} at every step of both runs (η = λ/(4n²) and 0.5/λ_max)`;
    return v;
  },
};
