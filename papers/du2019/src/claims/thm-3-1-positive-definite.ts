import { logLogSlope } from '@repro/concentration';
import type { Claim } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { need } from './select.js';

/** Lower end of "λ0 > 0" on random data: far above float64 eigen-solver noise (~1e-15·‖H∞‖). */
const LAMBDA0_POSITIVE = 1e-6;
/** At θ = 0 H∞ is exactly singular; the float64 solver returns |λ0| at rounding level. */
const PARALLEL_ATOL = 1e-12;
/** λ0(θ) ≈ θ/(2π) for small θ: slope of log λ0 vs log θ [card DER]. */
const SLOPE_RANGE: readonly [number, number] = [0.9, 1.1];
const BOUND_RTOL = 1e-6;

export const thm31PositiveDefinite: Claim<Du2019Config, Du2019Trace> = {
  id: 'du2019.thm3.1',
  source: 'Theorem 3.1, arXiv:1810.02054',
  statement: 'If no two inputs are parallel, the limit Gram matrix H∞ is positive definite (λ0 > 0); it degenerates linearly as two inputs become parallel.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['thm31'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const t = need(traces, 'thm31')[0];
    if (t === undefined) throw new Error('no thm3.1 trace');
    const positive = t.thetas.map((th, i) => ({ th, l: t.lambda0Theta[i] as number, b: t.rayleighBound[i] as number })).filter((p) => p.th > 0);
    const zero = t.thetas.map((th, i) => ({ th, l: t.lambda0Theta[i] as number })).filter((p) => p.th === 0);
    const fit = logLogSlope(
      positive.map((p) => p.th),
      positive.map((p) => p.l),
    );
    const worstBoundRatio = Math.max(...positive.map((p) => p.l / p.b));
    const lambdaAtZero = zero.length > 0 ? Math.max(...zero.map((p) => Math.abs(p.l))) : Number.NaN;
    const okRandom = t.lambda0Random > LAMBDA0_POSITIVE && t.lambda0Random <= 0.5;
    const okBound = worstBoundRatio <= 1 + BOUND_RTOL;
    const okSlope = fit.slope >= SLOPE_RANGE[0] && fit.slope <= SLOPE_RANGE[1];
    const okZero = zero.length === 0 || lambdaAtZero <= PARALLEL_ATOL;
    return {
      status: okRandom && okBound && okSlope && okZero ? 'pass' : 'fail',
      observed: {
        lambda0Random: t.lambda0Random,
        slope: fit.slope,
        slopeCiLow: fit.slopeCi[0],
        slopeCiHigh: fit.slopeCi[1],
        maxLambda0OverRayleighBound: worstBoundRatio,
        absLambda0AtTheta0: lambdaAtZero,
        lambda0Antipodal: t.lambda0Antipodal,
      },
      expected: `1e-6 < λ0 ≤ ½ on sphere data; λ0(θ) ≤ ½ − cosθ(π−θ)/(2π); slope of log λ0 vs log θ in [${SLOPE_RANGE.join(', ')}]; |λ0(0)| ≤ 1e-12`,
      tolerance: { kind: 'rate', range: SLOPE_RANGE },
      note: `antiparallel pair x₂ = −x₁ keeps λ0 = ${t.lambda0Antipodal.toExponential(3)} > 0 (the condition is sufficient, not necessary)`,
    };
  },
};
