import { foldIn, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { forwardTwoLayer } from '@repro/nets';
import { initParams } from './model.js';
import type { SongYang2019Config } from '../config.js';
import type { ResidualTrace } from '../trace.js';
import { residualSq, sphereData, sumSquares } from './data.js';

/** claim.residual: ‖y − u(0)‖² over T fresh initializations with (X, y) fixed (float64 forward pass). */
export async function residual(cfg: SongYang2019Config, k: Key, ctx: RunContext): Promise<ResidualTrace> {
  const n = cfg.residualN;
  const m = cfg.residualWidth;
  const { X, y } = sphereData(foldIn(k, 'data'), n, n);
  ctx.progress.phase('claim.residual', cfg.residualTrials);
  const out = await ctx.time('claim.residual', async () => {
    const xs: number[] = [];
    for (let t = 0; t < cfg.residualTrials; t++) {
      xs.push(residualSq(y, forwardTwoLayer(initParams(foldIn(k, `init${t}`), m, n), X)));
      ctx.progress.tick(1, `initialization ${t + 1}/${cfg.residualTrials}`);
    }
    return xs;
  });
  return { n, m, yNormSq: sumSquares(y), residualSq: out };
}
