import { foldIn, type Key } from '@repro/concentration';
import { eigvalsh } from '@repro/linalg';
import type { RunContext } from '@repro/harness';
import { reluNtkLimit } from '@repro/nets';
import type { Nm20Config } from '../config.js';
import type { LimitTrace } from '../trace.js';
import { gaussianX } from './data.js';

/**
 * NMM21 Theorem 3.2 on the infinite-width ReLU NTK K^{(L)} (closed form, float64): x ~ N(0, I_d) (zero mean, ‖x‖² ≈ d),
 * λ_min(K^{(L)}) and λ_min(G^{(l)}) for every layer, and min_i ‖x_i‖², per (L, d).
 */
export async function limit(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<LimitTrace> {
  const N = cfg.limitN;
  const Lmax = Math.max(...cfg.limitDepths);
  const rows: LimitTrace['rows'] = [];
  ctx.progress.phase('NTK limit', cfg.limitDims.length);
  await ctx.time('NTK limit', async () => {
    for (const d of cfg.limitDims) {
      const X = gaussianX(foldIn(k, `X-d${d}`), N, d);
      let minNormSq = Number.POSITIVE_INFINITY;
      for (let i = 0; i < N; i++) {
        let s = 0;
        for (let c = 0; c < d; c++) s += (X.data[i * d + c] as number) ** 2;
        minNormSq = Math.min(minNormSq, s);
      }
      // One recursion to the deepest L gives every shallower K^{(L)} too only through G; recompute K per L (cheap: O(L·N²)).
      const deep = reluNtkLimit(X, Lmax);
      const gMins = deep.G.map((G) => eigvalsh(G)[0] as number);
      for (const L of cfg.limitDepths) {
        const lam = eigvalsh(reluNtkLimit(X, L).K)[0] as number;
        rows.push({ d, L, N, lambdaMin: lam, layerGramMins: gMins.slice(0, L), minNormSq });
      }
      ctx.progress.tick(1, `d=${d}`);
    }
  });
  return { rows };
}
