import { foldIn, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { ntkAutodiff, ntkCentralDifferences, type Activation } from '@repro/nets';
import { initWeights, layerNtk, layerNtkTf } from './ntk.js';
import type { Nm20Config } from '../config.js';
import type { DecompTrace } from '../trace.js';
import { gaussianX } from './data.js';

/** Central differences cost 2P forward passes; above this many N·P·(widths) flops the float64 reference is skipped. */
const MAX_CD_FLOPS = 5e9;

/**
 * nmm21.ntk-decomposition [NOTES.md §1]: the layer formula K̄ = Σ_k (F_kF_kᵀ)∘(B_{k+1}B_{k+1}ᵀ) against JJᵀ by float64 central
 * differences and by float32 tfjs autodiff, for ReLU and σ_{γ,β}, He init, x ~ N(0, I_d).
 */
export async function decomp(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<DecompTrace> {
  const N = cfg.decompN;
  const d = cfg.decompD;
  const X = gaussianX(foldIn(k, 'X'), N, d);
  const acts: Activation[] = [{ name: 'relu' }, { name: 'smoothLeakyRelu', gamma: Math.max(...cfg.gdGammas), beta: cfg.gdBeta }];
  const cases: DecompTrace['cases'] = [];
  await ctx.time('ntk decomposition', async () => {
    for (const hidden of cfg.decompWidths) {
      const widths = [d, ...hidden, 1];
      const p = initWeights(foldIn(k, `W-${widths.join('-')}`), widths, 'he');
      let P = 0;
      let fwd = 0;
      for (let l = 1; l < widths.length; l++) {
        P += (widths[l - 1] as number) * (widths[l] as number);
        fwd += 2 * N * (widths[l - 1] as number) * (widths[l] as number);
      }
      for (const act of acts) {
        const layer = layerNtk(p, X, act).K;
        const cd = 2 * P * fwd <= MAX_CD_FLOPS ? Array.from(ntkCentralDifferences(p, X, act).data) : [];
        const auto = await ntkAutodiff(p, X, act);
        const tf = await layerNtkTf(p, X, act);
        cases.push({ activation: act.name, widths, layer: Array.from(layer.data), centralDiff: cd, autodiff: Array.from(auto.data), layerTf: Array.from(tf.K.data) });
      }
    }
  });
  return { N, d, cases };
}
