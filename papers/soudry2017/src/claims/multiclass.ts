import { olsFit } from '@repro/concentration';
import { checkGapConvergence, first, fmt, gapConvergence, last, type SoudryClaim } from './select.js';

/** NOTES.md: window [10⁴, T] (T = 10⁸ smoke, 10²⁸⁰ paper — NOTES.md § multiclass, horizon). */
const FROM = 1e4;

/**
 * The pair margins of Ŵ scaled so that the smallest is 1: m_{nk} = (ŵ_{y_n} − ŵ_k)ᵀx_n / min. Returns the number of support
 * pairs (m = 1 within 1e-9), their rank (the pair vectors span at most (K−1)·d dimensions), and δ = the smallest excess
 * m − 1 of a non-support pair: the theorem's transient, the non-support pairs' pull on ρ(t), decays like t^{−δ} (NOTES.md
 * § multiclass).
 */
function marginStructure(X: readonly number[], y: readonly number[], W: readonly number[]): { supportPairs: number; supportRank: number; dim: number; delta: number } {
  const N = y.length;
  const d = X.length / N;
  const K = W.length / d;
  const rows: { m: number; z: number[] }[] = [];
  for (let n = 0; n < N; n++)
    for (let k = 0; k < K; k++) {
      const c = y[n] as number;
      if (k === c) continue;
      const z = new Array<number>(K * d).fill(0);
      let m = 0;
      for (let j = 0; j < d; j++) {
        const x = X[n * d + j] as number;
        z[c * d + j] = x;
        z[k * d + j] = -x;
        m += ((W[c * d + j] as number) - (W[k * d + j] as number)) * x;
      }
      rows.push({ m, z });
    }
  const min = Math.min(...rows.map((r) => r.m));
  const support = rows.filter((r) => r.m / min <= 1 + 1e-9);
  const others = rows.filter((r) => r.m / min > 1 + 1e-9).map((r) => r.m / min - 1);
  return { supportPairs: support.length, supportRank: rank(support.map((r) => r.z)), dim: (K - 1) * d, delta: others.length > 0 ? Math.min(...others) : Number.POSITIVE_INFINITY };
}

/**
 * Rank of a few short row vectors (Gram–Schmidt with a relative 1e-9 threshold). Not @repro/linalg's `svdvals`: on a wide
 * rank-deficient matrix its smallest singular value comes out ≈ 1e-8 (the square root of the Gram's rounding), above any
 * threshold that separates rank 3 from 4 safely here.
 */
function rank(rows: number[][]): number {
  const basis: number[][] = [];
  for (const r of rows) {
    const v = [...r];
    for (const b of basis) {
      const p = v.reduce((s, x, i) => s + x * (b[i] as number), 0);
      for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) - p * (b[i] as number);
    }
    const nv = Math.hypot(...v);
    if (nv > 1e-9 * Math.max(1, Math.hypot(...r))) basis.push(v.map((x) => x / nv));
  }
  return basis.length;
}

/**
 * A per-decade list (entry i is the decade starting at 10^(e0 + i)): all of it up to 16 entries, else 16 evenly spaced
 * entries labelled by their decade, the first and last always shown.
 */
function decades(xs: readonly number[], e0: number, digits: number): string {
  const n = 16;
  if (xs.length <= n) return xs.map((x) => fmt(x, digits)).join(', ');
  const step = (xs.length - 1) / (n - 1);
  return Array.from({ length: n }, (_, j) => Math.round(j * step))
    .map((i) => `10^${e0 + i}: ${fmt(xs[i] as number, digits)}`)
    .join(', ');
}

export const multiclassClaim: SoudryClaim = {
  id: 'soudry2017.multiclass',
  source: 'Appendix C, arXiv:1710.10345 (a theorem in the JMLR version)',
  statement: 'GD on the summed softmax cross-entropy converges in direction to the multi-class hard-margin SVM solution Ŵ (gap O(1/ln t)).',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['multiclass'],
  catches: ['svm-rotated'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const m = first(traces, 'multiclass');
    const T = last(m.t);
    const c = gapConvergence(m.t, m.gap, FROM, T);
    const v = checkGapConvergence(c, 'the direction gap ‖W/‖W‖ − Ŵ/‖Ŵ‖‖');
    const tail = m.t.map((t, i) => ({ t, g: m.gap[i] as number })).filter(({ t }) => t >= FROM);
    const fit = olsFit(
      tail.map(({ t }) => Math.log(Math.log(t))),
      tail.map(({ g }) => Math.log(g)),
    );
    const ms = marginStructure(m.X, m.y, m.WHat);
    return {
      ...v,
      observed: {
        ...v.observed,
        gapAtT: last(m.gap),
        gapTimesLnT: last(m.gap) * Math.log(T),
        slopeLnGapVsLnLnT: fit.slope,
        kktMax: m.kktMax,
        supportPairs: ms.supportPairs,
        supportRank: ms.supportRank,
        nonSupportMarginExcess: ms.delta,
        transientAtT: Math.exp(-ms.delta * Math.log(T)),
      },
      note: `${v.note !== undefined ? `${v.note}; ` : ''}decade sups of the gap: ${decades(c.sups, Math.log10(FROM), 3)}; ·ln t: ${decades(c.scaledSups, Math.log10(FROM), 4)}; slope of ln gap vs ln ln t from 10⁴ = ${fmt(fit.slope)} (reported); ${ms.supportPairs} support pairs (rank ${ms.supportRank} of ${ms.dim}), smallest non-support margin 1 + ${fmt(ms.delta, 3)}: transient T^{−δ} = ${fmt(Math.exp(-ms.delta * Math.log(T)), 2)} at T (reported)`,
    };
  },
};
