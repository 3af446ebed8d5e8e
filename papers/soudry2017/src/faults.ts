import type { FaultSpec } from '@repro/harness';

/**
 * Planted faults (`--fault <name>`, smoke only): plausible bugs in this paper's model code and at its call sites of the core
 * math, each at the place where it would live (see `fault(...)` in model/ and experiments/). The claims that must notice
 * each one declare it in `catches`; `node scripts/check-power.mjs soudry2017` runs them.
 */
export const faults = {
  'svm-rotated': {
    description: 'the hard-margin SVM direction ŵ comes back rotated by 5° (norm and dual variables kept) — a solver stopped at a wrong vertex, planted at our call sites of hardMarginSvm / hardMarginSvmMulticlass',
    layer: 'core',
  },
  'mean-loss': {
    description: 'GD and the flow use the gradient of the mean loss (1/N)·Σℓ instead of the summed loss the paper defines (the step is silently divided by N)',
    layer: 'model',
  },
  'poly-tail': {
    description: "a 'cheap exp': e^{−u} for u ≥ 0 evaluated as 1/(1 + u + u²/2) in −ℓ′ (binary losses) and in the softmax probabilities of the gradient — the exponential tail becomes polynomial",
    layer: 'model',
  },
  'label-flip': {
    description: 'one Figure-1 label flipped in the data GD trains on (ŵ still from the intended labels): the training set is no longer linearly separable',
    layer: 'model',
  },
  'norm-l1': {
    description: 'the recorded ‖w‖ (and so the normalized margin min_n z_nᵀw/‖w‖) uses the L1 norm instead of the L2 norm of ŵ’s margin 1/‖ŵ‖₂',
    layer: 'model',
  },
} as const satisfies Record<string, FaultSpec>;

export type Soudry2017Fault = keyof typeof faults;
