import { checkBound, type Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Trace } from '../trace.js';
import { fig2Points } from './select.js';

/** float32 K̄ and feature Grams: both sides carry fp32 GEMM rounding of ~1e−6·‖K̄‖; 1e−4 relative covers it. */
const RTOL_F32 = 1e-4;

export const thm41Sandwich: Claim<Nm20Config, Nm20Trace> = {
  id: 'nmm21.thm4.1-sandwich',
  source: 'Theorem 4.1 (proof), arXiv:2012.11654 v5',
  statement: 'On every Figure 2 trial Σ_k λ_min(F_kF_kᵀ)·min_i‖(B_{k+1})_{i:}‖² ≤ λ_min(K̄) ≤ min_i K̄_ii.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float32',
  needs: ['fig2R', 'fig2L'],
  check(traces) {
    const pts = [...fig2Points(traces, 'fig2R'), ...fig2Points(traces, 'fig2L')];
    const lowRatio = pts.map((p) => p.lower / p.lambdaMin);
    const upRatio = pts.map((p) => p.lambdaMin / p.upper);
    const lo = checkBound(lowRatio, 1 + RTOL_F32, 'le');
    const up = checkBound(upRatio, 1 + RTOL_F32, 'le');
    const ok = lo.status === 'pass' && up.status === 'pass';
    return {
      status: ok ? 'pass' : 'fail',
      observed: {
        trials: pts.length,
        maxLowerOverLambda: Math.max(...lowRatio),
        minLowerOverLambda: Math.min(...lowRatio),
        maxLambdaOverUpper: Math.max(...upRatio),
        minLambdaOverUpper: Math.min(...upRatio),
      },
      expected: `lower/λ_min ≤ 1 and λ_min/upper ≤ 1 on every trial (relative slack ${RTOL_F32} for float32 GEMMs)`,
      tolerance: { kind: 'bound', side: 'le' },
      ...(ok ? {} : { note: [lo.note, up.note].filter(Boolean).join('; ') }),
    };
  },
};
