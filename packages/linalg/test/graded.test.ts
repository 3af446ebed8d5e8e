import { describe, expect, it } from 'vitest';
import { eigh, eigvalsh, matrix, normFro } from '../src/index.js';
import { graded } from './matrices.js';


describe('eigvalsh on graded matrices (kernel Grams whose diagonal spans tens of decades)', () => {
  it('converges (QL retried on the reversed tridiagonal) and keeps trace and Frobenius norm', () => {
    // n = 150, 20 decades, largest entries last: plain QL stalled here (ConvergenceError after 60 iterations).
    for (const [n, spread] of [
      [150, 20],
      [150, 45],
      [60, 90],
    ] as const) {
      const A = graded(n, spread);
      const ev = eigvalsh(A);
      let tr = 0;
      for (let i = 0; i < n; i++) tr += A.data[i * n + i] as number;
      const fro = normFro(A);
      const sum = ev.reduce((a, b) => a + b, 0);
      const sq = Math.sqrt(ev.reduce((a, b) => a + b * b, 0));
      // Backward stability: |Σλ − tr A| and |‖λ‖ − ‖A‖_F| ≲ n ε ‖A‖_F; 1e-12 leaves ≥ 10× slack at n ≤ 150.
      expect(Math.abs(sum - tr)).toBeLessThan(1e-12 * fro);
      expect(Math.abs(sq - fro)).toBeLessThan(1e-12 * fro);
      // PSD up to rounding.
      expect(ev[0] as number).toBeGreaterThan(-1e-13 * fro);
    }
  });
});

describe('eigh on a graded matrix', () => {
  it('converges (reversed QL) with a small residual ‖AV − VΛ‖ and orthonormal V', () => {
    const n = 150;
    const A = graded(n, 20);
    const { values, vectors: V } = eigh(A);
    const fro = normFro(A);
    let res = 0;
    let orth = 0;
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += (A.data[i * n + k] as number) * (V.data[k * n + j] as number);
        res = Math.max(res, Math.abs(s - (values[j] as number) * (V.data[i * n + j] as number)));
      }
      for (let l = j; l < Math.min(n, j + 3); l++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += (V.data[k * n + j] as number) * (V.data[k * n + l] as number);
        orth = Math.max(orth, Math.abs(s - (l === j ? 1 : 0)));
      }
    }
    // Backward stability bounds (≈ n ε), with ≥ 10× slack at n = 150.
    expect(res).toBeLessThan(1e-12 * fro);
    expect(orth).toBeLessThan(1e-12);
  });
});
