import { allOf, checkGramConcentration } from '@repro/harness';
import { ALPHA, need, type Du2019Claim } from './select.js';

/**
 * Violation rate the Hoeffding part must detect, chosen a priori: the lemma allows δ = 0.1; a rate of 0.25 (2.5× δ) is the
 * smallest we size for (T = 50 draws catch it with probability 0.981, T = 200 with 0.982).
 */
export const LEM31_DETECT = 0.25;

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
    const extra: Record<string, number> = {
      lambda0: t.lambda0,
      lambda0ErrorBound: t.lambda0ErrorBound,
      smallestWidthThreeQuarters: t.minWidthFound ?? Number.NaN,
      sufficientWidth: t.sufficientWidth,
    };
    t.probWidths.forEach((m, i) => (extra[`hoeffdingSlack_m${m}`] = (t.probBound[i] as number) / (t.probWorstFro[i] as number)));
    // (a) rate, (b) Hoeffding probability and the tight part (the exact expectation E‖H(0) − H∞‖_F² = V/m over every rate
    // draw): one check shared with song-yang2019.lem.init-gram, which restates this lemma (@repro/harness).
    const v = allOf(checkGramConcentration(t, { delta: cfg.delta, alpha: ALPHA, detect: LEM31_DETECT }), extra);
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
