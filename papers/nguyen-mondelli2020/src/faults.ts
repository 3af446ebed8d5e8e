import type { FaultSpec } from '@repro/harness';

/**
 * Planted faults (`--fault <name>`, smoke profile only): plausible bugs in this paper's model code and in the core math it
 * uses, each planted with `fault('<name>')` at the place the bug would live. `node scripts/check-power.mjs nguyen-mondelli2020`
 * runs the smoke profile once per fault and checks that every claim declaring it (`catches`) does not pass.
 */
export const faults = {
  'loss-mean': {
    description: 'the GD loss averaged over the N samples, Φ = ½‖F_L − Y‖²/N, instead of the sum NM20 trains (tfjs meanSquaredError; NOTES.md §1)',
    layer: 'model',
  },
  'grad-half-dropped': {
    description: 'backprop of ‖F_L − Y‖² used with the loss ½‖F_L − Y‖² (the ½ dropped: every gradient 2× the loss\'s gradient)',
    layer: 'model',
  },
  'lambda-star-variance': {
    description: "λ_*'s Gaussian dual taken at pre-activation variance 0.8 instead of 1 (w ~ N(0, 0.8·I/d) in the quadrature: λ_* about 20 % too small)",
    layer: 'core',
  },
  'he-variance': {
    description: 'the ReLU-net weights of the NTK experiments (He, N(0,1)) drawn with variance 1.2× the intended one (2.4/fan_in for He)',
    layer: 'model',
  },
  'lecun-variance': {
    description: 'LeCun weights drawn with the fan-in off by 20 %: variance 1/(0.8·fan_in) = 1.25/fan_in instead of 1/fan_in',
    layer: 'model',
  },
  'ntk-missing-last-term': {
    description: "the empirical NTK's layer sum without its last term (F_{L−1}F_{L−1}ᵀ)∘(B_LB_Lᵀ), the output layer's gradient (a loop stopping one layer early)",
    layer: 'core',
  },
  'fig2-normalization-swap': {
    description: "Figure 2's two normalizations swapped (NOTES.md §6): right panel N(0,1) weights with 4K̄/(n_1n_2), left panel He weights unscaled",
    layer: 'model',
  },
  'unit-norm-data': {
    description: 'the Gaussian data x ~ N(0, I_d) rescaled to unit norm (never unit norm, λ_min ∝ ‖x‖²; NOTES.md §1)',
    layer: 'model',
  },
} as const satisfies Record<string, FaultSpec>;

export type Nm20Fault = keyof typeof faults;
