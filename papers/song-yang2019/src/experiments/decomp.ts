import { foldIn, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { extremeEigenvalues, gram, matvec } from '@repro/linalg';
import { fault } from '@repro/harness';
import { projections } from '@repro/nets';
import { gramAt, initParams } from './model.js';
import type { SongYang2019Config } from '../config.js';
import type { DecompRun, DecompTrace } from '../trace.js';
import { hctsSpectrum, sphereData } from './data.js';
import { gdStep, maxRowDistance, outputsFromProjections } from './gd-step.js';

/** Step size of the practical run relative to 1/λ_max(H^cts) [NOTES.md §5]. */
export const DECOMP_PRACTICAL_ETA_SCALE = 0.5;

/** The four terms of LN3 Claim 9 at one GD step, with e = y − u(k) and S̄_i = {r : |w_r(0)ᵀx_i| ≤ R} (float64). */
export interface DecompTerms {
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  maxSbar: number;
}

/**
 * C1 = −2η eᵀH(k)e, C2 = 2η eᵀH^⊥(k)e, C3 = −2eᵀv₂, C4 = ‖u(k+1) − u(k)‖², from projections at W(0), W(k), W(k+1).
 * H^⊥(k)_ij = (1/m) Σ_{r∈S̄_i} ρ_ij 1{Z_k,ir ≥ 0, Z_k,jr ≥ 0}; v₂,i = m^{−1/2} Σ_{r∈S̄_i} a_r (relu(Z_k+1,ir) − relu(Z_k,ir)).
 */
export function decompTerms(args: {
  rho: Float64Array;
  Hk: Float64Array;
  Z0: Float64Array;
  Zk: Float64Array;
  Zk1: Float64Array;
  a: Float64Array;
  e: Float64Array;
  du: Float64Array;
  eta: number;
  R: number;
  n: number;
  m: number;
}): DecompTerms {
  const { rho, Hk, Z0, Zk, Zk1, a, e, du, eta, R, n, m } = args;
  const He = matvec({ rows: n, cols: n, data: Hk }, e);
  let eHe = 0;
  for (let i = 0; i < n; i++) eHe += (e[i] as number) * (He[i] as number);
  let ePerpE = 0;
  let ev2 = 0;
  let maxSbar = 0;
  const s = 1 / Math.sqrt(m);
  for (let i = 0; i < n; i++) {
    let rowPerp = 0;
    let v2 = 0;
    let size = 0;
    for (let r = 0; r < m; r++) {
      if (Math.abs(Z0[i * m + r] as number) > R) continue;
      size++;
      const zk = Zk[i * m + r] as number;
      const zk1 = Zk1[i * m + r] as number;
      v2 += (a[r] as number) * (Math.max(zk1, 0) - Math.max(zk, 0));
      if (zk < 0) continue;
      for (let j = 0; j < n; j++) if ((Zk[j * m + r] as number) >= 0) rowPerp += ((rho[i * n + j] as number) * (e[j] as number)) / m;
    }
    ePerpE += (e[i] as number) * rowPerp;
    ev2 += (e[i] as number) * v2 * s;
    maxSbar = Math.max(maxSbar, size);
  }
  let c4 = 0;
  for (let i = 0; i < n; i++) c4 += (du[i] as number) ** 2;
  return { c1: -2 * eta * eHe, c2: 2 * eta * ePerpE, c3: (fault('c3-sign') ? 2 : -2) * ev2, c4, maxSbar };
}

/**
 * ‖δu‖ for u_i = m^{−1/2} Σ_r a_r relu(z_ir) summed in float64: the standard bound |δu_i| ≤ γ_m m^{−1/2} Σ_r |a_r relu(z_ir)|,
 * γ_m = m·u/(1 − m·u) with u = 2⁻⁵³ (a recursive sum of m terms; the scaling by m^{−1/2} adds one more u, inside γ_m's slack).
 */
export function outputRoundingBound(Z: Float64Array, a: Float64Array, n: number, m: number): number {
  const u = 2 ** -53;
  const gamma = ((m + 1) * u) / (1 - (m + 1) * u);
  const s = 1 / Math.sqrt(m);
  let sq = 0;
  for (let i = 0; i < n; i++) {
    let abs = 0;
    for (let r = 0; r < m; r++) {
      const z = Z[i * m + r] as number;
      if (z > 0) abs += Math.abs((a[r] as number) * z);
    }
    sq += (gamma * abs * s) ** 2;
  }
  return Math.sqrt(sq);
}

/** claim.decomp / claim.c1-c4: GD at η = λ/(4n²) (theory) and η = 0.5/λ_max (practical), every term at every step. */
export async function decomp(cfg: SongYang2019Config, k: Key, ctx: RunContext): Promise<DecompTrace> {
  const n = cfg.decompN;
  const d = n;
  const m = cfg.decompWidth;
  const { X, y } = sphereData(foldIn(k, 'data'), n, d);
  const { lambda, lambdaMax } = hctsSpectrum(X);
  const rho = gram(X).data;
  const p = initParams(foldIn(k, 'init'), m, d);
  const Z0 = projections(X, p.W, m);
  const runs: DecompRun[] = [];
  ctx.progress.phase('claim.decomp', 2 * cfg.decompSteps);
  for (const [label, eta] of [
    ['theory', lambda / (4 * n * n)],
    ['practical', DECOMP_PRACTICAL_ETA_SCALE / lambdaMax],
  ] as const) {
    const run: DecompRun = {
      label,
      eta,
      eSq: [],
      eNextSq: [],
      c1: [],
      c2: [],
      c3: [],
      c4: [],
      radius: [],
      radiusWide: [],
      c2Wide: [],
      c3Wide: [],
      maxSbar: [],
      lambdaMinH: [],
      lambdaMinErr: [],
      roundU: [],
    };
    // Smallest radius at which the C2/C3 guarantee 1 − n·e^{−mR} is non-vacuous at level δ [NOTES.md §7].
    const rMin = Math.log(n / cfg.delta) / m;
    await ctx.time(`claim.decomp ${label}`, async () => {
      let W = p.W;
      let Zk = Z0;
      for (let step = 0; step < cfg.decompSteps; step++) {
        const W1 = await gdStep(X, y, { ...p, W }, eta);
        const Zk1 = projections(X, W1, m);
        const u = outputsFromProjections(Zk, p.a, n, m);
        const u1 = outputsFromProjections(Zk1, p.a, n, m);
        const e = y.map((yi, i) => yi - (u[i] as number));
        const du = u1.map((v, i) => v - (u[i] as number));
        const R = Math.max(maxRowDistance(W, p.W, m, d), maxRowDistance(W1, p.W, m, d));
        const Hk = gramAt(X, W, m);
        const t = decompTerms({ rho, Hk: Hk.data, Z0, Zk, Zk1, a: p.a, e, du, eta, R, n, m });
        const rWide = Math.max(R, rMin);
        const wide = rWide === R ? t : decompTerms({ rho, Hk: Hk.data, Z0, Zk, Zk1, a: p.a, e, du, eta, R: rWide, n, m });
        run.radiusWide.push(rWide);
        run.c2Wide.push(wide.c2);
        run.c3Wide.push(wide.c3);
        let eSq = 0;
        let eNextSq = 0;
        for (let i = 0; i < n; i++) {
          eSq += (e[i] as number) ** 2;
          eNextSq += ((y[i] as number) - (u1[i] as number)) ** 2;
        }
        run.eSq.push(eSq);
        run.eNextSq.push(eNextSq);
        run.c1.push(t.c1);
        run.c2.push(t.c2);
        run.c3.push(t.c3);
        run.c4.push(t.c4);
        run.radius.push(R);
        run.maxSbar.push(t.maxSbar);
        const ev = extremeEigenvalues(Hk, { prefer: 'dense' });
        run.lambdaMinH.push(ev.min);
        run.lambdaMinErr.push(ev.errorBound.min);
        run.roundU.push(outputRoundingBound(Zk, p.a, n, m) + outputRoundingBound(Zk1, p.a, n, m));
        W = W1;
        Zk = Zk1;
        ctx.progress.tick(1, `${label} step ${step + 1}/${cfg.decompSteps}`);
      }
    });
    runs.push(run);
  }
  return { n, m, lambda, lambdaMax, runs };
}
