import { allOf, checkBound, checkCondition, need, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Experiment, Nm20Trace } from '../trace.js';
import { EPS_F64, maxRatioToPlRate } from './select.js';

/**
 * Theorem 3.2 gives linear convergence for every step below a threshold whose constants are unverified [NOTES.md §2], so the
 * step is found by the ladder η0·2^{−h}, η0 = etaScale/λ_max(K̄(θ_0)), h ≤ gdMaxHalvings. What the verdict judges is that
 * ladder: on every run some η0·2^{−h} meets the descent inequality Φ_{k+1} ≤ Φ_k − (η/2)‖∇Φ_k‖² at every step — a step the
 * theorem's threshold guarantees exists; a gradient inconsistent with the loss (a factor off in backprop) meets it at no
 * step size. The PL-rate envelope on the ladder's runs follows from that descent inequality and the PL inequality (checked
 * by nm20.pl-inequality) and is kept as the statement's form; the run at η0 itself (no halving, descent not enforced) is
 * reported: its descent violations and its ratio to the envelope (at η0 GD can overshoot the PL envelope: η0 is not the
 * theorem's step).
 */
export const thm32LinearRate: Claim<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nm20.thm3.2-linear-rate',
  source: 'Theorem 3.2, arXiv:2002.07867 (rate form derived in NOTES.md §2)',
  statement:
    'GD with a small enough constant step (found by halving η0 = 0.25/λ_max(K̄_0) at most gdMaxHalvings times) meets the descent inequality at every step and contracts the loss at least geometrically at the PL rate, Φ_k ≤ Π_{j<k}(1 − ημ_j)Φ_0.',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['gd'],
  catches: ['grad-half-dropped'],
  check(traces, cfg) {
    const all = need(traces, 'gd').flatMap((tr) => tr.runs.map((run) => ({ tr, run })));
    const failed = all.filter(({ run }) => run.diverged !== null);
    const ok = all.filter(({ run }) => run.diverged === null);
    const ladder = checkCondition(
      failed.length === 0 && all.length > 0,
      { runs: all.length, runsFailingLadder: failed.length, maxHalvings: Math.max(...all.map(({ run }) => run.halvings)) },
      `on every run some η0·2^{−h}, h ≤ ${cfg.gdMaxHalvings}, meets the descent inequality at every step above the floor`,
      failed.map(({ run }) => `n1=${run.n1} L=${run.L} γ=${run.gamma} seed ${run.seed}: ${run.diverged?.reason} (step ${run.diverged?.step})`).join('; '),
    );
    const ratios = ok.map(({ tr, run }) => maxRatioToPlRate(run, tr.floor));
    const rate = { ...checkBound(ratios, 1 + EPS_F64, 'le'), expected: `max_k Φ_k/(Π_{j<k}(1 − ημ_j)Φ_0) ≤ 1 + ${EPS_F64} on every ladder run` };
    const rule = all.map(({ tr, run }) => (run.rule.diverged !== null ? Number.POSITIVE_INFINITY : maxRatioToPlRate(run.rule, tr.floor)));
    const final = ok.map(({ run }) => (run.loss.at(-1) as number) / (run.loss[0] as number));
    return allOf(
      { ladder, rate },
      {
        ruleRunsWithDescentViolations: all.filter(({ run }) => run.rule.descentViolations > 0).length,
        ruleRunsDiverged: all.filter(({ run }) => run.rule.diverged !== null).length,
        maxRatioToPlRateAtEta0: Math.max(...rule),
        worstFinalLossRatio: final.length > 0 ? Math.max(...final) : Number.NaN,
      },
    );
  },
};
