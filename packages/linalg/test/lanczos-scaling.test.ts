/** Issue 18 regressions: Lanczos on entries beyond 2^±250 (rescaled by a power of two) and its a-posteriori error bound. */
import { describe, expect, it } from 'vitest';
import { extremeEigenvalues, lambdaMax, lambdaMin, lambdaMinRobust, lanczosExtremes, matrix, norm2 } from '../src/index.js';
import { randomSymmetric } from './matrices.js';

function diag(n: number, f: (i: number) => number) {
  const A = matrix(n, n);
  for (let i = 0; i < n; i++) A.data[i * n + i] = f(i);
  return A;
}

describe('Lanczos at extreme scales', () => {
  it('issue example: 1e154·diag(1..65) gives λ_min = 1e154, λ_max = 6.5e155 (was 0 and 3.286e155)', () => {
    const A = diag(65, (i) => 1e154 * (i + 1));
    expect(lambdaMin(A) / 1e154).toBeCloseTo(1, 7);
    expect(lambdaMax(A) / 1e155).toBeCloseTo(6.5, 7);
    expect(norm2(A) / 1e155).toBeCloseTo(6.5, 9);
  });
  it('scales 1e±150, 1e±200, 1e±300 and subnormal: same relative answers as at scale 1, converged, bound scaled too', () => {
    const base = randomSymmetric(90, 18);
    const r1 = lanczosExtremes(base, { tol: 1e-12 });
    for (const s of [1e150, 1e-150, 1e154, 1e-160, 1e200, 1e-200, 1e300, 1e-300]) {
      const A = matrix(90, 90, base.data.map((x) => x * s));
      const r = lanczosExtremes(A, { tol: 1e-12 });
      expect(r.converged).toBe(true);
      expect(Math.abs(r.min / s - r1.min)).toBeLessThan(1e-10 * Math.abs(r1.min));
      expect(Math.abs(r.max / s - r1.max)).toBeLessThan(1e-10 * Math.abs(r1.max));
      expect(r.errorBoundMin / s).toBeGreaterThan(0);
      expect(r.errorBoundMin / s).toBeLessThan(1e-10 * Math.abs(r1.max));
      expect(lambdaMinRobust(A).value / s).toBeCloseTo(r1.min, 6);
    }
    const sub = diag(65, (i) => (i + 1) * 5e-324);
    const rs = lanczosExtremes(sub);
    expect([rs.min, rs.max]).toEqual([5e-324, 65 * 5e-324]);
  });
  it('zero matrix and zero rows: exact 0, bound 0', () => {
    const Z = lanczosExtremes(matrix(70, 70));
    expect([Z.min, Z.max, Z.converged, Z.errorBoundMin]).toEqual([0, 0, true, 0]);
    const D = diag(70, (i) => (i % 3 === 0 ? 0 : i + 1));
    expect(lambdaMin(D)).toBeCloseTo(0, 12);
    expect(lambdaMax(D)).toBeCloseTo(69, 10); // 70 sits at i = 69 ≡ 0 (mod 3): zeroed
  });
});

describe('a-posteriori error bound', () => {
  it('covers the true error and is about tol·‖A‖ at the default tolerance', () => {
    const A = randomSymmetric(200, 19);
    const exact = extremeEigenvalues(A, { prefer: 'dense' });
    const r = lanczosExtremes(A);
    const nrm = Math.max(Math.abs(exact.min), Math.abs(exact.max));
    expect(Math.abs(r.min - exact.min)).toBeLessThanOrEqual(r.errorBoundMin + exact.errorBound.min);
    expect(Math.abs(r.max - exact.max)).toBeLessThanOrEqual(r.errorBoundMax + exact.errorBound.max);
    expect(r.errorBoundMin).toBeLessThan(2e-8 * nrm);
    const m = lambdaMinRobust(A);
    expect(m.solver).toBe('lanczos');
    expect(m.errorBound).toBeGreaterThan(0);
    expect(Math.abs(m.value - exact.min)).toBeLessThanOrEqual(m.errorBound + exact.errorBound.min);
    const e = extremeEigenvalues(A, { tol: 1e-12 });
    expect(e.errorBound.min).toBeLessThan(1e-11 * nrm);
    expect(Math.abs(e.min - exact.min)).toBeLessThanOrEqual(e.errorBound.min + exact.errorBound.min);
  });
  it('dense path (n ≤ 64) reports n·ε·‖A‖_F', () => {
    const A = randomSymmetric(30, 20);
    const r = lanczosExtremes(A);
    expect(r.errorBoundMin).toBeGreaterThan(0);
    expect(r.errorBoundMin).toBe(r.errorBoundMax);
    expect(lambdaMinRobust(A).errorBound).toBe(r.errorBoundMin);
  });
});
