/**
 * Arc-cosine kernels (Cho & Saul 2009) and the two-layer ReLU limits built from them (Du et al. 2019):
 * k_n(x, y) = (1/π)‖x‖ⁿ‖y‖ⁿ J_n(θ), θ = ∠(x, y). One implementation: H∞ and K∞ call `arcCosineKernel`.
 */
import { gram, hadamard, matmul, matrix, scale, type Matrix } from '@repro/linalg';

/**
 * `arcCosineKernel`'s guard: above this |cos θ| of a dot product summed in a plain loop, the angle comes from coordinates
 * (acos of the cosine has error ≈ ε/sin θ; ≤ 5e-16 below it).
 */
const ACOS_SAFE = 0.9;

/** Above this |cos θ| the Gram-derived cosine is recomputed from coordinates (θ error ≈ ε/sin θ would exceed ~1e-14). */
const NEAR_PARALLEL = 0.9999;

/**
 * J_n(θ) for n = 0..4 (closed forms; J_3, J_4 derived by us [README §Kernel derivations]):
 * J_0 = π − θ, J_1 = sin θ + (π − θ)cos θ, J_2 = 3 sin θ cos θ + (π − θ)(1 + 2cos²θ).
 * @example
 * ```ts
 * import { arcCosineJ } from '@repro/nets';
 *
 * arcCosineJ(1, 0); // → 3.14159265 (J_1(0) = π)
 * arcCosineJ(0, Math.PI / 2); // → 1.57079633 (J_0(θ) = π − θ)
 * ```
 */
export function arcCosineJ(n: number, theta: number): number {
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const t = Math.PI - theta;
  switch (n) {
    case 0:
      return t;
    case 1:
      return s + t * c;
    case 2:
      return 3 * s * c + t * (1 + 2 * c * c);
    case 3:
      return t * (6 * c ** 3 + 9 * c) + s * (4 + 11 * c * c);
    case 4:
      return t * (24 * c ** 4 + 72 * c * c + 9) + s * c * (55 + 50 * c * c);
    default:
      throw new RangeError(`arcCosineJ: degree n must be an integer in 0..4, got ${n}`);
  }
}

/**
 * Angle between two vectors from coordinates: θ = 2·atan2(‖x̂ − ŷ‖, ‖x̂ + ŷ‖), accurate to ~ε for every θ (acos loses half
 * the digits near 0 and π).
 * @example
 * ```ts
 * import { angleBetween } from '@repro/nets';
 *
 * angleBetween([1, 0], [1, 1], 1, Math.SQRT2); // → 0.78539816
 * angleBetween([1, 0], [1, 1e-9], 1, 1); // → 1e-9 (acos(cos θ) would give 0)
 * ```
 */
export function angleBetween(x: ArrayLike<number>, y: ArrayLike<number>, nx: number, ny: number): number {
  if (nx === 0 || ny === 0) return Math.PI / 2;
  let dm = 0;
  let dp = 0;
  for (let k = 0; k < x.length; k++) {
    const a = (x[k] as number) / nx;
    const b = (y[k] as number) / ny;
    dm += (a - b) ** 2;
    dp += (a + b) ** 2;
  }
  return 2 * Math.atan2(Math.sqrt(dm), Math.sqrt(dp));
}

/**
 * The angle recipe of this package: θ ∈ [0, π] between x and y from their dot product where that is well conditioned,
 * θ = arccos(dot/(‖x‖‖y‖)) (cosine clamped to [−1, 1]), and from coordinates (`angleBetween`) where |cos θ| > `acosMax`
 * (acos of a rounded cosine loses half the digits near 0 and π: x = y would get θ ≈ 1e-8 instead of 0). A zero-norm input
 * gives π/2 (orthogonal by convention). `acosMax`: 0.9999 for cosines from a float64 GEMM (`angleMatrix`, the default), 0.9
 * in `arcCosineKernel`. Every angle between inputs in this package comes from here.
 * @example
 * ```ts
 * import { guardedAngle } from '@repro/nets';
 *
 * guardedAngle([1, 0], [1, 1], 1, Math.SQRT2, 1); // → 0.78539816 (π/4, by acos)
 * guardedAngle([1, 0], [1, 1e-9], 1, 1, 1); // → 1e-9 (near-parallel: from coordinates; acos would give 0)
 * guardedAngle([0, 0], [1, 1], 0, Math.SQRT2, 0); // → 1.57079633 (zero-norm input: π/2)
 * ```
 */
