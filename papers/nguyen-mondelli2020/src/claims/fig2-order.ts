import type { Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Trace } from '../trace.js';
import { fig2Points, perCurve, type CurveStats } from './select.js';

/** Share of grid x where the curve means are strictly increasing in config order (the paper's order, low to high). */
function orderShare(curves: readonly CurveStats[][]): { share: number; atLargest: boolean } {
  const xs = (curves[0] ?? []).map((p) => p.x);
  let ok = 0;
  let atLargest = false;
  xs.forEach((x, i) => {
    const means = curves.map((c) => c.find((p) => p.x === x)?.mean ?? Number.NaN);
    const holds = means.every((m, j) => j === 0 || m > (means[j - 1] as number));
    if (holds) ok++;
    if (i === xs.length - 1) atLargest = holds;
  });
  return { share: ok / xs.length, atLargest };
}

export const fig2Order: Claim<Nm20Config, Nm20Trace> = {
  id: 'nmm21.fig2-order',
  source: 'Figure 2, arXiv:2012.11654 v5',
  statement:
    'The curves are ordered as in the paper: right (d, n_2) = (800,800) > (800,400) > (400,400); left (500,2000,2000) > (1000,4000,4000) > (1000,2000,2000) (fewer samples or wider layers give larger λ_min).',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['fig2R', 'fig2L'],
  check(traces, cfg) {
    const right = orderShare(perCurve(fig2Points(traces, 'fig2R')));
    const left = orderShare(perCurve(fig2Points(traces, 'fig2L')));
    const problems: string[] = [];
    if (!right.atLargest) problems.push('right panel: order fails at the largest N');
    if (!(left.share >= cfg.fig2LeftOrderFrac)) problems.push(`left panel: order holds at ${(left.share * 100).toFixed(0)}% of d (< ${cfg.fig2LeftOrderFrac * 100}%)`);
    return {
      status: problems.length === 0 ? 'pass' : 'fail',
      observed: { rightShare: right.share, rightAtLargestN: right.atLargest ? 1 : 0, leftShare: left.share },
      expected: `right: order holds at the largest N; left: order holds at ≥ ${cfg.fig2LeftOrderFrac * 100}% of grid points (curves as listed in the config, ascending)`,
      tolerance: { kind: 'bound', side: 'ge' },
      ...(problems.length > 0 ? { note: problems.join('; ') } : {}),
    };
  },
};
