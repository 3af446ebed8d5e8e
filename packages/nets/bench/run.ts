/** One du2019 GD iteration at n = d = 1000 on the default backend, vs the targets and numpy's time on this box. */
import { key, normal, sphere } from '@repro/concentration';
import { matrix } from '@repro/linalg';
import { getTf, initTwoLayer, selectBackend, trainTwoLayerGd } from '../src/index.js';
import { recordBench } from '@repro/testkit';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const info = await selectBackend('auto');

// fp32 GEMM through the default backend (tf.matMul): best of 5 after a warm-up; issue 10's target is ≥ 60 GFLOP/s at 2048².
{
  const tf = getTf();
  const N = 2048;
  const A = tf.tensor2d(Float32Array.from(normal(key(11), N * N)), [N, N]);
  const B = tf.tensor2d(Float32Array.from(normal(key(12), N * N)), [N, N]);
  tf.matMul(A, B).dispose();
  for (const [tA, tB] of [[false, false], [false, true]] as const) {
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      const C = tf.matMul(A, B, tA, tB);
      C.dataSync();
      best = Math.min(best, (performance.now() - t0) / 1000);
      C.dispose();
    }
    const gflops = (2 * N ** 3) / best / 1e9;
    recordBench(`nets fp32 GEMM 2048 tf.matMul${tB ? ' B^T' : ''}`, best);
    console.log(
      `fp32 GEMM 2048² tf.matMul(A, B${tB ? 'ᵀ' : ''}) [${info.name}: ${info.detail ?? ''}]: ${best.toFixed(3)} s = ${gflops.toFixed(1)} GFLOP/s` +
        ` (target ≥ 60 GFLOP/s; tfjs XNNPACK alone measured 25, 1.7 with Bᵀ; numpy ≈ 200)`,
    );
  }
  tf.dispose([A, B]);
}
const n = 1000;
const d = 1000;
const X = matrix(n, d, sphere(key(1), n, d));
const y = normal(key(2), n);
// extra: the iterations between the short (2-step) and the long run, ≈ 1 s of work either way: 4 at m = 10 000 gave
// 0.014 s/iter (282 GFLOP/s, above this box's peak) at m = 1000 — set-up noise divided by 4 — where 20 give 0.031.
for (const [m, target, numpy, extra] of [
  [1000, Number.NaN, 0.022, 20],
  [10000, 0.3, 0.237, 4], // target: issue 23 (≤ 0.30 s; issue 10 had asked ≤ 0.7 s)
] as const) {
  const init = initTwoLayer(key(3), m, d);
  // Marginal cost of one iteration (forward + update ≈ 4ndm flops): the difference of a (2 + extra)-step and a 2-step run, so set-up
  // (transposes, worker start-up, the initial pattern) is not counted.
  // Each length is timed 3 times and the fastest kept: single runs on this VM vary by tens of percent, and the difference
  // of two noisy times is noisier still.
  let short = await trainTwoLayerGd({ X, y, init, eta: 0.1, steps: 2 });
  let long = await trainTwoLayerGd({ X, y, init, eta: 0.1, steps: 2 + extra });
  for (let rep = 1; rep < 3; rep++) {
    const s2 = await trainTwoLayerGd({ X, y, init, eta: 0.1, steps: 2 });
    const l2 = await trainTwoLayerGd({ X, y, init, eta: 0.1, steps: 2 + extra });
    if (s2.seconds < short.seconds) short = s2;
    if (l2.seconds < long.seconds) long = l2;
  }
  const perIter = (long.seconds - short.seconds) / extra;
  const setup = short.seconds - 2 * perIter;
  const gflops = (4 * n * d * m) / perIter / 1e9;
  recordBench(`nets du2019 GD iteration n=d=${n} m=${m}`, perIter);
  // numpy's time for the same step in the same minute (scripts/numpy-gd-iteration.py: median of 8), when python3 has numpy;
  // else the median measured idle on this box on 2026-12-08.
  const py = spawnSync('python3', [fileURLToPath(new URL('../../../scripts/numpy-gd-iteration.py', import.meta.url)), String(m)], { encoding: 'utf8' });
  const measured = /median ([0-9.]+) s/.exec(py.stdout ?? '');
  const np = measured ? Number(measured[1]) : numpy;
  console.log(
    `du2019 GD iteration n=d=${n}, m=${m} [${info.name}: ${info.detail ?? ''}]: ${perIter.toFixed(3)} s/iter, ${gflops.toFixed(1)} GFLOP/s` +
      `${Number.isNaN(target) ? '' : ` (target ≤ ${target} s)`} · numpy ${measured ? 'now' : '(2026-12-08, not measured here)'} ${np.toFixed(3)} s → ${(perIter / np).toFixed(2)}× · shards ${long.shards}, workers ${long.workers}, set-up ${setup.toFixed(2)} s`,
  );
}
