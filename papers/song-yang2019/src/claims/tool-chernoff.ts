import { checkProbability, type Claim } from '@repro/harness';
import { matrixChernoffLowerTail, matrixChernoffUpperTail } from '@repro/concentration';
import type { SongYang2019Config } from '../config.js';
import type { ChernoffCase, SongYang2019Trace } from '../trace.js';
import { ALPHA, combine, need } from './select.js';

/** The two matrix-Chernoff tail events of one case at one ε: empirical count and the bound (capped at 1). */
export function chernoffTails(c: ChernoffCase, eps: number) {
  return [
    { side: 'lower', hits: c.lambdaMin.filter((l) => l <= (1 - eps) * c.muMin).length, bound: matrixChernoffLowerTail(c.n, c.muMin, c.L, eps) },
    { side: 'upper', hits: c.lambdaMax.filter((l) => l >= (1 + eps) * c.muMax).length, bound: matrixChernoffUpperTail(c.n, c.muMax, c.L, eps) },
  ] as const;
}

export const toolChernoff: Claim<SongYang2019Config, SongYang2019Trace> = {
  id: 'song-yang2019.tool.chernoff',
  source: 'Tropp (2015) Thm 5.1.1 [STD]; how the paper applies it to H(0) is unverified, arXiv:1906.03593',
  statement: 'For independent PSD summands with λ_max ≤ L, λ_min(ΣX_r) ≤ (1−ε)μ_min and λ_max(ΣX_r) ≥ (1+ε)μ_max have probabilities at most n[e^{∓ε}/(1∓ε)^{1∓ε}]^{μ/L}; applied to H(0) = Σ_r (1/m)D_r XXᵀD_r.',
  evidence: 'unverified',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['chernoff'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces, cfg) {
    const t = need(traces, 'chernoff')[0];
    if (t === undefined) throw new Error('no chernoff trace');
    const all = t.cases.flatMap((c) => cfg.chernoffEps.flatMap((eps) => chernoffTails(c, eps).map((x) => ({ c, eps, ...x }))));
    const informative = all.filter((x) => x.bound < 1);
    // Bonferroni: family-wise false-failure rate ≤ ALPHA over the informative tail events.
    const alpha = ALPHA / Math.max(1, informative.length);
    const parts = informative.map((x) => ({
      tag: `n${x.c.n}_m${x.c.m}_eps${x.eps}_${x.side}`,
      v: checkProbability(x.c.lambdaMin.length - x.hits, x.c.lambdaMin.length, 1 - x.bound, alpha),
    }));
    const v = combine(
      parts,
      { expected: `P̂(tail event) ≤ bound, i.e. frequency of the complement ≥ 1 − bound (Wilson CI, family-wise level ${ALPHA}) wherever the bound is < 1`, tolerance: { kind: 'probability', claimed: Math.max(0, ...informative.map((x) => 1 - x.bound)), alpha: ALPHA } },
      `${informative.length}/${all.length} tail events informative (bound < 1); the rest are vacuous`,
    );
    for (const x of all) v.observed[`freq_n${x.c.n}_m${x.c.m}_eps${x.eps}_${x.side}`] = x.hits / x.c.lambdaMin.length;
    return v;
  },
};
