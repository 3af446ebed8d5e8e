import type { z } from 'zod';
import { UsageError } from './errors.js';
import { FAULT_NAME } from './faults.js';
import type { PaperDefinition, ProfileName } from './types.js';

/** A paper as the harness runs it: the author's definition plus validated profiles. */
export interface Paper<S extends z.ZodObject = z.ZodObject, T = unknown> extends PaperDefinition<S, T> {
  readonly id: string;
}

/** Figure ids become file names under figures/: keep them portable. */
const FIGURE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * zod issues as one line: `path: message; path: message` (newlines inside messages folded to spaces).
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { zodReason } from '@repro/harness';
 *
 * const r = z.object({ n: z.number().int() }).safeParse({ n: 1.5 });
 * r.success ? '' : zodReason(r.error.issues); // → 'n: Invalid input: expected int, received number'
 * ```
 */
export function zodReason(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .map((i) => `${i.path.length > 0 ? `${i.path.map(String).join('.')}: ` : ''}${i.message}`)
    .join('; ')
    .replace(/\s+/g, ' ');
}

/**
 * Validate a paper definition and return it as a `Paper`: both profiles satisfy the config schema, claim and figure ids are
 * unique (figure ids are also file-name safe), and every config field has a description (shown by `--help`).
 * Throws an Error naming the paper and the problem: a broken definition is a bug, caught by the paper's own tests.
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { checkBound, definePaper } from '@repro/harness';
 *
 * const config = z.object({ n: z.number().int().describe('number of samples (count)') });
 * const paper = definePaper({
 *   meta: { id: 'demo', title: 'A demo', authors: ['A. Author'], venue: 'arXiv', year: 2024, bibtex: '(BibTeX entry)' },
 *   config,
 *   profiles: { smoke: { n: 10 }, paper: { n: 1000 } },
 *   run: async (cfg) => ({ worst: 1 / cfg.n }),
 *   values: (traces) => ({ worst: { value: traces[0]!.worst, bound: 1 } }),
 *   claims: [
 *     {
 *       id: 'demo.bound', source: 'Eq. (1)', statement: 'The worst case is at most 1.', evidence: 'paper',
 *       profiles: ['smoke', 'paper'], precision: 'float64', needs: [], observational: 'true by construction',
 *       check: (traces) => checkBound(traces[0]!.worst, 1, 'le'),
 *     },
 *   ],
 *   figures: [],
 *   deviations: [],
 * });
 * paper.id; // → 'demo'
 * ```
 */
export function definePaper<S extends z.ZodObject, T>(def: PaperDefinition<S, T>): Paper<S, T> {
  const id = def.meta.id;
  for (const name of ['smoke', 'paper'] as ProfileName[]) {
    const r = def.config.safeParse(def.profiles[name]);
    if (!r.success) throw new Error(`${id}: profile '${name}' does not satisfy the config schema: ${zodReason(r.error.issues)}`);
  }
  for (const [k, field] of Object.entries(def.config.shape as Record<string, z.ZodType>))
    if (field.description === undefined || field.description === '') throw new Error(`${id}: config field '${k}' has no .describe() (units and meaning)`);
  const ids = new Set<string>();
  for (const c of def.claims) {
    if (c.id === '') throw new Error(`${id}: a claim has an empty id`);
    if (ids.has(c.id)) throw new Error(`${id}: duplicate claim id ${c.id}`);
    ids.add(c.id);
  }
  const faults = Object.keys(def.faults ?? {});
  for (const f of faults) if (!FAULT_NAME.test(f)) throw new Error(`${id}: fault name '${f}' is not lower-case words joined by '-'`);
  for (const c of def.claims) {
    for (const f of c.catches ?? []) if (!faults.includes(f)) throw new Error(`${id}: claim ${c.id} catches '${f}', which is not one of the paper's faults (${faults.join(', ') || 'none'})`);
    if (c.observational !== undefined && (c.catches ?? []).length > 0) throw new Error(`${id}: claim ${c.id} is observational but declares faults it catches`);
    if (c.observational !== undefined && c.observational.trim() === '') throw new Error(`${id}: claim ${c.id} is observational without a reason`);
  }
  const figs = new Set<string>();
  for (const f of def.figures) {
    if (!FIGURE_ID.test(f.id)) throw new Error(`${id}: figure id '${f.id}' is not a portable file name (letters, digits, . _ -)`);
    if (figs.has(f.id)) throw new Error(`${id}: duplicate figure id ${f.id}`);
    figs.add(f.id);
  }
  return { ...def, id };
}

