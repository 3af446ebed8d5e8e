/** Deviations from the paper, one line each; the same lines stand in papers/du2019/README.md. */
export const deviations: readonly string[] = [
  'Figure 1 step size: the paper does not report η; we use η = 0.5/λ_max(H∞) (any ηλ_max in [0.1, 1] gives the same picture).',
  'Figure 1 widths and seeds are not stated in the text; we use m ∈ {10, 100, 400, 1600, 6400} and 3 seeds (paper profile), bands are mean ± 1 sd.',
  'Gradient flow (Lemmas 3.3–3.4, Theorems 3.2–3.3) is approximated by GD with a small step (η = 0.05/λ_max), t = kη; a GD step contracts each mode at least as fast as the flow.',
  'Every practical width is far below the theorems’ m = Ω(n⁶/(λ0⁴δ³)); the claims test the conclusions outside the hypotheses and say so.',
  'Training runs in float32 (tfjs); losses below 1e-12·L(0) are at the float32 floor and count as satisfied when the bound is below it too.',
  'R′ in Lemma 3.3 is checked with the factor 2 that its proof supports (lecture notes print it without); slack for both is reported.',
  'Theorem 4.1 A in the paper profile runs in float32 (tfjs) for speed; the smoke profile runs it in float64.',
];
