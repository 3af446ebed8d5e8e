import type { Values } from '@repro/harness';
import type { Soudry2017Config } from './config.js';
import { norm } from './model/geometry.js';
import type { Soudry2017Trace } from './trace.js';
import { indexAt, replicatesOf, valueAt } from './claims/select.js';

const PROTO = 'prototype reference (its own seed/PRNG; sanity check only; NOTES.md §6)';

/** Named scalars for values.json: measured vs the prototype's reference numbers [NOTES.md §6] (labelled as such) and bounds with slack. */
export function values(traces: readonly Soudry2017Trace[], _cfg: Soudry2017Config): Values {
  const out: Values = {};
  const tr = traces[0];
  const f = tr?.fig1;
  if (f !== undefined) {
    out['fig1.sigmaMax'] = { value: f.sigmaMax, note: 'σ_max of the Figure-1 data (rows z_n)' };
    out['fig1.eta'] = { value: f.eta, bound: f.stepBound, slack: f.stepBound / f.eta, note: 'η = 1/σ_max vs the logistic step bound 8/σ²_max' };
    out['fig1.normWHat'] = { value: norm(f.svm.wHat), paper: Math.SQRT1_2, note: '‖ŵ‖ (exact: 1/√2)' };
    out['fig1.theta'] = { value: f.svm.theta, note: 'min over non-support points of ŵᵀz_n' };
    const gd = f.runs[0];
    if (gd !== undefined && gd.diverged === null) {
      const T = gd.t[gd.t.length - 1] as number;
      out['fig1.gd.normOverLnT'] = { value: (gd.normW[gd.normW.length - 1] as number) / Math.log(T), paper: `0.7284 (10⁵) / 0.7209 (10⁶), ${PROTO}`, note: `‖w(T)‖/ln T at T = ${T}; target ‖ŵ‖` };
      out['fig1.gd.tL'] = { value: T * (gd.L[gd.L.length - 1] as number), paper: `3.372 (10⁵) / 3.447 (10⁶), ${PROTO}`, note: `t·L at T; target ‖ŵ‖²/η = ${(norm(f.svm.wHat) ** 2 / f.eta).toPrecision(5)}` };
      out['fig1.gd.angleGap'] = { value: gd.angleGap[gd.angleGap.length - 1] as number, paper: `1.6e-6 at 10⁵, ${PROTO}`, note: '1 − cos(w(T), ŵ)' };
      out['fig1.gd.marginGap'] = { value: gd.marginGap[gd.marginGap.length - 1] as number, paper: `1.3e-3 at 10⁵, ${PROTO}`, note: 'normalized margin gap at T' };
    }
    const mo = f.runs[1];
    if (mo !== undefined) out['fig1.gdmoPaperStep.tL'] = { value: (mo.t[mo.t.length - 1] as number) * (mo.L[mo.L.length - 1] as number), note: 'GDMO at η = 1/σ_max: t·L at T (freezes; NOTES.md §4)' };
  }
  const a = tr?.asym;
  if (a !== undefined) {
    out['asym.alpha1'] = { value: a.svm.alpha[0] as number, paper: 0.84, note: 'SVM dual variable α₁ (exact)' };
    out['asym.alpha2'] = { value: a.svm.alpha[1] as number, paper: 0.8, note: 'SVM dual variable α₂ (exact)' };
    out['asym.wTilde1'] = { value: a.wTilde[0] as number, paper: -2.128232, note: `w̃₁, ${PROTO}` };
    out['asym.wTilde2'] = { value: a.wTilde[1] as number, paper: -1.653795, note: `w̃₂, ${PROTO}` };
    const gd = a.runs[0];
    if (gd !== undefined) {
      out['asym.gd.tL.1e6'] = { value: 1e6 * valueAt(gd.t, gd.L, 1e6), paper: 16.4006, note: `t·L at 10⁶ (target ‖ŵ‖²/η = 16.4), ${PROTO}` };
      const i = gd.t.indexOf(1e6);
      if (i >= 0) out['asym.rhoMinusWTilde.1e6'] = { value: a.rhoMinusTilde[0]?.[i] as number, paper: 3.0e-4, note: `‖ρ − w̃‖ at 10⁶, logistic, ${PROTO}` };
      const T = gd.t[gd.t.length - 1] as number;
      out['asym.rhoMinusWTilde.T'] = { value: a.rhoMinusTilde[0]?.[gd.t.length - 1] as number, note: `‖ρ − w̃‖ at T = ${T.toExponential(0)} (prototype: 6.0e-7 at 10¹⁰)` };
    }
    const mo = a.runs[2];
    if (mo !== undefined) out['asym.gdmo.tL.1e6'] = { value: 1e6 * valueAt(mo.t, mo.L, 1e6), paper: 1.639, note: `heavy ball γ = 0.9: t·L at 10⁶ (target 1.64), ${PROTO}` };
  }
  const ti = tr?.tight;
  if (ti !== undefined) {
    const T = ti.t[ti.t.length - 1] as number;
    out['tight.gapTimesLnT'] = { value: (ti.gap[ti.gap.length - 1] as number) * Math.log(T), paper: 0.9986, note: `direction gap·ln t at ${T.toExponential(0)}, ${PROTO}` };
  }
  const ad = tr?.adam;
  if (ad !== undefined)
    for (const r of ad.runs) out[`adam.${r.optimizer}.${r.eta.toPrecision(3)}.angleGap`] = { value: r.angleGap[r.angleGap.length - 1] as number, paper: r.optimizer === 'adam' ? `0.35–0.40 at 2·10⁶, ${PROTO}` : `7.7e-5 at 2·10⁶, ${PROTO}`, note: `${r.label}: 1 − cos at T` };
  const v = tr?.valLoss;
  if (v !== undefined) {
    out['valLoss.predictedSlope'] = { value: v.predictedSlope, paper: `0.3626, ${PROTO}`, note: 'mean_V max(0, −ŵᵀz_k)' };
    out['valLoss.valErrorAtT'] = { value: v.valError[v.valError.length - 1] as number, note: 'validation error at T (report only)' };
    out['valLoss.svmValError'] = { value: v.svmValError, note: 'validation error of ŵ' };
  }
  const s = tr?.standin;
  if (s !== undefined) {
    out['standin.eta'] = { value: s.eta, note: 'η = 2/σ²_max(F)' };
    out['standin.separatedAt'] = { value: s.separatedAt ?? Number.NaN, note: 'first recorded t with zero training error' };
    out['standin.valErrorAtT'] = { value: s.valError[s.valError.length - 1] as number, paper: `18.7% at 10⁸ (784 px, N = 300), ${PROTO}`, note: 'validation error at T (report only)' };
    out['standin.normWAtT'] = { value: s.normW[s.normW.length - 1] as number, paper: `38.8 at 10⁸ (784 px, N = 300), ${PROTO}`, note: '‖W(T)‖_F' };
    // Table 1's columns (last-layer L2 norm, train loss / error, validation loss / error) for stand-in A, one row per power of
    // ten of t: the shape of the paper's CIFAR-10 table on our substitute (the CIFAR numbers themselves are not transcribed).
    for (let k = 1; 10 ** k <= (s.t[s.t.length - 1] as number) * (1 + 1e-12); k++) {
      const i = s.t.findIndex((t) => Math.abs(t - 10 ** k) <= 1e-9 * 10 ** k);
      if (i < 0) continue;
      const row = `table1-standin.t1e${k}`;
      const at = `stand-in A at t = 10^${k} (Table 1 column, substitute for CIFAR-10)`;
      out[`${row}.normW`] = { value: s.normW[i] as number, note: `‖W‖_F, ${at}` };
      out[`${row}.trainLoss`] = { value: (s.trainLoss[i] as number) / s.nTrain, note: `mean training cross-entropy, ${at}` };
      out[`${row}.trainError`] = { value: s.trainError[i] as number, note: `training error, ${at}` };
      out[`${row}.valLoss`] = { value: s.valLoss[i] as number, note: `mean validation cross-entropy, ${at}` };
      out[`${row}.valError`] = { value: s.valError[i] as number, note: `validation error, ${at}` };
    }
  }
  if (tr !== undefined) Object.assign(out, table1Values(tr));
  return out;
}

