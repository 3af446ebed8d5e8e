import { checkProbability, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Trace } from '../trace.js';
import { need, median } from './select.js';

/** Card thresholds: ρ ≥ 1/4 w.p. ≥ 95 % for n_1 ≥ 4N; median ≥ 0.6 at 16N and ≥ 0.85 at 64N. */
const RHO_MIN = 0.25;
const CLAIMED = 0.95;
const ALPHA = 0.05;
const MEDIAN_AT: Record<number, number> = { 16: 0.6, 64: 0.85 };


export const initSigmaMinF1: Claim<Nm20Config, Nm20Trace> = {
  id: 'nm20.init-sigma-min-F1',
  source: 'Theorem 3.2 / Lemma C.1 (λ_F at LeCun init), arXiv:2002.07867 [card §3, C]',
  statement: 'At LeCun initialization σ_N(F_1)² ≥ n_1λ_*/4 with high probability once n_1 ≥ 4N, and σ_N(F_1)²/(n_1λ_*) → 1 as n_1 grows.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['init'],
  check(traces) {
    const cells = need(traces, 'init').flatMap((t) => t.cells);
    let successes = 0;
    let trials = 0;
    const problems: string[] = [];
    const observed: Record<string, number> = {};
    for (const c of cells) {
      if (c.n1 >= 4 * c.N) {
        successes += c.rho.filter((r) => r >= RHO_MIN).length;
        trials += c.rho.length;
      }
      const f = c.n1 / c.N;
      const med = median(c.rho);
      observed[`median_d${c.d}_n1x${f}`] = med;
      const need16 = MEDIAN_AT[f];
      if (need16 !== undefined && !(med >= need16)) problems.push(`d=${c.d}, n_1=${f}N: median ρ ${med.toPrecision(3)} < ${need16}`);
    }
    for (const d of [...new Set(cells.map((c) => c.d))]) {
      const meds = cells.filter((c) => c.d === d).sort((a, b) => a.n1 - b.n1).map((c) => median(c.rho));
      for (let i = 1; i < meds.length; i++) if (!((meds[i] as number) > (meds[i - 1] as number))) problems.push(`d=${d}: median ρ not increasing in n_1`);
    }
    const v = checkProbability(successes, trials, CLAIMED, ALPHA);
    const ok = v.status === 'pass' && problems.length === 0;
    return {
      ...v,
      status: ok ? 'pass' : 'fail',
      observed: { ...v.observed, ...observed, minRho: Math.min(...cells.flatMap((c) => c.rho)) },
      expected: `P(ρ ≥ ${RHO_MIN}) ≥ ${CLAIMED} for n_1 ≥ 4N (Wilson CI); median ρ increasing in n_1; median ≥ 0.6 at 16N, ≥ 0.85 at 64N`,
      ...(problems.length > 0 || v.note ? { note: [v.note, ...problems].filter(Boolean).join('; ') } : {}),
    };
  },
};
