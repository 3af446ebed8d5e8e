/**
 * Benchmark of the NMM21 Figure 2 kernel (empirical NTK Gram by layer decomposition on tfjs float32 + float64 Lanczos λ_min):
 * times the largest right-panel trial (N = 2000, d = n_2 = 800, n_1 = 16000) against the issue's 20 s target, samples its
 * peak RSS against 24 GiB, and projects the whole `paper` Figure 2 grid at 10 and 50 trials from the measured rate.
 * Run: pnpm bench (or `BENCH_QUICK=1 pnpm bench` to time a quarter-size trial only).
 */
import { key } from '@repro/concentration';
import { selectBackend } from '@repro/nets';
import { profiles } from '../src/config.js';
import { fig2Trial, trialFlops } from '../src/experiments/fig2.js';
import { estimateMemory } from '../src/memory.js';
import { recordBench } from '@repro/testkit';

const TARGET_TRIAL_SECONDS = 20;
const TARGET_PROFILE_MINUTES = 60;
const MEMORY_LIMIT = 24 * 2 ** 30;

const info = await selectBackend('auto');
console.log(`backend: ${info.name} (${info.detail ?? ''})`);
const quick = process.env.BENCH_QUICK === '1';
const [N, d, n1, n2] = quick ? [500, 200, 4000, 200] : [2000, 800, 16000, 800];

// Warm-up: compile the wasm kernels and let V8 tier up the Lanczos loop.
await fig2Trial(key(1), { curve: 'warm', x: 200, trial: 0, N: 200, d: 100, n1: 1600, n2: 100, init: 'he', scale: 1, limit: false });

let peak = process.memoryUsage().rss;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const t0 = performance.now();
const pt = await fig2Trial(key(2), { curve: 'bench', x: N, trial: 0, N, d, n1, n2, init: 'he', scale: 1, limit: false });
const seconds = (performance.now() - t0) / 1000;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
const rate = trialFlops(N, d, n1, n2) / seconds;
recordBench(`nguyen-mondelli2020 Figure 2 right trial N=${N} d=${d} n1=${n1} n2=${n2}`, seconds);
console.log(`largest Figure 2 right trial (N = ${N}, d = ${d}, n1 = ${n1}, n2 = ${n2}): ${seconds.toFixed(1)} s, λ_min = ${pt.lambdaMin.toPrecision(6)}`);
console.log(`  ${(rate / 1e9).toFixed(2)} GFLOP/s effective (card cost model ${(trialFlops(N, d, n1, n2) / 1e9).toFixed(0)} GFLOP)`);
if (!quick) console.log(`  target ≤ ${TARGET_TRIAL_SECONDS} s → ${seconds <= TARGET_TRIAL_SECONDS ? 'met' : `missed by ${(seconds / TARGET_TRIAL_SECONDS).toFixed(1)}×`}`);
const cfg = profiles.paper;
console.log(`  peak RSS ${(peak / 2 ** 30).toFixed(2)} GiB (estimateMemory(paper) ${(estimateMemory(cfg) / 2 ** 30).toFixed(2)} GiB; limit 24 GiB → ${(MEMORY_LIMIT / peak).toFixed(1)}× headroom)`);

let flops = 0;
for (const [dd, nn2] of cfg.fig2RightCurves) for (const NN of cfg.fig2RightN) flops += trialFlops(NN, dd, cfg.fig2RightWidthFactor * NN, nn2);
let flopsL = 0;
for (const [NN, nn1, nn2] of cfg.fig2LeftCurves) for (const dd of cfg.fig2LeftD) flopsL += trialFlops(NN, dd, nn1, nn2);
for (const trials of [10, 50]) {
  const minutes = ((flops + flopsL) * trials) / rate / 60;
  const tag = trials === 10 ? ` (target ≤ ${TARGET_PROFILE_MINUTES} min → ${minutes <= TARGET_PROFILE_MINUTES ? 'met' : `missed by ${(minutes / TARGET_PROFILE_MINUTES).toFixed(1)}×`})` : '';
  console.log(`projected paper Figure 2 (both panels) at ${trials} trials: ${minutes.toFixed(0)} min at the measured rate${tag}`);
}
if (!quick && seconds > TARGET_TRIAL_SECONDS) process.exitCode = 1;
