/** Shared wiring of the binary experiments: recording a LinearRun, GD followed by log-time flow, SVM summaries. */
import { fault } from '@repro/harness';
import type { HardMarginSvmResult } from '@repro/linalg';
import type { MarginLossName } from '@repro/nets';
import { angleGap, directionGap, norm } from '../model/geometry.js';
import { logGrid, logTimeFlow, marginLossGrad, marginLossSum, margins, runGd, type MarginData } from '../model/linear.js';
import type { LinearRun, SvmSummary } from '../trace.js';

export function svmSummary(r: HardMarginSvmResult): SvmSummary {
  return {
    wHat: Array.from(r.w),
    alpha: Array.from(r.alpha),
    support: r.support,
    theta: r.theta,
    kktMax: Math.max(r.kkt.primal, r.kkt.dual, r.kkt.complementarity, r.kkt.stationarity),
  };
}

/** An empty run record and the recorder that fills it from (t, w). */
export function linearRecorder(
  data: MarginData,
  loss: MarginLossName,
  wHat: ArrayLike<number>,
  meta: Pick<LinearRun, 'label' | 'optimizer' | 'eta' | 'gamma' | 'w0'>,
): { run: LinearRun; record: (t: number, w: Float64Array) => void } {
  const run: LinearRun = {
    ...meta,
    loss,
    flowFrom: null,
    t: [],
    w: [],
    L: [],
    normW: [],
    minMargin: [],
    angleGap: [],
    dirGap: [],
    marginGap: [],
    rhoNorm: [],
    diverged: null,
  };
  const hatNorm = norm(wHat);
  const record = (t: number, w: Float64Array): void => {
    const u = margins(data, w);
    let mn = Number.POSITIVE_INFINITY;
    for (const v of u) mn = Math.min(mn, v);
    // planted fault 'norm-l1': ‖w‖₁ where the paper's normalized margin and ‖w‖ use the L2 norm
    const nw = fault('norm-l1') ? w.reduce((a, x) => a + Math.abs(x), 0) : norm(w);
    run.t.push(t);
    run.w.push(Array.from(w));
    run.L.push(marginLossSum(data, loss, w));
    run.normW.push(nw);
    run.minMargin.push(mn);
    run.angleGap.push(angleGap(w, wHat));
    run.dirGap.push(directionGap(w, wHat));
    run.marginGap.push(1 / hatNorm - mn / nw);
    if (t >= 1) {
      const lt = Math.log(t);
      let s = 0;
      for (let j = 0; j < w.length; j++) s += ((w[j] as number) - (wHat[j] as number) * lt) ** 2;
      run.rhoNorm.push(Math.sqrt(s));
    } else run.rhoNorm.push(Number.NaN);
  };
  return { run, record };
}

/**
 * Exact GD (or heavy ball) for `steps` iterations, then — if flowT > steps — the log-time flow with the effective step
 * η/(1−γ) (heavy ball tracks GD with that step after the transient) [NOTES.md §2] up to flowT. Records on a log grid.
 */
export function gdThenFlow(
  data: MarginData,
  loss: MarginLossName,
  wHat: ArrayLike<number>,
  opts: {
    label: string;
    eta: number;
    gamma?: number;
    w0?: ArrayLike<number>;
    steps: number;
    flowT: number;
    perDecade: number;
    hMax: number;
    tol: number;
  },
): LinearRun {
  const gamma = opts.gamma ?? 0;
  const w0 = opts.w0 ?? new Float64Array(data.d);
  const { run, record } = linearRecorder(data, loss, wHat, {
    label: opts.label,
    optimizer: gamma === 0 ? 'gd' : 'gdmo',
    eta: opts.eta,
    gamma,
    w0: Array.from(w0),
  });
  const T = Math.max(opts.steps, opts.flowT);
  const times = logGrid(T, opts.perDecade, opts.steps);
  const exactTimes = times.filter((t) => t <= opts.steps);
  if (exactTimes[exactTimes.length - 1] !== opts.steps) exactTimes.push(opts.steps);
  const gd = runGd(data, loss, { eta: opts.eta, gamma, w0, T: opts.steps, times: exactTimes }, record);
  if (gd.diverged !== null) {
    run.diverged = gd.diverged;
    return run;
  }
  if (opts.flowT > opts.steps) {
    run.flowFrom = opts.steps;
    const fl = logTimeFlow(
      (w, out) => marginLossGrad(data, loss, w, out),
      { eta: opts.eta / (1 - gamma), w0: gd.w, t0: opts.steps, t1: opts.flowT, times, hMax: opts.hMax, tol: opts.tol },
      record,
    );
    run.diverged = fl.diverged;
  }
  return run;
}
