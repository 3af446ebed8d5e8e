import { foldIn, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { matvec } from '@repro/linalg';
import { projections } from '@repro/nets';
import { gramAt, initParams } from './model.js';
import type { SongYang2019Config } from '../config.js';
import type { DynamicsTrace } from '../trace.js';
import { hctsSpectrum, sphereData } from './data.js';
import { gdStep, outputsFromProjections } from './gd-step.js';

/** Step size of fact.dynamics relative to 1/λ_max(H^cts) [NOTES.md §5]. */
export const DYNAMICS_ETA_SCALE = 1e-3;

/** fact.dynamics: compare the GD increment (u(k+1) − u(k))/η with H(k)(y − u(k)) at every step, float64. */
export async function dynamics(cfg: SongYang2019Config, k: Key, ctx: RunContext): Promise<DynamicsTrace> {
  const n = cfg.dynN;
  const d = n;
  const m = cfg.dynWidth;
  const { X, y } = sphereData(foldIn(k, 'data'), n, d);
  const { lambdaMax } = hctsSpectrum(X);
  const eta = DYNAMICS_ETA_SCALE / lambdaMax;
  const p = initParams(foldIn(k, 'init'), m, d);
  let W = p.W;
  const out: DynamicsTrace = { n, m, eta, flipFree: [], relErr: [], flipFreeObserved: [], flipFreeExpected: [] };
  ctx.progress.phase('fact.dynamics', cfg.dynSteps);
  await ctx.time('fact.dynamics', async () => {
    let Z = projections(X, W, m);
    for (let step = 0; step < cfg.dynSteps; step++) {
      const u = outputsFromProjections(Z, p.a, n, m);
      const e = y.map((yi, i) => yi - (u[i] as number));
      const He = matvec(gramAt(X, W, m), e);
      const W1 = await gdStep(X, y, { ...p, W }, eta);
      const Z1 = projections(X, W1, m);
      const u1 = outputsFromProjections(Z1, p.a, n, m);
      let flips = 0;
      for (let q = 0; q < n * m; q++) if ((Z[q] as number) >= 0 !== (Z1[q] as number) >= 0) flips++;
      let num = 0;
      let den = 0;
      const rate = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        rate[i] = ((u1[i] as number) - (u[i] as number)) / eta;
        num += ((rate[i] as number) - (He[i] as number)) ** 2;
        den += (He[i] as number) ** 2;
      }
      out.flipFree.push(flips === 0 ? 1 : 0);
      out.relErr.push(Math.sqrt(num / den));
      if (flips === 0) {
        out.flipFreeObserved.push(...rate);
        out.flipFreeExpected.push(...He);
      }
      W = W1;
      Z = Z1;
      ctx.progress.tick(1, `step ${step + 1}/${cfg.dynSteps}`);
    }
  });
  return out;
}
