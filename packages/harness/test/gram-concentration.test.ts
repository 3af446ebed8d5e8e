import { describe, expect, it } from 'vitest';
import { checkGramConcentration, type GramConcentrationData } from '../src/index.js';

/** Synthetic Lemma 3.1 data: ‖H(0) − H∞‖_F = c·m^{slope}·(1 + wiggle), with E‖·‖_F² known as V/m. */
function data(slope: number, scale = 1, successes = [50, 50]): GramConcentrationData {
  const widths = [100, 400, 1600, 6400];
  const wiggle = [-0.05, 0.02, 0.04, -0.01, 0];
  const V = 25;
  const fro = widths.map((m) => wiggle.map((w) => scale * Math.sqrt(V) * m ** slope * (1 + w)));
  // Normalize so that the clean case has mean ratio 1 exactly: E(1 + w)² over the wiggles.
  const e2 = wiggle.reduce((s, w) => s + (1 + w) ** 2, 0) / wiggle.length;
  return {
    widths,
    fro,
    spec: fro.map((xs) => xs.map((x) => 0.4 * x)),
    froSqExpected: widths.map((m) => (V * e2) / m),
    probWidths: [100, 1600],
    probSuccesses: successes,
    probTrials: 50,
  };
}

describe('checkGramConcentration (du2019 Lemma 3.1, shared with song-yang2019)', () => {
  const o = { delta: 0.1, alpha: 0.05, detect: 0.25 };
  it('passes data that concentrate at m^{-1/2} around the exact expectation within the bound', () => {
    const v = checkGramConcentration(data(-0.5), o);
    expect([v.exactFroSq.status, v.froRate.status, v.specRate.status, v.hoeffding.status]).toEqual(['pass', 'pass', 'pass', 'pass']);
  });
  it('fails a Gram 10 % too large (the exact expectation), a Gram that does not concentrate (the rates) and a bound that is broken', () => {
    expect(checkGramConcentration(data(-0.5, 1.1), o).exactFroSq.status).toBe('fail');
    const flat = checkGramConcentration(data(-0.1), o);
    expect(flat.froRate.status).toBe('fail');
    expect(flat.specRate.status).toBe('fail');
    expect(checkGramConcentration(data(-0.5, 1, [50, 20]), o).hoeffding.status).toBe('fail');
    expect(checkGramConcentration(data(-0.5, 1, [50, 42]), o).hoeffding.status).toBe('inconclusive');
  });
});
