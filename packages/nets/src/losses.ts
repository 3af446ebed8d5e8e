/**
 * Losses with numerically stable float64 evaluation (no overflow or cancellation for large |margin|):
 * logistic ℓ(u) = ln(1 + e^{−u}), exponential ℓ(u) = e^{−u}, and softmax cross-entropy via log-sum-exp.
 * Soudry et al. (2018), arXiv:1710.10345, §2 (losses with an exponential tail).
 */

/** Names of the margin losses ℓ(u) of a linear classifier (u = y·wᵀx). */
export type MarginLossName = 'logistic' | 'exp';

/**
 * ln(1 + e^{−u}): log1p(e^{−u}) for u ≥ 0, −u + log1p(e^{u}) for u < 0 (never exponentiates a positive number).
 * @example
 * ```ts
 * import { logisticLoss } from '@repro/nets';
 *
 * logisticLoss(0); // → 0.69314718 (ln 2)
 * logisticLoss(-1000); // → 1000 (no overflow)
 * logisticLoss(50); // → 1.92874985e-22 (no cancellation)
 * ```
 */
export function logisticLoss(u: number): number {
  return u >= 0 ? Math.log1p(Math.exp(-u)) : -u + Math.log1p(Math.exp(u));
}

/**
 * −ℓ′(u) = 1/(1 + e^{u}) for the logistic loss: e^{−u}/(1 + e^{−u}) for u ≥ 0 (no overflow for large |u|).
 * @example
 * ```ts
 * import { logisticNegDeriv } from '@repro/nets';
 *
 * logisticNegDeriv(0); // → 0.5
 * logisticNegDeriv(1000); // → 0
 * ```
 */
export function logisticNegDeriv(u: number): number {
  if (u >= 0) {
    const e = Math.exp(-u);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(u));
}

/**
 * ℓ″(u) = σ(u)σ(−u) for the logistic loss, in (0, ¼].
 * @example
 * ```ts
 * import { logisticSecondDeriv } from '@repro/nets';
 *
 * logisticSecondDeriv(0); // → 0.25
 * ```
 */
export function logisticSecondDeriv(u: number): number {
  const e = Math.exp(-Math.abs(u));
  return e / ((1 + e) * (1 + e));
}

/**
 * e^{−u}; overflows to +∞ below u ≈ −709.78 (float64), which callers must treat as divergence.
 * @example
 * ```ts
 * import { expLoss } from '@repro/nets';
 *
 * expLoss(1); // → 0.36787944
 * expLoss(-800); // → Infinity (treat as divergence)
 * ```
 */
export function expLoss(u: number): number {
  return Math.exp(-u);
}

/**
 * ℓ(u) for a named margin loss.
 * @example
 * ```ts
 * import { marginLoss } from '@repro/nets';
 *
 * marginLoss('logistic', 0); // → 0.69314718
 * marginLoss('exp', 0); // → 1
 * ```
 */
export function marginLoss(name: MarginLossName, u: number): number {
  return name === 'logistic' ? logisticLoss(u) : Math.exp(-u);
}

/**
 * −ℓ′(u) for a named margin loss (positive, decreasing, exponential tail).
 * @example
 * ```ts
 * import { marginLossNegDeriv } from '@repro/nets';
 *
 * marginLossNegDeriv('logistic', 0); // → 0.5
 * marginLossNegDeriv('exp', 0); // → 1
 * ```
 */
export function marginLossNegDeriv(name: MarginLossName, u: number): number {
  return name === 'logistic' ? logisticNegDeriv(u) : Math.exp(-u);
}

/**
 * log Σ_k e^{z_k} over z[offset .. offset+K), shifted by the max (exact for ±∞-free input; −∞ for K = 0).
 * @example
 * ```ts
 * import { logSumExp } from '@repro/nets';
 *
 * logSumExp([1000, 1000]); // → 1000.69314718 (Math.exp(1000) would overflow)
 * logSumExp([0, 5, 1000, 1000], 2, 2); // → 1000.69314718 (entries 2..3 only)
 * logSumExp([]); // → -Infinity
 * ```
 */
export function logSumExp(z: ArrayLike<number>, offset = 0, K = z.length - offset): number {
  let m = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < K; k++) m = Math.max(m, z[offset + k] as number);
  if (m === Number.NEGATIVE_INFINITY) return m;
  let s = 0;
  for (let k = 0; k < K; k++) s += Math.exp((z[offset + k] as number) - m);
  return m + Math.log(s);
}

/**
 * Softmax cross-entropy of one example, −log softmax(z)_label = logSumExp(z) − z_label, with the softmax probabilities
 * written into `probs` (length ≥ K) when given. Stable for any finite logits (the largest logit is subtracted first).
 * @example
 * ```ts
 * import { softmaxCrossEntropy } from '@repro/nets';
 *
 * const probs = new Float64Array(3);
 * softmaxCrossEntropy([0, 0, Math.log(2)], 2, probs); // → 0.69314718 (−ln ½)
 * probs; // → [0.25, 0.25, 0.5]
 * ```
 */
export function softmaxCrossEntropy(z: ArrayLike<number>, label: number, probs?: Float64Array, offset = 0, K = z.length - offset): number {
  if (!Number.isInteger(label) || label < 0 || label >= K) throw new RangeError(`softmaxCrossEntropy: label ${label} not in 0..${K - 1}`);
  let m = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < K; k++) m = Math.max(m, z[offset + k] as number);
  let s = 0;
  for (let k = 0; k < K; k++) {
    const e = Math.exp((z[offset + k] as number) - m);
    if (probs !== undefined) probs[k] = e;
    s += e;
  }
  if (probs !== undefined) for (let k = 0; k < K; k++) probs[k] = (probs[k] as number) / s;
  // log(s) − (z_label − m): when the label's logit dominates by ≥ 37, s = 1 + tiny and the loss is log1p of the rest.
  let rest = 0;
  for (let k = 0; k < K; k++) if (k !== label) rest += Math.exp((z[offset + k] as number) - m);
  const zl = (z[offset + label] as number) - m;
  if (zl === 0) return Math.log1p(rest);
  return Math.log(s) - zl;
}
