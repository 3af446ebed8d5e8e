/**
 * Arc-cosine kernels (Cho & Saul 2009) and the two-layer ReLU limits built from them (Du et al. 2019):
 * k_n(x, y) = (1/π)‖x‖ⁿ‖y‖ⁿ J_n(θ), θ = ∠(x, y). One implementation: H∞ and K∞ call `arcCosineKernel`.
 */
import { gram, hadamard, matrix, scale, type Matrix } from '@repro/linalg';

/** Below this |cos θ|, acos is well conditioned (error ≤ ε/sin θ ≈ 5e-16); above it the angle comes from coordinates. */
const ACOS_SAFE = 0.9;

/**
 * J_n(θ) for n = 0..4 (closed forms; J_3, J_4 derived in the cho-saul2009 card):
 * J_0 = π − θ, J_1 = sin θ + (π − θ)cos θ, J_2 = 3 sin θ cos θ + (π − θ)(1 + 2cos²θ).
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

/** θ = arccos(dot/(‖x‖‖y‖)) with the cosine clamped to [−1, 1]; zero-norm input gives θ = π/2 (orthogonal by convention). */
export function safeAngle(dot: number, nx: number, ny: number): number {
  if (nx === 0 || ny === 0) return Math.PI / 2;
  const c = Math.min(1, Math.max(-1, dot / (nx * ny)));
  return Math.acos(c);
}

/**
 * Angle between two vectors from coordinates: θ = 2·atan2(‖x̂ − ŷ‖, ‖x̂ + ŷ‖), accurate to ~ε for every θ (acos loses half
 * the digits near 0 and π).
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
 * θ_ii = 0). Float64. Angles: acos where well conditioned, the coordinate formula otherwise.
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
        const a = nx[i] as number;
        const b = ny[j] as number;
        const c = a === 0 || b === 0 ? 0 : dot / (a * b);
        theta = Math.abs(c) < ACOS_SAFE ? safeAngle(dot, a, b) : angleBetween(xi, yj, a, b);
      }
      const v = ((((nx[i] as number) * (ny[j] as number)) ** n) * arcCosineJ(n, theta)) / Math.PI;
      K.data[i * B.rows + j] = v;
      if (sym) K.data[j * B.rows + i] = v;
    }
  }
  return K;
}

/** Du et al. (2019): H∞_ij = E_w[x_iᵀx_j 1{wᵀx_i ≥ 0, wᵀx_j ≥ 0}] = x_iᵀx_j (π − θ_ij)/(2π) = (XXᵀ) ∘ k_0 / 2. */
export function hInfinity(X: Matrix): Matrix {
  return scale(hadamard(gram(X), arcCosineKernel(0, X)), 0.5);
}

/** K∞_ij = E_w[relu(wᵀx_i) relu(wᵀx_j)] = k_1(x_i, x_j)/2 (the output-layer Gram limit of joint training). */
export function kInfinity(X: Matrix): Matrix {
  return scale(arcCosineKernel(1, X), 0.5);
}