/**
 * The paper's Table 1 (CIFAR-10 convnet, SGD with momentum at a constant learning rate) as we read it [NOTES.md §8]:
 * **recalled, not checked against the PDF**; shown beside ours, never gated. Epoch → [last-layer L2 norm, train loss,
 * train error, validation loss, validation error] [arXiv:1710.10345 Table 1].
 */
export const TABLE1_PAPER: Readonly<Record<number, readonly [number, number, number, number, number]>> = {
  50: [13.6, 0.1, 0.04, 0.52, 0.124],
  100: [16.5, 0.03, 0.012, 0.55, 0.104],
  200: [19.6, 0.02, 0.006, 0.77, 0.111],
  400: [20.3, 0.002, 0.0007, 0.77, 0.091],
  2000: [25.9, 1e-4, 0, 1.01, 0.0892],
  4000: [27.54, 3e-5, 0, 1.18, 0.089],
};
export const TABLE1_COLUMNS = ['normLast', 'trainLoss', 'trainError', 'valLoss', 'valError'] as const;
const TABLE1_LABEL = "paper's Table 1 (CIFAR-10 convnet), recalled from the paper, not checked against the PDF [NOTES.md §8]";

/**
 * Table 1's columns for stand-in B at the epochs of `standinBTableEpochs` (`table1.standinB.e<epoch>.<column>`): the mean
 * over the replicates [NOTES.md §9] (sd when there are several), with the paper's CIFAR-10 number beside it where the paper's
 * table has that epoch. A substitute's numbers next to the paper's, not a reproduction of them.
 */
function table1Values(tr: Soudry2017Trace): Values {
  const out: Values = {};
  const reps = replicatesOf([tr]).map((r) => r.standinB);
  const b0 = reps[0];
  if (b0 === undefined || reps.some((b) => b === undefined)) return out;
  for (const e of b0.tableEpochs) {
    const paperRow = TABLE1_PAPER[e];
    TABLE1_COLUMNS.forEach((col, j) => {
      const xs = reps.map((b) => {
        const s = b as NonNullable<typeof b>;
        return s[col][indexAt(s.step, e * s.stepsPerEpoch)] as number;
      });
      const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
      const entry: Values[string] = {
        value: mean,
        note: `stand-in B (MLP ${b0.widths.join('-')} on ${b0.nTrain} MNIST digits, SGD + momentum) after epoch ${e}: ${col === 'normLast' ? '‖W₃‖_F' : col}, mean over ${xs.length} replicate(s); a substitute for the CIFAR-10 run, not the paper's experiment`,
      };
      if (xs.length > 1) entry.sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
      if (paperRow !== undefined) entry.paper = `${paperRow[j]} (${TABLE1_LABEL})`;
      out[`table1.standinB.e${e}.${col}`] = entry;
    });
  }
  return out;
}
