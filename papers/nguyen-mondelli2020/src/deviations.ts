/** Deviations from the papers, one line each; the same lines stand in papers/nguyen-mondelli2020/README.md. */
export const deviations: readonly string[] = [
  'NM20 has no experiments: its claims are checked on the card’s run set R (σ_{γ,β} smooth leaky ReLU, LeCun init, √d-sphere data), which is a repo construction.',
  'NM20 Theorem 3.2’s explicit initial conditions, α_0 and η bound are not encoded (card: unverified); the rate is checked in its PL form Φ_k ≤ Π(1 − ημ_j)Φ_0 with the measured PL constants, η from a halving ladder starting at 0.25/λ_max(K̄_0).',
  'NM20 paper profile: the widest first layer is n_1 = 2000 (card: 10⁴) so that the float64 per-step σ_min computations fit the time budget; n_1 ≥ N² is then reached only in the smoke profile, where the invariants are enforced.',
  'NMM21 Figure 2: the data distribution is not stated in the paper; we use x ~ N(0, I_d) (norms ≈ √d, never unit norm).',
  'NMM21 Figure 2 default paper profile uses 10 trials per grid point (the paper used 50; --set fig2RightTrials=50 --set fig2LeftTrials=50 for the full count, 5× the run time).',
  'NMM21 Figure 2 smoke profile is a 1/8-scale grid (N, d ≤ 250; 4 trials right, 8 left) with the card\'s smoke thresholds; the card\'s 1/4 grid takes ≈ 2 min on this shared 2-core machine. With 4 left trials the left panel failed (R² 0.9787 < 0.98 on the N = 62 curve, order at 60% of d), so the left panel uses 8 trials.',
  'nmm21.thm4.1-orders (a repo-derived check) was first written as a band ≤ 2.5 on both λ_min/n_1 and λ_min/(d+n_1+n_2); at smoke scale λ_min/n_1 spans 3.10× because the d-term dominates when n_1 ~ d, so only the O(d+n_1+n_2) band is enforced and λ_min/n_1 is reported (its growth is the linear-N claim).',
  'K̄ is formed in float32 (tfjs GEMMs) and its λ_min in float64 (Lanczos); λ_min(F_kF_kᵀ) in the Thm 4.1 sandwich is set to exactly 0 when rank(F_k) ≤ n_k < N, and clamped at 0 otherwise.',
  'Claims not implemented yet (card): nm20.lemmaB2, nm20.lecun-width-scaling, nm20.sec3.1-width-N, nmm21.lemma3.1-limit (tested as a unit test in @repro/nets instead), nmm21.thm4.1-lambda-min-linear-n1, nmm21.lemma5.2-chernoff.',
];
