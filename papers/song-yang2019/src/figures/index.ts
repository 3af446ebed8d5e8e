import { need, type Figure, type FigureRow } from '@repro/harness';
import { empiricalQuantile, empiricalTail, meanSd, olsFit } from '@repro/concentration';
import { THEORY_EXPONENTS } from '../claims/emp-mstar.js';
import { explicitWidth } from '../claims/main-run.js';
import { perturbClaimed } from '../claims/lem-perturb.js';
import { ALPHA, mstarRows, widthExponent } from '../claims/select.js';
import type { SongYang2019Config } from '../config.js';
import type { SongYang2019Experiment, SongYang2019Trace } from '../trace.js';
import { lineSpec } from './spec.js';

type Fig = Figure<SongYang2019Config, SongYang2019Trace, SongYang2019Experiment>;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
/** Chernoff width ε [NOTES.md §6]. */
const CHERNOFF_EPS = 0.25;

export const figWidth: Fig = {
  id: 'song-yang2019.fig.width',
  title: 'Width needed vs n (not in paper)',
  caption:
    'Log-log. Measured (geometric means over the data draws): emp.mstar m* (GD reaches 1e-4·L(0) within ⌈30/(ηλ)⌉ steps in most seeds; doubling + bisection) and lem.init-gram m* (λ_min(H(0)) ≥ ¾λ in 9/10 draws). Dashed: du2019 order n⁶/(λ⁴δ³) (constant 1), explicit SY width 4096n³‖y−u(0)‖²/λ⁴, Hoeffding 8n²ln(2n²/δ)/λ², Chernoff 2‖X‖₂²ln(n/δ)/(ε²λ), ε = ¼, all on the first emp.mstar data set.',
  profiles: ['smoke', 'paper'],
  needs: ['mstar', 'initGram'],
  claims: ['song-yang2019.emp.mstar', 'song-yang2019.lem.init-gram', 'song-yang2019.claim.quadratic'],
  data(traces, cfg) {
    const rows: FigureRow[] = [];
    const delta = cfg.delta;
    need(traces, 'mstar');
    for (const f of widthExponent(mstarRows(traces)))
      f.ns.forEach((n, i) => rows.push({ series: `m* GD (d=${f.d}, exponent ${f.fit?.slope.toFixed(2) ?? '?'})`, kind: 'measured', x: n, y: f.mStar[i] as number }));
    const ig = traces.map((t) => (t.initGram ?? []).flatMap((g) => g.rows.map((r) => ({ n: r.n, d: g.d, mStar: r.mStar }))));
    for (const f of widthExponent(ig)) f.ns.forEach((n, i) => rows.push({ series: `m* λ_min(H(0)) ≥ ¾λ (d=${f.d})`, kind: 'measured', x: n, y: f.mStar[i] as number }));
    const first = traces[0]?.mstar?.rows ?? [];
    const d0 = first[0]?.d;
    // Bound lines on the first data draw of the first d (λ, ‖X‖₂², ‖y‖² of that data set).
    for (const r of first.filter((q) => q.d === d0 && q.draw === 0)) {
      const { n, lambda } = r;
      rows.push({ series: 'du2019 n⁶/(λ⁴δ³) (order only)', kind: 'bound', x: n, y: n ** 6 / (lambda ** 4 * delta ** 3) });
      rows.push({ series: 'SY explicit 4096n³‖y−u(0)‖²/λ⁴', kind: 'bound', x: n, y: explicitWidth(n, r.residualSqMean, lambda, delta) });
      rows.push({ series: 'Hoeffding 8n²ln(2n²/δ)/λ²', kind: 'bound', x: n, y: (8 * n * n * Math.log((2 * n * n) / delta)) / lambda ** 2 });
      rows.push({ series: 'Chernoff 2‖X‖²ln(n/δ)/(ε²λ)', kind: 'bound', x: n, y: (2 * r.xNorm2Sq * Math.log(n / delta)) / (CHERNOFF_EPS ** 2 * lambda) });
    }
    return rows;
  },
  spec: lineSpec({ title: 'Width needed vs number of points', xTitle: 'n', yTitle: 'width m', logX: true, logY: true }),
};

