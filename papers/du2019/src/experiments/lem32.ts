import { erf, foldIn, sphere, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { gram, matrix, normFro } from '@repro/linalg';
import { patternFlipBound, projections } from '@repro/nets';
import type { Du2019Config } from '../config.js';
import type { Lem32PerDim, Lem32Trace } from '../trace.js';
import { drawW0 } from '../model.js';
import { hInfinitySpectrum } from './data.js';

const SQRT_2PI = Math.sqrt(2 * Math.PI);
/** Simpson intervals on [−R, R] for the bivariate-normal square probability (the integrand is smooth there). */
const SIMPSON_INTERVALS = 64;

const Phi = (x: number): number => 0.5 * (1 + erf(x / Math.SQRT2));

/**
 * P(|z₁| < R, |z₂| < R) for standard normals with correlation ρ: ∫_{−R}^{R} φ(s)[Φ((R − ρs)/σ) − Φ((−R − ρs)/σ)] ds,
 * σ = √(1 − ρ²) (composite Simpson); |ρ| = 1 gives P(|z| < R) = erf(R/√2).
 */
export function squareProbability(rho: number, R: number): number {
  const s2 = 1 - rho * rho;
  if (!(s2 > 1e-12)) return erf(R / Math.SQRT2);
  const sigma = Math.sqrt(s2);
  const h = (2 * R) / SIMPSON_INTERVALS;
  let acc = 0;
  for (let k = 0; k <= SIMPSON_INTERVALS; k++) {
    const x = -R + k * h;
    const f = (Math.exp(-0.5 * x * x) / SQRT_2PI) * (Phi((R - rho * x) / sigma) - Phi((-R - rho * x) / sigma));
    acc += (k === 0 || k === SIMPSON_INTERVALS ? 1 : k % 2 === 1 ? 4 : 2) * f;
  }
  return (acc * h) / 3;
}

/**
 * The exact E[Σ_ij U_ij] = Σ_ij |ρ_ij|·P(A_i ∨ A_j) = Σ_ij |ρ_ij|(2p − q_ij), p = erf(R/√2) = P(|wᵀx| < R) for w ~ N(0, I),
 * q_ij = P(A_i ∧ A_j) = squareProbability(ρ_ij, R) (q_ii = p) [DER].
 */
export function expectedSumU(rho: ArrayLike<number>, n: number, R: number): number {
  const p = erf(R / Math.SQRT2);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += Math.abs(rho[i * n + i] as number) * p;
    for (let j = i + 1; j < n; j++) {
      const r = rho[i * n + j] as number;
      total += 2 * Math.abs(r) * (2 * p - squareProbability(Math.max(-1, Math.min(1, r)), R));
    }
  }
  return total;
}

/**
 * lem3.2 / lem4.1: how many activation patterns a ball of radius R around W(0) can flip.
 * A_ir (neuron r can flip on x_i inside the ball) ⇔ |w_r(0)ᵀx_i| < R. With U_ij = |ρ_ij|·(1/m)Σ_r 1{A_ir ∨ A_jr},
 * |H(W) − H(0)| ≤ U entrywise for every W in the ball [NOTES.md §2], so the "for every W" statement is checked without a search.
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
        const Z = projections(X, drawW0(foldIn(kd, `W${t}`), m, d), m); // n×m, Z_ir = w_r(0)ᵀx_i (float64)
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
      sumUExpected: radii.map((R) => expectedSumU(rho, n, R)),
      sumUBound: radii.map((R) => (4 * n * n * R) / (SQRT_2PI * cfg.delta)),
      rStar,
      uFroAtRStar,
      lem41Count,
      lem41Expected: radii.map((R) => m * n * erf(R / Math.SQRT2)),
      lem41Bound: radii.map((R) => ((2 / SQRT_2PI) * m * n * R) / cfg.delta),
    });
  }
  return { n, m, trials: T, dims };
}

