import type { Claim } from '@repro/harness';
import type { Du2019Config } from '../config.js';
import type { Du2019Trace } from '../trace.js';
import { MIN_WIDE, fig1Runs, gfTraces } from './select.js';

export const lem34StaysPositive: Claim<Du2019Config, Du2019Trace> = {
  id: 'du2019.lem3.4',
  source: 'Lemma 3.4, arXiv:1810.02054',
  statement: 'If R′ < R, the conclusions of Lemmas 3.2 and 3.3 hold for all t; observed here as λ_min(H(t)) ≥ λ0/2 along training.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['gf', 'fig1'],
  check(traces) {
    const gfRatios = gfTraces(traces).flatMap((g) => g.runs.flatMap((r) => r.lambdaRatios));
    const figRatios = fig1Runs(traces)
      .filter(({ run }) => run.m >= MIN_WIDE)
      .flatMap(({ tr, run }) => run.lambdaMinH.map((p) => p.value / tr.lambda0));
    const all = [...gfRatios, ...figRatios];
    if (all.length === 0) throw new Error('no logged λ_min(H(t))');
    const minGf = Math.min(...gfRatios);
    const minFig = Math.min(...figRatios);
    const worst = Math.min(minGf, minFig);
    return {
      status: worst >= 0.5 ? 'pass' : 'fail',
      observed: { minLambdaRatio: worst, minLambdaRatioGf: minGf, minLambdaRatioFig1: minFig, slack: worst / 0.5, logged: all.length },
      expected: `λ_min(H(t))/λ0 ≥ ½ at every logged t (GF suite and Figure-1 runs with m ≥ ${MIN_WIDE})`,
      tolerance: { kind: 'bound', side: 'ge' },
      note: 'observational: R′ < R is unreachable at feasible widths, so only the conclusion is tested',
    };
  },
};