export const figMstar: Fig = {
  id: 'song-yang2019.fig.mstar',
  title: 'Headline: width needed by GD vs n, with n², n⁴, n⁶ guides (not in paper)',
  caption:
    'Log-log. emp.mstar m*(n) per input dimension d: geometric mean over the data draws (and harness seeds), band = smallest to largest m* over them; the fitted power law n^s with its 95% CI (widened by the search brackets) in the legend. Dashed guides c·n², c·n⁴, c·n⁶ pass through the first curve’s smallest-n point: the title’s quadratic width, this paper’s n⁴ (per LN3) and du2019’s n⁶ — orders only, constants 1 (the theorems’ constants and λ-dependence put them higher still).',
  profiles: ['smoke', 'paper'],
  needs: ['mstar'],
  claims: ['song-yang2019.emp.mstar', 'song-yang2019.claim.quadratic'],
  data(traces) {
    need(traces, 'mstar');
    const rows: FigureRow[] = [];
    const fits = widthExponent(mstarRows(traces));
    for (const f of fits) {
      const ci = f.fit === null ? '' : `, s = ${f.fit.slope.toFixed(2)} [${f.fit.slopeCi[0].toFixed(2)}, ${f.fit.slopeCi[1].toFixed(2)}]`;
      f.ns.forEach((n, i) => rows.push({ series: `m* GD, d = ${f.d}${ci}`, kind: 'measured', x: n, y: f.mStar[i] as number, lo: f.mStarMin[i] as number, hi: f.mStarMax[i] as number }));
      if (f.fit !== null) {
        const { slope, intercept } = f.fit;
        for (const n of f.ns) rows.push({ series: `fit n^${slope.toFixed(2)} (d = ${f.d})`, kind: 'bound', x: n, y: Math.exp(intercept) * n ** slope });
      }
    }
    const f0 = fits[0];
    const n0 = f0?.ns[0];
    const m0 = f0?.mStar[0];
    if (f0 !== undefined && n0 !== undefined && m0 !== undefined)
      for (const p of [THEORY_EXPONENTS.title, THEORY_EXPONENTS.songYang, THEORY_EXPONENTS.du2019])
        for (const n of f0.ns) rows.push({ series: `guide n^${p}`, kind: 'bound', x: n, y: m0 * (n / n0) ** p });
    return rows;
  },
  spec: lineSpec({ title: 'Width needed by GD vs number of points', xTitle: 'n', yTitle: 'm*', logX: true, logY: true }),
};

export const figPerturb: Fig = {
  id: 'song-yang2019.fig.perturb',
  claims: ['song-yang2019.lem.perturb', 'song-yang2019.claim.quadratic'],
  title: 'Kernel perturbation on the ball of radius R (not in paper)',
  caption: 'Worst ‖U‖_F/n over T draws (U dominates |H(W) − H(W̃)| on the ball), per data geometry, and ‖U‖₂/n; dashed: 2R (stated), 3R (proof as written), du2019 Markov 4nR/(√(2π)δ)/n·n.',
  profiles: ['smoke', 'paper'],
  needs: ['perturb'],
  data(traces, cfg) {
    const t = need(traces, 'perturb')[0];
    if (t === undefined) return [];
    const rows: FigureRow[] = [];
    for (const g of t.geometries)
      g.radii.forEach((R, ri) => {
        rows.push({ series: `‖U‖_F/n ${g.name}`, kind: 'measured', x: R, y: Math.max(...(g.uFro[ri] ?? [])) / t.n });
        rows.push({ series: `‖U‖₂/n ${g.name}`, kind: 'measured', x: R, y: Math.max(...(g.uSpec[ri] ?? [])) / t.n });
        rows.push({ series: `random direction ‖ΔH‖_F/n ${g.name}`, kind: 'measured', x: R, y: Math.max(...(g.randomFro[ri] ?? [])) / t.n });
      });
    for (const R of t.geometries[0]?.radii ?? []) {
      rows.push({ series: '2R (stated)', kind: 'bound', x: R, y: 2 * R });
      rows.push({ series: '3R (proof as written)', kind: 'bound', x: R, y: 3 * R });
      rows.push({ series: 'du2019 Markov 4nR/(√(2π)δ)', kind: 'bound', x: R, y: (4 * t.n * R) / (SQRT_2PI * cfg.delta) });
    }
    return rows;
  },
  spec: lineSpec({ title: 'Kernel perturbation', xTitle: 'R', yTitle: '‖·‖/n', logX: true, logY: true }),
};

