import { foldIn, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { forwardTwoLayer } from '@repro/nets';
import { initNet } from '../model.js';
import type { Du2019Config } from '../config.js';
import type { InitTrace } from '../trace.js';
import { residualNorm, sphereData, sumSquares } from './data.js';

/** init.residual: ‖y − u(0)‖² over T fresh initializations with (X, y) fixed (float64 forward pass). */
export async function init(cfg: Du2019Config, k: Key, ctx: RunContext): Promise<InitTrace> {
  const n = cfg.initN;
  const m = cfg.initWidth;
  const { X, y } = sphereData(foldIn(k, 'data'), n, n);
  ctx.progress.phase('init.residual', cfg.initTrials);
  const residualSq = await ctx.time('init.residual', async () => {
    const out: number[] = [];
    for (let t = 0; t < cfg.initTrials; t++) {
      const u0 = forwardTwoLayer(initNet(foldIn(k, `init${t}`), m, n), X);
      out.push(residualNorm(y, u0) ** 2);
      ctx.progress.tick(1, `initialization ${t + 1}/${cfg.initTrials}`);
    }
    return out;
  });
  return { n, m, yNormSq: sumSquares(y), residualSq };
}
