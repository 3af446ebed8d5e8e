import { foldIn, normal, sphere, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { gram, matrix, normFro } from '@repro/linalg';
import { patternFlipBound, projections } from '@repro/nets';
import type { Du2019Config } from '../config.js';
import type { Lem32PerDim, Lem32Trace } from '../trace.js';
import { hInfinitySpectrum } from './data.js';

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * lem3.2 / lem4.1: how many activation patterns a ball of radius R around W(0) can flip.
 * A_ir (neuron r can flip on x_i inside the ball) ⇔ |w_r(0)ᵀx_i| < R. With U_ij = |ρ_ij|·(1/m)Σ_r 1{A_ir ∨ A_jr},
 * |H(W) − H(0)| ≤ U entrywise for every W in the ball [card DER], so the "for every W" statement is checked without a search.
 */
export async function lem32(cfg: Du2019Config, k: Key, ctx: RunContext): Promise<Lem32Trace> {
  const n = cfg.lem32N;
  const m = cfg.lem32Width;
  const T = cfg.lem32Trials;
  ctx.progress.phase('lem3.2', cfg.lem32Dims.length * T);
  const dims: Lem32PerDim[] = [];
  for (const d of cfg.lem32Dims) {
    const kd = foldIn(k, `d${d}`);
    const Xd = sphere(foldIn(kd, 'X'), n, d);
    const X = matrix(n, d, Xd);
    const { lambda0 } = hInfinitySpectrum(X);
    const rho = gram(X).data;
    const absRho = rho.map(Math.abs);
    const rowSumAbs = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) rowSumAbs[i] = (rowSumAbs[i] as number) + (absRho[i * n + j] as number);
    const radii = [...cfg.lem32Radii];
    const rStar = (SQRT_2PI * cfg.delta * lambda0) / (16 * n * n);
    const flagSum = radii.map(() => 0);
    const flagSumSq = radii.map(() => 0);
    const sumU: number[][] = radii.map(() => []);
    const lem41Count: number[][] = radii.map(() => []);
    const uFroAtRStar: number[] = [];
    await ctx.time(`lem3.2: d=${d}`, async () => {
      for (let t = 0; t < T; t++) {
        const Z = projections(X, normal(foldIn(kd, `W${t}`), m * d), m); // n×m, Z_ir = w_r(0)ᵀx_i (float64)
        radii.forEach((R, ri) => {
          let total = 0;
          let sumUr = 0;
          const flagged: number[] = [];
          for (let r = 0; r < m; r++) {
            flagged.length = 0;
            for (let i = 0; i < n; i++) if (Math.abs(Z[i * m + r] as number) < R) flagged.push(i);
            const c = flagged.length;
            total += c;
            flagSum[ri] = (flagSum[ri] as number) + c / n;
            flagSumSq[ri] = (flagSumSq[ri] as number) + (c / n) ** 2;
            // Σ_ij |ρ_ij| 1{A_i ∨ A_j} = 2 Σ_{i∈F} s_i − Σ_{i,j∈F} |ρ_ij|
            let s = 0;
            for (const i of flagged) s += 2 * (rowSumAbs[i] as number);
            for (const i of flagged) for (const j of flagged) s -= absRho[i * n + j] as number;
            sumUr += s;
          }
          (sumU[ri] as number[]).push(sumUr / m);
          (lem41Count[ri] as number[]).push(total);
        });
        uFroAtRStar.push(normFro(patternFlipBound(Z, absRho, n, m, rStar)));
        ctx.progress.tick(1, `d=${d} draw ${t + 1}/${T}`);
      }
    });
    const N = m * T;
    const flagFraction = radii.map((_, ri) => {
      const mean = (flagSum[ri] as number) / N;
      const variance = Math.max(0, ((flagSumSq[ri] as number) - N * mean * mean) / (N - 1));
      return { mean, se: Math.sqrt(variance / N), neurons: N };
    });
    dims.push({
      d,
      lambda0,
      radii,
      flagFraction,
      sumU,
      sumUBound: radii.map((R) => (4 * n * n * R) / (SQRT_2PI * cfg.delta)),
      rStar,
      uFroAtRStar,
      lem41Count,
      lem41Bound: radii.map((R) => ((2 / SQRT_2PI) * m * n * R) / cfg.delta),
    });
  }
  return { n, m, trials: T, dims };
}

