import { allOf, checkAllClose, need } from '@repro/harness';
import type { ChoSaul2009Trace } from '../trace.js';
import type { ChoSaul2009Claim } from './select.js';

/** rtol 1e-6 [NOTES.md §3] for the nested finite differences. */
const RTOL_FD = 1e-6;
/** Absolute floor for the nested 5-point differences: roundoff ≈ ε·|f|/h² ≈ 1e-10 at h = 1e-3, ×10 margin. */
const ATOL_FD = 1e-9;
/** End values to 1e-12 [NOTES.md §3]. */
const ATOL_END = 1e-12;

export const eqJnGeneral: ChoSaul2009Claim = {
  id: 'cho-saul2009.eq-jn-general',
  source: 'Section 2.1, the operator formula for J_n, Cho & Saul (NIPS 2009); end values derived in NOTES.md §2',
  statement: 'J_n(θ) = (−1)ⁿ sin^{2n+1}θ ((1/sin θ)∂_θ)ⁿ((π − θ)/sin θ) reproduces J_0, J_1, J_2; J_n(0) = (2n − 1)!!π and J_n(π) = 0.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['jnGeneral'],
  // Our closed-form J_n against the paper's operator formula (independent of the closed forms).
  catches: ['j1-sin2theta'],
  seeds: 'every',
  check(traces) {
    const t = need(traces, 'jnGeneral')[0] as NonNullable<ChoSaul2009Trace['jnGeneral']>;
    const fd = checkAllClose(t.operator.map((r) => r.operator), t.operator.map((r) => r.closed), RTOL_FD, ATOL_FD);
    const ends = checkAllClose([...t.ends.map((e) => e.j0), ...t.ends.map((e) => e.jPi)], [...t.ends.map((e) => e.doubleFactorialPi), ...t.ends.map(() => 0)], 0, ATOL_END);
    return allOf({ operator: fd, ends }, { points: t.operator.length });
  },
};
