import { erf, normalQuantile } from '@repro/concentration';
import { allOf, checkAllClose, checkBound, checkProbability, type Verdict } from '@repro/harness';
import { ALPHA, checkMean, need, type Du2019Claim } from './select.js';

/**
 * Family-wise false-failure level of the exact-expectation parts: each trace makes 2 comparisons per (d, R) (flag fraction,
 * ΣU), Bonferroni-corrected so that a correct implementation fails with probability ≤ 1 % whatever the grid.
 */
const FAMILY_ALPHA = 0.01;
/**
 * Violation rate the Markov part (ΣU ≤ 4n²R/(√(2π)δ), claimed with probability ≥ 1 − δ = 0.9) must detect, chosen a priori
 * as 2.5δ = 0.25: T = 20 draws catch it with probability 0.976, T = 100 with 0.979 (see test/power.test.ts).
 */
export const LEM32_DETECT = 0.25;

export const lem32PatternFlips: Du2019Claim = {
  id: 'du2019.lem3.2',
  source: 'Lemma 3.2, arXiv:1810.02054 (constants from its proof via Jelenković Lecture 6 and Arora et al. 2019)',
  statement:
    'Inside a ball of radius R around W(0) few activation patterns can flip: P(|w_r(0)ᵀx_i| < R) ≤ 2R/√(2π), so with probability ≥ 1 − δ every W in the ball has ‖H(W) − H(0)‖ small.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['lem32'],
  catches: ['init-variance'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces, cfg) {
    const t = need(traces, 'lem32')[0];
    if (t === undefined) throw new Error('no lem3.2 trace');
    const comparisons = 2 * t.dims.reduce((s, d) => s + d.radii.length, 0);
    const parts: Record<string, Verdict> = {};
    const extra: Record<string, number> = {};
    for (const dim of t.dims) {
      dim.radii.forEach((R, ri) => {
        const f = dim.flagFraction[ri];
        if (f === undefined) throw new Error('missing flag fraction');
        const tag = `d${dim.d}_R${String(R).replace('.', 'p')}`;
        const exact = erf(R / Math.SQRT2);
        // (a) tight: P(|w_r(0)ᵀx_i| < R) = erf(R/√2) exactly (wᵀx ~ N(0, 1) for unit x); SE over neurons (pairs sharing a
        // neuron are correlated), normal quantile (N = m·T ≥ 40 000 neurons).
        const z = normalQuantile(1 - FAMILY_ALPHA / (2 * comparisons));
        const flag = checkAllClose(f.mean, exact, 0, z * f.se);
        parts[`flag_${tag}`] = { ...flag, observed: { fraction: f.mean, exact, se: f.se, zScore: (f.mean - exact) / f.se, zCritical: z } };
        // (b) tight: the draw mean of ΣU against its exact expectation; loose: Markov's bound with probability ≥ 1 − δ.
        const sums = dim.sumU[ri] ?? [];
        parts[`sumU_${tag}`] = checkMean(sums, dim.sumUExpected[ri] as number, FAMILY_ALPHA, comparisons);
        const bound = dim.sumUBound[ri] as number;
        parts[`markov_${tag}`] = checkProbability(sums.filter((s) => s <= bound).length, sums.length, 1 - cfg.delta, ALPHA, LEM32_DETECT);
        extra[`markovSlack_${tag}`] = bound / Math.max(...sums);
        extra[`paperBound2RoverSqrt2pi_${tag}`] = (2 * R) / Math.sqrt(2 * Math.PI);
      });
      // (c) regression only (implied by the proof constants): ‖U‖_F < λ0/4 at R* = √(2π)δλ0/(16n²).
      parts[`rStar_d${dim.d}`] = checkBound(dim.uFroAtRStar, dim.lambda0 / 4, 'le');
    }
    return allOf(parts, extra);
  },
};

