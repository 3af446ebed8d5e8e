import { checkAllClose } from '@repro/harness';
import { assertFinite, first, fmt, type SoudryClaim } from './select.js';

/** [NOTES.md §5] allclose(ρ(t), w̃, atol 1e-3) at 10⁶ (smoke); atol 1e-5 at 10¹⁰ (paper). The atol of the largest listed horizon ≤ T. */
function atolFor(T: number): { atol: number; at: number } {
  return T >= 1e10 ? { atol: 1e-5, at: 1e10 } : { atol: 1e-3, at: 1e6 };
}

export const thm4ResidualLimit: SoudryClaim = {
  id: 'soudry2017.thm4',
  source: 'Theorem 4, arXiv:1710.10345',
  statement: 'When the support vectors span the data, the residual ρ(t) = w(t) − ŵ ln t converges to the vector w̃ fixed by η·exp(−z_nᵀw̃) = α_n on the support vectors.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['asym'],
  catches: ['mean-loss', 'svm-rotated', 'poly-tail'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces, cfg) {
    const a = first(traces, 'asym');
    const runs = a.runs.slice(0, 2); // GD logistic and GD exp
    assertFinite(runs);
    const T = Math.max(cfg.asymSteps, cfg.asymFlowT);
    const { atol, at } = atolFor(T);
    const obs: number[] = [];
    const exp: number[] = [];
    const dist: Record<string, number> = {};
    for (const r of runs) {
      const i = r.t.findIndex((t) => Math.abs(t - at) <= 1e-9 * at);
      if (i < 0) throw new Error(`${r.label}: no recording at t = ${at}`);
      const lt = Math.log(at);
      const w = r.w[i] as number[];
      const rho = w.map((v, j) => v - (a.svm.wHat[j] as number) * lt);
      obs.push(...rho);
      exp.push(...a.wTilde);
      dist[`distRhoWTilde_${r.loss}`] = Math.hypot(...rho.map((v, j) => v - (a.wTilde[j] as number)));
    }
    const v = checkAllClose(obs, exp, 0, atol);
    return {
      ...v,
      observed: { ...v.observed, ...dist, t: at, wTilde1: a.wTilde[0] as number, wTilde2: a.wTilde[1] as number },
      expected: `ρ(${at.toExponential(0)}) = w(t) − ŵ ln t within atol ${atol} of w̃ = (${a.wTilde.map((x) => fmt(x, 7)).join(', ')}) for the logistic and the exp loss (asymmetric data, η = ${a.eta})`,
    };
  },
};
