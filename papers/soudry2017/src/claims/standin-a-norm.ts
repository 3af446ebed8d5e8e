import { allOf, checkBound, checkCondition } from '@repro/harness';
import { decades, first, fmt, last, valueAt, type SoudryClaim } from './select.js';

/** Stand-in A [NOTES.md §5]: per-decade increments of ‖W‖ equal within 10% (‖W‖ ≈ ‖Ŵ‖ ln t + const). */
const REL = 0.1;

export const standinANorm: SoudryClaim = {
  id: 'soudry2017.standinA-norm',
  source: 'Figure 3 / Table 1 (last-layer norm ≈ ln t), arXiv:1710.10345; CPU stand-in A (NOTES.md §7)',
  statement: 'Stand-in for Figure 3: the norm of the trained linear layer grows logarithmically (equal increments per decade of t).',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['standin'],
  catches: ['poly-tail'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces, cfg) {
    const s = first(traces, 'standin');
    const ds = decades(cfg.standinNormFrom, last(s.t));
    const n = ds.map((t) => valueAt(s.t, s.normW, t));
    const inc = n.slice(1).map((x, i) => x - (n[i] as number));
    const hi = Math.max(...inc);
    const lo = Math.min(...inc);
    return {
      ...allOf({
        growing: checkCondition(inc.length >= 2 && lo > 0, { decades: inc.length, minIncrement: lo }, `at least two decades from t = ${cfg.standinNormFrom}, every increment of ‖W‖ positive`),
        equal: checkBound(hi / lo - 1, REL, 'le'),
      }),
      note: `‖W‖ at 10^k: ${n.map((x) => fmt(x)).join(', ')}; increments ${inc.map((x) => fmt(x)).join(', ')} (max/min − 1 gated)`,
    };
  },
};
