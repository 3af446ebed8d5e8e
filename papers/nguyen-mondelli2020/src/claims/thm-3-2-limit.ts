import { logLogSlope, olsFit } from '@repro/concentration';
import { allOf, checkBound, checkCondition, need, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Experiment, Nm20Trace } from '../trace.js';


/** [NOTES.md §5] log-log slope of λ_min(K^{(L)}) vs d in [0.8, 1.5], affine R² ≥ 0.98, max/min of λ_min/d ≤ 2.5. */
const SLOPE: [number, number] = [0.8, 1.5];
const R2_MIN = 0.98;
const BAND = 2.5;

export const thm32LimitSandwich: Claim<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nmm21.thm3.2-limit-sandwich',
  source: 'Theorem 3.2 (proof: Schur product and diag K^{(L)} = L‖x_i‖²), arXiv:2012.11654 v5 (bounds derived in NOTES.md §5)',
  statement: 'For the infinite-width ReLU NTK, Σ_{l≤L} λ_min(G^{(l)}) ≤ λ_min(K^{(L)}) ≤ L·min_i‖x_i‖².',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['limit'],
  observational: 'true for any recursion K ← K∘Ġ + G of PSD Grams (Schur product theorem) with diag Ġ = 1: no plausible bug in the recursion or the data can fail it',
  check(traces) {
    const rows = need(traces, 'limit').flatMap((t) => t.rows);
    let worstLow = 0;
    let worstUp = 0;
    for (const r of rows) {
      const lower = r.layerGramMins.reduce((s, v) => s + Math.max(0, v), 0);
      worstLow = Math.max(worstLow, lower / r.lambdaMin);
      worstUp = Math.max(worstUp, r.lambdaMin / (r.L * r.minNormSq));
    }
    return allOf(
      {
        lower: { ...checkBound(rows.length > 0 ? worstLow : Number.NaN, 1, 'le'), expected: 'Σ_l λ_min(G^{(l)})/λ_min(K^{(L)}) ≤ 1 for every (d, L)' },
        upper: { ...checkBound(rows.length > 0 ? worstUp : Number.NaN, 1, 'le'), expected: 'λ_min(K^{(L)})/(L·min_i‖x_i‖²) ≤ 1 for every (d, L)' },
      },
      { rows: rows.length },
    );
  },
};

export const thm32LambdaMinLinearD: Claim<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nmm21.thm3.2-lambda-min-linear-d',
  source: 'Theorem 3.2, arXiv:2012.11654 v5',
  statement: 'λ_min(K^{(L)}) = Θ(d) for zero-mean data with ‖x‖² ≈ d, at every depth L.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['limit'],
  catches: ['unit-norm-data'],
  check(traces) {
    const rows = need(traces, 'limit').flatMap((t) => t.rows);
    const observed: Record<string, number> = {};
    const problems: string[] = [];
    for (const L of [...new Set(rows.map((r) => r.L))]) {
      const rs = rows.filter((r) => r.L === L).sort((a, b) => a.d - b.d);
      const ds = rs.map((r) => r.d);
      const ls = rs.map((r) => r.lambdaMin);
      const ll = logLogSlope(ds, ls);
      const af = olsFit(ds, ls);
      const perD = ls.map((v, i) => v / (ds[i] as number));
      const band = Math.max(...perD) / Math.min(...perD);
      observed[`L${L}_logLogSlope`] = ll.slope;
      observed[`L${L}_r2`] = af.r * af.r;
      observed[`L${L}_band`] = band;
      if (!(ll.slope >= SLOPE[0] && ll.slope <= SLOPE[1])) problems.push(`L=${L}: log-log slope ${ll.slope.toFixed(3)} outside [${SLOPE[0]}, ${SLOPE[1]}]`);
      if (!(af.r * af.r >= R2_MIN)) problems.push(`L=${L}: R² ${(af.r * af.r).toFixed(4)} < ${R2_MIN}`);
      if (!(band <= BAND)) problems.push(`L=${L}: max/min λ_min/d ${band.toFixed(3)} > ${BAND}`);
    }
    return checkCondition(problems.length === 0, observed, `per L: log-log slope vs d in [${SLOPE[0]}, ${SLOPE[1]}], affine R² ≥ ${R2_MIN}, max/min λ_min/d ≤ ${BAND}`, problems.join('; '));
  },
};
