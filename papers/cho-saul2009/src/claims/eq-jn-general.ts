import { checkAllClose, type Claim } from '@repro/harness';
import type { ChoSaul2009Config } from '../config.js';
import type { ChoSaul2009Trace } from '../trace.js';
import { need } from './select.js';

/** Card: rtol 1e-6 for the nested finite differences. */
const RTOL_FD = 1e-6;
/** Absolute floor for the nested 5-point differences: roundoff ≈ ε·|f|/h² ≈ 1e-10 at h = 1e-3, ×10 margin. */
const ATOL_FD = 1e-9;
/** Card: end values to 1e-12. */
const ATOL_END = 1e-12;

export const eqJnGeneral: Claim<ChoSaul2009Config, ChoSaul2009Trace> = {
  id: 'cho-saul2009.eq-jn-general',
  source: 'Section 2.1, the operator formula for J_n, Cho & Saul (NIPS 2009); end values derived in the paper card',
  statement: 'J_n(θ) = (−1)ⁿ sin^{2n+1}θ ((1/sin θ)∂_θ)ⁿ((π − θ)/sin θ) reproduces J_0, J_1, J_2; J_n(0) = (2n − 1)!!π and J_n(π) = 0.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['jnGeneral'],
  check(traces) {
    const t = need(traces, 'jnGeneral')[0] as NonNullable<ChoSaul2009Trace['jnGeneral']>;
    const fd = checkAllClose(t.operator.map((r) => r.operator), t.operator.map((r) => r.closed), RTOL_FD, ATOL_FD);
    const ends = checkAllClose([...t.ends.map((e) => e.j0), ...t.ends.map((e) => e.jPi)], [...t.ends.map((e) => e.doubleFactorialPi), ...t.ends.map(() => 0)], 0, ATOL_END);
    const ok = fd.status === 'pass' && ends.status === 'pass';
    const v = {
      status: ok ? ('pass' as const) : ('fail' as const),
      observed: {
        operatorMaxRelErr: fd.observed.maxRelErr as number,
        operatorWorstRatio: fd.observed.worstRatio as number,
        endsMaxAbsErr: ends.observed.maxAbsErr as number,
        endsWorstRatio: ends.observed.worstRatio as number,
        points: t.operator.length,
      },
      expected: `operator form within ${ATOL_FD} + ${RTOL_FD}·|J_n| of the closed forms; J_n(0) = (2n−1)!!π and J_n(π) = 0 within ${ATOL_END}`,
      tolerance: { kind: 'allclose' as const, rtol: RTOL_FD, atol: ATOL_FD },
    };
    const notes = [fd.note, ends.note].filter((x) => x !== undefined);
    return notes.length > 0 ? { ...v, note: notes.join('; ') } : v;
  },
};
