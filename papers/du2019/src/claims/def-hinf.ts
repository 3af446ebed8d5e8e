import { allOf, checkBound, checkCondition } from '@repro/harness';
import { need, type Du2019Claim } from './select.js';

/**
 * Tolerances in units of 1/√M. Each H entry averages a variable in [−1, 1] with sd ≤ ½, so 3/√M is a 6-standard-error
 * margin per entry [NOTES.md §2]. A K entry averages relu(wᵀx)relu(wᵀy) with second moment ≤ E[relu(z)⁴] = 3/2, sd ≤ √1.5, so the
 * same 6-SE margin is 6√1.5/√M ≈ 7.35/√M [DER]; with ≤ n² correlated entries the family-wise false-failure rate stays < 1e-6.
 */
const H_ATOL_SQRT_M = 3;
const K_ATOL_SQRT_M = 6 * Math.sqrt(1.5);
/** H∞ is built symmetric and with an exactly-½ diagonal for unit rows; allow only float64 rounding of ‖x‖². */
const EXACT_TOL = 1e-14;
/** "0 < λ0" is decided on a dense eigenvalue: its error bound must be at most this fraction of λ0. */
const ERROR_BOUND_SHARE = 1e-6;

export const defHinf: Du2019Claim = {
  id: 'du2019.def.hinf',
  source: 'Section 3 (definition of H∞), arXiv:1810.02054; closed form via Cho & Saul (2009)',
  statement:
    'The closed form ρ(π − arccos ρ)/(2π) equals the Gaussian expectation defining H∞ (and likewise K∞), is symmetric with diagonal ½, and 0 < λ0 ≤ ½.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['hinf'],
  catches: ['hinf-scale'],
  check(traces) {
    const all = need(traces, 'hinf');
    const M = all[0]?.samples ?? Number.NaN;
    const lambda0 = Math.min(...all.map((t) => t.lambda0));
    const lambdaMinK = Math.min(...all.map((t) => t.lambdaMinK));
    const eb = Math.max(...all.map((t) => Math.max(t.lambda0ErrorBound, t.lambdaMinKErrorBound)));
    const asym = Math.max(...all.map((t) => t.asymmetryH));
    const diag = Math.max(...all.map((t) => t.diagDevH));
    return allOf(
      {
        monteCarloH: checkBound(Math.max(...all.map((t) => t.maxAbsErrH)), H_ATOL_SQRT_M / Math.sqrt(M), 'le'),
        monteCarloK: checkBound(Math.max(...all.map((t) => t.maxAbsErrK)), K_ATOL_SQRT_M / Math.sqrt(M), 'le'),
        exact: checkCondition(asym <= EXACT_TOL && diag <= EXACT_TOL, { asymmetry: asym, diagDeviation: diag }, `H∞ symmetric and diag = ½ to ${EXACT_TOL}`),
        spectrum: checkCondition(
          lambda0 - eb > 0 && lambda0 + eb <= 0.5 && lambdaMinK - eb > 0 && eb <= ERROR_BOUND_SHARE * Math.min(lambda0, lambdaMinK),
          { lambda0, lambdaMinK, errorBound: eb },
          `0 < λ0 ≤ ½ and λ_min(K∞) > 0 with the eigen-solver's error bound n·ε·‖·‖_F ≤ ${ERROR_BOUND_SHARE}·λ`,
        ),
      },
      { samples: M },
    );
  },
};
