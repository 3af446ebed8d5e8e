import { checkAllClose, need } from '@repro/harness';
import type { ChoSaul2009Trace } from '../trace.js';
import type { ChoSaul2009Claim } from './select.js';

/** atol 1e-5 [NOTES.md §4] (the reference values are printed to 5–7 digits). */
const ATOL = 1e-5;

/** Reference iterates from θ = 3.0 and fixed points, computed independently in float64 (regression values) [NOTES.md §4]. */
const REFERENCE = {
  iterates: { 0: [1.52571, 1.03055, 0.83393, 0.74579], 1: [1.5705, 1.24669, 1.05432, 0.92117], 2: [1.57079, 1.40335, 1.32122] } as Record<number, number[]>,
  fixedPoints: { 0: 0.6602603, 2: 1.181047 } as Record<number, number>,
};

export const angleMapClaim: ChoSaul2009Claim = {
  id: 'cho-saul2009.angle-map',
  source: 'Regression test of the Section 2.2 recursion in angle space (not a claim of the paper); values from NOTES.md §4',
  statement: 'cos θ^(ℓ+1) = J_n(θ^(ℓ))/J_n(0): n = 0 and n = 2 have stable fixed points θ* = 0.66026 and 1.18105; n = 1 decays to 0 like 3π/ℓ.',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['angleMap'],
  // The iterates of n = 1 are J_1's values: a mis-weighted J_1 term moves them far beyond 1e-5.
  catches: ['j1-sin2theta'],
  seeds: 'every',
  check(traces) {
    const t = need(traces, 'angleMap')[0] as NonNullable<ChoSaul2009Trace['angleMap']>; // seeds: 'every' → one trace
    const obs: number[] = [];
    const exp: number[] = [];
    for (const it of t.iterates) {
      const ref = REFERENCE.iterates[it.n] ?? [];
      obs.push(...it.thetas.slice(0, ref.length));
      exp.push(...ref);
    }
    for (const fp of t.fixedPoints) {
      obs.push(fp.theta);
      exp.push(REFERENCE.fixedPoints[fp.n] ?? Number.NaN);
    }
    const v = checkAllClose(obs, exp, 0, ATOL);
    for (const fp of t.fixedPoints) v.observed[`fixedPoint_n${fp.n}`] = fp.theta;
    v.observed.n1ThetaTimesDepth = t.n1ThetaTimesDepth;
    v.observed.threePi = 3 * Math.PI;
    return v;
  },
};