export function guardedAngle(x: ArrayLike<number>, y: ArrayLike<number>, nx: number, ny: number, dot: number, acosMax: number = NEAR_PARALLEL): number {
  if (nx === 0 || ny === 0) return Math.PI / 2;
  const c = dot / (nx * ny);
  return Math.abs(c) > acosMax ? angleBetween(x, y, nx, ny) : Math.acos(Math.min(1, Math.max(-1, c)));
}

function rowNorms(X: Matrix): Float64Array {
  const out = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    let s = 0;
    for (let j = 0; j < X.cols; j++) s += (X.data[i * X.cols + j] as number) ** 2;
    out[i] = Math.sqrt(s);
  }
  return out;
}

/**
 * Gram matrix of the arc-cosine kernel k_n between the rows of X and of Y (default Y = X; then exactly symmetric with
 * θ_ii = 0). Float64. Angles by `guardedAngle` (acos where |cos θ| ≤ 0.9, the coordinate formula beyond).
 * @example
 * ```ts
 * import { matrix } from '@repro/linalg';
 * import { arcCosineKernel } from '@repro/nets';
 *
 * const X = matrix(2, 2, [1, 0, 0, 1]); // two orthogonal unit inputs
 * arcCosineKernel(1, X).data; // → [1, 0.31830989, 0.31830989, 1] (k_1 = (1/π)‖x‖‖y‖J_1(θ))
 * arcCosineKernel(0, X).data; // → [1, 0.5, 0.5, 1] (k_0 = 1 − θ/π)
 * ```
 */
export function arcCosineKernel(n: number, X: Matrix, Y?: Matrix): Matrix {
  const B = Y ?? X;
  if (B.cols !== X.cols) throw new RangeError(`arcCosineKernel: dimensions differ (${X.cols} vs ${B.cols})`);
  const nx = rowNorms(X);
  const ny = Y === undefined ? nx : rowNorms(B);
  const d = X.cols;
  const K = matrix(X.rows, B.rows);
  const sym = Y === undefined;
  for (let i = 0; i < X.rows; i++) {
    const xi = X.data.subarray(i * d, (i + 1) * d);
    for (let j = sym ? i : 0; j < B.rows; j++) {
      const yj = B.data.subarray(j * d, (j + 1) * d);
      let theta: number;
      if (sym && i === j) theta = 0;
      else {
        let dot = 0;
        for (let k = 0; k < d; k++) dot += (xi[k] as number) * (yj[k] as number);
        theta = guardedAngle(xi, yj, nx[i] as number, ny[j] as number, dot, ACOS_SAFE);
      }
      const v = ((((nx[i] as number) * (ny[j] as number)) ** n) * arcCosineJ(n, theta)) / Math.PI;
      K.data[i * B.rows + j] = v;
      if (sym) K.data[j * B.rows + i] = v;
    }
  }
  return K;
}

/**
 * Du et al. (2019): H∞_ij = E_w[x_iᵀx_j 1{wᵀx_i ≥ 0, wᵀx_j ≥ 0}] = x_iᵀx_j (π − θ_ij)/(2π) = (XXᵀ) ∘ k_0 / 2.
 * @example
 * ```ts
 * import { matrix } from '@repro/linalg';
 * import { hInfinity } from '@repro/nets';
 *
 * const X = matrix(2, 2, [1, 0, Math.SQRT1_2, Math.SQRT1_2]); // unit inputs at θ = π/4
 * hInfinity(X).data; // → [0.5, 0.26516504, 0.26516504, 0.5] (off-diagonal: cos θ·(π − θ)/(2π))
 * ```
 */
export function hInfinity(X: Matrix): Matrix {
  return scale(hadamard(gram(X), arcCosineKernel(0, X)), 0.5);
}

/**
 * K∞_ij = E_w[relu(wᵀx_i) relu(wᵀx_j)] = k_1(x_i, x_j)/2 (the output-layer Gram limit of joint training).
 * @example
 * ```ts
 * import { matrix } from '@repro/linalg';
 * import { kInfinity } from '@repro/nets';
 *
 * const X = matrix(2, 2, [1, 0, 0, 1]);
 * kInfinity(X).data; // → [0.5, 0.15915494, 0.15915494, 0.5] (k_1/2: 1/(2π) off the diagonal)
 * ```
 */
export function kInfinity(X: Matrix): Matrix {
  return scale(arcCosineKernel(1, X), 0.5);
}

/** (2n − 1)!! for n = 0..4: J_n(0)/π, so k_n(x, x) = (2n − 1)!!·‖x‖²ⁿ [README §Kernel derivations]. */
const DOUBLE_FACTORIAL = [1, 1, 3, 15, 105] as const;


function checkDegree(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || n > 4) throw new RangeError(`${what}: degree n must be an integer in 0..4, got ${n}`);
}

