import { allOf, checkAllClose, checkBound, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Experiment, Nm20Trace } from '../trace.js';
import { gdRuns } from './select.js';

/** ‖∇Φ‖² and rᵀK̄r are two float64 sums of the same products: agreement to 1e−10 relative. */
const RTOL_IDENTITY = 1e-10;

export const ntkPl: Claim<Nm20Config, Nm20Trace, Nm20Experiment> = {
  id: 'nmm21.ntk-pl',
  source: 'Section 1–2 (NTK and GD), arXiv:2012.11654 v5',
  statement: 'At θ_0, ‖∇Φ‖² = rᵀK̄r with r = F_L − Y, hence ‖∇Φ‖² ≥ λ_min(K̄)·2Φ.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['gd'],
  catches: ['grad-half-dropped', 'ntk-missing-last-term'],
  check(traces) {
    const runs = gdRuns(traces);
    const id = checkAllClose(
      runs.map(({ run }) => run.gradSq[0] as number),
      runs.map(({ run }) => run.ntkQuad0),
      RTOL_IDENTITY,
      0,
    );
    const ratios = runs.map(({ run }) => (run.gradSq[0] as number) / (run.lambdaMinK0 * 2 * (run.loss[0] as number)));
    return allOf(
      {
        identity: { ...id, expected: `‖∇Φ_0‖² = rᵀK̄r (rtol ${RTOL_IDENTITY}) on every run` },
        inequality: { ...checkBound(ratios, 1, 'ge'), expected: '‖∇Φ_0‖²/(λ_min(K̄_0)·2Φ_0) ≥ 1 on every run' },
      },
      { runs: runs.length },
    );
  },
};
