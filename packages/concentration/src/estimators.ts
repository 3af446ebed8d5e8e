import { normalQuantile, studentTQuantile } from './special.js';

/**
 * Sample mean, standard deviation (n − 1 denominator), standard error. n = 1 gives sd 0; empty input gives NaN.
 * @example
 * ```ts
 * import { meanSd } from '@repro/concentration';
 *
 * meanSd([1, 2, 3, 4]); // → { mean: 2.5, sd: 1.2909944, se: 0.6454972, n: 4 }
 * meanSd([]).mean; // → NaN
 * ```
 */
export function meanSd(xs: ArrayLike<number>): { mean: number; sd: number; se: number; n: number } {
  const n = xs.length;
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN, se: Number.NaN, n };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += ((xs[i] as number) - mean) / (i + 1);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((xs[i] as number) - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  return { mean, sd, se: sd / Math.sqrt(n), n };
}

/**
 * Wilson score interval for a binomial proportion at level 1 − alpha.
 * @example
 * ```ts
 * import { wilsonInterval } from '@repro/concentration';
 *
 * wilsonInterval(8, 10); // → [0.49016247, 0.94331785]
 * wilsonInterval(10, 10)[1]; // → 1
 * ```
 */
export function wilsonInterval(successes: number, trials: number, alpha = 0.05): [number, number] {
  if (!Number.isInteger(trials) || trials <= 0) throw new RangeError(`Wilson interval needs trials ≥ 1, got ${trials}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) throw new RangeError(`successes must be in 0..${trials}, got ${successes}`);
  const z = normalQuantile(1 - alpha / 2);
  const p = successes / trials;
  const z2n = (z * z) / trials;
  const center = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials))) / (1 + z2n);
  // The ends are exact: no successes ⇒ lower limit 0, all successes ⇒ upper limit 1 (avoid rounding residue).
  return [successes === 0 ? 0 : Math.max(0, center - half), successes === trials ? 1 : Math.min(1, center + half)];
}

/** An ordinary-least-squares line y = intercept + slope·x with the slope's Student-t confidence interval. */
export interface LineFit {
  slope: number;
  intercept: number;
  slopeCi: [number, number];
  se: number;
  r: number;
  n: number;
}

/**
 * OLS fit of ys on xs; the slope CI uses t_{1−α/2, n−2} (n = 2: infinite CI, no residual dof).
 * @example
 * ```ts
 * import { olsFit } from '@repro/concentration';
 *
 * const fit = olsFit([0, 1, 2, 3], [1, 3, 5, 7.5]);
 * fit.slope; // → 2.15
 * fit.intercept; // → 0.9
 * fit.slopeCi; // → [1.7773793, 2.5226207]
 * ```
 */
export function olsFit(xs: ArrayLike<number>, ys: ArrayLike<number>, alpha = 0.05): LineFit {
  const n = xs.length;
  if (n !== ys.length) throw new RangeError(`olsFit: ${n} x values but ${ys.length} y values`);
  if (n < 2) throw new RangeError(`olsFit needs at least 2 points, got ${n}`);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] as number;
    my += ys[i] as number;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (!(sxx > 0)) throw new RangeError('olsFit: all x values are equal');
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const rss = Math.max(0, syy - slope * sxy);
  const se = n > 2 ? Math.sqrt(rss / (n - 2) / sxx) : Number.POSITIVE_INFINITY;
  const t = n > 2 ? studentTQuantile(1 - alpha / 2, n - 2) : Number.POSITIVE_INFINITY;
  const half = se === 0 ? 0 : t * se;
  return { slope, intercept, slopeCi: [slope - half, slope + half], se, r: syy > 0 ? sxy / Math.sqrt(sxx * syy) : 1, n };
}

/**
 * OLS on (ln x, ln y): the exponent of a power law y ∝ x^slope. Non-positive or non-finite input is an error.
 * @example
 * ```ts
 * import { logLogSlope } from '@repro/concentration';
 *
 * // y ≈ 2x: the exponent is ≈ 1
 * logLogSlope([1, 10, 100], [2, 20.5, 199]).slope; // → 0.99891154
 * ```
 */
export function logLogSlope(xs: ArrayLike<number>, ys: ArrayLike<number>, alpha = 0.05): LineFit {
  const lx: number[] = [];
  const ly: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    if (!(x > 0 && y > 0 && Number.isFinite(x) && Number.isFinite(y)))
      throw new RangeError(`logLogSlope needs positive finite values, got (${x}, ${y}) at index ${i}`);
    lx.push(Math.log(x));
    ly.push(Math.log(y));
  }
  return olsFit(lx, ly, alpha);
}
