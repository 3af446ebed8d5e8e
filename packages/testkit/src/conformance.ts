import { afterAll, expect } from 'vitest';

/**
 * The conformance suites' check: `check(id, err, tol, where)` asserts err ≤ tol and keeps the worst ratio err/tol per id;
 * with CONFORMANCE_REPORT=1 the worst of each id is printed after the file's tests (the rows of the conformance table).
 * Call once at a test file's top level (it registers an `afterAll`).
 */
export function conformanceChecker(): (id: string, err: number, tol: number, where: string) => void {
  const worst = new Map<string, { err: number; tol: number; ratio: number; where: string }>();
  afterAll(() => {
    if (process.env.CONFORMANCE_REPORT !== '1') return;
    for (const [id, w] of worst) console.log(`CONFORMANCE | ${id} | worst err ${w.err.toExponential(2)} | tol there ${w.tol.toExponential(2)} | ratio ${w.ratio.toExponential(2)} | ${w.where}`);
  });
  return (id, err, tol, where) => {
    const ratio = err / tol;
    const w = worst.get(id);
    if (w === undefined || ratio > w.ratio || Number.isNaN(ratio)) worst.set(id, { err, tol, ratio, where });
    expect(err, `${id}: ${where}: error ${err} > tolerance ${tol}`).toBeLessThanOrEqual(tol);
  };
}
