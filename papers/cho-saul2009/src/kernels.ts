/**
 * Our call sites of the core arc-cosine math (@repro/nets). Clean runs delegate to @repro/nets unchanged; the planted
 * kernel faults (src/faults.ts) perturb the result here, the way the bug would if it lived in the core function.
 */
import { fault } from '@repro/harness';
import { matrix, type Matrix } from '@repro/linalg';
import { arcCosineAngleMap, arcCosineAngleMapInPlace, arcCosineJ, arcCosineKernel, arcCosineLogDiagonal, arcCosineMultilayer, arcCosineMultilayerKernel, assembleKernel, cosineMatrix } from '@repro/nets';

const DOUBLE_FACTORIAL = [1, 1, 3, 15, 105];

/** Additive error of J_n under 'j1-sin2theta' (0 otherwise). */
function jError(n: number, theta: number): number {
  return n === 1 && fault('j1-sin2theta') ? Math.sin(2 * theta) - Math.sin(theta) : 0;
}

/** A planted fault in the kernel math is on (clean runs take the @repro/nets paths unchanged). */
const kernelFault = (): boolean => fault('j1-sin2theta') || fault('kernel-half') || fault('multilayer-norm');

/** The divisor of the kernel's normalization 1/π (2π under 'kernel-half'): k_n = ‖x‖ⁿ‖y‖ⁿJ_n(θ)/kernelPi(). */
export function kernelPi(): number {
  return fault('kernel-half') ? 2 * Math.PI : Math.PI;
}

/** J_n(θ). */
export function J(n: number, theta: number): number {
  return arcCosineJ(n, theta) + jError(n, theta);
}

const clamp = (c: number): number => Math.min(1, Math.max(-1, c));

/** cos θ' = J_n(θ)/J_n(0). */
export function angleMap(n: number, cosTheta: number): number {
  const c = arcCosineAngleMap(n, cosTheta);
  return fault('j1-sin2theta') && n === 1 ? c + jError(n, Math.acos(clamp(cosTheta))) / Math.PI : c;
}

export function angleMapInPlace(n: number, cos: Float64Array): void {
  if (!(fault('j1-sin2theta') && n === 1)) return arcCosineAngleMapInPlace(n, cos);
  for (let i = 0; i < cos.length; i++) cos[i] = angleMap(n, cos[i] as number);
}

/** One layer of log k(x,x): log (2n−1)!! + n·log k (plus the planted faults). */
function logDiagStep(n: number, cur: number): number {
  const power = fault('multilayer-norm') ? 1 : n;
  const base = n === 0 && !fault('multilayer-norm') ? 0 : Math.log(DOUBLE_FACTORIAL[n] as number) + power * cur;
  return base + (fault('kernel-half') ? Math.log(0.5) : 0);
}

/** log k^(ℓ)(x,x), ℓ = 0..L. */
export function logDiagonal(ns: readonly number[], sqNorm: number): number[] {
  if (!(fault('kernel-half') || fault('multilayer-norm'))) return arcCosineLogDiagonal(ns, sqNorm);
  const out = [Math.log(sqNorm)];
  for (const n of ns) out.push(logDiagStep(n, out[out.length - 1] as number));
  return out;
}

/** One-layer kernel matrix k_n(x_i, y_j) = (1/π)‖x_i‖ⁿ‖y_j‖ⁿJ_n(θ_ij). */
export function kernel(n: number, X: Matrix): Matrix {
  const K = arcCosineKernel(n, X);
  if (!(fault('j1-sin2theta') || fault('kernel-half'))) return K;
  const d = X.cols;
  const row = (i: number) => X.data.subarray(i * d, (i + 1) * d);
  const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, v, t) => s + v * (b[t] as number), 0);
  for (let i = 0; i < X.rows; i++)
    for (let j = 0; j < X.rows; j++) {
      const nx = Math.sqrt(dot(row(i), row(i)));
      const ny = Math.sqrt(dot(row(j), row(j)));
      const theta = Math.acos(clamp(dot(row(i), row(j)) / (nx * ny)));
      const idx = i * X.rows + j;
      K.data[idx] = ((K.data[idx] as number) * Math.PI + (nx * ny) ** n * jError(n, theta)) / kernelPi();
    }
  return K;
}

/** Layers ℓ = 0..L of the multilayer recursion for one pair (k(x,x), k(y,y), k(x,y)). */
export function multilayer(ns: readonly number[], kxx: number, kyy: number, kxy: number): { xx: number; yy: number; xy: number }[] {
  if (!kernelFault()) return arcCosineMultilayer(ns, kxx, kyy, kxy);
  const out = [{ xx: kxx, yy: kyy, xy: kxy }];
  let c = clamp(kxy / Math.sqrt(kxx * kyy));
  let lx = Math.log(kxx);
  let ly = Math.log(kyy);
  for (const n of ns) {
    c = angleMap(n, c);
    lx = logDiagStep(n, lx);
    ly = logDiagStep(n, ly);
    out.push({ xx: Math.exp(lx), yy: Math.exp(ly), xy: c * Math.exp((lx + ly) / 2) });
  }
  return out;
}

/** Gram matrix of the multilayer kernel with degrees ns. */
export function multilayerKernel(ns: readonly number[], X: Matrix): Matrix {
  if (!kernelFault()) return arcCosineMultilayerKernel(ns, X);
  const { cos, sqNormX } = cosineMatrix(X);
  for (const n of ns) angleMapInPlace(n, cos.data);
  const last = (v: number): number => logDiagonal(ns, v)[ns.length] as number;
  const logs = Array.from(sqNormX, last);
  return assembleKernel(cos, logs, logs, 0, matrix(X.rows, X.rows));
}
