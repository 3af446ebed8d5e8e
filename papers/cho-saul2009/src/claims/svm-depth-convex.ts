import { checkBound, type Claim } from '@repro/harness';
import type { ChoSaul2009Config } from '../config.js';
import type { ChoSaul2009Trace } from '../trace.js';
import { need, spearman } from './select.js';

/** Card: Spearman ρ(ℓ, error) ≤ −0.6 for n = 1, 2 (averaged over the available seeds). */
const RHO_MAX = -0.6;

export const svmDepthConvex: Claim<ChoSaul2009Config, ChoSaul2009Trace> = {
  id: 'cho-saul2009.svm-depth-convex',
  source: 'Figure (SVM on convex, test error vs depth), Cho & Saul (NIPS 2009); check on our generated convex set [card §4]',
  statement: 'On convex, depth helps the ramp and quarter-pipe kernels: test error falls as ℓ grows (Spearman ρ(ℓ, error) ≤ −0.6 for n = 1, 2).',
  evidence: 'paper',
  profiles: ['paper'],
  precision: 'float64',
  needs: ['svm'],
  check(traces) {
    const observed: Record<string, number> = {};
    const rhos: number[] = [];
    for (const [s, t] of need(traces, 'svm').entries()) {
      const d = t.datasets.find((x) => x.name === 'convex');
      if (d === undefined) throw new Error("the SVM experiment did not run the 'convex' dataset");
      for (const n of [1, 2]) {
        const rows = d.arc.filter((a) => a.n === n).sort((a, b) => a.depth - b.depth);
        if (rows.length < 3) throw new Error(`need ≥ 3 depths for n = ${n}, got ${rows.length}`);
        const rho = spearman(rows.map((r) => r.depth), rows.map((r) => r.testError));
        observed[`rho_n${n}_seed${s}`] = rho;
        rhos.push(rho);
      }
    }
    // Mean over seeds per degree; the claim holds for both degrees.
    const mean = (n: number) => {
      const xs = Object.entries(observed).filter(([k]) => k.startsWith(`rho_n${n}_`)).map(([, v]) => v);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    const v = checkBound([mean(1), mean(2)], RHO_MAX, 'le');
    v.observed = { ...v.observed, meanRhoN1: mean(1), meanRhoN2: mean(2), seeds: traces.length, ...observed };
    return v;
  },
};
