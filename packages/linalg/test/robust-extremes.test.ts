import { describe, expect, it } from 'vitest';
import { eigvalsh, extremeEigenvalues, lambdaMinRobust, matrix } from '../src/index.js';
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
    expect(lambdaMinRobust(B, { tol: 1e-30 })).toEqual({ value: ref[0], solver: 'eigvalsh (Lanczos did not converge)', errorBound: expect.any(Number) });
    const r = extremeEigenvalues(B, { tol: 1e-30 });
    expect(r).toEqual({ min: ref[0], max: ref[ref.length - 1], solver: 'eigvalsh (Lanczos did not converge)', errorBound: { min: expect.any(Number), max: expect.any(Number) } });
  });

  it('non-symmetric input is an error, not a fallback', () => {
    const C = matrix(3, 3, Float64Array.of(1, 2, 3, 0, 1, 0, 0, 0, 1));
    expect(() => extremeEigenvalues(C)).toThrow(RangeError);
    expect(() => lambdaMinRobust(C, { prefer: 'dense' })).toThrow(RangeError);
  });
});