/**
 * Threshold-power unit of Cho & Saul (2009): g_n(z) = Θ(z)·zⁿ (n = 0 step, 1 ramp/ReLU, 2 quarter-pipe); Θ(0) = 0.
 * k_n(x, y) = 2·E_w[g_n(wᵀx) g_n(wᵀy)], w ~ N(0, I).
 * @example
 * ```ts
 * import { arcCosineActivation } from '@repro/nets';
 *
 * arcCosineActivation(1, 2.5); // → 2.5 (ReLU)
 * arcCosineActivation(2, 3); // → 9
 * arcCosineActivation(0, 0); // → 0 (Θ(0) = 0)
 * ```
 */
export function arcCosineActivation(n: number, z: number): number {
  if (!(z > 0)) return 0;
  return n === 0 ? 1 : n === 1 ? z : z ** n;
}

/**
 * One layer of the arc-cosine recursion in angle space: cos θ⁽ℓ⁺¹⁾ = J_n(θ⁽ℓ⁾)/J_n(0) (Cho & Saul 2009, §2.2; the norms
 * factor out). Input clamped to [−1, 1]; sin θ = √(1 − c²) (clamped sqrt), so only one acos per call.
 * @example
 * ```ts
 * import { arcCosineAngleMap } from '@repro/nets';
 *
 * arcCosineAngleMap(0, 0); // → 0.5 (orthogonal inputs: θ′ = π/3 after a step layer)
 * arcCosineAngleMap(1, 0); // → 0.31830989 (1/π after a ReLU layer)
 * arcCosineAngleMap(1, 1); // → 1
 * ```
 */
export function arcCosineAngleMap(n: number, cosTheta: number): number {
  const c = Math.min(1, Math.max(-1, cosTheta));
  if (c === 1) return 1;
  const t = Math.PI - Math.acos(c);
  const s = Math.sqrt(Math.max(0, (1 - c) * (1 + c)));
  switch (n) {
    case 0:
      return t / Math.PI;
    case 1:
      return (s + t * c) / Math.PI;
    case 2:
      return (3 * s * c + t * (1 + 2 * c * c)) / (3 * Math.PI);
    default:
      checkDegree(n, 'arcCosineAngleMap');
      return arcCosineJ(n, Math.PI - t) / arcCosineJ(n, 0);
  }
}

/**
 * In place over an array of cosines: one recursion layer of degree n (see `arcCosineAngleMap`).
 * @example
 * ```ts
 * import { arcCosineAngleMapInPlace } from '@repro/nets';
 *
 * const cos = Float64Array.of(1, 0);
 * arcCosineAngleMapInPlace(1, cos);
 * cos; // → [1, 0.31830989]
 * ```
 */
export function arcCosineAngleMapInPlace(n: number, cos: Float64Array): void {
  checkDegree(n, 'arcCosineAngleMapInPlace');
  // One loop per degree with `arcCosineAngleMap`'s arithmetic verbatim (the same numbers, bit for bit; a unit test
  // compares them): no per-element dispatch on n in the kernel recursions' hot loop.
  const len = cos.length;
  switch (n) {
    case 0:
      for (let i = 0; i < len; i++) {
        const c = Math.min(1, Math.max(-1, cos[i] as number));
        cos[i] = c === 1 ? 1 : (Math.PI - Math.acos(c)) / Math.PI;
      }
      return;
    case 1:
    case 2: {
      const two = n === 2; // loop-invariant: the branch below always goes the same way
      for (let i = 0; i < len; i++) {
        const c = Math.min(1, Math.max(-1, cos[i] as number));
        if (c === 1) {
          cos[i] = 1;
          continue;
        }
        const t = Math.PI - Math.acos(c);
        const s = Math.sqrt(Math.max(0, (1 - c) * (1 + c)));
        cos[i] = two ? (3 * s * c + t * (1 + 2 * c * c)) / (3 * Math.PI) : (s + t * c) / Math.PI;
      }
      return;
    }
    default:
      for (let i = 0; i < len; i++) cos[i] = arcCosineAngleMap(n, cos[i] as number);
  }
}

/** Below this θ the deficit J_n(0) − J_n(θ) comes from its Taylor series (the closed form cancels: relative error ε/θ²). */
const DEFICIT_SERIES_MAX = 1;
/** Terms of the deficit series: the coefficients fall like 1/k!, so θ^k/k! < 1e-32 for k ≥ 30 and θ < 1. */
const DEFICIT_TERMS = 32;

