import { erf, foldIn, normalCdf, sphere, type Key } from '@repro/concentration';
import { mapJobs, type RunContext } from '@repro/harness';
import { gram, matrix, norm2, normFro, sub, type Matrix } from '@repro/linalg';
import { patternFlipBound, projections } from '@repro/nets';
import type { SongYang2019Config } from '../config.js';
import type { PerturbGeometry, PerturbTrace } from '../trace.js';
import { clusterData } from './data.js';
import { drawWeights, flipRadius, gramAt } from './model.js';

/** U_ij = |ρ_ij|·(1/m)·#{r : A_ir ∨ A_jr} — shared with du2019's Lemma 3.2 (`patternFlipBound` in @repro/nets). */
export const perturbationDominator = patternFlipBound;

type GeometryName = PerturbGeometry['name'];

/** The data set of a geometry (the same from the same key, in a job or in this thread). */
function geometryData(cfg: SongYang2019Config, k: Key, name: GeometryName): { d: number; X: Matrix } {
  const n = cfg.perturbN;
  if (name === 'sphere') return { d: cfg.perturbSphereD, X: matrix(n, cfg.perturbSphereD, sphere(foldIn(k, 'sphere'), n, cfg.perturbSphereD)) };
  return { d: cfg.perturbClusterD, X: clusterData(foldIn(k, 'cluster'), n, cfg.perturbClusterD, cfg.perturbClusterAngle) };
}

/** One draw t of W̃ for one geometry, a job of the harness pool: the experiment's key and the config travel inside it. */
export interface PerturbJob {
  cfg: SongYang2019Config;
  /** The experiment's key foldIn(key, 'perturb'); the job derives the data and its draw from it. */
  key: Key;
  geometry: GeometryName;
  t: number;
}

/** Per radius: ‖U‖_F, ‖U‖₂, the random-direction contrast, and every neuron's count of flagged points (in neuron order). */
export interface PerturbDraw {
  uFro: number[];
  uSpec: number[];
  randomFro: number[];
  flagCounts: Int32Array[];
}

/** One draw of W̃ (a worker thread, or this thread with one worker). */
export function perturbDrawJob(j: PerturbJob): PerturbDraw {
  const { cfg, key: k, geometry, t } = j;
  const n = cfg.perturbN;
  const m = cfg.perturbWidth;
  const { d, X } = geometryData(cfg, k, geometry);
  const absRho = gram(X).data.map(Math.abs);
  const kt = foldIn(foldIn(k, geometry), t);
  const W = drawWeights(foldIn(kt, 'W'), m * d);
  const Z = projections(X, W, m);
  const H0 = gramAt(X, W, m);
  const V = sphere(foldIn(kt, 'V'), m, d);
  const out: PerturbDraw = { uFro: [], uSpec: [], randomFro: [], flagCounts: [] };
  for (const R of cfg.perturbRadii) {
    const U = perturbationDominator(Z, absRho, n, m, flipRadius(R));
    out.uFro.push(normFro(U));
    out.uSpec.push(norm2(U));
    const Wr = W.map((w, idx) => w + R * (V[idx] as number));
    out.randomFro.push(normFro(sub(gramAt(X, Wr, m), H0)));
    const counts = new Int32Array(m);
    for (let r = 0; r < m; r++) {
      let c = 0;
      for (let i = 0; i < n; i++) if (Math.abs(Z[i * m + r] as number) < flipRadius(R)) c++;
      counts[r] = c;
    }
    out.flagCounts.push(counts);
  }
  return out;
}

/**
 * lem.perturb / lem.antic: ‖U‖_F, ‖U‖₂ and a random-direction contrast per draw of W̃, per radius, per data geometry. The
 * draws are jobs of the harness pool (both cores); their results are accumulated in draw order, so the trace is the same
 * for any worker count.
 */
export async function perturb(cfg: SongYang2019Config, k: Key, ctx: RunContext): Promise<PerturbTrace> {
  const n = cfg.perturbN;
  const m = cfg.perturbWidth;
  const T = cfg.perturbTrials;
  const names: GeometryName[] = ['sphere', 'cluster'];
  ctx.progress.phase('lem.perturb', names.length * T);
  const out: PerturbGeometry[] = [];
  for (const name of names) {
    const { d, X } = geometryData(cfg, k, name);
    const radii = [...cfg.perturbRadii];
    const uFro: number[][] = radii.map(() => []);
    const uSpec: number[][] = radii.map(() => []);
    const randomFro: number[][] = radii.map(() => []);
    const flagSum = radii.map(() => 0);
    const flagSumSq = radii.map(() => 0);
    const jobs: PerturbJob[] = Array.from({ length: T }, (_, t) => ({ cfg, key: k, geometry: name, t }));
    const draws = await ctx.time(`lem.perturb ${name}`, () =>
      mapJobs<PerturbJob, PerturbDraw>(import.meta.url, 'perturbDrawJob', jobs, { onResult: (t) => ctx.progress.tick(1, `${name} draw ${t + 1}/${T}`) }),
    );
    // null: a draw of another shard under `--shard-by job` (this shard's trace is not checked; the merge has every draw).
    for (const dr of draws as (PerturbDraw | null)[]) {
      if (dr === null) continue;
      radii.forEach((_, ri) => {
        (uFro[ri] as number[]).push(dr.uFro[ri] as number);
        (uSpec[ri] as number[]).push(dr.uSpec[ri] as number);
        (randomFro[ri] as number[]).push(dr.randomFro[ri] as number);
        for (const c of dr.flagCounts[ri] as Int32Array) {
          flagSum[ri] = (flagSum[ri] as number) + c / n;
          flagSumSq[ri] = (flagSumSq[ri] as number) + (c / n) ** 2;
        }
      });
    }
    const N = m * T;
    const flagFraction = radii.map((_, ri) => {
      const mean = (flagSum[ri] as number) / N;
      const variance = Math.max(0, ((flagSumSq[ri] as number) - N * mean * mean) / (N - 1));
      return { mean, se: Math.sqrt(variance / N) };
    });
    const rho = gram(X).data;
    out.push({ name, d, radii, uFro, uSpec, randomFro, flagFraction, uFroSqExpected: radii.map((R) => expectedUFroSq(rho, n, m, R)) });
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
