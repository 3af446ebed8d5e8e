import { logLogSlope } from '@repro/concentration';
import { checkRate, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Trace } from '../trace.js';
import { need } from './select.js';

/** Card: slope of log relative Frobenius error vs log n in [−0.7, −0.3] (Monte Carlo ~ n^{−1/2}), mean error decreasing in n. */
const SLOPE: readonly [number, number] = [-0.7, -0.3];

export const lemma31Limit: Claim<Nm20Config, Nm20Trace> = {
  id: 'nmm21.lemma3.1-limit',
  source: 'Lemma 3.1, arXiv:2012.11654 v5',
  statement: 'Under N(0,1) weights the rescaled empirical NTK (4/(n_1n_2))K̄ of a 3-layer ReLU net converges to the closed-form limit K^{(3)} as the widths grow.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['ntkLimit'],
  check(traces) {
    const rows = need(traces, 'ntkLimit').flatMap((t) => t.rows);
    const widths = [...new Set(rows.map((r) => r.n))].sort((a, b) => a - b);
    const means = widths.map((n) => {
      const xs = rows.filter((r) => r.n === n).map((r) => r.relErr);
      return xs.reduce((s, v) => s + v, 0) / xs.length;
    });
    const v = checkRate(logLogSlope(widths, means), SLOPE);
    const problems: string[] = [];
    if (v.status === 'fail' && v.note) problems.push(v.note);
    for (let i = 1; i < means.length; i++)
      if (!((means[i] as number) < (means[i - 1] as number))) problems.push(`mean error not decreasing from n = ${widths[i - 1]} to n = ${widths[i]}`);
    const observed: Record<string, number> = { ...v.observed };
    widths.forEach((n, i) => (observed[`meanRelErr_n${n}`] = means[i] as number));
    return {
      ...v,
      status: problems.length === 0 ? 'pass' : 'fail',
      observed,
      expected: `log-log slope of the mean relative Frobenius error vs n in [${SLOPE[0]}, ${SLOPE[1]}], mean error decreasing in n`,
      ...(problems.length > 0 ? { note: problems.join('; ') } : v.note ? { note: v.note } : {}),
    };
  },
};
