import { logLogSlope } from '@repro/concentration';
import { allOf, checkBound, checkCondition, checkRate } from '@repro/harness';
import { need, type Du2019Claim } from './select.js';

/** Lower end of "λ0 > 0" on random data: far above float64 eigen-solver noise (~1e-15·‖H∞‖). */
const LAMBDA0_POSITIVE = 1e-6;
/** At θ = 0 H∞ is exactly singular; the float64 solver returns |λ0| at rounding level. */
const PARALLEL_ATOL = 1e-12;
/** λ0(θ) ≈ θ/(2π) for small θ: slope of log λ0 vs log θ [NOTES.md §2]. */
const SLOPE_RANGE: readonly [number, number] = [0.9, 1.1];
/**
 * The eigenvalues' error bound must be at most this share of the smallest λ0(θ): a relative error e of every λ0(θ) moves
 * the slope by ≤ e/6 (log θ spans 5 decades), far inside its CI (±0.01) and the range; the positivity and Kato–Temple parts
 * add eb as their tolerance. (Was 1e-6, stricter than anything the claim uses: it failed at n = 200, θ = 1e-6, where
 * eb/λ0 = 2.8e-6 — see the deviation log.)
 */
const ERROR_SHARE = 1e-3;

export const thm31PositiveDefinite: Du2019Claim = {
  id: 'du2019.thm3.1',
  source: 'Theorem 3.1, arXiv:1810.02054',
  statement: 'If no two inputs are parallel, the limit Gram matrix H∞ is positive definite (λ0 > 0); it degenerates linearly as two inputs become parallel.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['thm31'],
  catches: ['hinf-scale'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const t = need(traces, 'thm31')[0];
    if (t === undefined) throw new Error('no thm3.1 trace');
    const pts = t.thetas.map((th, i) => ({
      th,
      l: t.lambda0Theta[i] as number,
      l2: t.lambda2Theta[i] as number,
      rq: t.rayleighBound[i] as number,
      r: t.rayleighResidual[i] as number,
    }));
    const positive = pts.filter((p) => p.th > 0);
    const zero = pts.filter((p) => p.th === 0);
    const fit = logLogSlope(
      positive.map((p) => p.th),
      positive.map((p) => p.l),
    );
    const eb = t.errorBound;
    // Kato–Temple at the smallest θ (tight there: the gap r²/(λ₂ − ρ) between the bounds is O(θ) relative to ρ): λ0 lies in
    // [ρ − r²/(λ₂ − ρ), ρ] with ρ the closed-form Rayleigh quotient; + eb for rounding. A wrong H∞ constant moves λ0 out.
    const tiny = positive.reduce((a, b) => (b.th < a.th ? b : a), positive[0] ?? { th: Number.NaN, l: Number.NaN, l2: Number.NaN, rq: Number.NaN, r: Number.NaN });
    const ktLower = tiny.rq - (tiny.r * tiny.r) / (tiny.l2 - tiny.rq);
    const minLambda = Math.min(...positive.map((p) => p.l));
    return allOf(
      {
        random: checkCondition(t.lambda0Random - eb > LAMBDA0_POSITIVE && t.lambda0Random <= 0.5, { lambda0Random: t.lambda0Random }, `${LAMBDA0_POSITIVE} < λ0 ≤ ½ on sphere data`),
        rayleigh: checkBound(
          positive.map((p) => (p.l - eb) / p.rq),
          1,
          'le',
        ),
        katoTemple: allOf({ lower: checkBound(tiny.l + eb, ktLower, 'ge'), upper: checkBound(tiny.l - eb, tiny.rq, 'le') }, { theta: tiny.th, relativeGap: (tiny.rq - ktLower) / tiny.rq }),
        slope: checkRate(fit, SLOPE_RANGE),
        parallel: zero.length > 0 ? checkBound(Math.max(...zero.map((p) => Math.abs(p.l))), PARALLEL_ATOL, 'le') : checkCondition(false, {}, 'θ = 0 in the grid', 'θ = 0 was not run: the parallel case is not checked'),
        errorBound: checkCondition(
          eb <= ERROR_SHARE * minLambda,
          { errorBound: eb, minLambda0Theta: minLambda },
          `eigen-solver error bound n·ε·‖H∞‖_F ≤ ${ERROR_SHARE}·min_θ λ0(θ)`,
        ),
      },
      { lambda0Antipodal: t.lambda0Antipodal },
    );
  },
};
