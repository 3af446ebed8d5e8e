/**
 * Deterministic JSON: object keys in insertion order for arrays of records, sorted for maps (`sortKeys`), numbers in JSON's
 * shortest round-trip form, and non-finite numbers written as the strings "NaN", "Infinity", "-Infinity" so files stay valid JSON.
 * @example
 * ```ts
 * import { toJson } from '@repro/harness';
 *
 * toJson({ b: 1, a: [Number.NaN, Infinity] }); // → '{\n  "b": 1,\n  "a": [\n    "NaN",\n    "Infinity"\n  ]\n}\n'
 * JSON.parse(toJson({ b: 1, a: 2 }, { sortKeys: true })); // → { a: 2, b: 1 }
 * ```
 */
export function toJson(value: unknown, opts: { sortKeys?: boolean } = {}): string {
  return `${JSON.stringify(normalize(value, opts.sortKeys ?? false), null, 2)}\n`;
}

function normalize(v: unknown, sortKeys: boolean): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (v === null || typeof v !== 'object') return v;
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>, (x) => normalize(x, sortKeys));
  if (Array.isArray(v)) return v.map((x) => normalize(x, sortKeys));
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, x]) => [k, normalize(x, sortKeys)]));
}
