import type { z } from 'zod';
import { UsageError } from './errors.js';
import type { PaperDefinition, ProfileName } from './types.js';

/** A paper as the harness runs it: the author's definition plus validated profiles. */
export interface Paper<S extends z.ZodObject = z.ZodObject, T = unknown> extends PaperDefinition<S, T> {
  readonly id: string;
}

/** Validate a paper definition (profiles against the schema, unique claim and figure ids) and return it as a `Paper`. */
export function definePaper<S extends z.ZodObject, T>(def: PaperDefinition<S, T>): Paper<S, T> {
  for (const name of ['smoke', 'paper'] as ProfileName[]) {
    const r = def.config.safeParse(def.profiles[name]);
    if (!r.success) throw new Error(`${def.meta.id}: profile '${name}' does not satisfy the config schema: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const ids = new Set<string>();
  for (const c of def.claims) {
    if (ids.has(c.id)) throw new Error(`${def.meta.id}: duplicate claim id ${c.id}`);
    ids.add(c.id);
  }
  const figs = new Set<string>();
  for (const f of def.figures) {
    if (figs.has(f.id)) throw new Error(`${def.meta.id}: duplicate figure id ${f.id}`);
    figs.add(f.id);
  }
  return { ...def, id: def.meta.id };
}

/** Parse one `--set key=value`: the value is JSON when it parses (numbers, arrays, booleans), else a plain string. */
export function parseSetValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Apply `--set` overrides to a profile's config and validate the result (UsageError naming key, value and reason). */
export function applyOverrides<S extends z.ZodObject>(paperId: string, schema: S, base: z.infer<S>, sets: readonly string[]): z.infer<S> {
  const cfg: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  const known = Object.keys(schema.shape);
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set expects key=value, got '${s}'`);
    const k = s.slice(0, eq).trim();
    const raw = s.slice(eq + 1);
    if (!known.includes(k)) throw new UsageError(`unknown --set key '${k}' for ${paperId} (known: ${known.join(', ')})`);
    const field = schema.shape[k] as z.ZodType;
    const value = parseSetValue(raw);
    const r = field.safeParse(value);
    if (!r.success) throw new UsageError(`--set ${k}=${raw}: ${r.error.issues.map((i) => i.message).join('; ')}`);
    cfg[k] = r.data;
  }
  const whole = schema.safeParse(cfg);
  if (!whole.success) throw new UsageError(`invalid config for ${paperId}: ${whole.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return whole.data as z.infer<S>;
}
