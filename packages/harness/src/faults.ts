/**
 * Planted faults: the switch a paper's code reads to plant one of its declared bugs (`--fault <name>`).
 *
 * The active fault lives on `globalThis` under a registered symbol rather than in this module, so that every copy of
 * `@repro/harness` loaded in a thread (built dist and TypeScript source under tests) and every worker thread that the seed
 * and job pools start (they set it from their workerData before importing the paper) see the same switch.
 */
const SLOT = Symbol.for('@repro/harness.activeFault');
type Slot = { [SLOT]?: string | null };

/**
 * The fault switched on in this thread, or null for a clean run.
 * @example
 * ```ts
 * import { activeFault } from '@repro/harness';
 *
 * activeFault(); // → null (a clean run)
 * ```
 */
export function activeFault(): string | null {
  return (globalThis as Slot)[SLOT] ?? null;
}

/**
 * True when the planted fault `name` is switched on. A paper plants a bug with it at the place the bug would live:
 * `const half = fault('hinf-diagonal') ? 0.45 : 0.5`. Clean runs never take the faulty branch.
 * @example
 * ```ts
 * import { fault, setActiveFault } from '@repro/harness';
 *
 * const diagonal = () => (fault('hinf-diagonal') ? 0.45 : 0.5); // the planted bug, where it would live
 * diagonal(); // → 0.5
 * const previous = setActiveFault('hinf-diagonal'); // what `--fault hinf-diagonal` does around a run
 * diagonal(); // → 0.45
 * setActiveFault(previous);
 * ```
 */
export function fault(name: string): boolean {
  return activeFault() === name;
}

/**
 * Switch a fault on (or off with null) for this thread; the runner does this around a run. Returns the previous value.
 * @example
 * ```ts
 * import { activeFault, setActiveFault } from '@repro/harness';
 *
 * const previous = setActiveFault('hinf-diagonal');
 * activeFault(); // → 'hinf-diagonal'
 * setActiveFault(previous); // → 'hinf-diagonal' (returns the value it replaces)
 * activeFault(); // → null
 * ```
 */
export function setActiveFault(name: string | null): string | null {
  const prev = activeFault();
  (globalThis as Slot)[SLOT] = name;
  return prev;
}

/** Fault names: lower-case letters and digits in words joined by '-' (they appear in CLI flags and file names). */
export const FAULT_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
