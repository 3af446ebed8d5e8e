import type { FaultSpec } from '@repro/harness';

/**
 * Planted faults (`--fault <name>`, smoke profile only): plausible bugs, each planted where it would live (src/model.ts,
 * the paper's call sites of the core math) and caught by the claims that declare it in `catches`.
 */
export const faults = {
  'hinf-scale': {
    description: 'H∞ closed form computed with 1/(2.2π) instead of 1/(2π): every entry 10 % low, diagonal 0.4545 instead of ½',
    layer: 'core',
  },
  'loss-mean': {
    description: 'gradient of the mean loss ½·(1/n)Σ(f − y)² instead of the sum loss ½Σ(f − y)²: every GD step 1/n as long',
    layer: 'core',
  },
  'output-scale': {
    description: 'output scaled by 1/m instead of 1/√m (a_r = ±1/√m at initialization)',
    layer: 'model',
  },
  'init-variance': {
    description: 'first-layer initialization w_r(0) ~ N(0, 1.2·I) instead of N(0, I) (sampler variance 20 % high)',
    layer: 'core',
  },
} as const satisfies Record<string, FaultSpec>;

export type Du2019Fault = keyof typeof faults;
