/**
 * One record per activation: σ and σ′ (scalar and vectorized float64, tfjs float32) and the maps of its infinite-width
 * limit. Every other file of this package takes σ, σ′ and the kernel maps from here (`activation(a)`): the MLP forward and
 * backward passes (mlp.ts, ntk-mlp.ts), the empirical NTK (empirical-ntk.ts), the closed-form limits (`reluNtkLimit`,
 * `reluNtkLimitWithBias`) and the Gaussian dual (`gaussianDual`, expected-ntk.ts).
 *
 * The limit maps, for (u, v) standard normal with correlation ρ = cos θ [packages/nets/README.md §Kernel derivations]:
 * - ReLU: E[σ′(u)σ′(v)] = k₀(θ)/2 with k₀(θ) = (π − θ)/π, E[σ(u)σ(v)] = k₁(θ)/2 with k₁(θ) = J₁(θ)/π, the arc-cosine
 *   kernels of degree 0 and 1 at unit norms (`arcCosineJ`, Cho & Saul 2009). In angle form, the angle of the next layer's
 *   Gram is θ′ = `arcCosineThetaMap(1, θ)` (cos θ′ = J₁(θ)/J₁(0)).
 * - Smooth leaky ReLU σ_{γ,β}: no closed form; the dual E[σ(u)σ(v)] by Gauss–Hermite quadrature (`gaussianDual`).
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { getTf } from './backend.js';
import { arcCosineJ, arcCosineThetaMap } from './kernels.js';

/** ReLU (σ'(0) = 0), or the smooth leaky ReLU σ_{γ,β}(x) = γx + (1−γ)(softplus(βx) − ln 2)/β with σ' ∈ (γ, 1). */
export type Activation = { name: 'relu' } | { name: 'smoothLeakyRelu'; gamma: number; beta: number };

/**
 * The closed-form maps of the infinite-width limit of ReLU (the arc-cosine kernels of degree 0 and 1 at unit norms), in
 * angle form: θ ∈ [0, π] is the angle between two inputs of a layer.
 */
export interface ArcCosineLimitMaps {
  /** k₀(θ) = J₀(θ)/π = (π − θ)/π = 2·E[σ′(u)σ′(v)]: the derivative kernel Σ̇ of the NTK recursion (c_σ = 2). */
  k0(theta: number): number;
  /** θ′ with cos θ′ = k₁(θ)/k₁(0) = J₁(θ)/π: the angle of the next layer's NNGP Gram (`arcCosineThetaMap(1, θ)`). */
  k1Angle(theta: number): number;
  /** k₁ in cosine form at unit variances, halved: ρ ↦ E[σ(u)σ(v)] = (√(1−ρ²) + (π − arccos ρ)ρ)/(2π) (ρ clamped to [−1, 1]). */
  dual(rho: number): number;
}

/** One activation: σ, σ′ and its infinite-width maps (`activation(a)`). */
export interface ActivationRecord {
  /** The activation it was made from. */
  readonly spec: Activation;
  /** σ(x), float64. */
  f(x: number): number;
  /** σ′(x), float64 (ReLU: σ′(0) = 0). */
  df(x: number): number;
  /** σ(z) and σ′(z) for every entry of z in one pass (float64). */
  fdf(z: Float64Array): { f: Float64Array; df: Float64Array };
  /** σ as a tfjs op (float32, differentiable by tfjs autodiff; ReLU's subgradient at 0 is 0 as in tfjs). */
  tf(t: tfc.Tensor): tfc.Tensor;
  /** σ′ as a tfjs op (float32): ReLU 1[x > 0], σ_{γ,β}: γ + (1−γ)·sigmoid(βx). */
  dfTf(t: tfc.Tensor): tfc.Tensor;
  /** The closed-form limit maps where they exist (ReLU: the arc-cosine kernels); undefined otherwise (use `gaussianDual`). */
  readonly limit: ArcCosineLimitMaps | undefined;
}

/**
 * Numerically safe softplus(z) = max(z, 0) + log1p(e^{−|z|}).
 * @example
 * ```ts
 * import { softplus } from '@repro/nets';
 *
 * softplus(0); // → 0.69314718
 * softplus(1000); // → 1000
 * ```
 */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

