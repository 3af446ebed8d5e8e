#!/usr/bin/env node
// Where the time goes: for each paper's run directory of a profile (default paper), the top phases from manifest.json
// (`ctx.time` phases, summed over seeds), their share of the wall time, and the peak RSS.
// Usage: node scripts/phases.mjs [profile] [--top N]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const ti = args.indexOf('--top');
const top = ti >= 0 ? Number(args[ti + 1]) : 6;
if (!(top >= 1)) {
  console.error('phases: error: --top expects a positive number');
  process.exit(2);
}
const profile = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--top') ?? 'paper';
let any = false;
for (const p of readdirSync(join(root, 'papers')).sort()) {
  const file = join(root, 'papers', p, 'results', profile, 'manifest.json');
  if (!existsSync(file)) continue;
  any = true;
  const m = JSON.parse(readFileSync(file, 'utf8'));
  const phases = Object.entries(m.phases ?? {}).sort((a, b) => b[1] - a[1]);
  const wall = m.wallSeconds ?? 0;
  console.log(`\n${p} [${m.profile}] — wall ${wall.toFixed(0)} s, peak RSS ${((m.peakRssBytes ?? 0) / 2 ** 30).toFixed(2)} GiB, commit ${String(m.git?.commit ?? '').slice(0, 12)}, ${m.workers ?? 1} worker(s)`);
  for (const [name, s] of phases.slice(0, top)) console.log(`  ${s.toFixed(1).padStart(8)} s  ${wall > 0 ? ((100 * s) / wall).toFixed(0).padStart(3) : '  ?'} %  ${name}`);
  if (phases.length > top) console.log(`  … ${phases.length - top} more phases in ${file}`);
}
if (!any) console.log(`phases: no ${profile} runs found (run pnpm repro <paper> --profile ${profile} first)`);
