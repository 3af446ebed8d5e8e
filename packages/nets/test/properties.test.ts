/**
 * Property tests (fast-check, fixed seed) for the analytic kernels: exact symmetry and positive semidefiniteness on random
 * data, including near-parallel and antiparallel rows where the angle formula is delicate. The PSD bound is deterministic
 * (λ_min ≥ −1e-12·n·max|K|, rounding of the entries and of the eigensolver), so the false-failure rate is 0 for a correct
 * implementation; a failure prints the shrunk data.
 */
import fc from 'fast-check';
import { eigvalsh, matrix, type Matrix } from '@repro/linalg';
import { describe, expect, it } from 'vitest';
import { arcCosineKernel, hInfinity, kInfinity } from '../src/index.js';

const SEED = 20261201;
const entry = fc.double({ min: -5, max: 5, noNaN: true, noDefaultInfinity: true });

/** n×d data; some rows are copies (±, rescaled) of others so θ = 0 and θ = π occur off the diagonal. */
const data = fc
  .record({ n: fc.integer({ min: 1, max: 9 }), d: fc.integer({ min: 1, max: 6 }) })
  .chain(({ n, d }) =>
    fc.record({
      n: fc.constant(n),
      d: fc.constant(d),
      xs: fc.array(entry, { minLength: n * d, maxLength: n * d }),
      copies: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom(-2, -1, 0.5, 1, 3)), { maxLength: 3 }),
    }),
  )
  .map(({ n, d, xs, copies }) => {
    const X = matrix(n, d, Float64Array.from(xs));
    for (const [from, to, s] of copies) for (let j = 0; j < d; j++) X.data[to * d + j] = s * (X.data[from * d + j] as number);
    return X;
  });

function checkSymPsd(K: Matrix): void {
  const n = K.rows;
  let maxAbs = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      expect(K.data[i * n + j]).toBe(K.data[j * n + i]);
      maxAbs = Math.max(maxAbs, Math.abs(K.data[i * n + j] as number));
    }
  const lmin = eigvalsh(K)[0] as number;
  expect(lmin).toBeGreaterThanOrEqual(-1e-12 * n * maxAbs - 1e-300);
}

describe('kernel matrices are symmetric PSD', () => {
  for (const order of [0, 1, 2]) {
    it(`arc-cosine k_${order}`, () => {
      fc.assert(
        fc.property(data, (X) => checkSymPsd(arcCosineKernel(order, X))),
        { seed: SEED, numRuns: 150 },
      );
    });
  }
  it('H∞ and K∞ of Du et al.', () => {
    fc.assert(
      fc.property(data, (X) => {
        checkSymPsd(hInfinity(X));
        checkSymPsd(kInfinity(X));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
