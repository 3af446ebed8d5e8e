import { foldIn, normal, type Key } from '@repro/concentration';
import { matrix, norm2, normFro, type Matrix } from '@repro/linalg';
import type { RunContext } from '@repro/harness';
import { mlpForward, type Activation, type MlpParams } from '@repro/nets';
import type { Nm20Config } from '../config.js';
import { initWeights } from './ntk.js';
import type { LipschitzTrace } from '../trace.js';
import { sphereX } from './data.js';
import { gdWidths } from './gd.js';

/**
 * nm20.lemmaB2, feature part [arXiv:2002.07867 Lemma B.2] [NOTES.md §4]: pairs (a, b) of LeCun networks of run set R with W_pᵇ = W_pᵃ + E_p, E_p Gaussian
 * rescaled to ‖E_p‖_F = distance on every layer; per layer l ≤ L the ratio
 * ‖F_l(a) − F_l(b)‖_F / (‖X‖_F Π_{p≤l}λ̄_p Σ_{p≤l}‖E_p‖_2/λ̄_p) with λ̄_p = max(‖W_pᵃ‖_2, ‖W_pᵇ‖_2) (both inside the ball).
 * Pairs cycle over the (n_1, L) configurations of R; float64.
 */
export async function lipschitz(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<LipschitzTrace> {
  const { gdN: N, gdD: d } = cfg;
  const X = sphereX(foldIn(k, 'X'), N, d);
  const xFro = normFro(X);
  const configs = cfg.gdWideWidths.flatMap((n1) => cfg.gdDepths.map((L) => ({ n1, L })));
  const act: Activation = { name: 'smoothLeakyRelu', gamma: Math.max(...cfg.gdGammas), beta: cfg.gdBeta };
  const pairs: LipschitzTrace['pairs'] = [];
  await ctx.time('lemma B.2 pairs', async () => {
    for (let t = 0; t < cfg.lipschitzPairs; t++) {
      const { n1, L } = configs[t % configs.length] as { n1: number; L: number };
      const widths = gdWidths(d, n1, cfg.gdPyramid, L);
      const a = initWeights(foldIn(k, `a-${t}`), widths, 'lecun');
      const E = a.W.map((W, l) => {
        const z = normal(foldIn(k, `E-${t}-${l}`), W.data.length);
        let s = 0;
        for (const v of z) s += v * v;
        const c = cfg.lipschitzDistance / Math.sqrt(s);
        return matrix(W.rows, W.cols, z.map((v) => v * c));
      });
      const b: MlpParams = { widths: [...widths], W: a.W.map((W, l) => matrix(W.rows, W.cols, W.data.map((v, i) => v + ((E[l] as Matrix).data[i] as number)))) };
      const Fa = mlpForward(a, X, act).F;
      const Fb = mlpForward(b, X, act).F;
      const lamBar = a.W.map((W, l) => Math.max(norm2(W), norm2(b.W[l] as Matrix)));
      const eNorm = E.map((e) => norm2(e));
      const perLayer: number[] = [];
      let prod = 1;
      let sum = 0;
      for (let l = 1; l <= L; l++) {
        prod *= lamBar[l - 1] as number;
        sum += (eNorm[l - 1] as number) / (lamBar[l - 1] as number);
        const fa = Fa[l] as Matrix;
        const fb = Fb[l] as Matrix;
        let diff = 0;
        for (let i = 0; i < fa.data.length; i++) diff += ((fa.data[i] as number) - (fb.data[i] as number)) ** 2;
        perLayer.push(Math.sqrt(diff) / (xFro * prod * sum));
      }
      pairs.push({ n1, L, pair: t, distance: cfg.lipschitzDistance, ratio: Math.max(...perLayer), perLayer });
    }
  });
  return { pairs };
}
