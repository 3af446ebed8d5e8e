import { olsFit } from '@repro/concentration';
import { allOf, checkBound, checkRate, need } from '@repro/harness';
import type { ChoSaul2009Claim } from './select.js';

/** [NOTES.md §3] (b): slope of log RMS vs log m. Judged on the common slope of every case (see below), with its 95% CI. */
const SLOPE_RANGE = [-0.65, -0.35] as const;
/** [NOTES.md §3] (c): geometric mean over m of RMS/(σ_n/√m); ≈ 4σ band of RMS sampling error at R = 30 (heavy n = 2 tails included). */
const RATIO_RANGE = [0.7, 1.35] as const;
/** [NOTES.md §3] (a): the mean at the largest m within 4 standard errors σ_n/√(mR) (per-case false-failure 6e-5, 9 cases < 6e-4). */
const MEAN_SE = 4;

export const mcLimit: ChoSaul2009Claim = {
  id: 'cho-saul2009.mc-limit',
  source: 'Section 2.1 (kernel as a one-layer network of infinite width), Cho & Saul (NIPS 2009); m^{-1/2} rate derived in NOTES.md §2',
  statement: 'The random-feature estimate (2/m)Σ g_n(w_iᵀx)g_n(w_iᵀy) converges to k_n(x, y), with RMS error σ_n/√m, σ_n² = 2k_{2n} − k_n².',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['mc'],
  // The mean part compares the Monte-Carlo limit with our closed form k_n = J_n/π: a wrong J_n term, a wrong normalization
  // or a sampler with the wrong variance (a bias of 1.2ⁿ) all move the mean by hundreds of standard errors.
  catches: ['j1-sin2theta', 'kernel-half', 'mc-variance'],
  check(traces) {
    const observed: Record<string, number> = {};
    const xs: number[] = [];
    const ys: number[] = [];
    const ratios: number[] = [];
    const zs: number[] = [];
    for (const [s, t] of need(traces, 'mc').entries())
      for (const c of t.cases) {
        // Rate: ln(RMS/σ_n) = −½ ln m + const for every case, so all cases and seeds share one line: pooled OLS over
        // (ln m, ln(RMS/σ_n)) gives the common slope with a CI that 4 widths per case cannot give on their own.
        for (const p of c.perWidth) {
          xs.push(Math.log(p.m));
          ys.push(Math.log(p.rms / c.sigma));
        }
        const ratio = Math.exp(c.perWidth.reduce((a, p) => a + Math.log(p.rms / (c.sigma / Math.sqrt(p.m))), 0) / c.perWidth.length);
        const last = c.perWidth[c.perWidth.length - 1] as { m: number; mean: number };
        const z = Math.abs(last.mean - c.exact) / (c.sigma / Math.sqrt(last.m * t.repeats));
        ratios.push(ratio);
        zs.push(z);
        const tag = `n${c.n}_t${c.theta}${traces.length > 1 ? `_s${s}` : ''}`;
        observed[`ratio_${tag}`] = ratio;
        observed[`meanZ_${tag}`] = z;
      }
    return allOf(
      {
        rate: checkRate(olsFit(xs, ys), SLOPE_RANGE),
        ratioLow: checkBound(ratios, RATIO_RANGE[0], 'ge'),
        ratioHigh: checkBound(ratios, RATIO_RANGE[1], 'le'),
        mean: checkBound(zs, MEAN_SE, 'le'),
      },
      observed,
    );
  },
};
