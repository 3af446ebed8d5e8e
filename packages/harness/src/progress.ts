import type { Progress } from './types.js';

/**
 * Throttled progress lines on stderr (TTY or REPRO_PROGRESS=1), silent otherwise; phase ETA from work units done.
 * @example
 * ```ts
 * import { createProgress } from '@repro/harness';
 *
 * const lines: string[] = [];
 * const progress = createProgress('demo', true, (l) => lines.push(l));
 * progress.phase('train', 100);
 * progress.log('m = 100 done');
 * lines; // → ['[demo] train …', '[demo] m = 100 done']
 * progress.messages; // → ['m = 100 done'] (kept for the manifest even when disabled)
 * ```
 */
export function createProgress(
  paperId: string,
  enabled: boolean,
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  intervalSeconds: number = progressIntervalSeconds(),
): Progress & { messages: string[]; share(fraction: number): void } {
  let phase = '';
  let total = 0;
  let done = 0;
  let started = 0;
  let lastPrint = 0;
  const messages: string[] = [];
  const fmt = (s: number): string => (s >= 3600 ? `${Math.floor(s / 3600)}h${Math.round((s % 3600) / 60)}m` : s >= 60 ? `${Math.floor(s / 60)}m${Math.round(s % 60)}s` : `${s.toFixed(0)}s`);
  return {
    messages,
    phase(name, totalUnits) {
      phase = name;
      total = totalUnits;
      done = 0;
      started = performance.now();
      if (enabled) log(`[${paperId}] ${name} …`);
    },
    tick(units, detail) {
      done += units;
      const now = performance.now();
      if (!enabled || now - lastPrint < intervalSeconds * 1000) return;
      lastPrint = now;
      const frac = total > 0 ? Math.min(1, done / total) : 0;
      const elapsed = (now - started) / 1000;
      const eta = frac > 0 ? (elapsed * (1 - frac)) / frac : Number.NaN;
      log(`[${paperId}] ${phase}${detail ? ` · ${detail}` : ''} · ${(frac * 100).toFixed(0)}%${Number.isFinite(eta) ? ` · ETA ${fmt(eta)}` : ''}`);
    },
    log(message) {
      messages.push(message);
      if (enabled) log(`[${paperId}] ${message}`);
    },
    /**
     * This process does only `fraction` of the current phase's work (a job-mode shard's share of a `mapJobs` call, by its
     * costs): the phase total shrinks to match, so the percentage and ETA are this shard's.
     */
    share(fraction) {
      if (fraction >= 0 && fraction <= 1) total *= fraction;
    },
  };
}

/**
 * Seconds between progress lines: REPRO_PROGRESS_INTERVAL when it is a positive number (Slurm shard jobs set 60, so a
 * log file gets a line a minute), else 1.
 */
export function progressIntervalSeconds(): number {
  const v = Number(process.env.REPRO_PROGRESS_INTERVAL);
  return Number.isFinite(v) && v > 0 ? v : 1;
}

/**
 * Wall time per named phase: `timed(phase, fn)` runs `fn` and adds its seconds to `phases[phase]` (the manifest's phase
 * list and `ctx.time`). One recipe for the runner, shard runs and merges.
 */
export function phaseTimer(): { phases: Record<string, number>; timed: <R>(phase: string, fn: () => Promise<R>) => Promise<R> } {
  const phases: Record<string, number> = {};
  const timed = async <R>(phase: string, fn: () => Promise<R>): Promise<R> => {
    const a = performance.now();
    try {
      return await fn();
    } finally {
      phases[phase] = (phases[phase] ?? 0) + (performance.now() - a) / 1000;
    }
  };
  return { phases, timed };
}
