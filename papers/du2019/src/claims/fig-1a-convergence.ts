import { allOf, checkBound, checkCondition } from '@repro/harness';
import { FLOAT32_LOSS_FLOOR, fig1Runs, finalNormalizedLoss, perWidth, type Du2019Claim } from './select.js';

/** Stall criterion [NOTES.md §3]: m = 10 ends at least this many times above m = 100. */
const STALL_FACTOR = 1e3;

export const fig1aConvergence: Du2019Claim = {
  id: 'du2019.fig1a',
  source: 'Figure 1(a), arXiv:1810.02054',
  statement: 'Wider networks converge faster: the final training loss does not increase with m, and a very narrow net (m = 10) stalls.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['fig1'],
  catches: ['loss-mean', 'output-scale'],
  check(traces) {
    fig1Runs(traces); // a diverged run fails the claim with its step and reason
    const rows = perWidth(traces, finalNormalizedLoss);
    const floor = (x: number): number => Math.max(x, FLOAT32_LOSS_FLOOR);
    const violations: string[] = [];
    for (let i = 1; i < rows.length; i++) {
      const prev = rows[i - 1];
      const cur = rows[i];
      if (prev !== undefined && cur !== undefined && !(floor(cur.mean) <= floor(prev.mean)))
        violations.push(`m=${cur.m} ends at ${cur.mean.toExponential(2)} > m=${prev.m} at ${prev.mean.toExponential(2)}`);
    }
    const l10 = rows.find((r) => r.m === 10)?.mean;
    const l100 = rows.find((r) => r.m === 100)?.mean;
    const extra: Record<string, number> = {};
    for (const r of rows) extra[`finalNormalizedLoss_m${r.m}`] = r.mean;
    return allOf(
      {
        monotone: checkCondition(
          rows.length >= 2 && violations.length === 0,
          { widths: rows.length, violations: violations.length },
          `seed-mean L(K)/L(0) non-increasing in m over ≥ 2 widths (ties below ${FLOAT32_LOSS_FLOOR})`,
          rows.length < 2 ? 'fewer than two widths: nothing to compare' : violations.join('; '),
        ),
        // The narrow control: both m = 10 and m = 100 must have been run, or the stall is not checked and the claim fails.
        stall:
          l10 !== undefined && l100 !== undefined
            ? checkBound(l10 / floor(l100), STALL_FACTOR, 'ge')
            : checkCondition(false, {}, `L_10(K)/L_100(K) ≥ ${STALL_FACTOR}`, 'm = 10 or m = 100 is not in fig1Widths: the stall of the narrow control was not checked'),
      },
      extra,
    );
  },
};
