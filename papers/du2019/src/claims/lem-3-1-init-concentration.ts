import { logLogSlope, meanSd, wilsonInterval } from '@repro/concentration';
import type { Claim } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { need } from './select.js';

/** Monte-Carlo error of an average of m i.i.d. terms: slope −½ in m; bands from the card. */
const FRO_SLOPE: readonly [number, number] = [-0.6, -0.4];
const SPEC_SLOPE: readonly [number, number] = [-0.65, -0.35];
/** Wilson interval level for the probability part. */
const ALPHA = 0.05;

export const lem31InitConcentration: Claim<Du2019Config, Du2019Trace> = {
  id: 'du2019.lem3.1',
  source: 'Lemma 3.1, arXiv:1810.02054 (explicit constants: Hoeffding + union bound, derived in the paper card)',
  statement:
    'At initialization H(0) concentrates around H∞: ‖H(0) − H∞‖ = O(m^{−1/2}), and ‖H(0) − H∞‖_F ≤ n√(log(2n²/δ)/(2m)) with probability ≥ 1 − δ.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['lem31'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces, cfg) {
    const t = need(traces, 'lem31')[0];
    if (t === undefined) throw new Error('no lem3.1 trace');
    const froMean = t.fro.map((xs) => meanSd(xs).mean);
    const specMean = t.spec.map((xs) => meanSd(xs).mean);
    const froFit = logLogSlope(t.widths, froMean);
    const specFit = logLogSlope(t.widths, specMean);
    const claimed = 1 - cfg.delta;
    const probs = t.probWidths.map((m, i) => {
      const k = t.probSuccesses[i] as number;
      const [lo, hi] = wilsonInterval(k, t.probTrials, ALPHA);
      return { m, freq: k / t.probTrials, lo, hi, ok: hi >= claimed };
    });
    const okRate =
      froFit.slope >= FRO_SLOPE[0] && froFit.slope <= FRO_SLOPE[1] && specFit.slope >= SPEC_SLOPE[0] && specFit.slope <= SPEC_SLOPE[1];
    const okProb = probs.every((p) => p.ok);
    const observed: Record<string, number> = {
      froSlope: froFit.slope,
      froSlopeCiLow: froFit.slopeCi[0],
      froSlopeCiHigh: froFit.slopeCi[1],
      specSlope: specFit.slope,
      specSlopeCiLow: specFit.slopeCi[0],
      specSlopeCiHigh: specFit.slopeCi[1],
      lambda0: t.lambda0,
      smallestWidthThreeQuarters: t.minWidthFound ?? Number.NaN,
      sufficientWidth: t.sufficientWidth,
    };
    probs.forEach((p, i) => {
      observed[`boundHoldsFreq_m${p.m}`] = p.freq;
      observed[`boundHoldsCiHigh_m${p.m}`] = p.hi;
      observed[`boundSlack_m${p.m}`] = (t.probBound[i] as number) / (t.probWorstFro[i] as number);
    });
    return {
      status: okRate && okProb ? 'pass' : 'fail',
      observed,
      expected: `slope of seed-mean ‖·‖_F vs m in [${FRO_SLOPE.join(', ')}], of ‖·‖₂ in [${SPEC_SLOPE.join(', ')}]; explicit bound holds with frequency ≥ ${claimed} (Wilson ${(1 - ALPHA) * 100}% CI not entirely below)`,
      tolerance: { kind: 'probability', claimed, alpha: ALPHA },
      note:
        `(c) report only: smallest m on the doubling grid with λ_min(H(0)) ≥ ¾λ0 in ≥ 90% of draws = ${t.minWidthFound ?? 'not found'}; ` +
        `the explicit sufficient width 8n²log(2n²/δ)/λ0² = ${t.sufficientWidth.toExponential(3)}`,
    };
  },
};
