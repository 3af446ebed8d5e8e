import { allOf, checkBound, need, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Experiment, Nm20Trace } from '../trace.js';
import { aboveFloor, gdRuns } from './select.js';

export const lemmaB2: Claim<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nm20.lemmaB2',
  source: 'Lemma B.2, arXiv:2002.07867',
  statement:
    'Gradients and features are controlled by spectral norms: ‖∇_{W_l}Φ‖_F ≤ ‖X‖_FΠ_{p≠l}‖W_p‖_2‖F_L − Y‖_F, and inside ‖W_p‖_2 ≤ λ̄_p the feature map is Lipschitz, ‖F_l(a) − F_l(b)‖_F ≤ ‖X‖_FΠ_{p≤l}λ̄_pΣ_{p≤l}‖W_pᵃ − W_pᵇ‖_2/λ̄_p.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['gd', 'lipschitz'],
  observational: 'a bound with slack (gradients ≈ 5×, features ≈ 1.4× at smoke) that follows from |σ′| ≤ 1 and |σ(x)| ≤ |x| of σ_{γ,β}; no planted fault (a loss scale, an init variance) can break it',
  check(traces) {
    // Gradient bound: every GD step above the float floor of every run of R (ratio LHS/RHS ≤ 1).
    const grad: number[] = [];
    for (const { tr, run } of gdRuns(traces)) for (const k of aboveFloor(run, tr.floor)) grad.push(run.gradBoundRatio[k] as number);
    const feat = need(traces, 'lipschitz').flatMap((t) => t.pairs.map((p) => p.ratio));
    return allOf({
      gradient: { ...checkBound(grad, 1, 'le'), expected: 'gradient LHS/RHS ≤ 1 at every GD step of run set R' },
      features: { ...checkBound(feat, 1, 'le'), expected: 'feature-Lipschitz LHS/RHS ≤ 1 on every parameter pair' },
    });
  },
};
