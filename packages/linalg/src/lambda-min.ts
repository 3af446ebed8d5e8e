/**
 * The λ_min entry point: `minEigenvalue(A)` → { value, errorBound, solver }. Every other way to a smallest eigenvalue in
 * this package is either a thin wrapper of the same computation or says in its doc comment when to use it instead:
 * - `eigvalsh(A)`: every eigenvalue (dense, exact to n·ε·‖A‖₂); `minEigenvalue(A, { prefer: 'dense' })` is its λ_min with a bound.
 * - `lanczosExtremes(A)`: the raw Krylov result (residuals, iterations, both ends, no fallback).
 * - `lambdaMin(A)`: Lanczos only, a bare number, throws on non-convergence.
 * - `extremeEigenvalues(A)`: λ_min and λ_max together, same fallback and `solver` values.
 * - `lambdaMinRobust(A)`: the earlier name of `minEigenvalue` (same computation, same result).
 */
import { EIGEN_SOLVER, robustExtremes, type ExtremesSolver, type RobustOptions } from './lanczos.js';
import type { Matrix } from './matrix.js';

/** What `minEigenvalue` returns. */
export interface MinEigenvalue {
  /** λ_min(A) as computed (a Ritz value for Lanczos, ≥ λ_min up to rounding; the dense eigenvalue for eigvalsh). */
  value: number;
  /**
   * Some eigenvalue of A lies within `errorBound` of `value`: the a-posteriori Ritz residual bound (plus its rounding) when
   * Lanczos answered, the a-priori n·ε·‖A‖_F when eigvalsh did. Report it next to any λ_min that is itself a result.
   */
  errorBound: number;
  /** Which method answered: an `EIGEN_SOLVER` value (`describeSolver` gives the words). */
  solver: ExtremesSolver;
}

/**
 * λ_min of a symmetric A (n×n float64) with its error bound and the method that answered. `prefer: 'lanczos'` (default;
 * large matrices) runs Lanczos for the bottom end and falls back to the dense `eigvalsh` when it does not converge in its
 * Krylov budget; `prefer: 'dense'` (graded or near-singular matrices of moderate size) runs `eigvalsh` and falls back to
 * full-dimension Lanczos when its QL iteration stalls. Both failing rethrows the second ConvergenceError. `tol`: the
 * Lanczos residual tolerance relative to ‖A‖ (default 1e-8).
 * @example
 * ```ts
 * import { EIGEN_SOLVER, matrix, minEigenvalue } from '@repro/linalg';
 *
 * const r = minEigenvalue(matrix(2, 2, [2, 1, 1, 2]));
 * r.value; // → 1.0000000
 * r.errorBound < 1e-14; // → true
 * r.solver === EIGEN_SOLVER.lanczos; // → true (the default; n ≤ 64 runs it as an exact dense solve)
 *
 * const n = 100;
 * const D = matrix(n, n);
 * for (let i = 0; i < n; i++) D.data[i * n + i] = i + 1; // diag(1, …, 100)
 * minEigenvalue(D, { tol: 1e-10 }).value; // → 1.000000
 * minEigenvalue(D, { prefer: 'dense' }).solver; // → 'eigvalsh'
 * ```
 */
export function minEigenvalue(A: Matrix, opts: RobustOptions = {}): MinEigenvalue {
  const r = robustExtremes(A, opts, 'min');
  return { value: r.min, errorBound: r.errorBound.min, solver: r.solver };
}

const DESCRIPTIONS: Record<ExtremesSolver, string> = {
  [EIGEN_SOLVER.lanczos]: 'lanczos',
  [EIGEN_SOLVER.eigvalsh]: 'eigvalsh',
  [EIGEN_SOLVER.eigvalshAfterLanczos]: 'eigvalsh (Lanczos did not converge)',
  [EIGEN_SOLVER.lanczosAfterQl]: 'lanczos (eigvalsh QL did not converge)',
};

/**
 * The words for a solver in a report or a values.json note: the method, and for a fallback why it was needed.
 * @example
 * ```ts
 * import { EIGEN_SOLVER, describeSolver } from '@repro/linalg';
 *
 * describeSolver(EIGEN_SOLVER.lanczosAfterQl); // → 'lanczos (eigvalsh QL did not converge)'
 * describeSolver(EIGEN_SOLVER.eigvalsh); // → 'eigvalsh'
 * ```
 */
export function describeSolver(solver: ExtremesSolver): string {
  return DESCRIPTIONS[solver];
}
