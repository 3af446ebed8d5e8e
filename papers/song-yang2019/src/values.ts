import { meanSd } from '@repro/concentration';
import type { Values } from '@repro/harness';
import { c1c4Ratios } from './claims/claim-c1-c4.js';
import { THEORY_EXPONENTS } from './claims/emp-mstar.js';
import { explicitWidth, moveRadius } from './claims/main-run.js';
import { bracketLow, last, maxRatioToGeometric, mstarRows, widthExponent } from './claims/select.js';
import { stepRatios } from './claims/thm-main.js';
import type { SongYang2019Config } from './config.js';
import type { SongYang2019Trace } from './trace.js';

/** Named scalars for values.json: measured vs bound, with slack = bound/measured where a bound applies. */
export function values(traces: readonly SongYang2019Trace[], cfg: SongYang2019Config): Values {
  const out: Values = {};
  const first = traces[0];
  const main = first?.main;
  if (main !== undefined) {
    const c = 1 - (main.eta * main.lambda) / 2;
    const measured = last(main.loss) / (main.loss[0] as number);
    const bound = c ** main.steps;
    const worst = maxRatioToGeometric(main.loss, c, main.precision === 'float32').maxRatio;
    out['thm.main.lambda'] = { value: main.lambda, note: 'λ = λ_min(H^cts), float64 closed form' };
    out['thm.main.finalNormalizedLoss'] = { value: measured, bound, slack: bound / measured, note: `η = λ/(4n²), K = ${main.steps}: L(K)/L(0) vs (1 − ηλ/2)^K` };
    out['thm.main.maxRatioToBound'] = { value: worst, bound: 1, slack: 1 / worst, note: 'max_k L(k)/((1 − ηλ/2)^k L(0)) over every step' };
    const steps = stepRatios(main.loss);
    const maxStep = Math.max(...steps);
    out['thm.main.maxStepRatio'] = { value: maxStep, bound: c, slack: c / maxStep, note: 'max_k L(k+1)/L(k) vs 1 − ηλ/2' };
    out['thm.main.explicitWidth'] = { value: explicitWidth(main.n, main.residual0 ** 2, main.lambda, cfg.delta), note: `explicit width of the LN3 proof (NOTES.md §3) vs m = ${main.m} used` };
    const dist = Math.max(...main.maxDistance);
    out['lem.move.maxDistance'] = { value: dist, bound: moveRadius(main), slack: moveRadius(main) / dist, note: 'vs D = 4√n‖y − u(0)‖/(√m λ)' };
  }
  const mstar = mstarRows(traces);
  for (const f of widthExponent(mstar)) {
    if (f.fit === null) continue;
    out[`emp.mstar.exponent.d${f.d}`] = { value: f.fit.slope, note: `log-log slope of m*(n), 95% CI widened by the search brackets [${f.fit.slopeCi[0].toFixed(3)}, ${f.fit.slopeCi[1].toFixed(3)}]`, paper: `theory: n^${THEORY_EXPONENTS.songYang} (this paper), n^${THEORY_EXPONENTS.du2019} (du2019), n^${THEORY_EXPONENTS.title} (title)` };
    out[`emp.mstar.exponentCiLow.d${f.d}`] = { value: f.fit.slopeCi[0] };
    out[`emp.mstar.exponentCiHigh.d${f.d}`] = { value: f.fit.slopeCi[1] };
    f.ns.forEach((n, i) => (out[`emp.mstar.m.d${f.d}.n${n}`] = { value: f.mStar[i] as number, unit: 'neurons', note: 'geometric mean over data draws and harness seeds' }));
  }
  const ig = first?.initGram;
  if (ig !== undefined) {
    const rows = ig.map((t) => t.rows.map((r) => ({ n: r.n, d: t.d, mStar: r.mStar, mLow: bracketLow(r.grid, r.mStar) })));
    for (const f of widthExponent([rows.flat()])) if (f.fit !== null) out[`lem.init-gram.exponent.d${f.d}`] = { value: f.fit.slope, note: `95% CI [${f.fit.slopeCi[0].toFixed(3)}, ${f.fit.slopeCi[1].toFixed(3)}]; expected ≈ 1, passes ≤ 1.3 (NOTES.md §4)` };
  }
  const p = first?.perturb;
  if (p !== undefined)
    for (const g of p.geometries)
      g.radii.forEach((R, ri) => {
        const fro = meanSd((g.uFro[ri] ?? []).map((u) => u / (p.n * R)));
        const worst = Math.max(...(g.uFro[ri] ?? [])) / (p.n * R);
        out[`lem.perturb.uFroOverNR.${g.name}.R${R}`] = { value: fro.mean, sd: fro.sd, bound: 2, slack: 2 / worst, note: '‖U‖_F/(nR) (mean ± sd; slack from the worst draw) vs the stated 2' };
        out[`lem.perturb.uSpecOverNR.${g.name}.R${R}`] = { value: meanSd((g.uSpec[ri] ?? []).map((u) => u / (p.n * R))).mean, note: '‖U‖₂/(nR)' };
      });
  const dec = first?.decomp;
  if (dec !== undefined)
    for (const r of dec.runs) {
      const q = c1c4Ratios(r, dec.n, dec.m, dec.lambda, cfg.delta);
      out[`claim.c1.minRatio.${r.label}`] = { value: Math.min(...q.c1), bound: 1, note: '(−C1)/(ηλ‖e‖²), must be ≥ 1' };
      if (q.c2.length > 0) out[`claim.c2.maxRatio.${r.label}`] = { value: Math.max(...q.c2), bound: 1, slack: 1 / Math.max(...q.c2), note: 'C2/(8ηnR*‖e‖²), R* = max(R_k, ln(n/δ)/m)' };
      if (q.c3.length > 0) out[`claim.c3.maxRatio.${r.label}`] = { value: Math.max(...q.c3), bound: 1, slack: 1 / Math.max(...q.c3), note: 'C3/(8ηnR*‖e‖²), R* = max(R_k, ln(n/δ)/m)' };
      out[`claim.c4.maxRatio.${r.label}`] = { value: Math.max(...q.c4), bound: 1, slack: 1 / Math.max(...q.c4), note: 'C4/(η²n²‖e‖²)' };
    }
  const res = first?.residual;
  if (res !== undefined) {
    const s = meanSd(res.residualSq);
    out['claim.residual.mean'] = { value: s.mean, sd: s.sd, paper: res.yNormSq + res.n / 2, note: 'E‖y − u(0)‖² vs the exact ‖y‖² + n/2' };
  }
  return out;
}
