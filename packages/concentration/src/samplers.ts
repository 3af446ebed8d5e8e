import { randomBits, type Key } from './prng.js';

const TWO_POW_M53 = 2 ** -53;
const TWO_POW_26 = 2 ** 26;

/**
 * U(0, 1) on the open interval: 53-bit mantissa from two words, offset by half an ulp so 0 and 1 never occur.
 * @example
 * ```ts
 * import { key, uniform } from '@repro/concentration';
 *
 * uniform(key(42), 3); // → [0.42672756, 0.10015824, 0.19643804]
 * ```
 */
export function uniform(k: Key, n: number): Float64Array {
  const bits = randomBits(k, 2 * n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = openUnit(bits[2 * i] as number, bits[2 * i + 1] as number);
  return out;
}

/** The open-interval uniform of two words (27 + 26 bits), as `uniform` and `normal` both use it. */
function openUnit(hi: number, lo: number): number {
  return (hi >>> 5) * TWO_POW_26 * TWO_POW_M53 + ((lo >>> 6) + 0.5) * TWO_POW_M53;
}

/**
 * N(0, 1) by the Box–Muller transform on pairs of open-interval uniforms (exact in distribution; no rejection, so the
 * number of words consumed is fixed: 4 per pair).
 * @example
 * ```ts
 * import { key, normal } from '@repro/concentration';
 *
 * normal(key(42), 3); // → [1.05506408, 0.76815284, -1.40022665]
 * ```
 */
export function normal(k: Key, n: number): Float64Array {
  const pairs = Math.ceil(n / 2);
  // The words of uniform(k, 2·pairs), turned into uniforms pair by pair (no intermediate array: the same numbers).
  const bits = randomBits(k, 4 * pairs);
  const out = new Float64Array(2 * pairs);
  for (let i = 0; i < pairs; i++) {
    const r = Math.sqrt(-2 * Math.log(openUnit(bits[4 * i] as number, bits[4 * i + 1] as number)));
    const t = 2 * Math.PI * openUnit(bits[4 * i + 2] as number, bits[4 * i + 3] as number);
    out[2 * i] = r * Math.cos(t);
    out[2 * i + 1] = r * Math.sin(t);
  }
  return n === out.length ? out : out.subarray(0, n);
}

/**
 * ±1 with probability ½ each (the lowest bit of each word).
 * @example
 * ```ts
 * import { key, rademacher } from '@repro/concentration';
 *
 * const signs = rademacher(key(7), 1000);
 * signs.every((s) => s === 1 || s === -1); // → true
 * ```
 */
export function rademacher(k: Key, n: number): Float64Array {
  const bits = randomBits(k, n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (bits[i] as number) & 1 ? 1 : -1;
  return out;
}

/**
 * n points uniform on S^{d−1}: normalized Gaussian rows, n×d row-major.
 * @example
 * ```ts
 * import { key, sphere } from '@repro/concentration';
 *
 * const X = sphere(key(42), 2, 3); // 2 points on S², rows of a 2×3 row-major array
 * Math.hypot(X[0]!, X[1]!, X[2]!); // → 1
 * ```
 */
export function sphere(k: Key, n: number, d: number): Float64Array {
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`sphere dimension must be a positive integer, got ${d}`);
  const out = normal(k, n * d);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (out[i * d + j] as number) ** 2;
    const inv = 1 / Math.sqrt(s);
    for (let j = 0; j < d; j++) out[i * d + j] = (out[i * d + j] as number) * inv;
  }
  return out;
}

/**
 * A uniformly random permutation of 0..n−1 (Fisher–Yates, i from n−1 down to 1, j uniform in 0..i).
 * j = ⌊u·(i+1)⌋ with u a 53-bit open-interval uniform: the bias against exact uniformity is below (i+1)/2^53, far under any
 * statistical test we run. Int32Array; a fixed number of words per key (deterministic, no rejection).
 * @example
 * ```ts
 * import { key, permutation } from '@repro/concentration';
 *
 * permutation(key(42), 5); // → [1, 4, 3, 0, 2]
 * ```
 */
export function permutation(k: Key, n: number): Int32Array {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`permutation size must be a non-negative integer, got ${n}`);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  if (n < 2) return out;
  const u = uniform(k, n - 1);
  for (let i = n - 1; i >= 1; i--) {
    const j = Math.min(i, Math.floor((u[n - 1 - i] as number) * (i + 1)));
    const t = out[i] as number;
    out[i] = out[j] as number;
    out[j] = t;
  }
  return out;
}
