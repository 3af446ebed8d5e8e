import { allOf, checkProbability, type Verdict } from '@repro/harness';
import { ALPHA, checkMean, need, type Du2019Claim } from './select.js';

/** Family-wise false-failure level of the exact-expectation parts (Bonferroni over the (d, R) grid). */
const FAMILY_ALPHA = 0.01;
/** Violation rate the Markov part must detect (a priori 2.5δ = 0.25, as lem3.2: T = 20 draws catch it with probability 0.976, T = 100 with 0.979). */
export const LEM41_DETECT = 0.25;

export const lem41FlipCount: Du2019Claim = {
  id: 'du2019.lem4.1',
  source: 'Lemma 4.1, arXiv:1810.02054 (form of the bound from memory; Markov constant derived in NOTES.md §2)',
  statement: 'The number of (neuron, input) pairs whose pattern can flip inside the ball, Σ_i |S_i^⊥|, is at most C·mnR/δ with probability ≥ 1 − δ (C = 2/√(2π) by Markov).',
  evidence: 'unverified',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['lem32'],
  catches: ['init-variance'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces, cfg) {
    const t = need(traces, 'lem32')[0];
    if (t === undefined) throw new Error('no lem3.2 trace');
    const comparisons = t.dims.reduce((s, d) => s + d.radii.length, 0);
    const parts: Record<string, Verdict> = {};
    const extra: Record<string, number> = {};
    for (const dim of t.dims)
      dim.radii.forEach((R, ri) => {
        const tag = `d${dim.d}_R${String(R).replace('.', 'p')}`;
        const counts = dim.lem41Count[ri] ?? [];
        const bound = dim.lem41Bound[ri] as number;
        // Tight: E Σ_i |S_i^⊥| = m n erf(R/√2) exactly; the draws are independent.
        parts[`expected_${tag}`] = checkMean(counts, dim.lem41Expected[ri] as number, FAMILY_ALPHA, comparisons);
        // Loose (≈ 1/δ by Markov's construction): the stated bound with probability ≥ 1 − δ.
        parts[`markov_${tag}`] = checkProbability(counts.filter((c) => c <= bound).length, counts.length, 1 - cfg.delta, ALPHA, LEM41_DETECT);
        extra[`markovSlack_${tag}`] = bound / Math.max(...counts);
      });
    const v = allOf(parts, extra);
    return { ...v, note: [v.note, 'the R used in the paper’s Section 4 was lost with the display math; checked on the lem3.2 radii'].filter((x) => x !== undefined).join('; ') };
  },
};
