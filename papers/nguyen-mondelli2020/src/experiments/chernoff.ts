import { foldIn, matrixChernoffLowerTail, type Key } from '@repro/concentration';
import { eigvalsh, gram, type Matrix } from '@repro/linalg';
import type { RunContext } from '@repro/harness';
import { mlpForward, reluNtkLimit } from '@repro/nets';
import { initWeights } from './ntk.js';
import type { Nm20Config } from '../config.js';
import type { ChernoffCell, ChernoffTrace } from '../trace.js';
import { gaussianX } from './data.js';

/** ε of the Chernoff lower tail for the event λ_min ≤ (1 − ε)μ = μ/4. */
const CHERNOFF_EPS = 0.75;

/**
 * nmm21.lemma5.2-chernoff [arXiv:2012.11654 Lemma 5.2]: x ~ N(0, I_d), N = 2d, ReLU, W_1 He (N(0, 2/d)); F_1 = σ(XW_1). By the arc-cosine
 * closed form E[F_1F_1ᵀ] = n_1G^{(2)}/d, so λ = λ_min(G^{(2)})/d and ρ = σ_min(F_1)²/(n_1λ) = λ_min(F_1F_1ᵀ)/(n_1λ).
 * Also the matrix Chernoff bound (Tropp 2012) on P(ρ ≤ ¼) with R = max_j ‖σ(Xw_j)‖² observed (a plug-in, reported only).
 */
export async function chernoff(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<ChernoffTrace> {
  const cells: ChernoffCell[] = [];
  ctx.progress.phase('NMM21 Lemma 5.2', cfg.chernoffDims.length * cfg.chernoffTrials);
  await ctx.time('lemma 5.2 σ_min(F_1)', async () => {
    for (const d of cfg.chernoffDims) {
      const N = 2 * d;
      const byFactor: ChernoffCell[] = cfg.chernoffWidthFactors.map((f) => ({ d, N, n1: f * N, rho: [], lambda: [], chernoffTail: [] }));
      for (let t = 0; t < cfg.chernoffTrials; t++) {
        const X = gaussianX(foldIn(k, `X-d${d}-t${t}`), N, d);
        const lam = (eigvalsh(reluNtkLimit(X, 2).G[1] as Matrix)[0] as number) / d;
        for (const cell of byFactor) {
          const p = initWeights(foldIn(k, `W-d${d}-n${cell.n1}-t${t}`), [d, cell.n1, 1], 'he');
          const F1 = mlpForward(p, X, { name: 'relu' }).F[1] as Matrix;
          const ev = eigvalsh(gram(F1))[0] as number;
          let R = 0;
          for (let j = 0; j < cell.n1; j++) {
            let s = 0;
            for (let i = 0; i < N; i++) s += (F1.data[i * cell.n1 + j] as number) ** 2;
            R = Math.max(R, s);
          }
          cell.rho.push(ev / (cell.n1 * lam));
          cell.lambda.push(lam);
          cell.chernoffTail.push(matrixChernoffLowerTail(N, cell.n1 * lam, R, CHERNOFF_EPS));
        }
        ctx.progress.tick(1, `d=${d} trial ${t + 1}/${cfg.chernoffTrials}`);
      }
      cells.push(...byFactor);
    }
  });
  return { cells };
}
