import type { Figure, FigureRow } from '@repro/harness';
import { gdRuns } from '../claims/select.js';
import type { Nm20Config } from '../config.js';
import type { Nm20Experiment, Nm20Trace } from '../trace.js';

/** Plot every this many steps (keeps the SVG small). */
const STRIDE = 10;

export const nm20LossFigure: Figure<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nm20.loss',
  title: 'NM20 (repo figure): Φ_k/Φ_0 vs k with the PL-rate bound Π(1 − ημ_j)',
  caption:
    'Repo illustration (NM20 has no experiments): GD on the run-set-R nets, harness seed 0, init seed 0, smallest depth and largest γ; solid Φ_k/Φ_0 per n_1, dashed the bound Π_{j<k}(1 − ημ_j) from the measured PL constants.',
  profiles: ['smoke', 'paper'],
  needs: ['gd'],
  claims: ['nm20.thm3.2-linear-rate', 'nm20.pl-inequality', 'nm20.trajectory-ball'],
  data: (traces) => {
    const runs = gdRuns(traces.slice(0, 1));
    const L = Math.min(...runs.map(({ run }) => run.L));
    const gamma = Math.max(...runs.map(({ run }) => run.gamma));
    const out: FigureRow[] = [];
    for (const { run } of runs.filter(({ run }) => run.seed === 0 && run.L === L && run.gamma === gamma)) {
      const phi0 = run.loss[0] as number;
      let logB = 0;
      run.loss.forEach((phi, k) => {
        if (k > 0) logB += Math.log1p(-run.eta * (run.mu[k - 1] as number));
        if (k % STRIDE !== 0 || !(phi / phi0 > 1e-22)) return;
        out.push({ series: `n1 = ${run.n1}`, n1: run.n1, kind: 'loss', step: k, value: phi / phi0 });
        out.push({ series: `n1 = ${run.n1}`, n1: run.n1, kind: 'bound', step: k, value: Math.max(Math.exp(logB), 1e-22) });
      });
    }
    return out;
  },
  spec: (rows) => ({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'GD loss vs the PL-rate bound',
    width: 480,
    height: 300,
    data: { values: rows },
    encoding: {
      x: { field: 'step', type: 'quantitative', title: 'GD step k' },
      y: { field: 'value', type: 'quantitative', title: 'Φ_k / Φ_0', scale: { type: 'log' }, axis: { format: '.0e' } },
      color: { field: 'series', type: 'nominal', title: 'width', sort: { field: 'n1' } },
      strokeDash: { field: 'kind', type: 'nominal', title: '' },
    },
    mark: { type: 'line', strokeWidth: 1.8 },
  }),
};
