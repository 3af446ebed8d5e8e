import { foldIn, type Key } from '@repro/concentration';
import { norm2, normFro, sub, type Matrix } from '@repro/linalg';
import { gramHDeviationScale } from './two-layer.js';

/**
 * The explicit form of Du et al. (2019) Lemma 3.1 (restated as Song & Yang (2019) LN3 Lemma 1): Hoeffding per entry of
 * H(0) (each is ρ_ij = x_iᵀx_j, |ρ_ij| ≤ 1 for unit rows, times a mean of m Bernoulli pattern agreements) and a union
 * bound over the n² entries give, with probability ≥ 1 − δ, ‖H(0) − H∞‖_F ≤ n√(log(2n²/δ)/(2m)).
 * @example
 * ```ts
 * import { hoeffdingGramBound } from '@repro/nets';
 *
 * hoeffdingGramBound(50, 1600, 0.1); // → 50·√(ln(50 000)/3200) ≈ 2.907
 * ```
 */
export function hoeffdingGramBound(n: number, m: number, delta: number): number {
  if (!(delta > 0 && delta < 1)) throw new RangeError(`hoeffdingGramBound: δ must lie in (0, 1), got ${delta}`);
  return n * Math.sqrt(Math.log((2 * n * n) / delta) / (2 * m));
}

/** Draws H(0) at width m from a key (the paper's own sampler and Gram, faults included). */
export type SampleGram = (key: Key, m: number) => Matrix;

/** Part (a) of the lemma's check: ‖H(0) − H∞‖ at each width, `draws` independent draws per width. */
export interface GramDeviationRate {
  widths: number[];
  /** ‖H(0) − H∞‖_F per width, per draw. */
  fro: number[][];
  /** ‖H(0) − H∞‖₂ per width, per draw. */
  spec: number[][];
  /** The exact E‖H(0) − H∞‖_F² = V/m at each width (V = `gramHDeviationScale(X)`), for H(0) from `gramH`. */
  froSqExpected: number[];
}

/** Part (b): the explicit Hoeffding bound tested on `trials` independent draws per width. */
export interface GramHoeffdingTrials {
  probWidths: number[];
  /** `hoeffdingGramBound(n, m, δ)` per width. */
  probBound: number[];
  /** Draws with ‖H(0) − H∞‖_F ≤ the bound, per width. */
  probSuccesses: number[];
  probTrials: number;
  /** Largest ‖H(0) − H∞‖_F seen per width (the bound's slack is probBound/probWorstFro). */
  probWorstFro: number[];
}

/**
 * Part (a) data: for each width m, `draws` draws of H(0) (key `foldIn(foldIn(key, 'rate-m<m>'), t)`) and their Frobenius
 * and spectral distances from `Hinf`. `onDraw(m, t)` runs after each draw (progress).
 * @example
 * ```ts
 * import { key, normal, sphere } from '@repro/concentration';
 * import { matrix } from '@repro/linalg';
 * import { gramDeviationRate, gramH, hInfinity } from '@repro/nets';
 *
 * const X = matrix(8, 3, sphere(key(1), 8, 3));
 * const r = gramDeviationRate({ X, Hinf: hInfinity(X), widths: [50, 200], draws: 4, key: key(2), sample: (k, m) => gramH(X, normal(k, m * 3), m) });
 * r.fro.length; // → 2
 * (r.froSqExpected[0] as number) / (r.froSqExpected[1] as number); // → 4 (E‖H(0) − H∞‖_F² ∝ 1/m)
 * ```
 */
export function gramDeviationRate(o: {
  X: Matrix;
  Hinf: Matrix;
  widths: readonly number[];
  draws: number;
  key: Key;
  sample: SampleGram;
  onDraw?: (m: number, t: number) => void;
}): GramDeviationRate {
  const fro: number[][] = [];
  const spec: number[][] = [];
  for (const m of o.widths) {
    const f: number[] = [];
    const s: number[] = [];
    for (let t = 0; t < o.draws; t++) {
      const D = sub(o.sample(foldIn(foldIn(o.key, `rate-m${m}`), t), m), o.Hinf);
      f.push(normFro(D));
      s.push(norm2(D));
      o.onDraw?.(m, t);
    }
    fro.push(f);
    spec.push(s);
  }
  const V = gramHDeviationScale(o.X);
  return { widths: [...o.widths], fro, spec, froSqExpected: o.widths.map((m) => V / m) };
}

/**
 * Part (b) data: for each width m, `trials` draws of H(0) (key `foldIn(foldIn(key, 'prob-m<m>'), t)`), counting those
 * within the explicit bound `hoeffdingGramBound(n, m, delta)` of `Hinf`.
 * @example
 * ```ts
 * import { key, normal, sphere } from '@repro/concentration';
 * import { matrix } from '@repro/linalg';
 * import { gramH, gramHoeffdingTrials, hInfinity } from '@repro/nets';
 *
 * const X = matrix(8, 3, sphere(key(1), 8, 3));
 * const p = gramHoeffdingTrials({ Hinf: hInfinity(X), widths: [100], trials: 20, delta: 0.1, key: key(3), sample: (k, m) => gramH(X, normal(k, m * 3), m) });
 * p.probSuccesses; // → [20] (the union bound is loose)
 * ```
 */
export function gramHoeffdingTrials(o: {
  Hinf: Matrix;
  widths: readonly number[];
  trials: number;
  delta: number;
  key: Key;
  sample: SampleGram;
  onDraw?: (m: number, t: number) => void;
}): GramHoeffdingTrials {
  const n = o.Hinf.rows;
  const probBound = o.widths.map((m) => hoeffdingGramBound(n, m, o.delta));
  const probSuccesses: number[] = [];
  const probWorstFro: number[] = [];
  o.widths.forEach((m, idx) => {
    let ok = 0;
    let worst = 0;
    for (let t = 0; t < o.trials; t++) {
      const v = normFro(sub(o.sample(foldIn(foldIn(o.key, `prob-m${m}`), t), m), o.Hinf));
      worst = Math.max(worst, v);
      if (v <= (probBound[idx] as number)) ok++;
      o.onDraw?.(m, t);
    }
    probSuccesses.push(ok);
    probWorstFro.push(worst);
  });
  return { probWidths: [...o.widths], probBound, probSuccesses, probTrials: o.trials, probWorstFro };
}
