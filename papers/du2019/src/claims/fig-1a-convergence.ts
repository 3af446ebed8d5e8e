import type { Claim } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { FLOAT32_LOSS_FLOOR, fig1Runs, finalNormalizedLoss, perWidth } from './select.js';

/** The card's stall criterion: m = 10 ends at least this many times above m = 100. */
const STALL_FACTOR = 1e3;

export const fig1aConvergence: Claim<Du2019Config, Du2019Trace> = {
  id: 'du2019.fig1a',
  source: 'Figure 1(a), arXiv:1810.02054',
  statement: 'Wider networks converge faster: the final training loss does not increase with m, and a very narrow net (m = 10) stalls.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['fig1'],
  check(traces) {
    fig1Runs(traces); // a diverged run fails the claim with its step and reason
    const rows = perWidth(traces, finalNormalizedLoss);
    const floor = (x: number): number => Math.max(x, FLOAT32_LOSS_FLOOR);
    const violations: string[] = [];
    for (let i = 1; i < rows.length; i++) {
      const prev = rows[i - 1];
      const cur = rows[i];
      if (prev !== undefined && cur !== undefined && floor(cur.mean) > floor(prev.mean))
        violations.push(`m=${cur.m} ends at ${cur.mean.toExponential(2)} > m=${prev.m} at ${prev.mean.toExponential(2)}`);
    }
    const l10 = rows.find((r) => r.m === 10)?.mean;
    const l100 = rows.find((r) => r.m === 100)?.mean;
    const stallRatio = l10 !== undefined && l100 !== undefined ? l10 / floor(l100) : Number.NaN;
    const okStall = Number.isNaN(stallRatio) || stallRatio >= STALL_FACTOR;
    const observed: Record<string, number> = { stallRatio10over100: stallRatio, monotoneViolations: violations.length };
    for (const r of rows) observed[`finalNormalizedLoss_m${r.m}`] = r.mean;
    if (!okStall)
      violations.push(`m=10 ends only ${stallRatio.toPrecision(3)}× above m=100 (card expects ≥ ${STALL_FACTOR}×)`);
    return {
      status: violations.length === 0 ? 'pass' : 'fail',
      observed,
      expected: `seed-mean L(K)/L(0) non-increasing in m (ties below ${FLOAT32_LOSS_FLOOR}); L_10(K)/L_100(K) ≥ ${STALL_FACTOR}`,
      tolerance: { kind: 'bound', side: 'ge' },
      ...(violations.length > 0 ? { note: violations.join('; ') } : {}),
    };
  },
};
