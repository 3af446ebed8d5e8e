import type { FaultSpec } from '@repro/harness';

/**
 * Planted faults (`--fault <name>`, smoke only): plausible bugs in our arc-cosine code and in the core kernel math it calls,
 * each planted where the bug would live (src/kernels.ts wraps the @repro/nets call sites; the samplers and the SVM in
 * src/experiments). `node scripts/check-power.mjs cho-saul2009` checks that every claim declaring a fault catches it.
 */
export const faults = {
  'j1-sin2theta': {
    description: 'J_1(θ) = sin 2θ + (π − θ)cos θ instead of sin θ + (π − θ)cos θ (a mis-copied J_1 term; J_1(0) = π stays right)',
    layer: 'core',
  },
  'kernel-half': {
    description: 'the kernel normalization 1/(2π) instead of 1/π (the NNGP convention without the factor 2): every layer halves',
    layer: 'core',
  },
  'multilayer-norm': {
    description: 'the multilayer recursion uses [k(x,x)k(y,y)]^{1/2} instead of [k(x,x)k(y,y)]^{n/2} (‖x‖ for ‖x‖ⁿ)',
    layer: 'model',
  },
  'mc-variance': {
    description: 'the random-network weight sampler draws N(0, 1.2) instead of N(0, 1) (Monte Carlo and deep random networks)',
    layer: 'model',
  },
  'svm-no-bias': {
    description: 'SVM decision values f(x) = Σ α_i y_i K(x_i, x) without the bias b',
    layer: 'model',
  },
  'kpca-uncentred': {
    description: 'MKM kernel PCA on the uncentred Gram matrix (no centring in feature space, for the fit and the projected rows)',
    layer: 'model',
  },
  'mkm-degree-fixed': {
    description: 'MKM kernel PCA always uses the ramp kernel k_1, whatever degree n the job names (the degree not passed through to the kernel)',
    layer: 'model',
  },
  'mi-ascending': {
    description: 'MKM feature pruning keeps the features with the least mutual information with the label (ranking sorted the wrong way round)',
    layer: 'model',
  },
} as const satisfies Record<string, FaultSpec>;

export type ChoSaul2009Fault = keyof typeof faults;
