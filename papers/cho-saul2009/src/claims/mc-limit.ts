import { logLogSlope } from '@repro/concentration';
import { checkRate, type Claim } from '@repro/harness';
import type { ChoSaul2009Config } from '../config.js';
import type { ChoSaul2009Trace } from '../trace.js';
import { need } from './select.js';

/** Card (b): slope of log RMS vs log m; ≈ 4σ of the slope's sampling error at R = 30. */
const SLOPE_RANGE = [-0.65, -0.35] as const;
/** Card (c): geometric mean over m of RMS/(σ_n/√m); ≈ 4σ band of RMS sampling error at R = 30 (heavy n = 2 tails included). */
const RATIO_RANGE = [0.7, 1.35] as const;
/** Card (a): the mean at the largest m within 4 standard errors σ_n/√(mR) (per-case false-failure 6e-5, 9 cases < 6e-4). */
const MEAN_SE = 4;

export const mcLimit: Claim<ChoSaul2009Config, ChoSaul2009Trace> = {
  id: 'cho-saul2009.mc-limit',
  source: 'Section 2.1 (kernel as a one-layer network of infinite width), Cho & Saul (NIPS 2009); m^{-1/2} rate derived in the card',
  statement: 'The random-feature estimate (2/m)Σ g_n(w_iᵀx)g_n(w_iᵀy) converges to k_n(x, y), with RMS error σ_n/√m, σ_n² = 2k_{2n} − k_n².',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['mc'],
  check(traces) {
    const all = need(traces, 'mc');
    const observed: Record<string, number> = {};
    const problems: string[] = [];
    let worstSlope = { slope: Number.NaN, dist: -Infinity };
    let minRatio = Infinity;
    let maxRatio = -Infinity;
    let worstMeanZ = 0;
    for (const t of all)
      for (const c of t.cases) {
        const ms = c.perWidth.map((p) => p.m);
        const fit = logLogSlope(ms, c.perWidth.map((p) => p.rms));
        const dist = Math.max(SLOPE_RANGE[0] - fit.slope, fit.slope - SLOPE_RANGE[1]);
        if (!(dist <= worstSlope.dist) || Number.isNaN(fit.slope)) worstSlope = { slope: fit.slope, dist: Number.isNaN(fit.slope) ? Infinity : dist };
        const logRatio = c.perWidth.reduce((s, p) => s + Math.log(p.rms / (c.sigma / Math.sqrt(p.m))), 0) / c.perWidth.length;
        const ratio = Math.exp(logRatio);
        minRatio = Math.min(minRatio, ratio);
        maxRatio = Math.max(maxRatio, ratio);
        const last = c.perWidth[c.perWidth.length - 1] as { m: number; mean: number };
        const z = Math.abs(last.mean - c.exact) / (c.sigma / Math.sqrt(last.m * t.repeats));
        worstMeanZ = Math.max(worstMeanZ, z);
        const tag = `n${c.n}_t${c.theta}`;
        observed[`slope_${tag}`] = fit.slope;
        observed[`ratio_${tag}`] = ratio;
        if (dist > 0) problems.push(`slope ${fit.slope.toFixed(3)} at n=${c.n}, θ=${c.theta}`);
        if (ratio < RATIO_RANGE[0] || ratio > RATIO_RANGE[1]) problems.push(`RMS/(σ/√m) = ${ratio.toFixed(3)} at n=${c.n}, θ=${c.theta}`);
        if (!(z <= MEAN_SE)) problems.push(`mean at m=${last.m} is ${z.toFixed(2)} SE from k_n at n=${c.n}, θ=${c.theta}`);
      }
    const v = checkRate({ slope: worstSlope.slope }, SLOPE_RANGE);
    return {
      status: problems.length === 0 && v.status === 'pass' ? 'pass' : 'fail',
      observed: { worstSlope: worstSlope.slope, minRatio, maxRatio, worstMeanZ, ...observed },
      expected: `every case: slope of log RMS vs log m in [${SLOPE_RANGE.join(', ')}], geometric-mean RMS/(σ_n/√m) in [${RATIO_RANGE.join(', ')}], mean at the largest m within ${MEAN_SE} SE of k_n`,
      tolerance: v.tolerance,
      ...(problems.length > 0 ? { note: problems.join('; ') } : {}),
    };
  },
};