/** Power series (coefficient k of θ^k) products and sums, truncated at DEFICIT_TERMS. */
function seriesMul(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(DEFICIT_TERMS);
  for (let i = 0; i < DEFICIT_TERMS; i++) {
    const ai = a[i] as number;
    if (ai === 0) continue;
    for (let j = 0; i + j < DEFICIT_TERMS; j++) out[i + j] = (out[i + j] as number) + ai * (b[j] as number);
  }
  return out;
}
function seriesLin(terms: [number, Float64Array][]): Float64Array {
  const out = new Float64Array(DEFICIT_TERMS);
  for (const [c, a] of terms) for (let k = 0; k < DEFICIT_TERMS; k++) out[k] = (out[k] as number) + c * (a[k] as number);
  return out;
}

/**
 * Taylor coefficients of D_n(θ) = J_n(0) − J_n(θ), n = 0..4, built once from the series of cos, sin and π − θ by the
 * closed forms of `arcCosineJ` (coefficient 0 set to exactly 0). Rounding in the coefficients is relative to the O(1)
 * leading terms, so D_n(θ) = Σ_k d_k θ^k keeps full relative accuracy as θ → 0.
 */
const DEFICIT_SERIES: readonly Float64Array[] = (() => {
  const c = new Float64Array(DEFICIT_TERMS);
  const s = new Float64Array(DEFICIT_TERMS);
  let f = 1;
  for (let k = 0; k < DEFICIT_TERMS; k++) {
    if (k > 0) f *= k;
    if (k % 2 === 0) c[k] = (k % 4 === 0 ? 1 : -1) / f;
    else s[k] = (k % 4 === 1 ? 1 : -1) / f;
  }
  const t = new Float64Array(DEFICIT_TERMS);
  t[0] = Math.PI;
  t[1] = -1;
  const one = new Float64Array(DEFICIT_TERMS);
  one[0] = 1;
  const c2 = seriesMul(c, c);
  const c3 = seriesMul(c2, c);
  const c4 = seriesMul(c2, c2);
  const J = [
    t,
    seriesLin([[1, s], [1, seriesMul(t, c)]]),
    seriesLin([[3, seriesMul(s, c)], [1, seriesMul(t, seriesLin([[1, one], [2, c2]]))]]),
    seriesLin([[1, seriesMul(t, seriesLin([[6, c3], [9, c]]))], [1, seriesMul(s, seriesLin([[4, one], [11, c2]]))]]),
    seriesLin([[1, seriesMul(t, seriesLin([[24, c4], [72, c2], [9, one]]))], [1, seriesMul(seriesMul(s, c), seriesLin([[55, one], [50, c2]]))]]),
  ];
  return J.map((j) => {
    const d = j.map((x) => -x);
    d[0] = 0;
    return d;
  });
})();

/**
 * D_n(θ) = J_n(0) − J_n(θ) ≥ 0 to full relative accuracy for every θ ∈ [0, π]: Taylor series below θ = 1 (the closed forms
 * cancel there: J_n(0) − J_n(θ) ≈ c·θ²), the closed forms above. D_n(0) = 0 exactly.
 * @example
 * ```ts
 * import { arcCosineJ, arcCosineJDeficit } from '@repro/nets';
 *
 * arcCosineJDeficit(1, 1e-6); // → 1.57079599e-12 (≈ πθ²/2 − θ³/3, full relative accuracy)
 * arcCosineJ(1, 0) - arcCosineJ(1, 1e-6); // the difference of the closed forms keeps only ~4 digits of it
 * ```
 */
export function arcCosineJDeficit(n: number, theta: number): number {
  checkDegree(n, 'arcCosineJDeficit');
  if (n === 0) return theta;
  if (theta >= DEFICIT_SERIES_MAX) return arcCosineJ(n, 0) - arcCosineJ(n, theta);
  const d = DEFICIT_SERIES[n] as Float64Array;
  let acc = 0;
  for (let k = DEFICIT_TERMS - 1; k >= 1; k--) acc = acc * theta + (d[k] as number);
  return acc * theta;
}

/**
 * One layer of the arc-cosine recursion in angle space, θ ↦ θ′ with cos θ′ = J_n(θ)/J_n(0), computed without passing
 * through the cosine: 1 − cos θ′ = D_n(θ)/J_n(0) (`arcCosineJDeficit`), θ′ = 2·asin(√((1 − cos θ′)/2)). Since
 * J_n ≥ 0, θ′ ∈ [0, π/2] and the asin is well conditioned; θ = 0 maps to exactly 0 and small angles keep their relative
 * accuracy (a degree-0 layer maps θ ≈ 1e-12 to ≈ √(2θ/π) ≈ 8e-7, which the cosine form cannot represent: cos θ = 1).
 * @example
 * ```ts
 * import { arcCosineThetaMap } from '@repro/nets';
 *
 * arcCosineThetaMap(0, Math.PI / 2); // → 1.04719755 (π/3)
 * arcCosineThetaMap(0, 0); // → 0
 * arcCosineThetaMap(0, 1e-12); // → 7.9788456e-7 (√(2θ/π); the cosine form would give 0)
 * ```
 */
