import { allOf, checkProbability, need, type Verdict } from '@repro/harness';
import { meanSd } from '@repro/concentration';
import type { PerturbGeometry } from '../trace.js';
import { ALPHA, partName, zParts, type SongYang2019Claim } from './select.js';

/** The lemma's stated constant (LN3 Lemma 2) and the constant its proof as written supports [NOTES.md §3]. */
export const PERTURB_STATED = 2;
export const PERTURB_PROOF = 3;
/** A case is informative only where the guarantee is non-vacuous: mR/10 > ln(n²/0.1) [NOTES.md §4]. */
export const VACUOUS_DELTA = 0.1;
/**
 * Violation rate the probability part must detect, fixed a priori: ‖U‖_F is a sum of n² entries each averaging m
 * independent neurons, so it concentrates (relative sd of a few % per draw); a bug that moves its typical value past 2nR
 * violates in most draws, not in a few. Detecting a 20 % violation rate is enough; see `perturbTrials` for the power.
 */
export const PERTURB_DETECT = 0.2;

/** The lemma's success probability 1 − n²·exp(−mR/10) (clipped at 0). */
export function perturbClaimed(n: number, m: number, R: number): number {
  return Math.max(0, 1 - n * n * Math.exp((-m * R) / 10));
}

export function perturbInformative(n: number, m: number, R: number): boolean {
  return (m * R) / 10 > Math.log((n * n) / VACUOUS_DELTA);
}

/** Per (geometry, radius): draws with ‖U‖_F < c·nR. */
export function perturbCount(g: PerturbGeometry, ri: number, n: number, R: number, c: number): number {
  return (g.uFro[ri] ?? []).filter((u) => u < c * n * R).length;
}

export const lemPerturb: SongYang2019Claim = {
  id: 'song-yang2019.lem.perturb',
  source: 'LN3 Lemma 2 (Bernstein version of du2019 Lemma 3.2), arXiv:1906.03593',
  statement: 'For R ∈ (0, 1), with probability ≥ 1 − n²·exp(−mR/10) over W̃, every W with ‖w_r − w̃_r‖ ≤ R for all r has ‖H(W) − H(W̃)‖_F < 2nR.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['perturb'],
  catches: ['init-variance', 'flip-radius'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const t = need(traces, 'perturb')[0];
    if (t === undefined) throw new Error('no perturb trace');
    const { n, m } = t;
    const cases = t.geometries.flatMap((g) => g.radii.map((R, ri) => ({ g, R, ri, tag: partName(`${g.name}_R${R}`) })));
    const informative = cases.filter((c) => perturbInformative(n, m, c.R));
    // (probability) the lemma's statement, where non-vacuous. Bonferroni: family-wise false-failure rate ≤ ALPHA.
    const alpha = ALPHA / Math.max(1, informative.length);
    const probs: Record<string, Verdict> = {};
    for (const c of informative) probs[c.tag] = checkProbability(perturbCount(c.g, c.ri, n, c.R, PERTURB_STATED), t.trials, perturbClaimed(n, m, c.R), alpha, PERTURB_DETECT);
    // (expectation) the tight part: the mean of ‖U‖_F² over the T independent draws of W̃ against its exact expectation
    // (trace `uFroSqExpected`: U_ij = |ρ_ij|·Binomial(m, q_ij)/m), z-test with Bonferroni over every (geometry, R).
    const z = cases.map((c) => {
      const s = meanSd((c.g.uFro[c.ri] ?? []).map((u) => u * u));
      return (s.mean - (c.g.uFroSqExpected[c.ri] as number)) / s.se;
    });
    const parts: Record<string, Verdict> = { expectation: zParts(z).v };
    if (informative.length > 0) parts.probability = allOf(probs);
    else
      parts.probability = {
        status: 'inconclusive',
        observed: { informative: 0 },
        expected: 'frequency of ‖U‖_F < 2nR ≥ 1 − n²e^{−mR/10} where non-vacuous',
        tolerance: { kind: 'probability', claimed: 0, alpha: ALPHA, detect: PERTURB_DETECT },
        note: 'every (geometry, R) is vacuous (mR/10 ≤ ln(n²/0.1))',
      };
    const extra: Record<string, number> = { informativeCases: informative.length };
    cases.forEach((c, i) => {
      const fro = c.g.uFro[c.ri] ?? [];
      extra[`zUFroSq_${c.tag}`] = z[i] as number;
      extra[`uFroOverNR_max_${c.tag}`] = Math.max(...fro) / (n * c.R);
      extra[`uSpecOverNR_max_${c.tag}`] = Math.max(...(c.g.uSpec[c.ri] ?? [])) / (n * c.R);
      extra[`randomFroOverNR_max_${c.tag}`] = Math.max(...(c.g.randomFro[c.ri] ?? [])) / (n * c.R);
      extra[`freqBelow3nR_${c.tag}`] = perturbCount(c.g, c.ri, n, c.R, PERTURB_PROOF) / t.trials;
    });
    return allOf(parts, extra);
  },
};
