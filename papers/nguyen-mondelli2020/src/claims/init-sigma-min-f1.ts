import { need, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Experiment, Nm20Trace } from '../trace.js';
import { checkRhoCells } from './select.js';

/** Thresholds [NOTES.md §5]: ρ ≥ 1/4 w.p. ≥ 95 % for n_1 ≥ 4N; median ≥ 0.6 at 16N and ≥ 0.85 at 64N. */
const RHO_MIN = 0.25;
const CLAIMED = 0.95;
const ALPHA = 0.05;
const MEDIAN_AT: Record<number, number> = { 16: 0.6, 64: 0.85 };
/**
 * Violation rate the probability part must detect, chosen a priori: a bug that breaks ρ ≥ ¼ in one draw of ten (a λ_* or a
 * σ_min too far off in a tenth of the draws) must not pass. 40 draws with n_1 ≥ 4N (smoke) catch a 10 % violation rate with
 * probability 0.985, 180 (paper) with 0.976 (`probabilityPower`, test/claims.test.ts); 35 clean draws suffice to pass.
 */
export const INIT_DETECT = 0.1;

export const initSigmaMinF1: Claim<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nm20.init-sigma-min-F1',
  source: 'Theorem 3.2 / Lemma C.1 (λ_F at LeCun init), arXiv:2002.07867',
  statement: 'At LeCun initialization σ_N(F_1)² ≥ n_1λ_*/4 with high probability once n_1 ≥ 4N, and σ_N(F_1)²/(n_1λ_*) → 1 as n_1 grows.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['init'],
  catches: ['lambda-star-variance', 'lecun-variance'],
  check(traces) {
    const cells = need(traces, 'init').flatMap((t) => t.cells);
    return {
      ...checkRhoCells(cells, { rhoMin: RHO_MIN, claimed: CLAIMED, alpha: ALPHA, detect: INIT_DETECT, minFactor: 4, medianAt: MEDIAN_AT }),
    };
  },
};
