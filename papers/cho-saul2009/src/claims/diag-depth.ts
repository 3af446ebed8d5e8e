import { checkAllClose, need } from '@repro/harness';
import type { ChoSaul2009Trace } from '../trace.js';
import type { ChoSaul2009Claim } from './select.js';

/** rtol 1e-12 [NOTES.md §3] (a few float64 roundings per layer, ≤ 6 layers). */
const RTOL = 1e-12;

export const diagDepth: ChoSaul2009Claim = {
  id: 'cho-saul2009.diag-depth',
  source: 'Section 2.2 recursion, Cho & Saul (NIPS 2009); diagonal and scaling identities derived in NOTES.md §2',
  statement: 'k^(ℓ)(x,x) = (2n − 1)!!·[k^(ℓ−1)(x,x)]ⁿ; the degree-0 multilayer kernel ignores input scale and the degree-1 kernel scales as s².',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['diag'],
  // The diagonal recursion (2n−1)!!·k^n is what a wrong normalization or a wrong norm power in the recursion breaks.
  catches: ['kernel-half', 'multilayer-norm'],
  seeds: 'every',
  check(traces) {
    const t = need(traces, 'diag')[0] as NonNullable<ChoSaul2009Trace['diag']>;
    const obs = [...t.rows.map((r) => r.observed), ...t.rows.map((r) => r.gram), ...t.scale.map((r) => r.scaled)];
    const exp = [...t.rows.map((r) => r.predicted), ...t.rows.map((r) => r.observed), ...t.scale.map((r) => r.expected)];
    const v = checkAllClose(obs, exp, RTOL, 0);
    v.observed.maxDepth = Math.max(...t.rows.map((r) => r.depth));
    v.observed.n2DiagAtMaxDepth = t.rows.filter((r) => r.n === 2).at(-1)?.observed ?? Number.NaN;
    return v;
  },
};
