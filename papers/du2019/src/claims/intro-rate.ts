import { olsFit } from '@repro/concentration';
import { allOf, checkBound, checkCondition } from '@repro/harness';
import { FLOAT32_LOSS_FLOOR, fig1Runs, type Du2019Claim } from './select.js';

const MIN_LEVELS = 3;
/** "O(log 1/ε)": the iterations-vs-ln(1/ε) relation must be close to a line. */
const MIN_CORRELATION = 0.98;

export const introRate: Du2019Claim = {
  id: 'du2019.intro.rate',
  source: 'Introduction (consequence of Theorem 4.1), arXiv:1810.02054',
  statement: 'Reaching loss ε takes O(log(1/ε)) iterations: the iteration count grows linearly in ln(1/ε), at most ln(1/ε)/(−ln(1 − ηλ0/2)).',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['fig1'],
  catches: ['loss-mean', 'output-scale'],
  check(traces) {
    const runs = fig1Runs(traces);
    const mMax = Math.max(...runs.map(({ run }) => run.m));
    const top = runs.filter(({ run }) => run.m === mMax);
    const extra: Record<string, number> = { width: mMax };
    const ratios: number[] = [];
    const correlations: number[] = [];
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
        ratios.push(k / Math.ceil(Math.log(1 / eps) / perStep));
      }
      levelsUsed = Math.min(levelsUsed, xs.length);
      if (xs.length < 2) continue;
      const fit = olsFit(xs, ks);
      correlations.push(fit.r);
      extra[`slope_seed${run.seed}`] = fit.slope;
      extra[`boundSlope_seed${run.seed}`] = 1 / perStep;
    }
    const minR = correlations.length > 0 ? Math.min(...correlations) : Number.NaN;
    const v = allOf(
      {
        iterationBound: checkBound(ratios, 1, 'le'),
        linear: checkCondition(
          levelsUsed >= MIN_LEVELS && minR >= MIN_CORRELATION,
          { levels: levelsUsed, minCorrelation: minR },
          `k(ε) reached for ≥ ${MIN_LEVELS} levels ε = 10^-1, 10^-2, … on every run at the widest m, linear in ln(1/ε) with r ≥ ${MIN_CORRELATION}`,
          levelsUsed < MIN_LEVELS ? `only ${levelsUsed} loss levels reached` : `correlation ${minR.toFixed(4)} < ${MIN_CORRELATION}`,
        ),
      },
      extra,
    );
    const why = 'follows from thm4.1; Section 6 (deep nets) is a conjecture and not checkable';
    return { ...v, note: v.note === undefined ? why : `${v.note}; ${why}` };
  },
};
