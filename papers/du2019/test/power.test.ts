import { minTrialsToExclude, probabilityPower } from '@repro/harness';
import { describe, expect, it } from 'vitest';
import { GF_DETECT } from '../src/claims/gf-probability.js';
import { LEM31_DETECT } from '../src/claims/lem-3-1-init-concentration.js';
import { LEM32_DETECT } from '../src/claims/lem-3-2-pattern-flips.js';
import { LEM41_DETECT } from '../src/claims/lem-4-1-flip-count.js';
import { ALPHA } from '../src/claims/select.js';
import { profiles } from '../src/config.js';

// The power statements written beside the trial counts (config.ts, the claims' detect constants) are true.
describe('du2019 probability claims: power of the trial counts', () => {
  const gfTrials = (p: (typeof profiles)['paper'], joint: boolean) =>
    joint ? p.gfJointWidths.length * p.gfJointSeeds : p.gfWidths.length * p.gfSeeds;

  it('thm3.2 / thm3.3: the paper profile catches a 25 % violation rate with probability ≥ 0.95 and can pass', () => {
    expect(GF_DETECT).toBe(0.25);
    expect(minTrialsToExclude(GF_DETECT, ALPHA)).toBe(12);
    for (const joint of [false, true]) {
      const T = gfTrials(profiles.paper, joint);
      expect(T).toBeGreaterThanOrEqual(minTrialsToExclude(GF_DETECT, ALPHA));
      expect(probabilityPower(T, GF_DETECT, ALPHA)).toBeGreaterThan(0.96);
    }
    expect(probabilityPower(15, 0.25, ALPHA)).toBeCloseTo(0.987, 3);
    // smoke: too few runs to exclude it (inconclusive when all hold)
    expect(gfTrials(profiles.smoke, false)).toBeLessThan(12);
  });

  it('lem3.1 (T = 50 / 200) and lem3.2 / lem4.1 (T = 20 / 100) catch a 25 % violation rate', () => {
    expect([LEM31_DETECT, LEM32_DETECT, LEM41_DETECT]).toEqual([0.25, 0.25, 0.25]);
    expect(probabilityPower(profiles.smoke.lem31Trials, 0.25, ALPHA)).toBeCloseTo(0.981, 3);
    expect(probabilityPower(profiles.paper.lem31Trials, 0.25, ALPHA)).toBeCloseTo(0.982, 3);
    expect(probabilityPower(profiles.smoke.lem32Trials, 0.25, ALPHA)).toBeCloseTo(0.976, 3);
    expect(probabilityPower(profiles.paper.lem32Trials, 0.25, ALPHA)).toBeCloseTo(0.979, 3);
    // and all-holding draws pass
    for (const T of [profiles.smoke.lem31Trials, profiles.smoke.lem32Trials]) expect(T).toBeGreaterThanOrEqual(minTrialsToExclude(0.25, ALPHA));
  });
});
