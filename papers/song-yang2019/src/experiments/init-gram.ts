import { foldIn, normal, sphere, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { lambdaMinRobust, matrix, type Matrix } from '@repro/linalg';
import { gramH } from '@repro/nets';
import type { SongYang2019Config } from '../config.js';
import type { InitGramTrace } from '../trace.js';
import { hctsSpectrum, spectralNormSq } from './data.js';

/** A grid width counts as sufficient when λ_min(H(0)) ≥ ¾λ in at least this fraction of draws [card: 9 of 10]. */
export const INIT_GRAM_SUCCESS = 0.9;
/** Bottom of the doubling grid [card]. */
const GRID_START = 8;

/** lem.init-gram: m*(n), the smallest m on 8, 16, … with λ_min(H(0)) ≥ ¾λ in ≥ 90% of draws, at fixed d (float64). */
export async function initGram(cfg: SongYang2019Config, k: Key, ctx: RunContext): Promise<InitGramTrace[]> {
  ctx.progress.phase('lem.init-gram', cfg.initGramDims.length * cfg.initGramNs.length);
  const out: InitGramTrace[] = [];
  for (const d of cfg.initGramDims) {
    const rows: InitGramTrace['rows'] = [];
    await ctx.time(`lem.init-gram d=${d}`, async () => {
      for (const n of cfg.initGramNs) {
        const kn = foldIn(foldIn(k, `d${d}`), `n${n}`);
        const X = matrix(n, d, sphere(foldIn(kn, 'X'), n, d));
        const { lambda } = hctsSpectrum(X);
        const grid: number[] = [];
        const fracOk: number[] = [];
        let mStar: number | null = null;
        for (let m = GRID_START; m <= cfg.initGramMaxWidth && mStar === null; m *= 2) {
          let ok = 0;
          // rank H(0) ≤ m·d: below n, λ_min(H(0)) = 0 exactly (and the QL solver may not converge on the null space).
          if (m * d >= n)
            for (let t = 0; t < cfg.initGramDraws; t++) if (lambdaMinH0(gramH(X, normal(foldIn(foldIn(kn, `m${m}`), t), m * d), m)) >= 0.75 * lambda) ok++;
          grid.push(m);
          fracOk.push(ok / cfg.initGramDraws);
          if (ok / cfg.initGramDraws >= INIT_GRAM_SUCCESS) mStar = m;
        }
        rows.push({ n, lambda, xNorm2Sq: spectralNormSq(X), grid, fracOk, mStar });
        ctx.progress.tick(1, `d=${d} n=${n}: m* = ${mStar ?? 'not found'}`);
      }
    });
    out.push({ d, rows });
  }
  return out;
}

/** λ_min(H(0)) by the dense solver; Lanczos (tol 1e-10) where QL does not converge on a near-singular H(0). */
function lambdaMinH0(H: Matrix): number {
  return lambdaMinRobust(H, { prefer: 'dense', tol: 1e-10 }).value;
}
