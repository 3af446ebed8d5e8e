/** One du2019 GD iteration at n = d = 1000 on the default backend, vs the targets and numpy's time on this box. */
import { key, normal, sphere } from '@repro/concentration';
import { matrix } from '@repro/linalg';
import { initTwoLayer, selectBackend, trainTwoLayerGd } from '../src/index.js';

const info = await selectBackend('auto');
const n = 1000;
const d = 1000;
const X = matrix(n, d, sphere(key(1), n, d));
const y = normal(key(2), n);
for (const [m, target, numpy] of [
  [1000, Number.NaN, 0.019],
  [10000, 1.5, 0.23],
] as const) {
  const init = initTwoLayer(key(3), m, d);
  const steps = 4;
  const tr = await trainTwoLayerGd({ X, y, init, eta: 0.1, steps });
  // The trace covers steps + 1 forward passes and `steps` updates; one iteration = forward + update ≈ 4ndm flops.
  const perIter = tr.seconds / (steps + 0.5);
  const gflops = (4 * n * d * m) / perIter / 1e9;
  console.log(
    `du2019 GD iteration n=d=${n}, m=${m} [${info.name}: ${info.detail ?? ''}]: ${perIter.toFixed(3)} s/iter, ${gflops.toFixed(1)} GFLOP/s` +
      `${Number.isNaN(target) ? '' : ` (target ≤ ${target} s)`} · numpy ≈ ${numpy} s → ${(perIter / numpy).toFixed(1)}× slower`,
  );
}
