/** Deviations from the paper, one line each; the same lines stand in papers/song-yang2019/README.md. */
export const deviations: readonly string[] = [
  'The paper’s text was not available: every statement and constant comes from Z. Song’s Lecture 3 notes (LN3) or secondary sources, labelled as in NOTES.md §1; each claim’s `evidence` says how sure we are.',
  'The paper has no experiments; all sizes are our choices (NOTES.md §6), and every practical width is far below the theorem’s m = Ω(λ⁻⁴n⁴·polylog) (checks outside the width hypothesis say so).',
  'lem.gf: gradient flow is stood in for by the thm.main GD run at η = λ/(4n²) (t = kη), not by the du2019 small-step GF suite.',
  'lem.perturb: the "for every W in the ball" event is checked through the entrywise dominator U (NOTES.md §3); missing the event for U is not a counterexample to the lemma.',
  'claim.c1-c4: C2 and C3 are judged at R*_k = max(R_k, ln(n/δ)/m), the smallest ball radius that contains the trajectory and makes their guarantee 1 − n·e^{−mR} non-vacuous at level δ (NOTES.md §7); the ratios at R_k itself are reported.',
  'emp.mstar: the planned doubling grid (NOTES.md §4) is refined by geometric bisection inside the final bracket (the issue asks for bisection); seeds stop once the 2-of-3 majority is decided.',
  'thm.main paper profile: n = d = 12, m = 2048 in float64 instead of the planned n = d = 32 (NOTES.md §6), m = 8192 float32 (K = ⌈8n²/λ²⌉ ≈ 10⁵–10⁶ steps does not fit the run-time budget on 2 cores).',
  'claim.residual paper profile: n = d = 100, m = 1000, T = 5000, δ ∈ {0.1, 0.01, 0.002} instead of n = d = 200, m = 2000, T = 10⁴, δ down to 0.001 (run time).',
  'lem.init-gram: the doubling grid starts at m = 1, not the planned 8, so that m* always has a lower bracket; the paper profile adds 3 geometric bisections.',
  'fact.dynamics paper profile: m = 1000 and 200 steps instead of m = 4000 and 50 steps, so that flip-free steps occur.',
  'Single-run claims (fact.dynamics, claim.decomp, claim.c1-c4, thm.main, lem.move, lem.gf): the paper profile runs 5 independent replicates (data and initialization) inside one trace (config `replicates`, through the harness job pool), and each claim must hold on every replicate (NOTES.md §7).',
  'emp.mstar and lem.init-gram paper profile: 3 and 5 independent data sets per (d, n), each with its own m* search, and the exponent fitted over every search (precision calculations in NOTES.md §7).',
  'lem.init-gram: du2019.lem3.1’s (a) rate and (b) Hoeffding parts are not run through du2019’s code, as planned: a paper package may not depend on another paper (docs/architecture.md, scripts/check-packages.mjs). The part they share with this lemma, the exact E‖H(0) − H^cts‖_F², is checked here on this paper’s draws.',
  'claim.quadratic: skipped by design; its hypotheses are unknown without the paper’s text (what it would take: README deviation log).',
];
