/** Sampler throughput (run: pnpm bench). */
import { key, normal, uniform } from '../src/index.js';
import { recordBench } from '@repro/testkit';

for (const [name, fn] of [
  ['uniform', uniform],
  ['normal', normal],
] as const) {
  fn(key(0), 1e5);
  const t0 = performance.now();
  fn(key(1), 1e7);
  const s = (performance.now() - t0) / 1000;
  recordBench(`concentration ${name}(1e7)`, s);
  console.log(`${name}(1e7): ${s.toFixed(3)} s = ${(1e7 / s / 1e6).toFixed(0)} M samples/s (target: well under 1 s)`);
}
