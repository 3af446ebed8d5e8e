import { describe, expect, it } from 'vitest';
import { EIGEN_SOLVER, describeSolver, eigvalsh, extremeEigenvalues, lambdaMinRobust, matrix, minEigenvalue } from '../src/index.js';
import { randomSymmetric } from './matrices.js';


describe('extremeEigenvalues / lambdaMinRobust', () => {
  const A = randomSymmetric(300, 5);
  const ev = eigvalsh(A);
  const lo = ev[0] as number;
  const hi = ev[ev.length - 1] as number;
  const scale = Math.max(Math.abs(lo), Math.abs(hi));

  it('prefer lanczos answers with Lanczos, prefer dense with eigvalsh; both agree with eigvalsh', () => {
    const k = extremeEigenvalues(A, { tol: 1e-12 });
    expect(k.solver).toBe('lanczos');
    expect(Math.abs(k.min - lo)).toBeLessThan(1e-10 * scale);
    expect(Math.abs(k.max - hi)).toBeLessThan(1e-10 * scale);
    const d = extremeEigenvalues(A, { prefer: 'dense' });
    expect(d).toEqual({ min: lo, max: hi, solver: 'eigvalsh', errorBound: { min: expect.any(Number), max: expect.any(Number) } });
    const m = lambdaMinRobust(A, { tol: 1e-12 });
    expect(m.solver).toBe('lanczos');
    expect(Math.abs(m.value - lo)).toBeLessThan(1e-10 * scale);
  });

  it('falls back to eigvalsh when Lanczos cannot meet its tolerance in its Krylov budget', () => {
    const B = randomSymmetric(600, 6); // default budget min(n, 500) < n: no exact breakdown, tol 1e-30 unreachable
    const ref = eigvalsh(B);
    expect(lambdaMinRobust(B, { tol: 1e-30 })).toEqual({ value: ref[0], solver: EIGEN_SOLVER.eigvalshAfterLanczos, errorBound: expect.any(Number) });
    const r = extremeEigenvalues(B, { tol: 1e-30 });
    expect(r).toEqual({ min: ref[0], max: ref[ref.length - 1], solver: EIGEN_SOLVER.eigvalshAfterLanczos, errorBound: { min: expect.any(Number), max: expect.any(Number) } });
  });

  it('non-symmetric input is an error, not a fallback', () => {
    const C = matrix(3, 3, Float64Array.of(1, 2, 3, 0, 1, 0, 0, 0, 1));
    expect(() => extremeEigenvalues(C)).toThrow(RangeError);
    expect(() => lambdaMinRobust(C, { prefer: 'dense' })).toThrow(RangeError);
  });
});

describe('minEigenvalue, the λ_min entry point', () => {
  const A = randomSymmetric(300, 7);
  const lo = eigvalsh(A)[0] as number;
  it('is lambdaMinRobust under its name: same value, bound and solver, for either preference', () => {
    for (const prefer of ['lanczos', 'dense'] as const) {
      const r = minEigenvalue(A, { prefer });
      const old = lambdaMinRobust(A, { prefer });
      expect(r).toEqual({ value: old.value, errorBound: old.errorBound, solver: old.solver });
      expect(Math.abs(r.value - lo)).toBeLessThanOrEqual(r.errorBound);
    }
    expect(minEigenvalue(A).solver).toBe(EIGEN_SOLVER.lanczos);
    expect(minEigenvalue(A, { prefer: 'dense' }).solver).toBe(EIGEN_SOLVER.eigvalsh);
  });
  it('solver is an EIGEN_SOLVER value; describeSolver keeps the words reports print', () => {
    expect(Object.values(EIGEN_SOLVER).sort()).toEqual(['eigvalsh', 'eigvalsh-after-lanczos', 'lanczos', 'lanczos-after-ql']);
    expect(describeSolver(EIGEN_SOLVER.eigvalshAfterLanczos)).toBe('eigvalsh (Lanczos did not converge)');
    expect(describeSolver(EIGEN_SOLVER.lanczosAfterQl)).toBe('lanczos (eigvalsh QL did not converge)');
    expect(describeSolver(EIGEN_SOLVER.lanczos)).toBe('lanczos');
    expect(describeSolver(EIGEN_SOLVER.eigvalsh)).toBe('eigvalsh');
  });
});