export const figPerturbTail: Fig = {
  id: 'song-yang2019.fig.perturb-tail',
  claims: ['song-yang2019.lem.perturb'],
  title: 'Failure probability of ‖H(W) − H(W̃)‖_F < 2nR vs the bound (not in paper)',
  caption: `Empirical frequency of ‖U‖_F ≥ 2nR over T draws with its Wilson ${(1 - ALPHA) * 100}% band, per geometry, next to the lemma's n²e^{−mR/10} (capped at 1); and the empirical tail P̂(‖U‖_F/(nR) ≥ 1.5).`,
  profiles: ['smoke', 'paper'],
  needs: ['perturb'],
  data(traces) {
    const t = need(traces, 'perturb')[0];
    if (t === undefined) return [];
    const rows: FigureRow[] = [];
    for (const g of t.geometries)
      g.radii.forEach((R, ri) => {
        const tail = empiricalTail((g.uFro[ri] ?? []).map((u) => u / (t.n * R)), [2, 1.5], ALPHA);
        rows.push({ series: `P̂(‖U‖_F ≥ 2nR) ${g.name}`, kind: 'measured', x: R, y: Math.max(tail[0]?.frequency ?? 0, 1e-6), lo: Math.max(tail[0]?.ciLow ?? 0, 1e-6), hi: tail[0]?.ciHigh ?? 1 });
        rows.push({ series: `P̂(‖U‖_F ≥ 1.5nR) ${g.name}`, kind: 'measured', x: R, y: Math.max(tail[1]?.frequency ?? 0, 1e-6), lo: Math.max(tail[1]?.ciLow ?? 0, 1e-6), hi: tail[1]?.ciHigh ?? 1 });
      });
    for (const R of t.geometries[0]?.radii ?? []) rows.push({ series: 'bound n²e^{−mR/10}', kind: 'bound', x: R, y: Math.max(1 - perturbClaimed(t.n, t.m, R), 1e-6) });
    return rows;
  },
  spec: lineSpec({ title: 'Perturbation failure probability (zeros drawn at 1e-6)', xTitle: 'R', yTitle: 'probability', logX: true, logY: true }),
};

export const figResidual: Fig = {
  id: 'song-yang2019.fig.residual',
  claims: ['song-yang2019.claim.residual'],
  title: 'Initial residual quantiles vs 1/δ (not in paper)',
  caption: 'q_{1−δ}(‖y − u(0)‖²)/n over T initializations (X, y fixed), the Markov curve (E/δ)/n and a least-squares fit a + b·ln(1/δ).',
  profiles: ['smoke', 'paper'],
  needs: ['residual'],
  data(traces) {
    const t = need(traces, 'residual')[0];
    if (t === undefined) return [];
    const inv = [2, 5, 10, 20, 50, 100, 200, 500, 1000].filter((v) => v <= t.residualSq.length / 5);
    const q = inv.map((v) => empiricalQuantile(t.residualSq, 1 - 1 / v) / t.n);
    const fit = olsFit(inv.map(Math.log), q);
    const mean = meanSd(t.residualSq).mean;
    return inv.flatMap((v, i) => [
      { series: 'q_{1−δ}/n', kind: 'measured', x: v, y: q[i] as number },
      { series: 'Markov (E/δ)/n', kind: 'bound', x: v, y: (mean * v) / t.n },
      { series: `fit ${fit.intercept.toFixed(2)} + ${fit.slope.toFixed(2)}·ln(1/δ)`, kind: 'bound', x: v, y: fit.intercept + fit.slope * Math.log(v) },
    ]);
  },
  spec: lineSpec({ title: 'Initial residual tail', xTitle: '1/δ', yTitle: 'q_{1−δ}/n', logX: true, logY: true }),
};

export const figDecomp: Fig = {
  id: 'song-yang2019.fig.decomp',
  claims: ['song-yang2019.claim.decomp', 'song-yang2019.claim.c1-c4'],
  title: 'Decomposition terms per step, practical η (not in paper)',
  caption: 'C_j/(η‖e‖²) at η = 0.5/λ_max; dashed: −λ (C1), 8nR_k (C2, C3), ηn² (C4). |C1| dominates; C2–C4 sit inside their bounds.',
  profiles: ['smoke', 'paper'],
  needs: ['decomp'],
  data(traces) {
    const t = need(traces, 'decomp')[0];
    const r = t?.runs.find((x) => x.label === 'practical');
    if (t === undefined || r === undefined) return [];
    const rows: FigureRow[] = [];
    r.eSq.forEach((e, k) => {
      const s = r.eta * e;
      rows.push({ series: 'C1', kind: 'measured', x: k, y: (r.c1[k] as number) / s });
      rows.push({ series: 'C2', kind: 'measured', x: k, y: (r.c2[k] as number) / s });
      rows.push({ series: 'C3', kind: 'measured', x: k, y: (r.c3[k] as number) / s });
      rows.push({ series: 'C4', kind: 'measured', x: k, y: (r.c4[k] as number) / s });
      rows.push({ series: 'bound C1: −λ', kind: 'bound', x: k, y: -t.lambda });
      rows.push({ series: 'bound C2, C3: 8nR_k', kind: 'bound', x: k, y: 8 * t.n * (r.radius[k] as number) });
      rows.push({ series: 'bound C4: ηn²', kind: 'bound', x: k, y: r.eta * t.n * t.n });
    });
    return rows;
  },
  spec: lineSpec({ title: 'Claim 9 terms', xTitle: 'step k', yTitle: 'C_j/(η‖e‖²)', logX: false, logY: false }),
};

export const figures: readonly Fig[] = [figMstar, figWidth, figPerturb, figPerturbTail, figResidual, figDecomp];
