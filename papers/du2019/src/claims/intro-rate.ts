import { olsFit } from '@repro/concentration';
import type { Claim } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { FLOAT32_LOSS_FLOOR, fig1Runs } from './select.js';

const MIN_LEVELS = 3;
/** "O(log 1/ε)": the iterations-vs-ln(1/ε) relation must be close to a line. */
const MIN_CORRELATION = 0.98;

export const introRate: Claim<Du2019Config, Du2019Trace> = {
  id: 'du2019.intro.rate',
  source: 'Introduction (consequence of Theorem 4.1), arXiv:1810.02054',
  statement: 'Reaching loss ε takes O(log(1/ε)) iterations: the iteration count grows linearly in ln(1/ε), at most ln(1/ε)/(−ln(1 − ηλ0/2)).',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['fig1'],
  check(traces) {
    const runs = fig1Runs(traces);
    const mMax = Math.max(...runs.map(({ run }) => run.m));
    const top = runs.filter(({ run }) => run.m === mMax);
    const observed: Record<string, number> = { width: mMax };
    let ok = true;
    let worstR = 1;
    let worstRatio = 0;
    let levelsUsed = Number.POSITIVE_INFINITY;
    for (const { tr, run } of top) {
      const L0 = run.loss[0] as number;
      const perStep = -Math.log(1 - (tr.eta * tr.lambda0) / 2);
      const xs: number[] = [];
      const ks: number[] = [];
      for (let j = 1; ; j++) {
        const eps = 10 ** -j;
        if (eps < FLOAT32_LOSS_FLOOR) break;
        const k = run.loss.findIndex((L) => L / L0 <= eps);
        if (k < 0) break;
        xs.push(Math.log(1 / eps));
        ks.push(k);
        worstRatio = Math.max(worstRatio, k / Math.ceil(Math.log(1 / eps) / perStep));
      }
      levelsUsed = Math.min(levelsUsed, xs.length);
      if (xs.length < MIN_LEVELS) {
        ok = false;
        continue;
      }
      const fit = olsFit(xs, ks);
      worstR = Math.min(worstR, fit.r);
      observed[`slope_seed${run.seed}`] = fit.slope;
      observed[`boundSlope_seed${run.seed}`] = 1 / perStep;
    }
    observed.minCorrelation = worstR;
    observed.maxItersOverBound = worstRatio;
    observed.levels = levelsUsed;
    ok &&= worstR >= MIN_CORRELATION && worstRatio <= 1;
    return {
      status: ok ? 'pass' : 'fail',
      observed,
      expected: `at the widest m: k(ε) for ε = 10^-1, 10^-2, … (≥ ${MIN_LEVELS} levels reached) is linear in ln(1/ε) (r ≥ ${MIN_CORRELATION}) and ≤ ⌈ln(1/ε)/(−ln(1 − ηλ0/2))⌉`,
      tolerance: { kind: 'bound', side: 'le' },
      note: 'follows from thm4.1; Section 6 (deep nets) is a conjecture and not checkable',
    };
  },
};
