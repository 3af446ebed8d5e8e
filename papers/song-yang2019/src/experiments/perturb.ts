import { erf, foldIn, normalCdf, sphere, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { gram, matrix, norm2, normFro, sub, type Matrix } from '@repro/linalg';
import { patternFlipBound, projections } from '@repro/nets';
import type { SongYang2019Config } from '../config.js';
import type { PerturbGeometry, PerturbTrace } from '../trace.js';
import { clusterData } from './data.js';
import { drawWeights, flipRadius, gramAt } from './model.js';

/** U_ij = |ρ_ij|·(1/m)·#{r : A_ir ∨ A_jr} — shared with du2019's Lemma 3.2 (`patternFlipBound` in @repro/nets). */
export const perturbationDominator = patternFlipBound;

/** lem.perturb / lem.antic: ‖U‖_F, ‖U‖₂ and a random-direction contrast per draw of W̃, per radius, per data geometry. */
export async function perturb(cfg: SongYang2019Config, k: Key, ctx: RunContext): Promise<PerturbTrace> {
  const n = cfg.perturbN;
  const m = cfg.perturbWidth;
  const T = cfg.perturbTrials;
  const geoms: { name: PerturbGeometry['name']; d: number; X: Matrix }[] = [
    { name: 'sphere', d: cfg.perturbSphereD, X: matrix(n, cfg.perturbSphereD, sphere(foldIn(k, 'sphere'), n, cfg.perturbSphereD)) },
    { name: 'cluster', d: cfg.perturbClusterD, X: clusterData(foldIn(k, 'cluster'), n, cfg.perturbClusterD, cfg.perturbClusterAngle) },
  ];
  ctx.progress.phase('lem.perturb', geoms.length * T);
  const out: PerturbGeometry[] = [];
  for (const g of geoms) {
    const { d, X } = g;
    const absRho = gram(X).data.map(Math.abs);
    const radii = [...cfg.perturbRadii];
    const uFro: number[][] = radii.map(() => []);
    const uSpec: number[][] = radii.map(() => []);
    const randomFro: number[][] = radii.map(() => []);
    const flagSum = radii.map(() => 0);
    const flagSumSq = radii.map(() => 0);
    await ctx.time(`lem.perturb ${g.name}`, async () => {
      for (let t = 0; t < T; t++) {
        const kt = foldIn(foldIn(k, g.name), t);
        const W = drawWeights(foldIn(kt, 'W'), m * d);
        const Z = projections(X, W, m);
        const H0 = gramAt(X, W, m);
        const V = sphere(foldIn(kt, 'V'), m, d);
        radii.forEach((R, ri) => {
          const U = perturbationDominator(Z, absRho, n, m, flipRadius(R));
          (uFro[ri] as number[]).push(normFro(U));
          (uSpec[ri] as number[]).push(norm2(U));
          const Wr = W.map((w, idx) => w + R * (V[idx] as number));
          (randomFro[ri] as number[]).push(normFro(sub(gramAt(X, Wr, m), H0)));
          for (let r = 0; r < m; r++) {
            let c = 0;
            for (let i = 0; i < n; i++) if (Math.abs(Z[i * m + r] as number) < flipRadius(R)) c++;
            flagSum[ri] = (flagSum[ri] as number) + c / n;
            flagSumSq[ri] = (flagSumSq[ri] as number) + (c / n) ** 2;
          }
        });
        ctx.progress.tick(1, `${g.name} draw ${t + 1}/${T}`);
      }
    });
    const N = m * T;
    const flagFraction = radii.map((_, ri) => {
      const mean = (flagSum[ri] as number) / N;
      const variance = Math.max(0, ((flagSumSq[ri] as number) - N * mean * mean) / (N - 1));
      return { mean, se: Math.sqrt(variance / N) };
    });
    const rho = gram(X).data;
    out.push({ name: g.name, d, radii, uFro, uSpec, randomFro, flagFraction, uFroSqExpected: radii.map((R) => expectedUFroSq(rho, n, m, R)) });
  }
  return { n, m, trials: T, geometries: out };
}

/** P(|z_i| < R, |z_j| < R) for standard normals with correlation c: ∫_{−R}^{R} φ(s)·P(|z_j| < R | z_i = s) ds (Simpson, 200 panels). */
export function bothFlagged(c: number, R: number): number {
  const a = erf(R / Math.SQRT2);
  const sig = Math.sqrt(Math.max(0, 1 - c * c));
  if (sig < 1e-9) return a; // z_j = ±z_i
  const N = 200;
  const h = (2 * R) / N;
  let acc = 0;
  for (let q = 0; q <= N; q++) {
    const s = -R + q * h;
    const f = (Math.exp(-0.5 * s * s) / Math.sqrt(2 * Math.PI)) * (normalCdf((R - c * s) / sig) - normalCdf((-R - c * s) / sig));
    acc += f * (q === 0 || q === N ? 1 : q % 2 === 1 ? 4 : 2);
  }
  return Math.min(a, (acc * h) / 3);
}

/**
 * E‖U‖_F² over W̃ ~ N(0, I), exact up to the quadrature: U_ij = |ρ_ij|·c_ij/m with c_ij = #{r : A_ir ∨ A_jr} ~
 * Binomial(m, q_ij) (neurons i.i.d.), q_ij = 2·erf(R/√2) − P(A_ir ∧ A_jr), so E U_ij² = ρ_ij²(q_ij(1 − q_ij)/m + q_ij²).
 */
export function expectedUFroSq(rho: ArrayLike<number>, n: number, m: number, R: number): number {
  const a = erf(R / Math.SQRT2);
  let s = 0;
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const c = Math.min(1, Math.max(-1, rho[i * n + j] as number));
      const q = i === j ? a : 2 * a - bothFlagged(c, R);
      s += (i === j ? 1 : 2) * c * c * (q * (1 - q) / m + q * q);
    }
  return s;
}
