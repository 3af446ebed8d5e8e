import { checkBound, type Claim } from '@repro/harness';
import type { SongYang2019Config } from '../config.js';
import type { DecompRun, SongYang2019Trace } from '../trace.js';
import { combine, need } from './select.js';

/** C2/C3 guarantees (probability ≥ 1 − n·e^{−mR}) count only where they are non-vacuous at level δ: n·e^{−mR_k} ≤ δ. */
export function c23Informative(n: number, m: number, R: number, delta: number): boolean {
  return n * Math.exp(-m * R) <= delta;
}

/** Per-step ratios observed/bound for one run (C1 as (−C1)/(ηλ‖e‖²), which must be ≥ 1). */
export function c1c4Ratios(r: DecompRun, n: number, m: number, lambda: number, delta: number) {
  const steps = r.eSq.map((_, k) => k);
  const info = steps.filter((k) => c23Informative(n, m, r.radius[k] as number, delta));
  const c23 = (cs: number[]) => (k: number) => (cs[k] as number) / (8 * r.eta * n * (r.radius[k] as number) * (r.eSq[k] as number));
  return {
    c1: steps.map((k) => -(r.c1[k] as number) / (r.eta * lambda * (r.eSq[k] as number))),
    c2: info.map(c23(r.c2)),
    c3: info.map(c23(r.c3)),
    c2All: steps.map(c23(r.c2)),
    c3All: steps.map(c23(r.c3)),
    c4: steps.map((k) => (r.c4[k] as number) / (r.eta ** 2 * n * n * (r.eSq[k] as number))),
    informative: info.length,
    lambdaRatio: Math.min(...r.lambdaMinH) / lambda,
  };
}

export const claimC1C4: Claim<SongYang2019Config, SongYang2019Trace> = {
  id: 'song-yang2019.claim.c1-c4',
  source: 'LN3 Claims 11–14, arXiv:1906.03593',
  statement: 'C1 ≤ −ηλ‖e‖² (when λ_min(H(k)) ≥ λ/2), C2 ≤ 8ηnR‖e‖² and C3 ≤ 8ηnR‖e‖² w.h.p., and C4 ≤ η²n²‖e‖² always.',
  evidence: 'cited',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['decomp'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces, cfg) {
    const t = need(traces, 'decomp')[0];
    if (t === undefined) throw new Error('no decomp trace');
    const parts = [];
    const notes: string[] = [];
    const observed: Record<string, number> = {};
    for (const r of t.runs) {
      const q = c1c4Ratios(r, t.n, t.m, t.lambda, cfg.delta);
      parts.push({ tag: `${r.label}_C1`, v: checkBound(q.c1, 1, 'ge') });
      if (q.c2.length > 0) parts.push({ tag: `${r.label}_C2`, v: checkBound(q.c2, 1, 'le') });
      if (q.c3.length > 0) parts.push({ tag: `${r.label}_C3`, v: checkBound(q.c3, 1, 'le') });
      // C4 is deterministic (1-Lipschitz ReLU, |a_r| = 1, ‖x_i‖ = 1): a violation is an implementation bug.
      parts.push({ tag: `${r.label}_C4`, v: checkBound(q.c4, 1, 'le') });
      observed[`${r.label}_informativeSteps`] = q.informative;
      observed[`${r.label}_minLambdaHOverLambda`] = q.lambdaRatio;
      observed[`${r.label}_maxC2RatioAllSteps`] = Math.max(...q.c2All.filter(Number.isFinite));
      observed[`${r.label}_maxC3RatioAllSteps`] = Math.max(...q.c3All.filter(Number.isFinite));
      if (q.informative < r.eSq.length)
        notes.push(`${r.label} (η = ${r.eta.toPrecision(3)}): C2/C3 checked on ${q.informative}/${r.eSq.length} steps where n·e^{−mR_k} ≤ δ (the rest are vacuous, reported as maxC*RatioAllSteps)`);
    }
    const v = combine(parts, { expected: 'every step: (−C1)/(ηλ‖e‖²) ≥ 1, C4/(η²n²‖e‖²) ≤ 1; C2, C3 ≤ 8ηnR_k‖e‖² where non-vacuous', tolerance: { kind: 'bound', side: 'le' } }, notes.join('; ') || undefined);
    Object.assign(v.observed, observed);
    return v;
  },
};
