import { checkProbability, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Trace } from '../trace.js';
import { median, need } from './select.js';

/** Card: ρ = σ_min(F_1)²/(n_1λ) ≥ ¼ with probability ≥ 95 % for n_1 ≥ 4N (Wilson CI at α = 0.05); medians rising in n_1. */
const RHO_MIN = 0.25;
const CLAIMED = 0.95;
const ALPHA = 0.05;
const MIN_FACTOR = 4;

export const lemma52Chernoff: Claim<Nm20Config, Nm20Trace> = {
  id: 'nmm21.lemma5.2-chernoff',
  source: 'Lemma 5.2 (matrix Chernoff), arXiv:2012.11654 v5',
  statement:
    'For ReLU with He init, once the first layer is wide enough σ_min(F_1)² ≥ n_1λ/4 with high probability, λ = λ_min(E[F_1F_1ᵀ])/n_1 = λ_min(G^{(2)})/d.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['chernoff'],
  check(traces) {
    const cells = need(traces, 'chernoff').flatMap((t) => t.cells);
    let successes = 0;
    let trials = 0;
    const problems: string[] = [];
    const observed: Record<string, number> = {};
    for (const c of cells) {
      const f = c.n1 / c.N;
      if (f >= MIN_FACTOR) {
        successes += c.rho.filter((r) => r >= RHO_MIN).length;
        trials += c.rho.length;
      }
      observed[`median_d${c.d}_n1x${f}`] = median(c.rho);
    }
    for (const d of [...new Set(cells.map((c) => c.d))]) {
      const meds = cells.filter((c) => c.d === d).sort((a, b) => a.n1 - b.n1).map((c) => median(c.rho));
      for (let i = 1; i < meds.length; i++) if (!((meds[i] as number) > (meds[i - 1] as number))) problems.push(`d=${d}: median ρ not increasing in n_1`);
    }
    const v = checkProbability(successes, trials, CLAIMED, ALPHA);
    const ok = v.status === 'pass' && problems.length === 0;
    return {
      ...v,
      status: ok ? 'pass' : 'fail',
      observed: {
        ...v.observed,
        ...observed,
        minRho: Math.min(...cells.flatMap((c) => c.rho)),
        minChernoffTailBound: Math.min(...cells.flatMap((c) => c.chernoffTail)),
        maxChernoffTailBound: Math.max(...cells.flatMap((c) => c.chernoffTail)),
      },
      expected: `P(ρ ≥ ${RHO_MIN}) ≥ ${CLAIMED} for n_1 ≥ ${MIN_FACTOR}N (Wilson CI); median ρ increasing in n_1 (Chernoff tail bound with plug-in R reported)`,
      ...(problems.length > 0 || v.note ? { note: [v.note, ...problems].filter(Boolean).join('; ') } : {}),
    };
  },
};