/**
 * Parse one `--set key=value` value: JSON when it parses (numbers, arrays like [10,100], booleans, quoted strings), else the raw string.
 * @example
 * ```ts
 * import { parseSetValue } from '@repro/harness';
 *
 * parseSetValue('[100,400]'); // → [100, 400]
 * parseSetValue('0.5'); // → 0.5
 * parseSetValue('adam'); // → 'adam' (not JSON: the raw text)
 * ```
 */
export function parseSetValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** The shape of a zod object schema, looking through optional/default/nullable wrappers; undefined for non-objects. */
function objectShape(t: unknown): Record<string, z.ZodType> | undefined {
  let cur = t as { def?: { type?: string }; shape?: unknown; unwrap?: () => unknown } | undefined;
  // Wrappers nest at most a few levels (optional(default(...))); the bound only guards against a malformed schema.
  for (let depth = 0; depth < 8 && cur !== undefined; depth++) {
    if (cur.def?.type === 'object' && typeof cur.shape === 'object' && cur.shape !== null) return cur.shape as Record<string, z.ZodType>;
    if (typeof cur.unwrap !== 'function') return undefined;
    cur = cur.unwrap() as typeof cur;
  }
  return undefined;
}

/**
 * Apply `--set key=value` overrides to a profile's config and validate the result.
 *
 * Keys are config fields; a dotted key (`opt.lr=0.1`) reaches into a nested object field. Values are parsed by
 * `parseSetValue`; when the JSON reading is rejected by the field but the raw text is accepted (a string field given `123`),
 * the raw text wins. Errors are one-line UsageErrors: unknown key (with the known keys), or the key, the value and zod's reason.
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { applyOverrides } from '@repro/harness';
 *
 * const schema = z.object({ widths: z.array(z.number()).describe('widths m'), lr: z.number().describe('step size') });
 * applyOverrides('demo', schema, { widths: [10], lr: 0.1 }, ['widths=[100,400]']); // → { widths: [100, 400], lr: 0.1 }
 * ```
 */
export function applyOverrides<S extends z.ZodObject>(paperId: string, schema: S, base: z.infer<S>, sets: readonly string[]): z.infer<S> {
  const cfg = structuredClone(base) as Record<string, unknown>;
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set expects key=value, got '${s}'`);
    const k = s.slice(0, eq).trim();
    const raw = s.slice(eq + 1);
    const path = k.split('.');
    let shape: Record<string, z.ZodType> | undefined = schema.shape as Record<string, z.ZodType>;
    let target = cfg;
    let field: z.ZodType | undefined;
    for (let i = 0; i < path.length; i++) {
      const part = path[i] as string;
      const prefix = path.slice(0, i).map((p) => `${p}.`).join('');
      if (shape === undefined || !Object.hasOwn(shape, part)) {
        const known = shape === undefined ? [] : Object.keys(shape).map((x) => prefix + x);
        const why = shape === undefined ? ` ('${path.slice(0, i).join('.')}' is not an object)` : ` (known: ${known.join(', ')})`;
        throw new UsageError(`unknown --set key '${k}' for ${paperId}${why}`);
      }
      field = shape[part] as z.ZodType;
      if (i < path.length - 1) {
        shape = objectShape(field);
        const next = target[part];
        if (typeof next !== 'object' || next === null || Array.isArray(next)) target[part] = {};
        target = target[part] as Record<string, unknown>;
      }
    }
    const leaf = path[path.length - 1] as string;
    const f = field as z.ZodType;
    let r = f.safeParse(parseSetValue(raw));
    if (!r.success) {
      const asText = f.safeParse(raw);
      if (asText.success) r = asText;
    }
    if (!r.success) throw new UsageError(`invalid --set ${k}=${raw} for ${paperId}: ${zodReason(r.error.issues)}`);
    target[leaf] = r.data;
  }
  const whole = schema.safeParse(cfg);
  if (!whole.success) throw new UsageError(`invalid config for ${paperId} after --set ${sets.join(' ')}: ${zodReason(whole.error.issues)}`);
  return whole.data as z.infer<S>;
}
