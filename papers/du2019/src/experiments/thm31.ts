import { foldIn, sphere, type Key } from '@repro/concentration';
import { eigvalsh, matrix, type Matrix } from '@repro/linalg';
import { hInf } from '../model.js';
import type { Du2019Config } from '../config.js';
import type { Thm31Trace } from '../trace.js';
import { denseEigErrorBound, hInfinitySpectrum } from './data.js';

/**
 * thm3.1: λ0 > 0 on random sphere data; for a near-parallel pair x₂ = cosθ·x₁ + sinθ·z (z ⟂ x₁ unit), λ0(θ) shrinks like θ
 * and vanishes at θ = 0; the antiparallel case x₂ = −x₁ keeps λ0 > 0. All float64.
 */
export function thm31(cfg: Du2019Config, k: Key): Thm31Trace {
  const n = cfg.thm31N;
  const d = cfg.thm31D;
  if (d < 2 || n < 2) throw new RangeError('thm3.1 needs n ≥ 2 and d ≥ 2 (a pair and an orthogonal direction)');
  const base = sphere(foldIn(k, 'X'), n, d);
  const X0 = matrix(n, d, base);
  const lambda0Random = hInfinitySpectrum(X0).lambda0;
  // z: the unit component of x₂ orthogonal to x₁ (Gram–Schmidt in float64).
  const x1 = base.subarray(0, d);
  const x2 = base.subarray(d, 2 * d);
  const z = new Float64Array(d);
  let dot = 0;
  for (let j = 0; j < d; j++) dot += (x1[j] as number) * (x2[j] as number);
  let zz = 0;
  for (let j = 0; j < d; j++) {
    z[j] = (x2[j] as number) - dot * (x1[j] as number);
    zz += (z[j] as number) ** 2;
  }
  const zn = Math.sqrt(zz);
  for (let j = 0; j < d; j++) z[j] = (z[j] as number) / zn;
  const withSecond = (row: (j: number) => number): Matrix => {
    const data = Float64Array.from(base);
    for (let j = 0; j < d; j++) data[d + j] = row(j);
    return matrix(n, d, data);
  };
  const rayleighBound = cfg.thm31Thetas.map((theta) => 0.5 - (Math.cos(theta) * (Math.PI - theta)) / (2 * Math.PI));
  // Kato–Temple [DER]: for the unit v = (e₁ − e₂)/√2 with Rayleigh quotient ρ (the closed form above, which uses only
  // H∞₁₁ = H∞₂₂ = ½ and H∞₁₂ = cosθ(π − θ)/(2π)) and residual r = ‖H∞v − ρv‖, if ρ < λ₂ then λ0 ≥ ρ − r²/(λ₂ − ρ).
  const lambda0Theta: number[] = [];
  const lambda2Theta: number[] = [];
  const rayleighResidual: number[] = [];
  let errorBound = 0;
  cfg.thm31Thetas.forEach((theta, ti) => {
    const H = hInf(withSecond((j) => Math.cos(theta) * (x1[j] as number) + Math.sin(theta) * (z[j] as number)));
    const ev = eigvalsh(H);
    lambda0Theta.push(ev[0] ?? Number.NaN);
    lambda2Theta.push(ev[1] ?? Number.NaN);
    errorBound = Math.max(errorBound, denseEigErrorBound(H));
    const rho = rayleighBound[ti] as number;
    let rr = 0;
    for (let i = 0; i < n; i++) {
      const hv = ((H.data[i * n] as number) - (H.data[i * n + 1] as number)) / Math.SQRT2;
      const v = i === 0 ? Math.SQRT1_2 : i === 1 ? -Math.SQRT1_2 : 0;
      rr += (hv - rho * v) ** 2;
    }
    rayleighResidual.push(Math.sqrt(rr));
  });
  const lambda0Antipodal = hInfinitySpectrum(withSecond((j) => -(x1[j] as number))).lambda0;
  return { n, d, lambda0Random, thetas: [...cfg.thm31Thetas], lambda0Theta, lambda2Theta, rayleighBound, rayleighResidual, lambda0Antipodal, errorBound };
}
