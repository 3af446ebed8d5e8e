/**
 * Synthetic data the papers draw (inputs on a sphere or Gaussian, Gaussian or teacher targets), from a keyed generator.
 * Each function draws exactly the numbers of the one-liner it replaces, so a paper can switch to it without changing its
 * committed results [README §Data generators].
 */
import { foldIn, normal, sphere, type Key } from '@repro/concentration';
import { matrix, type Matrix } from '@repro/linalg';
import type { Activation } from './mlp.js';
import { initNtkMlp, ntkMlpForward, type NtkScales } from './ntk-mlp.js';

/**
 * n points uniform on the radius-r sphere in ℝ^d (n×d, rows = points): `sphere(k, n, d)` (normalized Gaussian rows), each
 * entry times r. With r = 1 (the default) the bits are those of `sphere(k, n, d)`; r = √d gives the radius-√d data of
 * Nguyen & Mondelli (x_iᵀw ~ N(0, 1) for w ~ N(0, I/d)).
 * @example
 * ```ts
 * import { key } from '@repro/concentration';
 * import { sphereInputs } from '@repro/nets';
 *
 * const X = sphereInputs(key(0), 5, 3, Math.sqrt(3));
 * [X.rows, X.cols]; // → [5, 3]
 * Math.hypot(X.data[0]!, X.data[1]!, X.data[2]!); // → 1.7320508 (√3)
 * ```
 */
export function sphereInputs(k: Key, n: number, d: number, radius = 1): Matrix {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!(Number.isFinite(radius) && radius > 0)) throw new RangeError(`radius must be a positive number, got ${radius}`);
  const x = sphere(k, n, d);
  if (radius !== 1) for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) * radius;
  return matrix(n, d, x);
}

/**
 * n points with i.i.d. N(0, 1) coordinates in ℝ^d (n×d, rows = points; ‖x‖² ≈ d): `normal(k, n·d)` as a matrix.
 * @example
 * ```ts
 * import { key } from '@repro/concentration';
 * import { gaussianInputs } from '@repro/nets';
 *
 * const X = gaussianInputs(key(0), 2000, 2);
 * X.data.reduce((s, v) => s + v * v, 0) / 2000; // → 2.0 (E‖x‖² = d)
 * ```
 */
export function gaussianInputs(k: Key, n: number, d: number): Matrix {
  if (!(Number.isInteger(n) && n >= 0 && Number.isInteger(d) && d >= 1)) throw new RangeError(`need integers n ≥ 0 and d ≥ 1, got n=${n}, d=${d}`);
  return matrix(n, d, Float64Array.from(normal(k, n * d)));
}

/**
 * n targets y_i ~ N(0, 1) i.i.d.: `normal(k, n)`. The papers' (X, y) pairs draw X and y from foldIn(k, 'X') and
 * foldIn(k, 'y') of one data key.
 * @example
 * ```ts
 * import { foldIn, key } from '@repro/concentration';
 * import { randomTargets, sphereInputs } from '@repro/nets';
 *
 * const kd = foldIn(key(0), 'data');
 * const X = sphereInputs(foldIn(kd, 'X'), 10, 10); // du2019's and song-yang2019's sphereData(kd, 10, 10)
 * const y = randomTargets(foldIn(kd, 'y'), 10);
 * y.length; // → 10
 * ```
 */
export function randomTargets(k: Key, n: number): Float64Array {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  return Float64Array.from(normal(k, n));
}

/** Options of `teacherTargets`. */
export interface TeacherOptions {
  /** Hidden widths of the teacher (default [] : a linear teacher f(x) = (σ_w/√d)wᵀx + σ_b·b). */
  hidden?: readonly number[];
  /** σ_w and σ_b of the teacher (default σ_w = 1, σ_b = 0). */
  scales?: NtkScales;
  /** Hidden activation (default ReLU). */
  act?: Activation;
  /** Standard deviation of additive N(0, noise²) label noise (default 0). */
  noise?: number;
}

/**
 * Targets from a random teacher: y = f*(X) + noise·ξ, f* an NTK-parameterized MLP [d, …hidden, 1] drawn by
 * `initNtkMlp(foldIn(k, 'teacher'), …)`, ξ ~ N(0, I) from foldIn(k, 'noise'). Realizable targets for convergence
 * experiments (a linear teacher by default).
 * @example
 * ```ts
 * import { key } from '@repro/concentration';
 * import { gaussianInputs, teacherTargets } from '@repro/nets';
 *
 * const X = gaussianInputs(key(1), 6, 4);
 * const y = teacherTargets(key(2), X, { hidden: [32], scales: { wStd: Math.SQRT2, bStd: 0 }, noise: 0.1 });
 * y.length; // → 6
 * ```
 */
export function teacherTargets(k: Key, X: Matrix, opts: TeacherOptions = {}): Float64Array {
  const noise = opts.noise ?? 0;
  if (!(Number.isFinite(noise) && noise >= 0)) throw new RangeError(`noise must be a non-negative number, got ${noise}`);
  const teacher = initNtkMlp(foldIn(k, 'teacher'), [X.cols, ...(opts.hidden ?? []), 1], opts.scales ?? { wStd: 1, bStd: 0 });
  const y = Float64Array.from(ntkMlpForward(teacher, X, opts.act ?? { name: 'relu' }).out.data);
  if (noise > 0) {
    const xi = normal(foldIn(k, 'noise'), X.rows);
    for (let i = 0; i < y.length; i++) y[i] = (y[i] as number) + noise * (xi[i] as number);
  }
  return y;
}
