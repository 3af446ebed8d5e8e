#!/usr/bin/env node
// `pnpm bench` first prints the GEMM kernels side by side (the WebAssembly kernels, onnxruntime-node's native kernels and
// numpy on this box: GFLOP/s at 1000² and 2048², per-call time at small n, the crossover sweep), then runs every
// package's benchmark, one package at a time (run in parallel they would share the 2 cores and skew every figure); each
// prints its figures next to their targets. The package benchmarks run with the GEMM kernels of REPRO_GEMM (default auto).
// `pnpm bench --kernels wasm,auto` runs the package benchmarks once per REPRO_GEMM value and prints every recorded figure
// side by side (e.g. the du2019 GD iteration and nguyen-mondelli2020's Figure 2 trial on wasm and on native).
// `pnpm bench --gemm-only` prints the GEMM table alone; `--no-gemm` skips it.
// `pnpm bench --check [--update] [--runs K] [--tolerance 0.25]` compares the figures with the stored figures of this box
// (bench/baseline.json) and fails on a > 25 % slowdown: see scripts/bench-check.mjs. Other arguments go to turbo
// (e.g. `pnpm bench --filter @repro/linalg`).
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(`usage: pnpm bench [turbo options]          GEMM kernels table, then every benchmark (one package at a time)
       pnpm bench --kernels wasm,auto [turbo options]   the benchmarks once per REPRO_GEMM value, figures side by side
       pnpm bench --gemm-only | --no-gemm       only / without the GEMM kernels table
       pnpm bench --check [--runs K] [--tolerance F]   compare with bench/baseline.json, exit 1 on a slowdown > F (0.25)
       pnpm bench --check --update [--runs K]          rewrite the baseline (median of K runs, default 3; idle machine)`);
  process.exit(0);
}
const root = new URL('..', import.meta.url).pathname;
const run = (cmd, argv, env = process.env) => spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env }).status ?? 1;
if (args.includes('--check')) process.exit(run(process.execPath, [`${root}scripts/bench-check.mjs`, ...args.filter((a) => a !== '--check')]));

// The GEMM table runs in a child process (its sessions and worker threads do not linger in this one).
const GEMM_BENCH = `
import { dgemm, gemmInfo, setGemmKernel, sgemm } from ${JSON.stringify(`${root}packages/linalg/src/wasm/gemm.mjs`)};
import { appendFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
const record = (name, seconds) => { if (process.env.BENCH_RECORD) appendFileSync(process.env.BENCH_RECORD, JSON.stringify({ name, seconds }) + '\\n'); };
function best(fn, minMs, reps = 3) { fn(); let b = Infinity; const t0 = performance.now(); for (let r = 0; r < reps || performance.now() - t0 < minMs; r++) { const t = performance.now(); fn(); b = Math.min(b, performance.now() - t); } return b / 1000; }
setGemmKernel('native');
const nat = gemmInfo();
const haveNative = nat !== null && nat.kernel === 'native';
setGemmKernel('wasm');
const wasmLabel = gemmInfo()?.label ?? 'no WebAssembly SIMD';
// numpy on this box (its own BLAS, all cores), when python3 has numpy; else the figures measured idle on the reference box.
const py = spawnSync('python3', ['-c', [
  'import json, time, numpy as np',
  'r = {}',
  'for dt, n in [("f32", 1000), ("f32", 2048), ("f64", 1000), ("f64", 2048)]:',
  '    a = np.sin(np.arange(n * n).reshape(n, n)).astype(np.float32 if dt == "f32" else np.float64); b = a.T.copy(); a @ b',
  '    ts = []',
  '    for _ in range(5):',
  '        t0 = time.perf_counter(); a @ b; ts.append(time.perf_counter() - t0)',
  '    r[dt + str(n)] = 2 * n ** 3 / min(ts) / 1e9',
  'print(json.dumps(r))',
].join('\\n')], { encoding: 'utf8' });
let numpy = null;
try { numpy = JSON.parse(py.stdout.trim()); } catch {}
const numpyNote = numpy ? 'numpy: measured now' : 'numpy: not available here; figures measured idle on the reference box';
numpy ??= { f321000: 112, f322048: 199, f641000: 100, f642048: 103 };
const targets = { f322048: 150, f642048: 70 };
console.log('GEMM kernels (GFLOP/s, best of ≥ 3; the box may be loaded: compare the columns of one run, not runs)');
console.log('  wasm:   ' + wasmLabel);
console.log('  native: ' + (haveNative ? nat.label : 'onnxruntime-node does not load here: ' + (nat?.nativeError ?? '?')));
console.log('  ' + numpyNote);
console.log('  | GEMM | wasm | native | native/wasm | numpy | target (native) |');
console.log('  |---|---|---|---|---|---|');
for (const [prec, n] of [['f32', 1000], ['f32', 2048], ['f64', 1000], ['f64', 2048]]) {
  const Arr = prec === 'f32' ? Float32Array : Float64Array;
  const f = prec === 'f32' ? sgemm : dgemm;
  const A = new Arr(n * n).map((_, i) => Math.sin(i));
  const B = new Arr(n * n).map((_, i) => Math.cos(i));
  const out = new Arr(n * n);
  setGemmKernel('wasm');
  const w = best(() => f(A, B, n, n, n, { out }), 1000);
  record(\`linalg \${prec === 'f32' ? 'sgemm' : 'dgemm'} \${n} wasm\`, w);
  let s = null;
  if (haveNative) { setGemmKernel('native'); s = best(() => f(A, B, n, n, n, { out }), 1000); record(\`linalg \${prec === 'f32' ? 'sgemm' : 'dgemm'} \${n} native\`, s); }
  const g = (t) => (2 * n ** 3 / t / 1e9).toFixed(1);
  const k = prec + n;
  console.log(\`  | \${prec === 'f32' ? 'fp32' : 'fp64'} \${n}² | \${g(w)} | \${s ? g(s) : '—'} | \${s ? (w / s).toFixed(2) + '×' : '—'} | \${numpy[k].toFixed(0)} | \${targets[k] ? '≥ ' + targets[k] : ''} |\`);
}
if (haveNative) {
  console.log('  per call and crossover (µs per n³ product; auto sends ≥ 2^19 (f32) / 2^18 (f64) multiply-adds native):');
  for (const prec of ['f32', 'f64']) {
    const Arr = prec === 'f32' ? Float32Array : Float64Array;
    const f = prec === 'f32' ? sgemm : dgemm;
    const cells = [];
    for (const n of [16, 32, 48, 64, 96, 128]) {
      const A = new Arr(n * n).map((_, i) => Math.sin(i));
      const out = new Arr(n * n);
      setGemmKernel('wasm');
      const w = best(() => f(A, A, n, n, n, { out }), 150);
      setGemmKernel('native');
      const s = best(() => f(A, A, n, n, n, { out }), 150);
      cells.push(\`n=\${n} \${(w * 1e6).toFixed(1)}/\${(s * 1e6).toFixed(1)} (\${(s / w).toFixed(2)})\`);
    }
    console.log(\`    \${prec} wasm/native µs (native÷wasm): \${cells.join(' · ')}\`);
  }
}
`;

