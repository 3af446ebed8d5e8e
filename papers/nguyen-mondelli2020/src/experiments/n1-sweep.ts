import { foldIn, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { pooledPhase } from './pooled.js';
import type { BackendRequest } from '@repro/nets';
import type { Nm20Config } from '../config.js';
import type { Fig2Point } from '../trace.js';
import { trialFlops, type Fig2Job } from './fig2.js';

/** The Figure 2 trial, re-exported so the pool calls it through this module (its own call name for `--shard-by job`). */
export { fig2TrialJob } from './fig2.js';

/**
 * nmm21.thm4.1-lambda-min-linear-n1 [arXiv:2012.11654 Thm 4.1] [NOTES.md §5]: the Figure 2 trial (L = 3, He init on all layers, unnormalized K̄, x ~ N(0, I_d))
 * at fixed N, d, n_2 with the wide width n_1 swept; x = n_1 in the returned points. Each trial is one job of the harness
 * pool (`fig2TrialJob`, the Figure 2 panels' entry point).
 */
export async function n1Sweep(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<Fig2Point[]> {
  const { n1SweepN: N, n1SweepD: d, n1SweepN2: n2 } = cfg;
  const curve = `N=${N}, d=${d}, n2=${n2}`;
  const jobs: Fig2Job[] = cfg.n1SweepWidths.flatMap((n1) =>
    Array.from({ length: cfg.n1SweepTrials }, (_, t) => ({
      backend: ctx.backend as BackendRequest,
      key: foldIn(k, `n1-${n1}-t${t}`),
      o: { curve, x: n1, trial: t, N, d, n1, n2, init: 'he' as const, scale: 1, limit: false },
    })),
  );
  const flops = (j: Fig2Job): number => trialFlops(N, d, j.o.n1, n2);
  return pooledPhase<Fig2Job, Fig2Point>(ctx, jobs, {
    moduleUrl: import.meta.url,
    exportName: 'fig2TrialJob',
    phase: 'λ_min vs n_1',
    label: `n1 sweep N=${N} d=${d} n2=${n2} (job pool, ${jobs.length} trials)`,
    costs: jobs.map(flops),
    weight: flops,
    note: (j) => `n1=${j.o.n1} trial ${j.o.trial + 1}/${cfg.n1SweepTrials}`,
  });
}
