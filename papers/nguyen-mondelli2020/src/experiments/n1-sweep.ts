import { foldIn, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Fig2Point } from '../trace.js';
import { fig2Trial, trialFlops } from './fig2.js';

/**
 * nmm21.thm4.1-lambda-min-linear-n1 [arXiv:2012.11654 Thm 4.1] [NOTES.md §5]: the Figure 2 trial (L = 3, He init on all layers, unnormalized K̄, x ~ N(0, I_d))
 * at fixed N, d, n_2 with the wide width n_1 swept; x = n_1 in the returned points.
 */
export async function n1Sweep(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<Fig2Point[]> {
  const { n1SweepN: N, n1SweepD: d, n1SweepN2: n2 } = cfg;
  ctx.progress.phase('λ_min vs n_1', cfg.n1SweepWidths.reduce((s, n1) => s + trialFlops(N, d, n1, n2), 0) * cfg.n1SweepTrials);
  const out: Fig2Point[] = [];
  const curve = `N=${N}, d=${d}, n2=${n2}`;
  for (const n1 of cfg.n1SweepWidths)
    for (let t = 0; t < cfg.n1SweepTrials; t++) {
      const pt = await ctx.time(`n1 sweep N=${N} d=${d} n1=${n1} n2=${n2}`, () =>
        fig2Trial(foldIn(k, `n1-${n1}-t${t}`), { curve, x: n1, trial: t, N, d, n1, n2, init: 'he', scale: 1, limit: false }),
      );
      out.push(pt);
      ctx.progress.tick(trialFlops(N, d, n1, n2), `n1=${n1} trial ${t + 1}/${cfg.n1SweepTrials}`);
    }
  return out;
}
