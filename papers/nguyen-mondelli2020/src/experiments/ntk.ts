/**
 * The paper's call sites of the core NTK and ReLU-net initialization routines (@repro/nets), with the planted faults that
 * would live there: `ntk-missing-last-term` (the layer sum stopping one layer early) and `he-variance` (the weight sampler's
 * variance 1.2× the intended one).
 */
import type { Key } from '@repro/concentration';
import { fault } from '@repro/harness';
import { gram, matrix, type Matrix } from '@repro/linalg';
import { empiricalNtk, empiricalNtkTf, initMlp, mlpForward, type Activation, type EmpiricalNtk, type InitScheme, type MlpParams } from '@repro/nets';

/** Variance factor of the `he-variance` fault (He / N(0,1) draws). */
const HE_VARIANCE_FAULT = 1.2;
/** Variance factor of the `lecun-variance` fault: 1/(0.8·fan_in) instead of 1/fan_in. */
const LECUN_VARIANCE_FAULT = 1.25;

/**
 * initMlp as every experiment of this paper calls it. Planted faults: `he-variance` (He and N(0,1) draws 1.2× the intended
 * variance) and `lecun-variance` (LeCun draws with the fan-in off by 20 %, variance 1.25/fan_in).
 */
export function initWeights(k: Key, widths: readonly number[], scheme: InitScheme): MlpParams {
  const p = initMlp(k, widths, scheme);
  const v = scheme === 'lecun' ? (fault('lecun-variance') ? LECUN_VARIANCE_FAULT : 1) : fault('he-variance') ? HE_VARIANCE_FAULT : 1;
  if (v === 1) return p;
  const s = Math.sqrt(v);
  return { widths: p.widths, W: p.W.map((W) => matrix(W.rows, W.cols, W.data.map((x) => x * s))) };
}

/** K̄ without the term k = L−1, (F_{L−1}F_{L−1}ᵀ)∘(B_LB_Lᵀ) = F_{L−1}F_{L−1}ᵀ (scalar output: B_L all ones). */
function dropLastTerm(K: Matrix, p: MlpParams, X: Matrix, act: Activation): Matrix {
  const F = mlpForward(p, X, act).F[p.W.length - 1] as Matrix;
  const G = gram(F);
  return matrix(K.rows, K.cols, K.data.map((v, i) => v - (G.data[i] as number)));
}

/** K̄ by the float64 layer formula. */
export function layerNtk(p: MlpParams, X: Matrix, act: Activation): EmpiricalNtk {
  const r = empiricalNtk(p, X, act);
  return fault('ntk-missing-last-term') ? { ...r, K: dropLastTerm(r.K, p, X, act) } : r;
}

/** K̄ by the float32 tfjs layer formula. */
export async function layerNtkTf(p: MlpParams, X: Matrix, act: Activation, opts: { keepFeatureGrams?: boolean } = {}): Promise<EmpiricalNtk> {
  const r = await empiricalNtkTf(p, X, act, opts);
  return fault('ntk-missing-last-term') ? { ...r, K: dropLastTerm(r.K, p, X, act) } : r;
}