const gemmTable = (env) => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-gemm-'));
  const file = join(dir, 'gemm.mjs');
  writeFileSync(file, GEMM_BENCH);
  return run(process.execPath, [file], env);
};

const ki = args.indexOf('--kernels');
const turboArgs = args.filter((a, i) => !['--gemm-only', '--no-gemm', '--kernels'].includes(a) && !(ki >= 0 && i === ki + 1));
let status = 0;
if (!args.includes('--no-gemm')) status = gemmTable(process.env);
if (args.includes('--gemm-only')) process.exit(status);
if (ki < 0) process.exit(run('pnpm', ['exec', 'turbo', 'run', 'bench', '--concurrency=1', '--continue', ...turboArgs]) || status);

// --kernels: one pass of the package benchmarks per REPRO_GEMM value, each recording its figures; then one table.
const kernels = String(args[ki + 1] ?? '').split(',').filter(Boolean);
if (kernels.length === 0) {
  console.error('bench: --kernels expects a comma-separated list of REPRO_GEMM values, e.g. wasm,auto');
  process.exit(2);
}
const figures = {};
for (const k of kernels) {
  const rec = join(mkdtempSync(join(tmpdir(), 'bench-k-')), 'record.jsonl');
  writeFileSync(rec, '');
  console.log(`\n=== package benchmarks with REPRO_GEMM=${k} ===`);
  status = run('pnpm', ['exec', 'turbo', 'run', 'bench', '--concurrency=1', '--continue', ...turboArgs], { ...process.env, REPRO_GEMM: k, BENCH_RECORD: rec }) || status;
  for (const line of readFileSync(rec, 'utf8').split('\n').filter(Boolean)) {
    const { name, seconds } = JSON.parse(line);
    (figures[name] ??= {})[k] = seconds;
    if (process.env.BENCH_RECORD) appendFileSync(process.env.BENCH_RECORD, `${JSON.stringify({ name: `${name} [REPRO_GEMM=${k}]`, seconds })}\n`);
  }
}
console.log(`\nFigures side by side (seconds, lower is better; ratio = ${kernels.at(-1)} ÷ ${kernels[0]}; one run on this box, loaded or not):`);
console.log(`| figure | ${kernels.join(' | ')} | ratio |`);
console.log(`|---|${kernels.map(() => '---|').join('')}---|`);
for (const [name, byK] of Object.entries(figures)) {
  const a = byK[kernels[0]];
  const b = byK[kernels.at(-1)];
  console.log(`| ${name} | ${kernels.map((k) => (byK[k] === undefined ? '—' : byK[k].toFixed(3))).join(' | ')} | ${a && b ? (b / a).toFixed(2) : '—'} |`);
}
process.exit(status);