export function arcCosineThetaMap(n: number, theta: number): number {
  checkDegree(n, 'arcCosineThetaMap');
  const t = Math.min(Math.PI, Math.max(0, theta));
  const oneMinusCos = arcCosineJDeficit(n, t) / arcCosineJ(n, 0);
  return 2 * Math.asin(Math.sqrt(Math.min(1, Math.max(0, oneMinusCos / 2))));
}

/**
 * In place over an array of angles: one recursion layer of degree n (see `arcCosineThetaMap`).
 * @example
 * ```ts
 * import { arcCosineThetaMapInPlace } from '@repro/nets';
 *
 * const theta = Float64Array.of(0, Math.PI / 2);
 * arcCosineThetaMapInPlace(0, theta);
 * theta; // → [0, 1.04719755]
 * ```
 */
export function arcCosineThetaMapInPlace(n: number, theta: Float64Array): void {
  checkDegree(n, 'arcCosineThetaMapInPlace');
  for (let i = 0; i < theta.length; i++) theta[i] = arcCosineThetaMap(n, theta[i] as number);
}

/**
 * log k⁽ℓ⁾(x, x) for ℓ = 0..L (index ℓ) of the multilayer kernel with degrees ns = [n₁, …, n_L]:
 * log k⁽ℓ⁾(x,x) = log (2n_ℓ − 1)!! + n_ℓ·log k⁽ℓ⁻¹⁾(x,x), k⁽⁰⁾(x,x) = ‖x‖². Carried in logs: the n = 2 diagonal grows like
 * 3^{2^ℓ−1}‖x‖^{2^{ℓ+1}} and overflows float64 at ℓ = 7 for ‖x‖² ≈ 88 [README §Kernel derivations]. A zero row gives −∞ (n ≥ 1) and is
 * rejected for n = 0 (no angle, k_0 undefined).
 * @example
 * ```ts
 * import { arcCosineLogDiagonal } from '@repro/nets';
 *
 * arcCosineLogDiagonal([2], 2); // → [0.69314718, 2.48490665] (ln 2, ln(3·2²))
 * arcCosineLogDiagonal([1, 1], 2); // → [0.69314718, 0.69314718, 0.69314718] (n = 1 keeps the norm)
 * ```
 */
export function arcCosineLogDiagonal(ns: readonly number[], sqNorm: number): number[] {
  const out = [Math.log(sqNorm)];
  let cur = out[0] as number;
  for (const n of ns) {
    checkDegree(n, 'arcCosineLogDiagonal');
    if (n === 0 && cur === Number.NEGATIVE_INFINITY) throw new RangeError('arc-cosine kernel of degree 0 is undefined at x = 0 (no angle)');
    cur = n === 0 ? 0 : Math.log(DOUBLE_FACTORIAL[n] as number) + n * cur;
    out.push(cur);
  }
  return out;
}

/**
 * The multilayer arc-cosine kernel k⁽ᴸ⁾(x, y) in the paper's scalar form (Cho & Saul 2009, eq. for Φ_n∘…∘Φ_n):
 * k⁽ℓ⁺¹⁾ = (1/π)·[k⁽ℓ⁾(x,x) k⁽ℓ⁾(y,y)]^{n/2}·J_n(θ⁽ℓ⁾), θ⁽ℓ⁾ = arccos(k⁽ℓ⁾(x,y)/√(k⁽ℓ⁾(x,x)k⁽ℓ⁾(y,y))), from k⁽⁰⁾ = inner
 * products. Returns all layers {xx, yy, xy} (index ℓ = 0..L). √kxx·√kyy, never √(kxx·kyy), so it overflows only when a
 * value itself does. Float64 scalars; degrees may differ per layer.
 * @example
 * ```ts
 * import { arcCosineMultilayer } from '@repro/nets';
 *
 * // orthogonal unit inputs (k⁽⁰⁾: xx = yy = 1, xy = 0), one ReLU layer
 * arcCosineMultilayer([1], 1, 1, 0); // → [{ xx: 1, yy: 1, xy: 0 }, { xx: 1, yy: 1, xy: 0.31830989 }]
 * ```
 */
