import { foldIn, type Key } from '@repro/concentration';
import { normFro, sub, matrix } from '@repro/linalg';
import type { RunContext } from '@repro/harness';
import { reluNtkLimit } from '@repro/nets';
import { initWeights, layerNtkTf } from './ntk.js';
import type { Nm20Config } from '../config.js';
import type { NtkLimitTrace } from '../trace.js';
import { gaussianX } from './data.js';

/**
 * nmm21.lemma3.1-limit [arXiv:2012.11654 Lemma 3.1]: x ~ N(0, I_d), L = 3 ReLU net [d, n, n, 1] with N(0, 1) weights; relative Frobenius error
 * ‖(4/n²)K̄ − K^{(3)}‖_F/‖K^{(3)}‖_F per trial, K̄ by the float32 tfjs layer formula, K^{(3)} by the float64 arc-cosine recursion.
 * One X per trial, shared by all widths (so the widths differ only in the weights).
 */
export async function ntkLimit(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<NtkLimitTrace> {
  const { ntkLimitN: N, ntkLimitD: d } = cfg;
  const rows: NtkLimitTrace['rows'] = [];
  ctx.progress.phase('NTK → K^{(3)}', cfg.ntkLimitTrials * cfg.ntkLimitWidths.length);
  for (let t = 0; t < cfg.ntkLimitTrials; t++) {
    const X = gaussianX(foldIn(k, `X-t${t}`), N, d);
    const lim = reluNtkLimit(X, 3).K;
    const limNorm = normFro(lim);
    for (const n of cfg.ntkLimitWidths) {
      const relErr = await ctx.time(`NTK limit n=${n}`, async () => {
        const p = initWeights(foldIn(k, `W-n${n}-t${t}`), [d, n, n, 1], 'standard');
        const K = (await layerNtkTf(p, X, { name: 'relu' })).K;
        const Ks = matrix(N, N, K.data.map((v) => (4 * v) / (n * n)));
        return normFro(sub(Ks, lim)) / limNorm;
      });
      rows.push({ n, trial: t, relErr });
      ctx.progress.tick(1, `n=${n} trial ${t + 1}/${cfg.ntkLimitTrials}`);
    }
  }
  return { N, d, rows };
}
