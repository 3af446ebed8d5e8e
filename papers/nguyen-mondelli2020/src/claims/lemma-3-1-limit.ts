import { logLogSlope } from '@repro/concentration';
import { allOf, checkCondition, checkRate, need, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Experiment, Nm20Trace } from '../trace.js';


/** [NOTES.md §5] slope of log relative Frobenius error vs log n in [−0.7, −0.3] (Monte Carlo ~ n^{−1/2}), mean error decreasing in n. */
const SLOPE: readonly [number, number] = [-0.7, -0.3];

export const lemma31Limit: Claim<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nmm21.lemma3.1-limit',
  source: 'Lemma 3.1, arXiv:2012.11654 v5',
  statement: 'Under N(0,1) weights the rescaled empirical NTK (4/(n_1n_2))K̄ of a 3-layer ReLU net converges to the closed-form limit K^{(3)} as the widths grow.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['ntkLimit'],
  catches: ['he-variance', 'ntk-missing-last-term'],
  check(traces) {
    const rows = need(traces, 'ntkLimit').flatMap((t) => t.rows);
    const widths = [...new Set(rows.map((r) => r.n))].sort((a, b) => a - b);
    const means = widths.map((n) => {
      const xs = rows.filter((r) => r.n === n).map((r) => r.relErr);
      return xs.reduce((s, v) => s + v, 0) / xs.length;
    });
    const dec: string[] = [];
    for (let i = 1; i < means.length; i++) if (!((means[i] as number) < (means[i - 1] as number))) dec.push(`mean error not decreasing from n = ${widths[i - 1]} to n = ${widths[i]}`);
    const extra: Record<string, number> = {};
    widths.forEach((n, i) => (extra[`meanRelErr_n${n}`] = means[i] as number));
    return allOf(
      {
        rate: { ...checkRate(logLogSlope(widths, means), SLOPE), expected: `log-log slope of the mean relative Frobenius error vs n: CI inside [${SLOPE[0]}, ${SLOPE[1]}]` },
        decreasing: checkCondition(dec.length === 0, { widths: widths.length }, 'mean error strictly decreasing in n', dec.join('; ')),
      },
      extra,
    );
  },
};
