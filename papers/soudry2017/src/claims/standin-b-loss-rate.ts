import { allOf, checkBand } from '@repro/harness';
import { logLogSlope } from '@repro/concentration';
import { first, indexAt, last, type SoudryClaim } from './select.js';

/**
 * Stand-in B [NOTES.md §8 item 1]: OLS slope of ln L vs ln t over [T/10, T] — pass in [−1.5, −0.8], fail outside [−2, −0.6],
 * inconclusive between; inconclusive also when zero training error was not reached by T/10 (the statement is about the
 * separated regime).
 */
const PASS: readonly [number, number] = [-1.5, -0.8];
const FAIL: readonly [number, number] = [-2, -0.6];

export const standinBLossRate: SoudryClaim = {
  id: 'soudry2017.standinB-loss-rate',
  source: 'Figure 3 (training loss ≈ 1/t), arXiv:1710.10345; CPU stand-in B (ReLU MLP on MNIST, SGD with momentum; NOTES.md §8)',
  statement: 'Stand-in for Figure 3 with every layer trained: once a bias-free ReLU MLP separates its training set, SGD with momentum drives the training loss down like 1/t up to logarithmic factors.',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['standinB'],
  catches: ['poly-tail'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness); replicates: perReplicate
  check(traces) {
    const s = first(traces, 'standinB');
    if (s.diverged !== null) throw new Error(`training diverged at step ${s.diverged.step}: ${s.diverged.reason}`);
    const [, t10, T] = s.anchors as [number, number, number];
    const i0 = indexAt(s.step, t10);
    const fit = logLogSlope(s.step.slice(i0), s.trainLoss.slice(i0));
    const sep = s.separatedAtStep;
    return allOf(
      {
        separated: checkBand(sep === null ? 10 * T : sep / t10, 1, Number.POSITIVE_INFINITY, 'first recorded step with zero training error / (T/10)'),
        notShallow: checkBand(fit.slope, PASS[1], FAIL[1], 'OLS slope of ln(training loss) vs ln t over [T/10, T]'),
        notSteep: checkBand(-fit.slope, -PASS[0], -FAIL[0], '−(OLS slope of ln(training loss) vs ln t over [T/10, T])'),
      },
      { slope: fit.slope, slopeCiLow: fit.slopeCi?.[0] ?? Number.NaN, slopeCiHigh: fit.slopeCi?.[1] ?? Number.NaN, separatedAtStep: sep ?? Number.NaN, T, tLAtT: T * last(s.trainLoss) },
    );
  },
};