export function arcCosineMultilayer(ns: readonly number[], kxx: number, kyy: number, kxy: number): { xx: number; yy: number; xy: number }[] {
  const out = [{ xx: kxx, yy: kyy, xy: kxy }];
  let xx = kxx;
  let yy = kyy;
  // θ⁽⁰⁾ from the inputs (the only cosine taken), then carried in angle space: recomputing it from the rounded layer values
  // gave θ ≈ 2e-8 for x = y (√2·√2 ≠ 2), which each degree-0 layer inflates to ≈ √(2θ/π).
  let theta = inputAngle(kxx, kyy, kxy);
  for (const n of ns) {
    checkDegree(n, 'arcCosineMultilayer');
    const rx = Math.sqrt(xx);
    const ry = Math.sqrt(yy);
    const nx = (rx * rx) ** n;
    const ny = (ry * ry) ** n;
    xx = (nx * arcCosineJ(n, 0)) / Math.PI;
    yy = (ny * arcCosineJ(n, 0)) / Math.PI;
    const xy = ((rx ** n) * (ry ** n) * arcCosineJ(n, theta)) / Math.PI;
    out.push({ xx, yy, xy });
    theta = xx === 0 || yy === 0 ? Math.PI / 2 : arcCosineThetaMap(n, theta);
  }
  return out;
}

/**
 * θ = arccos(kxy/√(kxx·kyy)) with √(kxx·kyy) formed as one product and one square root (scaled by a power of two, so it
 * neither over- nor underflows): then kxx = kyy = kxy gives exactly cos θ = 1 (√(fl(a²)) = a in binary floating point),
 * where √kxx·√kyy rounds above kxy. Zero norm: π/2 (the `guardedAngle` convention). The one angle taken from scalar kernel values
 * (no coordinates to fall back on): `guardedAngle` is the recipe wherever the inputs themselves are at hand.
 */
function inputAngle(kxx: number, kyy: number, kxy: number): number {
  if (kxx === 0 || kyy === 0) return Math.PI / 2;
  const ex = Math.round(Math.log2(kxx) / 2);
  const ey = Math.round(Math.log2(kyy) / 2);
  // kxx·4^−ex ∈ [½, 2]: the product of the scaled values is in range; √ of it times 2^(ex+ey) is √(kxx·kyy).
  const sx = kxx * 2 ** -ex * 2 ** -ex;
  const sy = kyy * 2 ** -ey * 2 ** -ey;
  const c = (kxy * 2 ** -ex * 2 ** -ey) / Math.sqrt(sx * sy);
  return Math.acos(Math.min(1, Math.max(-1, c)));
}

/**
 * Cosines between the rows of X and of Y (default Y = X): cos θ_ij = x_iᵀy_j/(‖x_i‖‖y_j‖) from a float64 GEMM, with the
 * coordinate formula (`angleBetween`) where |cos| > 0.9999 (acos of a Gram-derived cosine loses digits near 0 and π) and
 * exactly 1 on the diagonal when Y = X. Zero rows get cos = 0. Also returns the squared row norms. Shapes: X n×d, Y m×d.
 * @example
 * ```ts
 * import { matrix } from '@repro/linalg';
 * import { cosineMatrix } from '@repro/nets';
 *
 * const { cos, sqNormX } = cosineMatrix(matrix(2, 2, [1, 0, 1, 1]));
 * cos.data; // → [1, 0.70710678, 0.70710678, 1]
 * sqNormX; // → [1, 2]
 * ```
 */
export function cosineMatrix(X: Matrix, Y?: Matrix): { cos: Matrix; sqNormX: Float64Array; sqNormY: Float64Array } {
  const B = Y ?? X;
  if (B.cols !== X.cols) throw new RangeError(`cosineMatrix: dimensions differ (${X.cols} vs ${B.cols})`);
  const G = Y === undefined ? gram(X) : matmul(X, B, { transB: true });
  const nx = rowNorms(X);
  const ny = Y === undefined ? nx : rowNorms(B);
  const d = X.cols;
  const m = B.rows;
  for (let i = 0; i < X.rows; i++) {
    const a = nx[i] as number;
    for (let j = 0; j < m; j++) {
      const b = ny[j] as number;
      const idx = i * m + j;
      if (Y === undefined && i === j) {
        G.data[idx] = a === 0 ? 0 : 1;
        continue;
      }
      if (a === 0 || b === 0) {
        G.data[idx] = 0;
        continue;
      }
      let c = (G.data[idx] as number) / (a * b);
      if (Math.abs(c) > NEAR_PARALLEL) c = Math.cos(angleBetween(X.data.subarray(i * d, (i + 1) * d), B.data.subarray(j * d, (j + 1) * d), a, b));
      G.data[idx] = Math.min(1, Math.max(-1, c));
    }
  }
  const sq = (v: Float64Array): Float64Array => v.map((r) => r * r);
  const sqNormX = sq(nx);
  return { cos: G, sqNormX, sqNormY: Y === undefined ? sqNormX : sq(ny) };
}

