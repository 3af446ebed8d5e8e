/**
 * Keyed, splittable, counter-based PRNG: Threefry-2x32 with 20 rounds (Salmon, Moraes, Dror, Shaw, "Parallel random
 * numbers: as easy as 1, 2, 3", SC 2011; the generator JAX uses). A key is two uint32 words; every stream is a pure
 * function of (key, counter), so results never depend on call order or global state.
 *
 * Construction (domain-separated by the second counter word c1):
 * - `randomBits(k, n)`: block b (b = 0, 1, …) is threefry(k, [b, 0]); the n words are the blocks' outputs in order.
 * - `split(k, n)[i]` = threefry(k, [i, 1]).
 * - `foldIn(k, label)`: a non-negative integer label j gives threefry(k, [j, 2]); a string label is absorbed as its UTF-8
 *   bytes in little-endian uint32 words w_1…w_L: k' = threefry(k, [L_bytes, 3]), then k' = threefry(k', [w_i, 3]) per word.
 */

import { threefryBlocksWasm } from './wasm/threefry.mjs';

/** A PRNG key: two uint32 words. JSON-friendly, immutable. */
export type Key = readonly [number, number];

const ROT = [13, 15, 26, 6, 17, 29, 16, 24] as const;
const SKEIN_PARITY = 0x1bd11bda;

/**
 * One Threefry-2x32-20 block: encrypt counter (c0, c1) under key (k0, k1); writes the two output words into out[o], out[o+1].
 * @example
 * ```ts
 * import { threefry2x32 } from '@repro/concentration';
 *
 * const out = new Uint32Array(2);
 * threefry2x32(0, 0, 0, 0, out, 0); // key (0, 0), counter (0, 0)
 * out; // → [1797259609, 2579123966]
 * ```
 */
export function threefry2x32(k0: number, k1: number, c0: number, c1: number, out: Uint32Array, o: number): void {
  const k2 = (SKEIN_PARITY ^ k0 ^ k1) >>> 0;
  let x0 = (c0 + k0) | 0;
  let x1 = (c1 + k1) | 0;
  // 20 rounds = 5 groups of 4, with a key injection after each group (unrolled by group for speed).
  for (let g = 0; g < 5; g++) {
    const r = (g & 1) * 4;
    let s = ROT[r] as number;
    x0 = (x0 + x1) | 0; x1 = (x1 << s) | (x1 >>> (32 - s)); x1 ^= x0;
    s = ROT[r + 1] as number;
    x0 = (x0 + x1) | 0; x1 = (x1 << s) | (x1 >>> (32 - s)); x1 ^= x0;
    s = ROT[r + 2] as number;
    x0 = (x0 + x1) | 0; x1 = (x1 << s) | (x1 >>> (32 - s)); x1 ^= x0;
    s = ROT[r + 3] as number;
    x0 = (x0 + x1) | 0; x1 = (x1 << s) | (x1 >>> (32 - s)); x1 ^= x0;
    const inj = g + 1;
    const ka = inj % 3 === 0 ? k0 : inj % 3 === 1 ? k1 : k2;
    const kb = (inj + 1) % 3 === 0 ? k0 : (inj + 1) % 3 === 1 ? k1 : k2;
    x0 = (x0 + ka) | 0;
    x1 = (x1 + kb + inj) | 0;
  }
  out[o] = x0 >>> 0;
  out[o + 1] = x1 >>> 0;
}

const scratch = new Uint32Array(2);
function block(k: Key, c0: number, c1: number): Key {
  threefry2x32(k[0], k[1], c0 >>> 0, c1 >>> 0, scratch, 0);
  return [scratch[0] as number, scratch[1] as number];
}

function checkKey(k: Key): void {
  if (!Array.isArray(k) || k.length !== 2 || !k.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffffffff))
    throw new TypeError('a PRNG key must be a pair of uint32 words (use key(seed))');
}

/**
 * key(seed): the root key of a seed. Any non-negative safe integer is a valid seed, 0 included: [hi32, lo32] of the seed.
 * @example
 * ```ts
 * import { key } from '@repro/concentration';
 *
 * key(42); // → [0, 42]
 * key(2 ** 32 + 5); // → [1, 5]
 * ```
 */
export function key(seed: number): Key {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  return [Math.floor(seed / 2 ** 32) >>> 0, seed >>> 0];
}

/**
 * split(k, n): n independent child keys, child i = threefry(k, [i, 1]).
 * @example
 * ```ts
 * import { key, split } from '@repro/concentration';
 *
 * const [kInit, kData] = split(key(42)); // two independent child keys
 * kInit; // → [64467757, 2916123636]
 * split(key(42), 3)[1]; // → [1154097635, 473298049] (child i does not depend on n)
 * ```
 */
export function split(k: Key, n = 2): Key[] {
  checkKey(k);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`split count must be a non-negative integer, got ${n}`);
  return Array.from({ length: n }, (_, i) => block(k, i, 1));
}

/**
 * foldIn(k, label): a key derived from a label (string or non-negative integer < 2^32); distinct labels give independent keys.
 * @example
 * ```ts
 * import { foldIn, key } from '@repro/concentration';
 *
 * const kInit = foldIn(key(42), 'init'); // one key per named experiment
 * kInit; // → [2695767000, 3231390355]
 * foldIn(key(42), 3); // → [2249681128, 4275608359]
 * ```
 */
export function foldIn(k: Key, label: string | number): Key {
  checkKey(k);
  if (typeof label === 'number') {
    if (!Number.isInteger(label) || label < 0 || label > 0xffffffff) throw new RangeError(`numeric fold-in label must be a uint32, got ${label}`);
    return block(k, label, 2);
  }
  const bytes = new TextEncoder().encode(label);
  let out = block(k, bytes.length, 3);
  for (let i = 0; i < bytes.length; i += 4) {
    const w = (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) | ((bytes[i + 2] ?? 0) << 16) | ((bytes[i + 3] ?? 0) << 24);
    out = block(out, w >>> 0, 3);
  }
  return out;
}

/** Below this many words the scalar loop is as fast as a call into WebAssembly. */
const WASM_MIN_WORDS = 256;

/**
 * n uint32 words of the stream of k: block b = threefry(k, [b, 0]).
 * @example
 * ```ts
 * import { key, randomBits } from '@repro/concentration';
 *
 * randomBits(key(42), 4); // → [1832780943, 270669613, 430176367, 3485206521]
 * randomBits(key(42), 2); // → [1832780943, 270669613] (a prefix of the same stream)
 * ```
 */
export function randomBits(k: Key, n: number): Uint32Array {
  checkKey(k);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`sample count must be a non-negative integer, got ${n}`);
  if (n > 2 ** 33) throw new RangeError('at most 2^33 words per key; split the key');
  const out = new Uint32Array(n + (n & 1));
  const [k0, k1] = k;
  // Long streams: four blocks at a time in WebAssembly SIMD (same words); short ones and engines without SIMD: this loop.
  if (n < WASM_MIN_WORDS || !threefryBlocksWasm(k0, k1, 0, out.length / 2, 0, out, 0))
    for (let b = 0, o = 0; o < n; b++, o += 2) threefry2x32(k0, k1, b, 0, out, o);
  return n & 1 ? out.subarray(0, n) : out;
}
