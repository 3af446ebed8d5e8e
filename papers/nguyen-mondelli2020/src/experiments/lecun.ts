import { foldIn, type Key } from '@repro/concentration';
import { norm2, normFro, type Matrix } from '@repro/linalg';
import type { RunContext } from '@repro/harness';
import { mlpForward } from '@repro/nets';
import type { Nm20Config } from '../config.js';
import { initWeights } from './ntk.js';
import type { LecunCell } from '../trace.js';
import { sphereX } from './data.js';
import { gdWidths } from './gd.js';
import { initActivation } from './init.js';

/**
 * nm20.lecun-width-scaling [NOTES.md §3]: at LeCun init, ‖W_1⁰‖_2 (vs 1 + √(n_1/d)) and the output scale ‖F_L(θ_0)‖_F/√N for
 * widths [d, n_1, pyramid truncated to lecunDepth, 1], X on the √d-sphere, σ_{γ,β}; float64.
 */
export async function lecun(cfg: Nm20Config, k: Key, ctx: RunContext): Promise<LecunCell[]> {
  const { lecunN: N, lecunD: d } = cfg;
  const act = initActivation(cfg);
  const cells: LecunCell[] = cfg.lecunWidths.map((n1) => ({ n1, N, d, w1Norm: [], outputNorm: [] }));
  ctx.progress.phase('NM20 LeCun width scaling', cfg.lecunTrials);
  await ctx.time('LeCun width scaling', async () => {
    for (let t = 0; t < cfg.lecunTrials; t++) {
      const X = sphereX(foldIn(k, `X-t${t}`), N, d);
      for (const cell of cells) {
        const p = initWeights(foldIn(k, `W-n${cell.n1}-t${t}`), gdWidths(d, cell.n1, cfg.gdPyramid, cfg.lecunDepth), 'lecun');
        cell.w1Norm.push(norm2(p.W[0] as Matrix));
        const F = mlpForward(p, X, act).F;
        cell.outputNorm.push(normFro(F[F.length - 1] as Matrix) / Math.sqrt(N));
      }
      ctx.progress.tick(1, `trial ${t + 1}/${cfg.lecunTrials}`);
    }
  });
  return cells;
}