/**
 * Angles θ_ij ∈ [0, π] between the rows of X and of Y (default Y = X), as `cosineMatrix` but kept as angles (`guardedAngle`
 * on the Gram-derived dot products): acos where |cos| ≤ 0.9999, the coordinate formula (`angleBetween`) beyond, exactly 0 on the diagonal when
 * Y = X. Angles below ~1e-8 survive (their cosine rounds to 1). Zero rows get π/2. Also returns the squared row norms.
 * @example
 * ```ts
 * import { matrix } from '@repro/linalg';
 * import { angleMatrix } from '@repro/nets';
 *
 * const { theta } = angleMatrix(matrix(2, 2, [1, 0, 1, 1]));
 * theta.data; // → [0, 0.78539816, 0.78539816, 0]
 * ```
 */
export function angleMatrix(X: Matrix, Y?: Matrix): { theta: Matrix; sqNormX: Float64Array; sqNormY: Float64Array } {
  const B = Y ?? X;
  if (B.cols !== X.cols) throw new RangeError(`angleMatrix: dimensions differ (${X.cols} vs ${B.cols})`);
  const G = Y === undefined ? gram(X) : matmul(X, B, { transB: true });
  const nx = rowNorms(X);
  const ny = Y === undefined ? nx : rowNorms(B);
  const d = X.cols;
  const m = B.rows;
  for (let i = 0; i < X.rows; i++) {
    const a = nx[i] as number;
    for (let j = 0; j < m; j++) {
      const b = ny[j] as number;
      const idx = i * m + j;
      if (a === 0 || b === 0) G.data[idx] = Math.PI / 2;
      else if (Y === undefined && i === j) G.data[idx] = 0;
      else G.data[idx] = guardedAngle(X.data.subarray(i * d, (i + 1) * d), B.data.subarray(j * d, (j + 1) * d), a, b, G.data[idx] as number, NEAR_PARALLEL);
    }
  }
  const sq = (v: Float64Array): Float64Array => v.map((r) => r * r);
  const sqNormX = sq(nx);
  return { theta: G, sqNormX, sqNormY: Y === undefined ? sqNormX : sq(ny) };
}

/**
 * K_ij = exp((logDx_i + logDy_j)/2)·cos_ij: a kernel matrix from its angle-space form (cosines after the recursion and the
 * log-diagonals), without forming √(kxx·kyy). `scaleLog` subtracts a constant from every log (K·e^{−scaleLog}), to keep a
 * deep n = 2 kernel in range; rescaling a kernel by a constant is the same as rescaling an SVM's C.
 * @example
 * ```ts
 * import { matrix } from '@repro/linalg';
 * import { assembleKernel } from '@repro/nets';
 *
 * const cos = matrix(2, 2, [1, 0.5, 0.5, 1]);
 * const logD = [0, Math.log(4)]; // k(x₁, x₁) = 1, k(x₂, x₂) = 4
 * assembleKernel(cos, logD, logD).data; // → [1, 1, 1, 4]
 * assembleKernel(cos, logD, logD, Math.log(2)).data; // → [0.5, 0.5, 0.5, 2] (K/2)
 * ```
 */
export function assembleKernel(cos: Matrix, logDx: ArrayLike<number>, logDy: ArrayLike<number>, scaleLog = 0, out?: Matrix): Matrix {
  if (logDx.length !== cos.rows || logDy.length !== cos.cols) throw new RangeError('assembleKernel: diagonal lengths do not match the cosine matrix');
  const K = out ?? matrix(cos.rows, cos.cols);
  const m = cos.cols;
  const hy = new Float64Array(m);
  for (let j = 0; j < m; j++) hy[j] = (logDy[j] as number) / 2;
  for (let i = 0; i < cos.rows; i++) {
    const hx = (logDx[i] as number) / 2 - scaleLog;
    for (let j = 0; j < m; j++) {
      const c = cos.data[i * m + j] as number;
      K.data[i * m + j] = c === 0 ? 0 : Math.exp(hx + (hy[j] as number)) * c;
    }
  }
  return K;
}

