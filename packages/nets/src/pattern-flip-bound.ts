import { matrix, type Matrix } from '@repro/linalg';

/**
 * The entrywise dominator of a Gram-matrix perturbation inside a ball (Du et al. 2019, Lemma 3.2; Song & Yang 2019):
 * U_ij = |ρ_ij|·(1/m)·#{r : A_ir ∨ A_jr}, with A_ir ⇔ |w̃_rᵀx_i| < R. Every W with ‖w_r − w̃_r‖ ≤ R for all r (unit-norm
 * inputs) has |H(W) − H(W̃)|_ij ≤ U_ij, because a pattern 1{w_rᵀx_i ≥ 0} can change only if A_ir holds.
 *
 * Z: projections w̃_rᵀx_i, n×m row-major (`projections` of this package); absRho: |x_iᵀx_j|, n×n. Float64, n×n.
 * Counts use #(A_i ∨ A_j) = c_i + c_j − #(A_i ∧ A_j), O(m·(n + f²)) for f flagged inputs per neuron.
 * @example
 * ```ts
 * import { patternFlipBound } from '@repro/nets';
 *
 * const Z = [0.05, 2, -0.5, 0.01]; // n = 2 inputs × m = 2 neurons; |Z| < R flags (0, 0) and (1, 1)
 * const absRho = [1, 0.5, 0.5, 1];
 * patternFlipBound(Z, absRho, 2, 2, 0.1).data; // → [0.5, 0.5, 0.5, 0.5]
 * ```
 */
export function patternFlipBound(Z: ArrayLike<number>, absRho: ArrayLike<number>, n: number, m: number, R: number): Matrix {
  if (Z.length !== n * m) throw new RangeError(`patternFlipBound: Z has ${Z.length} entries, expected n·m = ${n * m}`);
  if (absRho.length !== n * n) throw new RangeError(`patternFlipBound: absRho has ${absRho.length} entries, expected n² = ${n * n}`);
  if (!(R >= 0)) throw new RangeError(`patternFlipBound: radius must be ≥ 0, got ${R}`);
  const count = new Float64Array(n);
  const both = new Float64Array(n * n);
  const flagged: number[] = [];
  for (let r = 0; r < m; r++) {
    flagged.length = 0;
    for (let i = 0; i < n; i++) if (Math.abs(Z[i * m + r] as number) < R) flagged.push(i);
    for (const i of flagged) {
      count[i] = (count[i] as number) + 1;
      for (const j of flagged) both[i * n + j] = (both[i * n + j] as number) + 1;
    }
  }
  const U = matrix(n, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      U.data[i * n + j] = ((absRho[i * n + j] as number) * ((count[i] as number) + (count[j] as number) - (both[i * n + j] as number))) / m;
  return U;
}
