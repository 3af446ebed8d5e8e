import { foldIn, sphere, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { lambdaMinRobust, matrix, type Matrix } from '@repro/linalg';
import type { SongYang2019Config } from '../config.js';
import type { InitGramTrace } from '../trace.js';
import { gramDeviationRate, gramHDeviationScale, gramHoeffdingTrials } from '@repro/nets';
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
  const lemmaDraws = cfg.initGramLemmaWidths.length * cfg.initGramLemmaDraws + cfg.initGramLemmaProbWidths.length * cfg.initGramLemmaTrials;
  // Progress units: one per m* search, one per 100 lemma draws (a lemma draw costs a fraction of one search).
  const lemmaUnits = Math.ceil(lemmaDraws / 100);
  ctx.progress.phase('lem.init-gram', cfg.initGramDims.length * (cfg.initGramNs.length * cfg.initGramDataDraws + lemmaUnits));
  const out: InitGramTrace[] = [];
  for (const d of cfg.initGramDims) {
    const rows: InitGramTrace['rows'] = [];
    // du2019 Lemma 3.1 (a)/(b), reused as planned (NOTES.md §4): the same draws and checks as du2019.lem3.1 (@repro/nets,
    // @repro/harness), on this paper's H(0) and H^cts (faults included) at n = initGramLemmaN.
    const lemma = await ctx.time(`lem.init-gram d=${d}: Lemma 3.1 (a)/(b)`, async () => {
      const kl = foldIn(foldIn(k, `d${d}`), 'lemma3.1');
      const n = cfg.initGramLemmaN;
      const X = matrix(n, d, sphere(foldIn(kl, 'X'), n, d));
      const Hinf = hcts(X);
      const sample = (key: Key, m: number): Matrix => gramAt(X, drawWeights(key, m * d), m);
      let done = 0;
      const onDraw = (): void => {
        done++;
        if (done % 100 === 0) ctx.progress.tick(1, `d=${d} Lemma 3.1: ${done}/${lemmaDraws} draws`);
      };
      const rate = gramDeviationRate({ X, Hinf, widths: cfg.initGramLemmaWidths, draws: cfg.initGramLemmaDraws, key: kl, sample, onDraw });
      const prob = gramHoeffdingTrials({
        Hinf,
        widths: cfg.initGramLemmaProbWidths,
        trials: cfg.initGramLemmaTrials,
        delta: cfg.delta,
        key: kl,
        sample,
        onDraw,
      });
      ctx.progress.tick(lemmaUnits - Math.floor(done / 100), `d=${d} Lemma 3.1 (a)/(b) done`);
      return { n, ...rate, ...prob };
    });
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
    out.push({ d, lemma, rows });
  }
  return out;
}

/** λ_min(H(0)) by the dense solver; Lanczos (tol 1e-10) where QL does not converge on a near-singular H(0). */
function lambdaMinH0(H: Matrix): { value: number; errorBound: number } {
  return lambdaMinRobust(H, { prefer: 'dense', tol: 1e-10 });
}