/**
 * Gram matrix of the multilayer arc-cosine kernel k⁽ᴸ⁾ with degrees ns = [n₁, …, n_L] between the rows of X and Y (default
 * Y = X; then exactly symmetric). Float64, via the angle-space recursion (cos θ⁽ℓ⁺¹⁾ = J_n(θ⁽ℓ⁾)/J_n(0)) and log-diagonals,
 * so no intermediate overflows; the result overflows only if k⁽ᴸ⁾ itself does. ns = [n] is k_n (`arcCosineKernel`). The
 * recursion runs on angles (`angleMatrix`, `arcCosineThetaMap`), not cosines, so near-parallel rows keep their angle.
 * @example
 * ```ts
 * import { matrix } from '@repro/linalg';
 * import { arcCosineKernel, arcCosineMultilayerKernel } from '@repro/nets';
 *
 * const X = matrix(2, 2, [1, 0, 0, 1]);
 * arcCosineMultilayerKernel([1], X).data; // → [1, 0.31830989, 0.31830989, 1] (= arcCosineKernel(1, X))
 * arcCosineMultilayerKernel([1, 1], X).data[1]; // → 0.49373109 (two ReLU layers)
 * ```
 */
export function arcCosineMultilayerKernel(ns: readonly number[], X: Matrix, Y?: Matrix): Matrix {
  // Angle space throughout (issue 18): a cosine matrix rounds angles below ~1e-8 to 0, which degree-0 layers then miss.
  const { theta, sqNormX, sqNormY } = angleMatrix(X, Y);
  for (const n of ns) arcCosineThetaMapInPlace(n, theta.data);
  const cos = theta;
  for (let i = 0; i < cos.data.length; i++) cos.data[i] = Math.cos(theta.data[i] as number);
  const last = (v: number): number => arcCosineLogDiagonal(ns, v)[ns.length] as number;
  return assembleKernel(cos, Array.from(sqNormX, last), Array.from(sqNormY, last));
}

/**
 * Gaussian RBF kernel K_ij = exp(−γ‖x_i − y_j‖²) between the rows of X and Y (default Y = X; then unit diagonal, exactly
 * symmetric). ‖x − y‖² = ‖x‖² + ‖y‖² − 2xᵀy from a float64 GEMM, clamped at 0. The SVM baseline of Cho & Saul (2009).
 * @example
 * ```ts
 * import { matrix } from '@repro/linalg';
 * import { rbfKernel } from '@repro/nets';
 *
 * rbfKernel(matrix(2, 2, [0, 0, 1, 1]), 0.5).data; // → [1, 0.36787944, 0.36787944, 1] (e^{−0.5·2})
 * ```
 */
export function rbfKernel(X: Matrix, gamma: number, Y?: Matrix): Matrix {
  if (!(gamma > 0) || !Number.isFinite(gamma)) throw new RangeError(`rbfKernel: gamma must be positive and finite, got ${gamma}`);
  const B = Y ?? X;
  if (B.cols !== X.cols) throw new RangeError(`rbfKernel: dimensions differ (${X.cols} vs ${B.cols})`);
  const G = Y === undefined ? gram(X) : matmul(X, B, { transB: true });
  const sx = rowNorms(X).map((r) => r * r);
  const sy = Y === undefined ? sx : rowNorms(B).map((r) => r * r);
  return rbfFromGram(G, sx, sy, gamma, Y === undefined);
}

/**
 * exp(−γ·max(0, sx_i + sy_j − 2G_ij)) in place over G (inner products X·Yᵀ with squared norms sx, sy); `symmetric`
 * sets the diagonal to exactly 1. Lets one GEMM serve a whole γ grid (copy G first).
 * @example
 * ```ts
 * import { gram, matrix } from '@repro/linalg';
 * import { rbfFromGram } from '@repro/nets';
 *
 * const X = matrix(2, 2, [0, 0, 1, 1]);
 * const G = gram(X);
 * const sq = [0, 2]; // squared row norms
 * for (const gamma of [0.5, 1]) {
 *   const K = rbfFromGram({ ...G, data: G.data.slice() }, sq, sq, gamma, true); // a copy per γ
 *   console.log(gamma, K.data[1]); // 0.5 0.36787944…, then 1 0.13533528…
 * }
 * ```
 */
export function rbfFromGram(G: Matrix, sx: ArrayLike<number>, sy: ArrayLike<number>, gamma: number, symmetric = false): Matrix {
  const m = G.cols;
  for (let i = 0; i < G.rows; i++)
    for (let j = 0; j < m; j++) {
      const idx = i * m + j;
      G.data[idx] = symmetric && i === j ? 1 : Math.exp(-gamma * Math.max(0, (sx[i] as number) + (sy[j] as number) - 2 * (G.data[idx] as number)));
    }
  return G;
}
