import { checkProbability, type Claim } from '@repro/harness';
import type { SongYang2019Config } from '../config.js';
import type { PerturbGeometry, SongYang2019Trace } from '../trace.js';
import { ALPHA, combine, need } from './select.js';

/** The lemma's stated constant (LN3 Lemma 2) and the constant its proof as written supports (card: constant caveat). */
export const PERTURB_STATED = 2;
export const PERTURB_PROOF = 3;
/** A case is informative only where the guarantee is non-vacuous: mR/10 > ln(n²/0.1) [card pitfall 6]. */
export const VACUOUS_DELTA = 0.1;

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

export const lemPerturb: Claim<SongYang2019Config, SongYang2019Trace> = {
  id: 'song-yang2019.lem.perturb',
  source: 'LN3 Lemma 2 (Bernstein version of du2019 Lemma 3.2), arXiv:1906.03593',
  statement: 'For R ∈ (0, 1), with probability ≥ 1 − n²·exp(−mR/10) over W̃, every W with ‖w_r − w̃_r‖ ≤ R for all r has ‖H(W) − H(W̃)‖_F < 2nR.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['perturb'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const t = need(traces, 'perturb')[0];
    if (t === undefined) throw new Error('no perturb trace');
    const { n, m } = t;
    const cases = t.geometries.flatMap((g) => g.radii.map((R, ri) => ({ g, R, ri })));
    const informative = cases.filter((c) => perturbInformative(n, m, c.R));
    // Bonferroni: family-wise false-failure rate ≤ ALPHA over the informative cases.
    const alpha = ALPHA / Math.max(1, informative.length);
    const parts = informative.map((c) => ({
      tag: `${c.g.name}_R${c.R}`,
      v: checkProbability(perturbCount(c.g, c.ri, n, c.R, PERTURB_STATED), t.trials, perturbClaimed(n, m, c.R), alpha),
    }));
    const claimed = Math.max(0, ...informative.map((c) => perturbClaimed(n, m, c.R)));
    const v = combine(parts, {
      expected: `frequency of ‖U‖_F < 2nR ≥ 1 − n²e^{−mR/10} (Wilson CI at family-wise level ${ALPHA}, Bonferroni over ${informative.length} informative cases; U dominates |H(W) − H(W̃)| on the ball)`,
      tolerance: { kind: 'probability', claimed, alpha: ALPHA },
    });
    const vacuous = cases.filter((c) => !perturbInformative(n, m, c.R)).map((c) => `${c.g.name} R=${c.R}`);
    for (const c of cases) {
      const tag = `${c.g.name}_R${c.R}`;
      const fro = c.g.uFro[c.ri] ?? [];
      v.observed[`uFroOverNR_max_${tag}`] = Math.max(...fro) / (n * c.R);
      v.observed[`uSpecOverNR_max_${tag}`] = Math.max(...(c.g.uSpec[c.ri] ?? [])) / (n * c.R);
      v.observed[`randomFroOverNR_max_${tag}`] = Math.max(...(c.g.randomFro[c.ri] ?? [])) / (n * c.R);
      v.observed[`freqBelow3nR_${tag}`] = perturbCount(c.g, c.ri, n, c.R, PERTURB_PROOF) / t.trials;
    }
    const extra = vacuous.length > 0 ? `vacuous (mR/10 ≤ ln(n²/0.1)), reported only: ${vacuous.join(', ')}` : undefined;
    if (extra !== undefined) v.note = v.note === undefined ? extra : `${v.note}; ${extra}`;
    return v;
  },
};
