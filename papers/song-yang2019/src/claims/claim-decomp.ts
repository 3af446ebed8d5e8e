import { checkBound, need, type Verdict } from '@repro/harness';
import type { SongYang2019Trace } from '../trace.js';
import { onEveryReplicate, type SongYang2019Claim } from './select.js';

/**
 * The identity is exact given the S̄_i pattern condition, so only float64 rounding remains. Two parts:
 * - 1e-9·‖e(k)‖²: rounding of the C-terms and norms themselves [NOTES.md §4];
 * - the outputs' own rounding: e = y − u cancels once GD has converged (‖e‖² reaches 1e-16 at η = 0.5/λ_max), and every
 *   term carries u's absolute error δ. First order, six terms (e, e(k+1), u(k+1) − u(k) and the v₁, v₂ split pair with δ):
 *   8·‖δ‖·(‖e(k)‖ + ‖e(k+1)‖ + ‖u(k+1) − u(k)‖) + 4‖δ‖², with ‖δ‖ the a-priori bound of the trace's `roundU`.
 * The second part is ~1e-10 of the first while ‖e‖ is of order ‖y‖, so the check stays at 1e-9 there.
 */
const RTOL_TERMS = 1e-9;

export const claimDecomp: SongYang2019Claim = {
  id: 'song-yang2019.claim.decomp',
  source: 'LN3 Claim 9, arXiv:1906.03593',
  statement: '‖y − u(k+1)‖² = ‖y − u(k)‖² + C1 + C2 + C3 + C4 with C1 = −2ηeᵀH(k)e, C2 = 2ηeᵀH^⊥(k)e, C3 = −2eᵀv₂, C4 = ‖u(k+1) − u(k)‖².',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['decomp'],
  catches: ['grad-factor', 'gram-indicator', 'c3-sign'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness), and on each replicate of the run
  check(traces) {
    return onEveryReplicate(traces, checkOne);
  },
};

function checkOne(trace: SongYang2019Trace): Verdict {
  const t = need([trace], 'decomp')[0];
  if (t === undefined) throw new Error('no decomp trace');
  const ratios: number[] = [];
  let maxRelErr = 0;
  let roundingDominated = 0;
  let maxRelErrStrict = 0;
  for (const r of t.runs)
    r.eSq.forEach((e, k) => {
      const e1 = r.eNextSq[k] as number;
      const c4 = r.c4[k] as number;
      const diff = Math.abs(e1 - (e + (r.c1[k] as number) + (r.c2[k] as number) + (r.c3[k] as number) + c4));
      const d = r.roundU[k] as number;
      const rounding = 8 * d * (Math.sqrt(e) + Math.sqrt(e1) + Math.sqrt(c4)) + 4 * d * d;
      if (rounding > RTOL_TERMS * e) roundingDominated++;
      else maxRelErrStrict = Math.max(maxRelErrStrict, diff / e);
      ratios.push(diff / (RTOL_TERMS * e + rounding));
      maxRelErr = Math.max(maxRelErr, diff / e);
    });
  const v = checkBound(ratios, 1, 'le');
  Object.assign(v.observed, { maxRelErr, maxRelErrStrictSteps: maxRelErrStrict, roundingDominatedSteps: roundingDominated });
  v.expected = `|‖e(k+1)‖² − (‖e(k)‖² + C1 + C2 + C3 + C4)| ≤ ${RTOL_TERMS}·‖e(k)‖² + float64 output-rounding term (see source) at every step of both runs (η = λ/(4n²) and 0.5/λ_max)`;
  return v;
}
