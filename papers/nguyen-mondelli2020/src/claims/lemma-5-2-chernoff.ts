import { need, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Experiment, Nm20Trace } from '../trace.js';
import { checkRhoCells } from './select.js';

/** [NOTES.md §5] ρ = σ_min(F_1)²/(n_1λ) ≥ ¼ with probability ≥ 95 % for n_1 ≥ 4N (Wilson CI at α = 0.05); medians rising in n_1. */
const RHO_MIN = 0.25;
const CLAIMED = 0.95;
const ALPHA = 0.05;
const MIN_FACTOR = 4;
/**
 * Violation rate to detect, a priori as for nm20.init-sigma-min-F1: one draw in ten breaking ρ ≥ ¼. 60 draws (smoke:
 * d ∈ {25, 50} × n_1 ∈ {4N, 16N, 64N} × 10) catch it with probability 0.986, 240 (paper) with 0.985.
 */
export const CHERNOFF_DETECT = 0.1;

export const lemma52Chernoff: Claim<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nmm21.lemma5.2-chernoff',
  source: 'Lemma 5.2 (matrix Chernoff), arXiv:2012.11654 v5',
  statement:
    'For ReLU with He init, once the first layer is wide enough σ_min(F_1)² ≥ n_1λ/4 with high probability, λ = λ_min(E[F_1F_1ᵀ])/n_1 = λ_min(G^{(2)})/d.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['chernoff'],
  catches: ['he-variance'],
  check(traces) {
    const cells = need(traces, 'chernoff').flatMap((t) => t.cells);
    const v = checkRhoCells(cells, { rhoMin: RHO_MIN, claimed: CLAIMED, alpha: ALPHA, detect: CHERNOFF_DETECT, minFactor: MIN_FACTOR });
    return {
      ...v,
      observed: {
        ...v.observed,
        minChernoffTailBound: Math.min(...cells.flatMap((c) => c.chernoffTail)),
        maxChernoffTailBound: Math.max(...cells.flatMap((c) => c.chernoffTail)),
      },
    };
  },
};
