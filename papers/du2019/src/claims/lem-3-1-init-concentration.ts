import { logLogSlope, meanSd, normalQuantile } from '@repro/concentration';
import { allOf, checkAllClose, checkProbability, checkRate, type Verdict } from '@repro/harness';
import { ALPHA, need, type Du2019Claim } from './select.js';

/** Monte-Carlo error of an average of m i.i.d. terms: slope −½ in m; bands [NOTES.md §3]. */
const FRO_SLOPE: readonly [number, number] = [-0.6, -0.4];
const SPEC_SLOPE: readonly [number, number] = [-0.65, -0.35];
/**
 * Violation rate the Hoeffding part must detect, chosen a priori: the lemma allows δ = 0.1; a rate of 0.25 (2.5× δ) is the
 * smallest we size for (T = 50 draws catch it with probability 0.981, T = 200 with 0.982).
 */
export const LEM31_DETECT = 0.25;
/**
 * m‖H(0) − H∞‖_F² / V has expectation exactly 1 at every m (V = Σ_ij ρ²p(1 − p), see @repro/nets gramHDeviationScale); its draw mean must lie
 * within z·SE of 1, z two-sided at family level 0.01 (one comparison per trace).
 */
const Z_EXACT = normalQuantile(1 - 0.01 / 2);

/** The width of every draw, in the order of `draws.flat()`. */
const perDraw = (widths: readonly number[], draws: readonly number[][]): number[] => draws.flatMap((xs, i) => xs.map(() => widths[i] as number));

export const lem31InitConcentration: Du2019Claim = {
  id: 'du2019.lem3.1',
  source: 'Lemma 3.1, arXiv:1810.02054 (explicit constants: Hoeffding + union bound, derived in NOTES.md §2)',
  statement:
    'At initialization H(0) concentrates around H∞: ‖H(0) − H∞‖ = O(m^{−1/2}), and ‖H(0) − H∞‖_F ≤ n√(log(2n²/δ)/(2m)) with probability ≥ 1 − δ.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['lem31'],
  catches: ['hinf-scale'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces, cfg) {
    const t = need(traces, 'lem31')[0];
    if (t === undefined) throw new Error('no lem3.1 trace');
    // Tight part: the exact expectation E‖H(0) − H∞‖_F² = V/m, over every rate draw at every width.
    const ratios = t.fro.flatMap((xs, wi) => xs.map((f) => (f * f) / (t.froSqExpected[wi] as number)));
    const s = meanSd(ratios);
    const hoeffding: Record<string, Verdict> = {};
    t.probWidths.forEach((m, i) => {
      hoeffding[`m${m}`] = checkProbability(t.probSuccesses[i] as number, t.probTrials, 1 - cfg.delta, ALPHA, LEM31_DETECT);
    });
    const extra: Record<string, number> = {
      lambda0: t.lambda0,
      lambda0ErrorBound: t.lambda0ErrorBound,
      smallestWidthThreeQuarters: t.minWidthFound ?? Number.NaN,
      sufficientWidth: t.sufficientWidth,
    };
    t.probWidths.forEach((m, i) => (extra[`hoeffdingSlack_m${m}`] = (t.probBound[i] as number) / (t.probWorstFro[i] as number)));
    const v = allOf(
      {
        exactFroSq: checkAllClose(s.mean, 1, 0, Z_EXACT * s.se),
        // Fitted over every draw (not width means): the CI then has n − 2 residual dof.
        froRate: checkRate(logLogSlope(perDraw(t.widths, t.fro), t.fro.flat()), FRO_SLOPE),
        specRate: checkRate(logLogSlope(perDraw(t.widths, t.spec), t.spec.flat()), SPEC_SLOPE),
        hoeffding: allOf(hoeffding),
      },
      extra,
    );
    return {
      ...v,
      note: [
        v.note,
        `(c) report only: smallest m on the doubling grid with λ_min(H(0)) ≥ ¾λ0 in ≥ 90% of draws = ${t.minWidthFound ?? 'not found'} ` +
          `(eigen-solver error bound ${t.minWidthErrorBound.toExponential(1)} vs ¼λ0 = ${(t.lambda0 / 4).toExponential(2)}); ` +
          `the explicit sufficient width 8n²log(2n²/δ)/λ0² = ${t.sufficientWidth.toExponential(3)}`,
      ]
        .filter((x) => x !== undefined)
        .join('; '),
    };
  },
};
