/** Random-network experiments: mc-limit (one layer) and eq-recursion (ℓ layers). Float64, keyed draws. */
import { foldIn, meanSd, normal, type Key } from '@repro/concentration';
import { fault, type RunContext } from '@repro/harness';
import { arcCosineActivation } from '@repro/nets';
import { J as arcCosineJ, kernelPi, multilayer as arcCosineMultilayer } from '../kernels.js';
import type { ChoSaul2009Config } from '../config.js';
import type { McCase, McTrace, RecursionTrace } from '../trace.js';

/** Rows of W drawn per chunk: bounds memory (chunk·d doubles) for m up to 10⁶. */
const MC_CHUNK = 100_000;
const DEGREES = [0, 1, 2] as const;

/** The weight sampler: i.i.d. N(0, 1) (planted 'mc-variance': N(0, 1.2)). */
function weights(k: Key, count: number): Float64Array {
  const W = normal(k, count);
  if (fault('mc-variance')) for (let i = 0; i < count; i++) W[i] = (W[i] as number) * Math.sqrt(1.2);
  return W;
}

/** Unit x, y ∈ ℝᵈ at angle θ (random orientation). */
function unitPair(k: Key, d: number, theta: number): [Float64Array, Float64Array] {
  const g = normal(k, 2 * d);
  const u = g.slice(0, d);
  const v = g.slice(d);
  const nu = Math.hypot(...u);
  for (let i = 0; i < d; i++) u[i] = (u[i] as number) / nu;
  let p = 0;
  for (let i = 0; i < d; i++) p += (u[i] as number) * (v[i] as number);
  for (let i = 0; i < d; i++) v[i] = (v[i] as number) - p * (u[i] as number);
  const nv = Math.hypot(...v);
  const y = new Float64Array(d);
  for (let i = 0; i < d; i++) y[i] = Math.cos(theta) * (u[i] as number) + (Math.sin(theta) * (v[i] as number)) / nv;
  return [u, y];
}

/**
 * mc-limit: for each width m and repeat r, one W ∈ ℝ^{m×d} (shared by every pair and degree) and the estimate
 * (2/m)Σ_i g_n(w_iᵀx) g_n(w_iᵀy); mean and RMS error over repeats vs the closed form.
 */
export async function mc(cfg: ChoSaul2009Config, k: Key, ctx: RunContext): Promise<McTrace> {
  const d = cfg.mcDim;
  const pairs = cfg.mcThetas.map((theta, i) => unitPair(foldIn(k, `pair${i}`), d, theta));
  const R = cfg.mcRepeats;
  const cases: McCase[] = [];
  const sums = new Map<string, { sum: number; sq: number }>();
  const total = cfg.mcWidths.reduce((s, m) => s + m, 0) * R;
  ctx.progress.phase('mc-limit', total);
  for (const m of cfg.mcWidths)
    for (let r = 0; r < R; r++) {
      const acc = new Float64Array(pairs.length * DEGREES.length);
      for (let start = 0, c = 0; start < m; start += MC_CHUNK, c++) {
        const rows = Math.min(MC_CHUNK, m - start);
        const W = weights(foldIn(foldIn(foldIn(k, `m${m}`), r), c), rows * d);
        for (let i = 0; i < rows; i++) {
          const o = i * d;
          for (let p = 0; p < pairs.length; p++) {
            const [x, y] = pairs[p] as [Float64Array, Float64Array];
            let zx = 0;
            let zy = 0;
            for (let t = 0; t < d; t++) {
              zx += (W[o + t] as number) * (x[t] as number);
              zy += (W[o + t] as number) * (y[t] as number);
            }
            if (!(zx > 0 && zy > 0)) continue;
            const base = p * DEGREES.length;
            acc[base] = (acc[base] as number) + 1;
            acc[base + 1] = (acc[base + 1] as number) + zx * zy;
            acc[base + 2] = (acc[base + 2] as number) + zx * zx * zy * zy;
          }
        }
      }
      cfg.mcThetas.forEach((theta, p) => {
        for (const n of DEGREES) {
          const est = (2 / m) * (acc[p * DEGREES.length + n] as number);
          const exact = arcCosineJ(n, theta) / kernelPi();
          const key = `${p}/${n}/${m}`;
          const s = sums.get(key) ?? { sum: 0, sq: 0 };
          s.sum += est;
          s.sq += (est - exact) ** 2;
          sums.set(key, s);
        }
      });
      ctx.progress.tick(m, `m=${m} repeat ${r + 1}/${R}`);
    }
  cfg.mcThetas.forEach((theta, p) => {
    for (const n of DEGREES) {
      const exact = arcCosineJ(n, theta) / kernelPi();
      // Var[2 g_n(wᵀx) g_n(wᵀy)] = 4E[g_{2n}g_{2n}] − k_n² = 2k_{2n} − k_n² [NOTES.md §2]
      const sigma = Math.sqrt(Math.max(0, (2 * arcCosineJ(2 * n, theta)) / kernelPi() - exact * exact));
      const perWidth = cfg.mcWidths.map((m) => {
        const s = sums.get(`${p}/${n}/${m}`) as { sum: number; sq: number };
        return { m, mean: s.sum / R, rms: Math.sqrt(s.sq / R) };
      });
      cases.push({ n, theta, exact, sigma, perWidth });
    }
  });
  return { d, repeats: R, cases };
}

