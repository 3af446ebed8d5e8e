/** Private test helpers shared by the packages' test suites. */

type Numeric = ArrayLike<number> | number;

function asArray(x: Numeric, n: number): ArrayLike<number> {
  return typeof x === 'number' ? Array.from({ length: n }, () => x) : x;
}

function worst(actual: Numeric, expected: Numeric, rtol: number, atol: number, equalNan: boolean): { index: number; a: number; e: number } | null {
  const n = typeof actual === 'number' ? (typeof expected === 'number' ? 1 : expected.length) : actual.length;
  if (typeof actual !== 'number' && typeof expected !== 'number' && actual.length !== expected.length)
    throw new Error(`allClose: shape mismatch (${actual.length} vs ${expected.length})`);
  const A = asArray(actual, n);
  const E = asArray(expected, n);
  let bad: { index: number; a: number; e: number; excess: number } | null = null;
  for (let i = 0; i < n; i++) {
    const a = A[i] as number;
    const e = E[i] as number;
    let excess: number;
    if (Number.isNaN(a) || Number.isNaN(e)) excess = equalNan && Number.isNaN(a) && Number.isNaN(e) ? 0 : Number.POSITIVE_INFINITY;
    else if (!Number.isFinite(a) || !Number.isFinite(e)) excess = a === e ? 0 : Number.POSITIVE_INFINITY;
    else excess = Math.abs(a - e) - (atol + rtol * Math.abs(e));
    if (excess > 0 && (bad === null || excess > bad.excess)) bad = { index: i, a, e, excess };
  }
  return bad;
}

/** numpy.allclose semantics: |a − e| ≤ atol + rtol·|e| elementwise (defaults rtol 1e-5, atol 1e-8); a scalar broadcasts. */
export function allClose(actual: Numeric, expected: Numeric, opts: { rtol?: number; atol?: number; equalNan?: boolean } = {}): boolean {
  return worst(actual, expected, opts.rtol ?? 1e-5, opts.atol ?? 1e-8, opts.equalNan ?? false) === null;
}

/** Throws (failing the test) with the worst offending index, both values and the tolerance. */
export function expectAllClose(actual: Numeric, expected: Numeric, opts: { rtol?: number; atol?: number; equalNan?: boolean } = {}): void {
  const rtol = opts.rtol ?? 1e-5;
  const atol = opts.atol ?? 1e-8;
  const bad = worst(actual, expected, rtol, atol, opts.equalNan ?? false);
  if (bad !== null)
    throw new Error(`not allclose at index ${bad.index}: actual ${bad.a}, expected ${bad.e}, |diff| ${Math.abs(bad.a - bad.e)} > atol ${atol} + rtol ${rtol}·|expected|`);
}

/** ‖a − e‖_F / ‖e‖_F. */
export function relFro(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) throw new Error(`relFro: shape mismatch (${actual.length} vs ${expected.length})`);
  let num = 0;
  let den = 0;
  for (let i = 0; i < actual.length; i++) {
    num += ((actual[i] as number) - (expected[i] as number)) ** 2;
    den += (expected[i] as number) ** 2;
  }
  return Math.sqrt(num) / Math.sqrt(den);
}

/** Throws when the relative Frobenius error exceeds tol. */
export function expectRelFro(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number): void {
  const r = relFro(actual, expected);
  if (!(r <= tol)) throw new Error(`relative Frobenius error ${r} > ${tol}`);
}
export { recordBench } from './bench-record.js';

/** (G + Gᵀ)/2 of the n×n row-major G, as a new Float64Array (random symmetric test matrices from Gaussian G). */
export function symmetrize(g: ArrayLike<number>, n: number): Float64Array {
  if (g.length < n * n) throw new Error(`symmetrize: ${g.length} entries for a ${n}×${n} matrix`);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const v = ((g[i * n + j] as number) + (g[j * n + i] as number)) / 2;
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  return out;
}

/**
 * The worst ratio, over the entries of C = op(A)·op(B) (row-major, op(A) M×K, op(B) K×N, A stored K×M when transA and B
 * N×K when transB), of |ĉ − c| to the a-priori bound γ_K Σ_k |a_ik b_kj| of a recursive dot product in unit roundoff u
 * (γ_K = K·u/(1 − K·u)); c is summed in float64. ≤ 1 for every correct summation order, FMA or not.
 */
export function gemmBoundRatio(
  C: ArrayLike<number>,
  A: ArrayLike<number>,
  B: ArrayLike<number>,
  dims: { M: number; K: number; N: number; transA?: boolean; transB?: boolean; u: number },
): number {
  const { M, K, N, u } = dims;
  const gamma = (K * u) / (1 - K * u);
  let worstRatio = 0;
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let s = 0;
      let abs = 0;
      for (let k = 0; k < K; k++) {
        const p = (A[dims.transA ? k * M + i : i * K + k] as number) * (B[dims.transB ? j * K + k : k * N + j] as number);
        s += p;
        abs += Math.abs(p);
      }
      worstRatio = Math.max(worstRatio, Math.abs((C[i * N + j] as number) - s) / (gamma * abs + Number.MIN_VALUE));
    }
  return worstRatio;
}
export { conformanceChecker } from './conformance.js';
