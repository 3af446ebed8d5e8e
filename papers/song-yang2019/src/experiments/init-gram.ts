import { foldIn, sphere, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { lambdaMinRobust, matrix, type Matrix } from '@repro/linalg';
import type { SongYang2019Config } from '../config.js';
import type { InitGramTrace } from '../trace.js';
import { gramHDeviationScale } from '@repro/nets';
import { froDistSq, hctsSpectrum, spectralNormSq } from './data.js';
import { drawWeights, gramAt, hcts } from './model.js';

/** A grid width counts as sufficient when λ_min(H(0)) ≥ ¾λ in at least this fraction of draws [NOTES.md §4]. */
export const INIT_GRAM_SUCCESS = 0.9;
/** Bottom of the doubling grid: 1, not the planned 8, so that m* has a lower bracket at every n (README deviation log). */
const GRID_START = 1;

/**
 * lem.init-gram: m*(n), the smallest m with λ_min(H(0)) ≥ ¾λ in ≥ 90% of draws, at fixed d (float64): doubling from 1,
 * then `initGramBisections` geometric bisections inside the last bracket (the doubling grid alone quantizes log m* in
 * steps of ln 2). Every draw also records m‖H(0) − H^cts‖_F² against its exact expectation, and the λ_min error bound.
 */
export async function initGram(cfg: SongYang2019Config, k: Key, ctx: RunContext): Promise<InitGramTrace[]> {
  ctx.progress.phase('lem.init-gram', cfg.initGramDims.length * cfg.initGramNs.length * cfg.initGramDataDraws);
  const out: InitGramTrace[] = [];
  for (const d of cfg.initGramDims) {
    const rows: InitGramTrace['rows'] = [];
    await ctx.time(`lem.init-gram d=${d}`, async () => {
      const cases = cfg.initGramNs.flatMap((n) => Array.from({ length: cfg.initGramDataDraws }, (_, draw) => ({ n, draw })));
      for (const { n, draw } of cases) {
        // Draw 0 keeps the key of a one-draw run; further data sets fold in their index.
        const kn = draw === 0 ? foldIn(foldIn(k, `d${d}`), `n${n}`) : foldIn(foldIn(foldIn(k, `d${d}`), `n${n}`), `draw${draw}`);
        const X = matrix(n, d, sphere(foldIn(kn, 'X'), n, d));
        const { lambda } = hctsSpectrum(X);
        const Hc = hcts(X);
        const V = gramHDeviationScale(X);
        const grid: number[] = [];
        const fracOk: number[] = [];
        const devScaled: number[] = [];
        let eigErrMax = 0;
        let closeCalls = 0;
        const ok = (m: number): boolean => {
          let good = 0;
          // rank H(0) ≤ m·d: below n, λ_min(H(0)) = 0 exactly (and the QL solver may not converge on the null space).
          if (m * d >= n)
            for (let t = 0; t < cfg.initGramDraws; t++) {
              const H = gramAt(X, drawWeights(foldIn(foldIn(kn, `m${m}`), t), m * d), m);
              const lm = lambdaMinH0(H);
              eigErrMax = Math.max(eigErrMax, lm.errorBound);
              if (Math.abs(lm.value - 0.75 * lambda) <= lm.errorBound) closeCalls++;
              if (lm.value >= 0.75 * lambda) good++;
              devScaled.push((m * froDistSq(H, Hc)) / V);
            }
          grid.push(m);
          fracOk.push(good / cfg.initGramDraws);
          return good / cfg.initGramDraws >= INIT_GRAM_SUCCESS;
        };
        let mStar: number | null = null;
        let lo = 0;
        for (let m = GRID_START; m <= cfg.initGramMaxWidth; m *= 2) {
          if (ok(m)) {
            mStar = m;
            break;
          }
          lo = m;
        }
        if (mStar !== null && lo > 0)
          for (let b = 0; b < cfg.initGramBisections && mStar - lo > 1; b++) {
            const mid = Math.min(mStar - 1, Math.max(lo + 1, Math.round(Math.sqrt(lo * mStar))));
            if (ok(mid)) mStar = mid;
            else lo = mid;
          }
        rows.push({ n, draw, lambda, xNorm2Sq: spectralNormSq(X), grid, fracOk, mStar, devScaled, eigErrMax, closeCalls });
        ctx.progress.tick(1, `d=${d} n=${n} draw ${draw}: m* = ${mStar ?? 'not found'}`);
      }
    });
    out.push({ d, rows });
  }
  return out;
}

/** λ_min(H(0)) by the dense solver; Lanczos (tol 1e-10) where QL does not converge on a near-singular H(0). */
function lambdaMinH0(H: Matrix): { value: number; errorBound: number } {
  return lambdaMinRobust(H, { prefer: 'dense', tol: 1e-10 });
}
