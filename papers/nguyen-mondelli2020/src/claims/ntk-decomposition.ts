import { checkAllClose, checkCondition, need, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Experiment, Nm20Trace } from '../trace.js';


/** Tolerances [NOTES.md §5]: float64 layer formula vs central differences; float32 paths vs the float64 formula. */
const RTOL_F64 = 1e-7;
const RTOL_F32 = 1e-4;

/** atol relative to max |K̄_ij|: off-diagonal entries can be ~0, where a pure rtol would demand exact zeros. */
function maxAbs(xs: readonly number[]): number {
  return xs.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
}

export const ntkDecomposition: Claim<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nmm21.ntk-decomposition',
  source: 'Section 4 (NTK decomposition), arXiv:2012.11654 v5',
  statement: 'The NTK Gram JJᵀ equals the layer sum Σ_k (F_kF_kᵀ)∘(B_{k+1}B_{k+1}ᵀ) with all-ones B_L, for ReLU and for σ_{γ,β}.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['decomp'],
  catches: ['ntk-missing-last-term'],
  check(traces) {
    const cases = need(traces, 'decomp').flatMap((t) => t.cases);
    const observed: Record<string, number> = {};
    const notes: string[] = [];
    let ok = cases.length > 0;
    let cdCases = 0;
    for (const c of cases) {
      const tag = `${c.activation}_L${c.widths.length - 1}`;
      const s = maxAbs(c.layer);
      const checks: [string, number[], number][] = [
        ['autodiff', c.autodiff, RTOL_F32],
        ['layerTf', c.layerTf, RTOL_F32],
      ];
      if (c.centralDiff.length > 0) {
        checks.push(['centralDiff', c.centralDiff, RTOL_F64]);
        cdCases++;
      }
      for (const [name, ref, rtol] of checks) {
        const v = checkAllClose(ref, c.layer, rtol, rtol * s);
        observed[`${tag}_${name}_maxRelErr`] = v.observed.maxAbsErr as number / s;
        if (v.status !== 'pass') {
          ok = false;
          notes.push(`${tag} ${name}: ${v.note ?? 'fail'}`);
        }
      }
    }
    if (cdCases === 0) notes.push('central differences skipped (too many parameters): float32 autodiff only');
    const v = checkCondition(
      ok,
      observed,
      `|K_ref − K_layer| ≤ rtol·(|K_layer| + max|K_layer|) elementwise, rtol ${RTOL_F64} (float64 central differences) / ${RTOL_F32} (float32 autodiff and tfjs layer formula)`,
    );
    return notes.length > 0 ? { ...v, note: notes.join('; ') } : v;
  },
};
