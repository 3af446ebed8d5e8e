import { allOf, checkBound } from '@repro/harness';
import { MIN_WIDE, fig1Runs, maxRatioToGeometric, thm41Runs, type Du2019Claim } from './select.js';

export const thm41LinearRate: Du2019Claim = {
  id: 'du2019.thm4.1',
  source: 'Theorem 4.1 (Condition 4.1), arXiv:1810.02054',
  statement: 'Gradient descent with η = O(λ0/n²) contracts the loss geometrically: ‖u(k) − y‖² ≤ (1 − ηλ0/2)^k ‖u(0) − y‖² for every k.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['thm41', 'fig1'],
  catches: ['loss-mean', 'output-scale'],
  check(traces, cfg) {
    const a = thm41Runs(traces);
    const A = a.map((t) => maxRatioToGeometric(t.loss, 1 - (t.eta * t.lambda0) / 2));
    const B = fig1Runs(traces).map(({ tr, run }) => ({ run, ...maxRatioToGeometric(run.loss, 1 - (tr.eta * tr.lambda0) / 2) }));
    const wide = B.filter((b) => b.run.m >= MIN_WIDE);
    const narrow = B.filter((b) => b.run.m < MIN_WIDE);
    const maxNarrow = narrow.length > 0 ? Math.max(...narrow.map((x) => x.maxRatio)) : Number.NaN;
    const v = allOf(
      {
        // A: inside the hypothesis (η = λ0/(4n²)): max_k L(k)/((1 − ηλ0/2)^k L(0)) ≤ 1.
        insideHypothesis: checkBound(
          A.map((x) => x.maxRatio),
          1,
          'le',
        ),
        // B: the practical η of Figure 1, every run with m ≥ 100 (outside the hypothesis).
        practicalEta: checkBound(
          wide.map((x) => x.maxRatio),
          1,
          'le',
        ),
      },
      { maxRatioNarrow: maxNarrow, flooredSteps: [...A, ...wide].reduce((s, x) => s + x.floored, 0) },
    );
    const notes = [
      v.note,
      `A: η = λ0/(4n²), ${a[0]?.steps ?? '?'} steps, ${a[0]?.precision ?? '?'}; B: η = ${cfg.fig1EtaScale}/λ_max(H∞), m ≥ ${MIN_WIDE}`,
      `m < ${MIN_WIDE} recorded, not a failure (λ_min(H(0)) can be ~0): max ratio ${Number.isNaN(maxNarrow) ? 'n/a' : maxNarrow.toPrecision(4)}`,
    ];
    return { ...v, note: notes.filter((x) => x !== undefined).join('; ') };
  },
};
