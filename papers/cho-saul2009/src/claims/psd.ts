import { need } from '@repro/harness';
import { checkIntervalBound } from '@repro/harness';
import type { ChoSaul2009Claim } from './select.js';

/** [NOTES.md §3] λ_min ≥ −1e-10·λ_max (float64 eigvalsh round-off ≈ n·ε·λ_max ≈ 4e-14 at n = 200, ×2000 margin). */
const PSD_REL = -1e-10;

export const psdClaim: ChoSaul2009Claim = {
  id: 'cho-saul2009.psd',
  source: 'Section 2.1 (the kernels are positive definite), Cho & Saul (NIPS 2009)',
  statement: 'Arc-cosine kernel matrices of degree n = 0, 1, 2 and depth ℓ = 1..6 are symmetric positive semidefinite on random data.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['psd'],
  // J_1 with sin 2θ is not a positive-definite function: λ_min/λ_max ≈ −0.04 at ℓ = 1 on this data.
  catches: ['j1-sin2theta'],
  check(traces) {
    const rows = need(traces, 'psd').flatMap((t) => t.rows);
    // λ_min is known to [λ_min − e, λ_min + e] with e the solver's error bound (a-posteriori Lanczos residual bound or the
    // a-priori n·ε·‖K‖_F of eigvalsh): pass when every row's interval clears the bound, fail when one lies below it.
    const lo = rows.map((r) => (r.lambdaMin - r.errorBoundMin) / r.lambdaMax);
    const hi = rows.map((r) => (r.lambdaMin + r.errorBoundMin) / r.lambdaMax);
    const v = checkIntervalBound(Math.min(...lo), Math.min(...hi), PSD_REL, 'ge', 'λ_min/λ_max');
    v.observed.maxRelErrorBound = Math.max(...rows.map((r) => r.errorBoundMin / r.lambdaMax));
    for (const r of rows) {
      v.observed[`ratio_n${r.degree}_l${r.depth}`] = r.lambdaMin / r.lambdaMax;
      v.observed[`errorBound_n${r.degree}_l${r.depth}`] = r.errorBoundMin / r.lambdaMax;
    }
    return v;
  },
};
