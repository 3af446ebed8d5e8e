/** Deviations from the paper, one line each; the same lines stand in papers/song-yang2019/README.md. */
export const deviations: readonly string[] = [
  'The paper’s text was not available: every statement and constant comes from Z. Song’s Lecture 3 notes (LN3) or secondary sources, labelled as in NOTES.md §1; each claim’s `evidence` says how sure we are.',
  'The paper has no experiments; all sizes are our choices (NOTES.md §6), and every practical width is far below the theorem’s m = Ω(λ⁻⁴n⁴·polylog) (checks outside the width hypothesis say so).',
  'lem.gf: gradient flow is stood in for by the thm.main GD run at η = λ/(4n²) (t = kη), not by the du2019 small-step GF suite.',
  'lem.perturb: the "for every W in the ball" event is checked through the entrywise dominator U (NOTES.md §3); missing the event for U is not a counterexample to the lemma.',
  'claim.c1-c4: the C2/C3 bounds are checked only on steps where their guarantee 1 − n·e^{−mR_k} is non-vacuous at level δ; the other steps are reported.',
  'emp.mstar: the planned doubling grid (NOTES.md §4) is refined by geometric bisection inside the final bracket (the issue asks for bisection); seeds stop once the 2-of-3 majority is decided.',
  'thm.main paper profile: n = d = 12, m = 2048 in float64 instead of the planned n = d = 32 (NOTES.md §6), m = 8192 float32 (K = ⌈8n²/λ²⌉ ≈ 10⁵–10⁶ steps does not fit the run-time budget on 2 cores).',
  'claim.residual paper profile: n = d = 100, m = 1000, T = 5000, δ ∈ {0.1, 0.01, 0.002} instead of n = d = 200, m = 2000, T = 10⁴, δ down to 0.001 (run time).',
];
