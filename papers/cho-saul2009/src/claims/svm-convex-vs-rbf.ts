import { normalQuantile } from '@repro/concentration';
import { checkBound, type Claim } from '@repro/harness';
import type { ChoSaul2009Config } from '../config.js';
import type { ChoSaul2009Trace } from '../trace.js';
import { need } from './select.js';

/** Card: 95% CI of the paired test-error difference must lie ≤ 0. */
const LEVEL = 0.95;

export const svmConvexVsRbf: Claim<ChoSaul2009Config, ChoSaul2009Trace> = {
  id: 'cho-saul2009.svm-convex-vs-rbf',
  source: 'Figure (SVM on convex, test error vs depth), Cho & Saul (NIPS 2009); check on our generated convex set [card §4]',
  statement: 'On convex, the best deep arc-cosine SVM (n ∈ {1, 2}, ℓ ≥ 2) has lower test error than the RBF SVM, with γ and C tuned on validation.',
  evidence: 'paper',
  profiles: ['paper'],
  precision: 'float64',
  needs: ['svm'],
  check(traces) {
    const ds = need(traces, 'svm').map((s) => s.datasets.find((d) => d.name === 'convex'));
    const d = ds[0];
    if (d === undefined) throw new Error("the SVM experiment did not run the 'convex' dataset");
    const cands = d.arc.filter((a) => a.n >= 1 && a.depth >= 2);
    if (cands.length === 0) throw new Error('no arc-cosine SVM with n ∈ {1, 2} and ℓ ≥ 2 was trained');
    // Selection among candidates by validation error (not test error), as the paper selects models.
    const best = cands.reduce((a, b) => (b.valError < a.valError ? b : a));
    // Paired difference per test point d_i ∈ {−1, 0, 1}: mean (w − b)/N, variance (w + b)/N − mean², normal CI (the
    // deterministic counterpart of the card's paired bootstrap; claims draw no random numbers).
    const N = d.test;
    const mean = (best.worseThanRbf - best.betterThanRbf) / N;
    const variance = (best.worseThanRbf + best.betterThanRbf) / N - mean * mean;
    const z = normalQuantile(1 - (1 - LEVEL) / 2);
    const upper = mean + z * Math.sqrt(variance / N);
    const v = checkBound(upper, 0, 'le');
    v.observed = { ciUpper: upper, diff: mean, arcError: best.testError, rbfError: d.rbf.testError, n: best.n, depth: best.depth, testPoints: N };
    v.expected = `upper end of the ${LEVEL * 100}% CI of (arc-cos error − RBF error) ≤ 0`;
    return v;
  },
};
