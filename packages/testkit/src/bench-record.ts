import { appendFileSync } from 'node:fs';

/**
 * Record one benchmark figure (seconds, lower is better) for `pnpm bench:check`: appends a JSON line
 * `{ name, seconds }` to the file named by $BENCH_RECORD when it is set; a no-op otherwise (plain `pnpm bench`).
 */
export function recordBench(name: string, seconds: number): void {
  const file = process.env.BENCH_RECORD;
  if (file === undefined || file === '') return;
  appendFileSync(file, `${JSON.stringify({ name, seconds })}\n`);
}
