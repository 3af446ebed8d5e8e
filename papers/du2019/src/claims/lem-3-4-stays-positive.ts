import { allOf, checkBound, checkCondition } from '@repro/harness';
import { MIN_WIDE, fig1Runs, gdLambdaMinErrorBound, gfTraces, type Du2019Claim } from './select.js';

/** The error bounds of λ_min(H(t)) and λ0 must be at most this share of the margin λ_min(H(t)) − λ0/2 the claim uses. */
const ERROR_SHARE = 1e-3;

export const lem34StaysPositive: Du2019Claim = {
  id: 'du2019.lem3.4',
  source: 'Lemma 3.4, arXiv:1810.02054',
  statement: 'If R′ < R, the conclusions of Lemmas 3.2 and 3.3 hold for all t; observed here as λ_min(H(t)) ≥ λ0/2 along training.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['gf', 'fig1'],
  observational:
    'R′ < R is unreachable at feasible widths, so only the conclusion λ_min(H(t)) ≥ λ0/2 is observed; it holds with slack ≈ 1.5 and no plausible bug in the model moves λ_min(H(t))/λ0 by that factor (H(t) does not see the output scale, the loss normalization only slows the drift)',
  check(traces) {
    const gf = gfTraces(traces);
    const fig = fig1Runs(traces).filter(({ run }) => run.m >= MIN_WIDE);
    const gfPts = gf.flatMap((g) => g.runs.flatMap((r) => r.lambdaRatios.map((x) => ({ x, l0: g.lambda0, eb0: g.lambda0ErrorBound, ebT: gdLambdaMinErrorBound(g.n) }))));
    const figPts = fig.flatMap(({ tr, run }) => run.lambdaMinH.map((p) => ({ x: p.value / tr.lambda0, l0: tr.lambda0, eb0: tr.lambda0ErrorBound, ebT: gdLambdaMinErrorBound(tr.n) })));
    const all = [...gfPts, ...figPts];
    if (all.length === 0) throw new Error('no logged λ_min(H(t))');
    // The margin the claim uses, λ_min(H(t)) − λ0/2 (absolute), against the error bounds of both eigenvalues.
    const margin = Math.min(...all.map((p) => (p.x - 0.5) * p.l0));
    const eb = Math.max(...all.map((p) => p.ebT + p.eb0 / 2));
    return allOf(
      {
        halfLambda0: checkBound(
          all.map((p) => p.x),
          0.5,
          'ge',
        ),
        errorBound: checkCondition(eb <= ERROR_SHARE * Math.max(margin, 0), { errorBound: eb, margin }, `eigenvalue error bounds ≤ ${ERROR_SHARE}·(λ_min(H(t)) − λ0/2)`),
      },
      { minLambdaRatioGf: Math.min(...gfPts.map((p) => p.x)), minLambdaRatioFig1: Math.min(...figPts.map((p) => p.x)), logged: all.length },
    );
  },
};
