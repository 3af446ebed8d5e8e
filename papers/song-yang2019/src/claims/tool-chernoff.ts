import { allOf, checkCondition, checkProbability, need, type Verdict } from '@repro/harness';
import { matrixChernoffLowerTail, matrixChernoffUpperTail, meanSd } from '@repro/concentration';
import type { ChernoffCase } from '../trace.js';
import { ALPHA, partName, zParts, type SongYang2019Claim } from './select.js';

/**
 * Excess of a tail's frequency over its bound that the probability parts must detect, fixed a priori: λ_min(H(0)) and
 * λ_max(H(0)) concentrate (that is the tool's content), so a bug in the summands moves their whole distribution and a tail
 * event becomes frequent; an excess of 5 percentage points over the stated bound is the smallest we require to see.
 */
export const CHERNOFF_DETECT_EXCESS = 0.05;

/** The two matrix-Chernoff tail events of one case at one ε: empirical count and the bound (capped at 1). */
export function chernoffTails(c: ChernoffCase, eps: number) {
  return [
    { side: 'lower', level: (1 - eps) * c.muMin, hits: c.lambdaMin.filter((l) => l <= (1 - eps) * c.muMin).length, bound: matrixChernoffLowerTail(c.n, c.muMin, c.L, eps), values: c.lambdaMin },
    { side: 'upper', level: (1 + eps) * c.muMax, hits: c.lambdaMax.filter((l) => l >= (1 + eps) * c.muMax).length, bound: matrixChernoffUpperTail(c.n, c.muMax, c.L, eps), values: c.lambdaMax },
  ] as const;
}

export const toolChernoff: SongYang2019Claim = {
  id: 'song-yang2019.tool.chernoff',
  source: 'Tropp (2015) Thm 5.1.1 [STD]; how the paper applies it to H(0) is unverified, arXiv:1906.03593',
  statement: 'For independent PSD summands with λ_max ≤ L, λ_min(ΣX_r) ≤ (1−ε)μ_min and λ_max(ΣX_r) ≥ (1+ε)μ_max have probabilities at most n[e^{∓ε}/(1∓ε)^{1∓ε}]^{μ/L}; applied to H(0) = Σ_r (1/m)D_r XXᵀD_r.',
  evidence: 'unverified',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['chernoff'],
  catches: ['gram-indicator', 'hcts-offdiag'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces, cfg) {
    const t = need(traces, 'chernoff')[0];
    if (t === undefined) throw new Error('no chernoff trace');
    const all = t.cases.flatMap((c) => cfg.chernoffEps.flatMap((eps) => chernoffTails(c, eps).map((x) => ({ c, eps, ...x }))));
    const informative = all.filter((x) => x.bound < 1);
    // (tails) the tool's statement where the bound is < 1. Bonferroni: family-wise false-failure rate ≤ ALPHA.
    const alpha = ALPHA / Math.max(1, informative.length);
    const tails: Record<string, Verdict> = {};
    for (const x of informative)
      tails[partName(`n${x.c.n}_m${x.c.m}_eps${x.eps}_${x.side}`)] = checkProbability(x.values.length - x.hits, x.values.length, 1 - x.bound, alpha, Math.min(1, x.bound + CHERNOFF_DETECT_EXCESS));
    // (mean) the tight part — concentration around the exact expectation: m‖H(0) − H^cts‖_F² averages to
    // Σ_ij ρ_ij² p_ij(1 − p_ij) (E H(0) = H^cts, entries binomial), z-test per (shape, m), Bonferroni over the cases.
    const z = t.cases.map((c) => {
      const s = meanSd(c.devSq);
      return (s.mean - c.devSqExpected) / s.se;
    });
    // (eig) λ_min / λ_max decide each tail event: no draw may lie within the eigen-solver's error bound of its threshold.
    const close = all.reduce((s, x) => s + x.values.filter((l) => Math.abs(l - x.level) <= x.c.eigErr).length, 0);
    const eigErr = Math.max(...t.cases.map((c) => c.eigErr));
    const parts: Record<string, Verdict> = {
      mean: zParts(z).v,
      eig: checkCondition(close === 0, { eigErrMax: eigErr, drawsWithinErrorOfThreshold: close }, 'no λ_min/λ_max within its a-priori error bound of a tail threshold', `${close} draws within the eigenvalue error bound of a threshold`),
    };
    if (informative.length > 0) parts.tails = allOf(tails);
    const extra: Record<string, number> = { informativeTails: informative.length, tails: all.length };
    for (const x of all) extra[`freq_${partName(`n${x.c.n}_m${x.c.m}_eps${x.eps}_${x.side}`)}`] = x.hits / x.values.length;
    t.cases.forEach((c, i) => (extra[`zDevSq_n${c.n}_m${c.m}`] = z[i] as number));
    return allOf(parts, extra);
  },
};
