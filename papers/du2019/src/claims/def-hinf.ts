import type { Claim } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { need } from './select.js';

/**
 * Tolerances in units of 1/√M. Each H entry averages a variable in [−1, 1] with sd ≤ ½, so 3/√M is a 6-standard-error
 * margin per entry [card]. A K entry averages relu(wᵀx)relu(wᵀy) with second moment ≤ E[relu(z)⁴] = 3/2, sd ≤ √1.5, so the
 * same 6-SE margin is 6√1.5/√M ≈ 7.35/√M [DER]; with ≤ n² correlated entries the family-wise false-failure rate stays < 1e-6.
 */
const H_ATOL_SQRT_M = 3;
const K_ATOL_SQRT_M = 6 * Math.sqrt(1.5);
/** H∞ is built symmetric and with an exactly-½ diagonal for unit rows; allow only float64 rounding of ‖x‖². */
const EXACT_TOL = 1e-14;

export const defHinf: Claim<Du2019Config, Du2019Trace> = {
  id: 'du2019.def.hinf',
  source: 'Section 3 (definition of H∞), arXiv:1810.02054; closed form via Cho & Saul (2009)',
  statement:
    'The closed form ρ(π − arccos ρ)/(2π) equals the Gaussian expectation defining H∞ (and likewise K∞), is symmetric with diagonal ½, and 0 < λ0 ≤ ½.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['hinf'],
  check(traces) {
    const all = need(traces, 'hinf');
    const worstH = Math.max(...all.map((t) => t.maxAbsErrH));
    const worstK = Math.max(...all.map((t) => t.maxAbsErrK));
    const M = all[0]?.samples ?? Number.NaN;
    const atolH = H_ATOL_SQRT_M / Math.sqrt(M);
    const atolK = K_ATOL_SQRT_M / Math.sqrt(M);
    const asym = Math.max(...all.map((t) => t.asymmetryH));
    const diag = Math.max(...all.map((t) => t.diagDevH));
    const lambda0 = Math.min(...all.map((t) => t.lambda0));
    const lambdaMinK = Math.min(...all.map((t) => t.lambdaMinK));
    const ok =
      worstH <= atolH && worstK <= atolK && asym <= EXACT_TOL && diag <= EXACT_TOL && lambda0 > 0 && lambda0 <= 0.5 && lambdaMinK > 0;
    return {
      status: ok ? 'pass' : 'fail',
      observed: { maxAbsErrH: worstH, atolH, maxAbsErrK: worstK, atolK, asymmetry: asym, diagDeviation: diag, lambda0, lambdaMinK, samples: M },
      expected: `max|H_MC − H∞| ≤ 3/√M, max|K_MC − K∞| ≤ 7.35/√M, symmetric, diag = ½, 0 < λ0 ≤ ½, λ_min(K∞) > 0`,
      tolerance: { kind: 'allclose', rtol: 0, atol: atolH },
    };
  },
};
