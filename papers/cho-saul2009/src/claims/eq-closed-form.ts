import { checkAllClose, need } from '@repro/harness';
import type { ChoSaul2009Trace } from '../trace.js';
import type { ChoSaul2009Claim } from './select.js';

/** Tolerances [NOTES.md §3]: float64 closed form vs 64-node Gauss–Legendre (exact to ~1e-15 for these trigonometric integrands). */
const RTOL = 1e-10;
const ATOL = 1e-12;

export const eqClosedForm: ChoSaul2009Claim = {
  id: 'cho-saul2009.eq-closed-form',
  source: 'Section 2.1, eqs. (1)–(3) and the J_0, J_1, J_2 expressions, Cho & Saul (NIPS 2009)',
  statement: 'For n = 0, 1, 2 the closed form (1/π)‖x‖ⁿ‖y‖ⁿJ_n(θ) equals the Gaussian integral 2E_w[Θ(wᵀx)Θ(wᵀy)(wᵀx)ⁿ(wᵀy)ⁿ] at every angle.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['closedForm'],
  // Our closed form against an independent quadrature of the Gaussian integral: any wrong J_n term or normalization shows.
  catches: ['j1-sin2theta', 'kernel-half'],
  check(traces) {
    const rows = need(traces, 'closedForm').flatMap((t) => t.rows);
    const v = checkAllClose(rows.map((r) => r.closed), rows.map((r) => r.quadrature), RTOL, ATOL);
    const w = rows[v.observed.worstIndex as number];
    if (w !== undefined) v.note = `${v.note ?? ''}${v.note ? '; ' : ''}worst at n=${w.n}, θ=${w.theta}`;
    return v;
  },
};
