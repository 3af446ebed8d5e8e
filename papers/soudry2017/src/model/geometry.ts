/**
 * Distances between a weight vector and the max-margin direction [NOTES.md §1], computed without cancellation:
 * 1 − cos(w, ŵ) = ½‖w/‖w‖ − ŵ/‖ŵ‖‖² (the difference of unit vectors stays accurate down to ~1e-16, 1 − cos would not).
 */

/** Euclidean norm. */
export function norm(w: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += (w[i] as number) ** 2;
  return Math.sqrt(s);
}

/** ‖w/‖w‖ − v/‖v‖‖ (the direction gap of Theorem 3). NaN if either vector is zero. */
export function directionGap(w: ArrayLike<number>, v: ArrayLike<number>): number {
  const a = norm(w);
  const b = norm(v);
  let s = 0;
  for (let i = 0; i < w.length; i++) s += ((w[i] as number) / a - (v[i] as number) / b) ** 2;
  return Math.sqrt(s);
}

/** 1 − cos(w, v) = ½·directionGap². */
export function angleGap(w: ArrayLike<number>, v: ArrayLike<number>): number {
  return 0.5 * directionGap(w, v) ** 2;
}

/** ρ(t) = w(t) − ŵ·ln t (Theorem 3), as a new array. */
export function residual(w: ArrayLike<number>, wHat: ArrayLike<number>, t: number): number[] {
  const lt = Math.log(t);
  return Array.from({ length: w.length }, (_, i) => (w[i] as number) - (wHat[i] as number) * lt);
}

/** ‖a − b‖. */
export function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += ((a[i] as number) - (b[i] as number)) ** 2;
  return Math.sqrt(s);
}
