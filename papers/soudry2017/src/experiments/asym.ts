import { matrix, solve } from '@repro/linalg';
import type { Soudry2017Config } from '../config.js';
import { asymmetricData, maxMargin } from '../model/data.js';
import { residual, distance } from '../model/geometry.js';
import type { MarginData } from '../model/linear.js';
import type { AsymTrace, LinearRun } from '../trace.js';
import { gdThenFlow, svmSummary } from './common.js';

/**
 * w̃ of Theorem 4 for GD with step η from w(0): w̃ = w(0) + Z_Sᵀc with z_nᵀw̃ = ln(η/α_n) on S (so η·e^{−z_nᵀw̃} = α_n) and the
 * component orthogonal to span(Z_S) left at w(0) (GD never moves it). Requires Z_S Z_Sᵀ non-singular (generic data, Lemma 8).
 */
export function wTildeOf(data: MarginData, alpha: ArrayLike<number>, support: readonly number[], eta: number, w0: ArrayLike<number>): number[] {
  const { Z, d } = data;
  const s = support.length;
  const G = matrix(s, s);
  const b = new Float64Array(s);
  for (let i = 0; i < s; i++) {
    const ni = support[i] as number;
    let zw0 = 0;
    for (let j = 0; j < d; j++) zw0 += (Z[ni * d + j] as number) * (w0[j] as number);
    b[i] = Math.log(eta / (alpha[ni] as number)) - zw0;
    for (let k = 0; k < s; k++) {
      const nk = support[k] as number;
      let v = 0;
      for (let j = 0; j < d; j++) v += (Z[ni * d + j] as number) * (Z[nk * d + j] as number);
      G.data[i * s + k] = v;
    }
  }
  const c = solve(G, b);
  const out = Array.from(w0, Number);
  for (let i = 0; i < s; i++) for (let j = 0; j < d; j++) out[j] = (out[j] as number) + (c[i] as number) * (Z[(support[i] as number) * d + j] as number);
  return out;
}

/** Our asymmetric data [NOTES.md §1]: GD with the logistic and the exp loss, and heavy ball, to asymSteps (then flow to asymFlowT). */
export function asym(cfg: Soudry2017Config): AsymTrace {
  const Z = asymmetricData();
  const svm = maxMargin(Z);
  const eta = cfg.asymEta;
  const gamma = cfg.fig1Momentum;
  const w0 = [0, 0];
  const wTilde = wTildeOf(Z, svm.alpha, svm.support, eta, w0);
  const wTildeMomentum = wTildeOf(Z, svm.alpha, svm.support, eta / (1 - gamma), w0);
  const common = { steps: cfg.asymSteps, perDecade: cfg.recordPerDecade, hMax: cfg.flowHMax, tol: cfg.flowTol };
  const runs: LinearRun[] = [
    gdThenFlow(Z, 'logistic', svm.w, { label: 'GD logistic', eta, flowT: cfg.asymFlowT, ...common }),
    gdThenFlow(Z, 'exp', svm.w, { label: 'GD exp', eta, flowT: cfg.asymFlowT, ...common }),
    gdThenFlow(Z, 'logistic', svm.w, { label: `GDMO logistic (γ = ${gamma})`, eta, gamma, flowT: cfg.asymSteps, ...common }),
  ];
  const rhoMinusTilde = runs.map((r, i) => r.t.map((t, k) => (t >= 1 ? distance(residual(r.w[k] as number[], svm.w, t), i === 2 ? wTildeMomentum : wTilde) : Number.NaN)));
  return { svm: svmSummary(svm), wTilde, eta, gamma, runs, rhoMinusTilde, wTildeMomentum };
}
