import { checkBound, type Claim } from '@repro/harness';
import type { ChoSaul2009Config } from '../config.js';
import type { ChoSaul2009Trace } from '../trace.js';
import { need } from './select.js';

/** Card: λ_min ≥ −1e-10·λ_max (float64 eigvalsh round-off ≈ n·ε·λ_max ≈ 4e-14 at n = 200, ×2000 margin). */
const PSD_REL = -1e-10;

export const psdClaim: Claim<ChoSaul2009Config, ChoSaul2009Trace> = {
  id: 'cho-saul2009.psd',
  source: 'Section 2.1 (the kernels are positive definite), Cho & Saul (NIPS 2009)',
  statement: 'Arc-cosine kernel matrices of degree n = 0, 1, 2 and depth ℓ = 1..6 are symmetric positive semidefinite on random data.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['psd'],
  check(traces) {
    const rows = need(traces, 'psd').flatMap((t) => t.rows);
    const ratios = rows.map((r) => r.lambdaMin / r.lambdaMax);
    const v = checkBound(ratios, PSD_REL, 'ge');
    for (const r of rows) v.observed[`ratio_n${r.degree}_l${r.depth}`] = r.lambdaMin / r.lambdaMax;
    return v;
  },
};
