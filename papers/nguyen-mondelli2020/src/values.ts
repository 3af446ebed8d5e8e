import { meanSd } from '@repro/concentration';
import type { Values } from '@repro/harness';
import { curveFits, curveKey } from './claims/fig2-fit.js';
import { aboveFloor, maxRatioToPlRate, median, pathAndBound, perCurve } from './claims/select.js';
import { logLogSlope } from '@repro/concentration';
import type { Nm20Config } from './config.js';
import type { Fig2Point, Nm20Trace } from './trace.js';


/** Named scalars for values.json: measured vs bound with slack = how far inside the bound (≥ 1 holds). */
export function values(traces: readonly Nm20Trace[], _cfg: Nm20Config): Values {
  const out: Values = {};
  const gd = traces.flatMap((t) => (t.gd ? t.gd.runs.map((run) => ({ tr: t.gd as NonNullable<Nm20Trace['gd']>, run })) : []));
  const groups = new Map<string, typeof gd>();
  for (const g of gd) {
    const key = `n1${g.run.n1}.L${g.run.L}.g${g.run.gamma}`;
    groups.set(key, [...(groups.get(key) ?? []), g]);
  }
  for (const [key, rs] of groups) {
    const ok = rs.filter(({ run }) => run.diverged === null);
    if (ok.length === 0) {
      out[`nm20.${key}.diverged`] = { value: rs.length, note: 'runs that diverged or failed the step-size ladder' };
      continue;
    }
    const pl = ok.map(({ tr, run }) => Math.min(...aboveFloor(run, tr.floor).map((k) => (run.gradW2Sq[k] as number) / (2 * (run.mu[k] as number) * (run.loss[k] as number)))));
    const minPl = Math.min(...pl);
    out[`nm20.pl.${key}`] = { value: minPl, bound: 1, slack: minPl, note: 'min_k ‖∇_{W2}Φ_k‖² / (2μ_kΦ_k) (PL inequality holds when ≥ 1; slack = value)' };
    const rate = Math.max(...ok.map(({ tr, run }) => maxRatioToPlRate(run, tr.floor)));
    out[`nm20.rate.${key}`] = { value: rate, bound: 1, slack: 1 / rate, note: 'max_k Φ_k / (Π_{j<k}(1 − ημ_j)Φ_0)' };
    const pb = ok.map(({ run }) => pathAndBound(run));
    const worst = pb.reduce((a, b) => (b.path / b.bound > a.path / a.bound ? b : a));
    out[`nm20.path.${key}`] = { value: worst.path, bound: worst.bound, slack: worst.bound / worst.path, note: 'GD path length Σ_k η‖∇Φ_k‖ vs 2√(2Φ_0/μ̂) (worst seed)' };
    const fin = meanSd(ok.map(({ run }) => (run.loss.at(-1) as number) / (run.loss[0] as number)));
    out[`nm20.finalLossRatio.${key}`] = { value: fin.mean, sd: fin.sd, note: 'Φ_K/Φ_0' };
    out[`nm20.eta.${key}`] = { value: Math.min(...ok.map(({ run }) => run.eta)), note: `final step size after ≤ ${Math.max(...ok.map(({ run }) => run.halvings))} halvings of 0.25/λ_max(K̄_0)` };
    const inv = Math.min(...ok.map(({ run }) => Math.min(...run.sigmaF1) / (run.sigmaF1[0] as number)));
    out[`nm20.sigmaF1Retained.${key}`] = { value: inv, bound: 0.5, slack: inv / 0.5, note: 'min_k σ_N(F_1^k)/σ_N(F_1^0) vs ½ (enforced at n_1 ≥ N²)' };
  }
  for (const t of traces.slice(0, 1)) {
    for (const c of t.init?.cells ?? []) {
      const f = c.n1 / c.N;
      const med = median(c.rho);
      out[`nm20.initSigmaF1.d${c.d}.n1x${f}`] = {
        value: med,
        bound: 0.25,
        slack: med / 0.25,
        note: `median ρ = σ_N(F_1)²/(n_1λ_*) at LeCun init (N = ${c.N}, n_1 = ${c.n1}), lower bound ¼; min over trials ${Math.min(...c.rho).toPrecision(4)}`,
      };
    }
    for (const r of t.init?.lambdaStar ?? []) {
      const s = meanSd(r.values);
      out[`nm20.lambdaStar.d${r.d}`] = { value: s.mean, sd: s.sd, bound: 1, slack: 1 / s.mean, note: `λ_* on the √d-sphere, N = ${r.N} (≤ 1)` };
    }
  }
  const fig = (side: 'fig2R' | 'fig2L', label: string): void => {
    const pts: Fig2Point[] = traces.flatMap((t) => t[side] ?? []);
    if (pts.length === 0) return;
    for (const c of perCurve(pts)) {
      const key = curveKey(c[0]?.curve ?? '?');
      const { affine, loglog } = curveFits(c);
      const last = c.at(-1);
      if (last !== undefined) out[`${label}.lambdaMin.${key}.x${last.x}`] = { value: last.mean, sd: last.sd, note: 'λ_min at the largest grid point, trial mean ± sd' };
      out[`${label}.affineSlope.${key}`] = { value: affine.slope, note: `affine slope (95% CI [${affine.slopeCi[0].toPrecision(4)}, ${affine.slopeCi[1].toPrecision(4)}]), r = ${affine.r.toFixed(4)}` };
      out[`${label}.logLogSlope.${key}`] = { value: loglog.slope, note: 'log-log slope of the trial means' };
    }
    const low = Math.max(...pts.map((p) => p.lower / p.lambdaMin));
    const up = Math.max(...pts.map((p) => p.lambdaMin / p.upper));
    out[`${label}.sandwichLowerRatio`] = { value: low, bound: 1, slack: 1 / low, note: 'max over trials of (Thm 4.1 proof lower bound)/λ_min' };
    out[`${label}.sandwichUpperRatio`] = { value: up, bound: 1, slack: 1 / up, note: 'max over trials of λ_min / min_i K̄_ii' };
    out[`${label}.denseFallbacks`] = { value: pts.filter((p) => p.solver === 'dense').length, note: `trials whose λ_min(K̄) needed the dense eigen-solve (Lanczos unconverged), of ${pts.length}` };
    // Trial wall times live in the manifest (phases `fig2 right N=… d=… n1=… n2=…`, summed over trials), not here:
    // values.json must be byte-identical across runs.
  };
  fig('fig2R', 'nmm21.fig2R');
  fig('fig2L', 'nmm21.fig2L');

  // nm20.lemmaB2: worst LHS/RHS of the gradient bound over GD steps of R, and of the feature-Lipschitz bound over pairs.
  const gradRatios = gd.filter(({ run }) => run.diverged === null).flatMap(({ tr, run }) => aboveFloor(run, tr.floor).map((k) => run.gradBoundRatio[k] as number));
  if (gradRatios.length > 0) {
    const m = Math.max(...gradRatios);
    out['nm20.lemmaB2.gradRatio'] = { value: m, bound: 1, slack: 1 / m, note: `max over ${gradRatios.length} GD steps of ‖∇_{W_l}Φ‖_F/(‖X‖_FΠ_{p≠l}‖W_p‖_2‖F_L − Y‖_F)` };
  }
  const pairs = traces.flatMap((t) => t.lipschitz?.pairs ?? []);
  if (pairs.length > 0) {
    const m = Math.max(...pairs.map((p) => p.ratio));
    out['nm20.lemmaB2.featureRatio'] = { value: m, bound: 1, slack: 1 / m, note: `max over ${pairs.length} pairs (‖W_pᵃ − W_pᵇ‖_F = ${pairs[0]?.distance}) of ‖F_l(a) − F_l(b)‖_F / (‖X‖_FΠλ̄_pΣ‖ΔW_p‖_2/λ̄_p)` };
  }
  // nm20.lecun-width-scaling
  const lecunCells = traces.flatMap((t) => t.lecun ?? []);
  for (const n1 of [...new Set(lecunCells.map((c) => c.n1))].sort((a, b) => a - b)) {
    const cs = lecunCells.filter((c) => c.n1 === n1);
    const d = cs[0]?.d ?? Number.NaN;
    out[`nm20.lecun.w1Norm.n1${n1}`] = { value: median(cs.flatMap((c) => c.w1Norm)), paper: 1 + Math.sqrt(n1 / d), note: `median ‖W_1⁰‖_2 at LeCun init (d = ${d}); "paper" = 1 + √(n_1/d) (NOTES.md §3)` };
    out[`nm20.lecun.outputScale.n1${n1}`] = { value: median(cs.flatMap((c) => c.outputNorm)), note: 'median ‖F_L(θ_0)‖_F/√N at LeCun init' };
  }
  // nm20.sec3.1-width-N
  const wn = traces.flatMap((t) => (t.widthN ? t.widthN.runs.map((run) => ({ floor: (t.widthN as NonNullable<Nm20Trace['widthN']>).floor, run })) : []));
  const wnGroups = new Map<string, typeof wn>();
  for (const g of wn) {
    const key = `L${g.run.L}.s${g.run.s}.g${g.run.gamma}`;
    wnGroups.set(key, [...(wnGroups.get(key) ?? []), g]);
  }
  for (const [key, rs] of wnGroups) {
    const ok = rs.filter(({ run }) => run.diverged === null);
    if (ok.length === 0) {
      out[`nm20.widthN.${key}.diverged`] = { value: rs.length, note: 'runs that diverged or failed the step-size ladder' };
      continue;
    }
    const fin = Math.max(...ok.map(({ run }) => (run.loss.at(-1) as number) / (run.loss[0] as number)));
    out[`nm20.widthN.finalLossRatio.${key}`] = { value: fin, bound: 1e-10, slack: 1e-10 / fin, note: 'worst Φ_K/Φ_0 from the tailored width-N init (bound 1e−10)' };
    const rated = ok.filter(({ run }) => run.descentOk);
    if (rated.length > 0) {
      const r = Math.max(...rated.map(({ floor, run }) => maxRatioToPlRate(run, floor)));
      out[`nm20.widthN.rate.${key}`] = { value: r, bound: 1, slack: 1 / r, note: 'max_k Φ_k/(Π_{j<k}(1 − ημ_j)Φ_0), width-N runs' };
    }
  }
  // nmm21.lemma5.2-chernoff
  for (const c of traces.flatMap((t) => t.chernoff?.cells ?? [])) {
    const med = median(c.rho);
    out[`nmm21.lemma52.rho.d${c.d}.n1x${c.n1 / c.N}`] = {
      value: med,
      bound: 0.25,
      slack: med / 0.25,
      note: `median ρ = σ_min(F_1)²/(n_1λ_min(G^{(2)})/d), ReLU He (N = ${c.N}, n_1 = ${c.n1}), lower bound ¼; min ${Math.min(...c.rho).toPrecision(4)}; matrix Chernoff bound on P(ρ ≤ ¼) with plug-in R: median ${median(c.chernoffTail).toPrecision(3)}`,
    };
  }
  // nmm21.thm4.1-lambda-min-linear-n1
  const sweep = traces.flatMap((t) => t.n1Sweep ?? []);
  if (sweep.length > 0) {
    const c = perCurve(sweep)[0] ?? [];
    for (const p of c) out[`nmm21.n1Sweep.lambdaMin.n1${p.x}`] = { value: p.mean, sd: p.sd, note: `λ_min(K̄), He init, ${p.curve}, trial mean ± sd` };
    if (c.length >= 2) out['nmm21.n1Sweep.logLogSlope'] = { value: logLogSlope(c.map((p) => p.x), c.map((p) => p.mean)).slope, paper: 1, note: 'log-log slope of mean λ_min(K̄) vs n_1 (theory: Θ(n_1))' };
  }
  // nmm21.lemma3.1-limit
  const lim = traces.flatMap((t) => t.ntkLimit?.rows ?? []);
  const limWidths = [...new Set(lim.map((r) => r.n))].sort((a, b) => a - b);
  const limMeans = limWidths.map((n) => meanSd(lim.filter((r) => r.n === n).map((r) => r.relErr)));
  limWidths.forEach((n, i) => {
    const s = limMeans[i];
    if (s) out[`nmm21.lemma31.relErr.n${n}`] = { value: s.mean, sd: s.sd, note: '‖(4/n²)K̄ − K^{(3)}‖_F/‖K^{(3)}‖_F, N(0,1) weights, trial mean ± sd' };
  });
  if (limWidths.length >= 2) out['nmm21.lemma31.logLogSlope'] = { value: logLogSlope(limWidths, limMeans.map((s) => s.mean)).slope, paper: -0.5, note: 'log-log slope of the mean relative error vs n (Monte Carlo rate n^{−1/2})' };
  return out;
}