const RELU_LIMIT: ArcCosineLimitMaps = {
  k0: (theta) => arcCosineJ(0, theta) / Math.PI,
  k1Angle: (theta) => arcCosineThetaMap(1, theta),
  dual: (rho) => {
    const r = Math.min(1, Math.max(-1, rho));
    return (Math.sqrt(Math.max(0, (1 - r) * (1 + r))) + (Math.PI - Math.acos(r)) * r) / (2 * Math.PI);
  },
};

const RELU: ActivationRecord = {
  spec: { name: 'relu' },
  f: (x) => (x > 0 ? x : 0),
  df: (x) => (x > 0 ? 1 : 0),
  fdf(z) {
    const n = z.length;
    const f = new Float64Array(n);
    const df = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      if (x > 0) {
        f[i] = x;
        df[i] = 1;
      }
    }
    return { f, df };
  },
  tf: (t) => getTf().relu(t),
  dfTf: (t) => getTf().step(t, 0),
  limit: RELU_LIMIT,
};

function smoothLeakyRelu(a: { name: 'smoothLeakyRelu'; gamma: number; beta: number }): ActivationRecord {
  const { gamma, beta } = a;
  if (!(gamma > 0 && gamma < 1 && beta > 0)) throw new RangeError(`smoothLeakyRelu needs γ ∈ (0,1) and β > 0, got γ=${gamma}, β=${beta}`);
  const c = (1 - gamma) / beta;
  const g1 = 1 - gamma;
  return {
    spec: a,
    f: (x) => gamma * x + c * (softplus(beta * x) - Math.LN2),
    df: (x) => gamma + (1 - gamma) / (1 + Math.exp(-beta * x)),
    // One exp serves both, e = exp(−β|z|): σ = γz + ((1−γ)/β)(max(βz, 0) + log1p(e) − ln 2),
    // σ' = γ + (1−γ)·(βz ≥ 0 ? 1/(1+e) : e/(1+e)). Same σ as `f` bit for bit; σ' agrees with `df` to rounding (the logistic
    // of a negative argument is taken in its overflow-free form).
    fdf(z) {
      const n = z.length;
      const f = new Float64Array(n);
      const df = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const x = z[i] as number;
        const bx = beta * x;
        const e = Math.exp(-Math.abs(bx));
        f[i] = gamma * x + c * (Math.max(bx, 0) + Math.log1p(e) - Math.LN2);
        df[i] = gamma + g1 * (bx >= 0 ? 1 / (1 + e) : e / (1 + e));
      }
      return { f, df };
    },
    tf: (t) => {
      const tf = getTf();
      return tf.add(tf.mul(gamma, t), tf.mul((1 - gamma) / beta, tf.sub(tf.softplus(tf.mul(beta, t)), Math.LN2)));
    },
    dfTf: (t) => {
      const tf = getTf();
      return tf.tidy(() => tf.add(gamma, tf.mul(1 - gamma, tf.sigmoid(tf.mul(beta, t)))));
    },
    limit: undefined,
  };
}

/**
 * The record of an activation: σ, σ′ (float64 scalar and vectorized, tfjs float32) and, for ReLU, the arc-cosine maps of
 * the infinite-width limit. Validates the parameters (σ_{γ,β} needs γ ∈ (0, 1), β > 0).
 * @example
 * ```ts
 * import { activation } from '@repro/nets';
 *
 * const relu = activation({ name: 'relu' });
 * [relu.f(-1), relu.f(2), relu.df(0), relu.df(2)]; // → [0, 2, 0, 1] (σ′(0) = 0)
 * relu.limit!.k0(Math.PI / 2); // → 0.5 (k₀ = (π − θ)/π)
 * Math.cos(relu.limit!.k1Angle(Math.PI / 2)); // → 0.31830989 (J₁(π/2)/π = 1/π)
 * relu.limit!.dual(0); // → 0.15915494 (E[relu(u)relu(v)] = 1/(2π) at ρ = 0)
 * const sl = activation({ name: 'smoothLeakyRelu', gamma: 0.2, beta: 1 });
 * sl.df(0); // → 0.6 (γ + (1 − γ)/2)
 * sl.limit; // → undefined (no closed form: gaussianDual integrates it)
 * ```
 */
export function activation(a: Activation): ActivationRecord {
  if (a.name === 'relu') return RELU;
  return smoothLeakyRelu(a);
}
