import { checkBound, type Claim } from '@repro/harness';
import type { SongYang2019Config } from '../config.js';
import type { SongYang2019Trace } from '../trace.js';
import { explicitWidth, mainRuns } from './main-run.js';
import { combine, maxRatioToGeometric } from './select.js';

/** Per-step contraction ratios L(k+1)/L(k) of a run. */
export function stepRatios(loss: readonly number[]): number[] {
  return loss.slice(1).map((L, k) => L / (loss[k] as number));
}

export const thmMain: Claim<SongYang2019Config, SongYang2019Trace> = {
  id: 'song-yang2019.thm.main',
  source: 'LN3 Theorem 7 (labelled there as the main result of [SY19]), arXiv:1906.03593',
  statement: 'With m = Ω(λ⁻⁴n⁴·polylog) and η = O(λ/n²), with high probability ‖u(k) − y‖² ≤ (1 − ηλ/2)^k ‖u(0) − y‖² for every k.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['main'],
  check(traces, cfg) {
    const runs = mainRuns(traces);
    const parts = runs.flatMap((t, i) => {
      const c = 1 - (t.eta * t.lambda) / 2;
      const floor = t.precision === 'float32';
      const A = maxRatioToGeometric(t.loss, c, floor);
      const B = stepRatios(t.loss).map((r) => r / c);
      return [
        { tag: `A_seed${i}`, v: checkBound(A.maxRatio, 1, 'le') },
        { tag: `B_seed${i}`, v: checkBound(B, 1, 'le') },
      ];
    });
    const t0 = runs[0] as (typeof runs)[number];
    const width = explicitWidth(t0.n, t0.residual0 ** 2, t0.lambda, cfg.delta);
    const v = combine(
      parts,
      { expected: '(A) max_k L(k)/((1 − ηλ/2)^k L(0)) ≤ 1; (B) every step L(k+1)/L(k) ≤ 1 − ηλ/2; η = λ/(4n²) (inside the step-size hypothesis)', tolerance: { kind: 'bound', side: 'le' } },
      `(C) display only — outside the width hypothesis: explicit width ${width.toExponential(3)} vs m = ${t0.m} (${(width / t0.m).toExponential(2)}×); ${t0.steps} steps, ${t0.precision}`,
    );
    v.observed.explicitWidthOverM = width / t0.m;
    v.observed.lambda = t0.lambda;
    return v;
  },
};
