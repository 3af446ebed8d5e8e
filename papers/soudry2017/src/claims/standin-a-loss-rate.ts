import { checkRate } from '@repro/harness';
import { logLogSlope } from '@repro/concentration';
import { first, last, type SoudryClaim } from './select.js';

/** Stand-in A [NOTES.md §5]: slope of ln L vs ln t over the last two decades in [−1.1, −0.9]. */
const RANGE: readonly [number, number] = [-1.1, -0.9];

export const standinALossRate: SoudryClaim = {
  id: 'soudry2017.standinA-loss-rate',
  source: 'Figure 3 (training loss ≈ 1/t), arXiv:1710.10345; CPU stand-in A (linear softmax on MNIST; NOTES.md §7)',
  statement: 'Stand-in for Figure 3: training a linear softmax layer on fixed separable features, the training loss decays like 1/t.',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['standin'],
  catches: ['poly-tail'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const s = first(traces, 'standin');
    const T = last(s.t);
    const pts = s.t.map((t, i) => ({ t, L: s.trainLoss[i] as number })).filter(({ t }) => t >= (T / 100) * (1 - 1e-12));
    const fit = logLogSlope(
      pts.map((p) => p.t),
      pts.map((p) => p.L),
    );
    const r = checkRate(fit, RANGE);
    return { ...r, observed: { ...r.observed, tLAtT: T * last(s.trainLoss), separatedAt: s.separatedAt ?? Number.NaN, features: s.features, nTrain: s.nTrain }, expected: `log-log slope of the summed training loss over [T/100, T] (T = ${T.toExponential(0)}) in [${RANGE.join(', ')}]` };
  },
};
