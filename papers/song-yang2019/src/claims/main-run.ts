import { need } from '@repro/harness';
import type { MainTrace, SongYang2019Trace } from '../trace.js';
import { replicaTraces } from './select.js';

/**
 * The thm.main runs, one per replicate per harness seed (`replicaTraces`; the claims on them aggregate over every run); a
 * diverged run fails the claim with its step and reason.
 */
export function mainRuns(traces: readonly SongYang2019Trace[]): MainTrace[] {
  const runs = need(replicaTraces(traces), 'main');
  const bad = runs.filter((r) => r.diverged !== null);
  if (bad.length > 0) throw new Error(`training diverged: ${bad.map((r) => `m=${r.m} at step ${r.diverged?.step}: ${r.diverged?.reason}`).join('; ')}`);
  return runs;
}

/** LN3 Lemma 8 radius D = 4√n‖y − u(0)‖/(√m λ). */
export function moveRadius(t: MainTrace): number {
  return (4 * Math.sqrt(t.n) * t.residual0) / (Math.sqrt(t.m) * t.lambda);
}

/** LN3 Lemma 5–6 radius D_cts = √n‖y − u(0)‖/(√m λ) (the factor the notes print; the proof supports 2·D_cts). */
export function gfRadius(t: MainTrace): number {
  return (Math.sqrt(t.n) * t.residual0) / (Math.sqrt(t.m) * t.lambda);
}

/** Explicit width [NOTES.md §3]: max(4096 n³‖y − u(0)‖²/λ⁴, (640n/λ)·ln(3n²/δ)). */
export function explicitWidth(n: number, residualSq: number, lambda: number, delta: number): number {
  return Math.max((4096 * n ** 3 * residualSq) / lambda ** 4, ((640 * n) / lambda) * Math.log((3 * n * n) / delta));
}

/** rtol of the first-step identities: float64 rounding of sums over n·m terms and of a difference of two losses. */
export const FIRST_STEP_RTOL = 1e-9;
