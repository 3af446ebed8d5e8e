import { checkBound, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Trace } from '../trace.js';
import { aboveFloor, gdRuns, need } from './select.js';

export const lemmaB2: Claim<Nm20Config, Nm20Trace> = {
  id: 'nm20.lemmaB2',
  source: 'Lemma B.2, arXiv:2002.07867 [card §3, C]',
  statement:
    'Gradients and features are controlled by spectral norms: ‖∇_{W_l}Φ‖_F ≤ ‖X‖_FΠ_{p≠l}‖W_p‖_2‖F_L − Y‖_F, and inside ‖W_p‖_2 ≤ λ̄_p the feature map is Lipschitz, ‖F_l(a) − F_l(b)‖_F ≤ ‖X‖_FΠ_{p≤l}λ̄_pΣ_{p≤l}‖W_pᵃ − W_pᵇ‖_2/λ̄_p.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['gd', 'lipschitz'],
  check(traces) {
    // Gradient bound: every GD step above the float floor of every run of R (ratio LHS/RHS ≤ 1).
    const grad: number[] = [];
    for (const { tr, run } of gdRuns(traces)) for (const k of aboveFloor(run, tr.floor)) grad.push(run.gradBoundRatio[k] as number);
    const feat = need(traces, 'lipschitz').flatMap((t) => t.pairs.map((p) => p.ratio));
    const g = checkBound(grad, 1, 'le');
    const f = checkBound(feat, 1, 'le');
    const ok = g.status === 'pass' && f.status === 'pass';
    const notes = [g.note && `gradient: ${g.note}`, f.note && `features: ${f.note}`].filter(Boolean);
    return {
      status: ok ? 'pass' : 'fail',
      observed: {
        maxGradRatio: g.observed.observed as number,
        gradSlack: g.observed.slack as number,
        gradPoints: grad.length,
        maxFeatureRatio: f.observed.observed as number,
        featureSlack: f.observed.slack as number,
        pairs: feat.length,
      },
      expected: 'LHS/RHS ≤ 1 (relative slack 1e−6) at every GD step of run set R and for every parameter pair',
      tolerance: { kind: 'bound', side: 'le' },
      ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    };
  },
};
