import type { Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Trace } from '../trace.js';
import { fig2Points, perCurve } from './select.js';

export const thm41Orders: Claim<Nm20Config, Nm20Trace> = {
  id: 'nmm21.thm4.1-orders',
  source: 'Theorem 4.1 (He init, L = 3), arXiv:2012.11654 v5 [card §3, D]',
  statement:
    'With He init and L = 3 the theorem gives Ω(n_1) ≤ λ_min(K̄) ≤ O(d + n_1 + n_2): over the right-panel grid λ_min/(d + n_1 + n_2) stays within a constant band (λ_min/n_1 reported).',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['fig2R'],
  check(traces, cfg) {
    const pts = fig2Points(traces, 'fig2R');
    const overN1 = perCurve(pts, (p) => p.lambdaMin / p.n1).flat();
    const overSum = perCurve(pts, (p) => p.lambdaMin / (p.d + p.n1 + p.n2)).flat();
    const band = (xs: { mean: number }[]) => Math.max(...xs.map((x) => x.mean)) / Math.min(...xs.map((x) => x.mean));
    const bu = band(overSum);
    const ok = bu <= cfg.orderBand;
    return {
      status: ok ? 'pass' : 'fail',
      observed: {
        bandOverSum: bu,
        minOverSum: Math.min(...overSum.map((x) => x.mean)),
        maxOverSum: Math.max(...overSum.map((x) => x.mean)),
        bandOverN1: band(overN1),
        minOverN1: Math.min(...overN1.map((x) => x.mean)),
        maxOverN1: Math.max(...overN1.map((x) => x.mean)),
      },
      expected: `max/min over the grid of mean λ_min/(d + n_1 + n_2) ≤ ${cfg.orderBand}; λ_min/n_1 reported (its growth is tested by the linear-N claim, the explicit lower bound by the sandwich)`,
      tolerance: { kind: 'bound', side: 'le' },
      ...(ok ? {} : { note: `band ${bu.toFixed(3)} of λ_min/(d+n_1+n_2) > ${cfg.orderBand}` }),
    };
  },
};
