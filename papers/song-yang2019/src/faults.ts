import type { FaultSpec } from '@repro/harness';

/**
 * Planted faults (`--fault <name>`, smoke only): plausible bugs in this paper's model code or at its call sites of the
 * core math (@repro/nets, @repro/concentration), each planted where the bug would live (experiments/model.ts,
 * experiments/decomp.ts, experiments/perturb.ts). Which claims catch which fault: README "Planted faults".
 */
export const faults = {
  'gram-indicator': {
    description: 'H(W) built with the "same activation pattern" indicator 1{w_rᵀx_i·w_rᵀx_j ≥ 0} instead of 1{w_rᵀx_i ≥ 0, w_rᵀx_j ≥ 0} (the wrong activation indicator)',
    layer: 'core',
  },
  'hcts-offdiag': {
    description: 'H^cts off-diagonal entries mis-weighted by 0.9 (a kernel term off by 10 %; λ, λ_max and every use of H^cts follow)',
    layer: 'core',
  },
  'grad-factor': {
    description: 'the gradient of L = ½Σ(f − y)² off by a factor 2 (the ½ of the loss dropped): every GD step moves 2η∇L',
    layer: 'core',
  },
  'init-variance': {
    description: 'w_r(0) drawn from N(0, 1.2·I) instead of N(0, I) (initialization variance 20 % too large)',
    layer: 'core',
  },
  'flip-radius': {
    description: 'the pattern-flip event A_ir tested as |w̃_rᵀx_i| < 1.2R instead of < R (the perturbation radius scaled wrong)',
    layer: 'model',
  },
  'c3-sign': {
    description: 'the decomposition term C3 computed as +2eᵀv₂ instead of −2eᵀv₂ (a sign error in the C2/C3 split)',
    layer: 'model',
  },
} as const satisfies Record<string, FaultSpec>;

export type SongYang2019Fault = keyof typeof faults;