/** y = √(2/m)·g_n(W h) for W m×dim row-major. */
function layer(n: number, W: Float64Array, h: Float64Array, m: number): Float64Array {
  const dim = h.length;
  const out = new Float64Array(m);
  const c = Math.sqrt(2 / m);
  for (let i = 0; i < m; i++) {
    let z = 0;
    const o = i * dim;
    for (let t = 0; t < dim; t++) z += (W[o + t] as number) * (h[t] as number);
    out[i] = c * arcCosineActivation(n, z);
  }
  return out;
}

/**
 * eq-recursion: the deep random network h^ℓ = √(2/m) g_n(W_ℓ h^{ℓ−1}) with fresh N(0,1) weights; h^ℓ_x·h^ℓ_y over S draws
 * (the same weights serve every degree) vs the recursion k^(ℓ)(x, y).
 */
export async function recursion(cfg: ChoSaul2009Config, k: Key, ctx: RunContext): Promise<RecursionTrace> {
  const d = cfg.recDim;
  const m = cfg.recWidth;
  const L = cfg.recDepth;
  const xy = normal(foldIn(k, 'xy'), 2 * d).map((v) => v / Math.sqrt(d));
  const x0 = xy.slice(0, d);
  const y0 = xy.slice(d);
  const samples = new Map<string, number[]>();
  ctx.progress.phase('eq-recursion', cfg.recSeeds);
  for (let s = 0; s < cfg.recSeeds; s++) {
    const ks = foldIn(k, `seed${s}`);
    const Ws = Array.from({ length: L }, (_, l) => weights(foldIn(ks, l), m * (l === 0 ? d : m)));
    for (const n of DEGREES) {
      let hx: Float64Array = x0;
      let hy: Float64Array = y0;
      for (let l = 0; l < L; l++) {
        hx = layer(n, Ws[l] as Float64Array, hx, m);
        hy = layer(n, Ws[l] as Float64Array, hy, m);
        let dot = 0;
        for (let i = 0; i < m; i++) dot += (hx[i] as number) * (hy[i] as number);
        const key = `${n}/${l + 1}`;
        const list = samples.get(key) ?? [];
        list.push(dot);
        samples.set(key, list);
      }
    }
    ctx.progress.tick(1, `draw ${s + 1}/${cfg.recSeeds}`);
  }
  const dot = (a: Float64Array, b: Float64Array): number => a.reduce((acc, v, i) => acc + v * (b[i] as number), 0);
  const cases: RecursionTrace['cases'] = [];
  for (const n of DEGREES) {
    const exact = arcCosineMultilayer(Array.from({ length: L }, () => n), dot(x0, x0), dot(y0, y0), dot(x0, y0));
    for (let l = 1; l <= L; l++) {
      const st = meanSd(samples.get(`${n}/${l}`) as number[]);
      cases.push({ n, depth: l, exact: exact[l]?.xy as number, mean: st.mean, se: st.se, sd: st.sd });
    }
  }
  return { d, m, seeds: cfg.recSeeds, cases };
}
