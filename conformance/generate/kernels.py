"""Fixtures for @repro/nets kernels: arc-cosine k_0..k_4, the multilayer recursion (depth 1..8, equal and near-parallel inputs),
the deep ReLU NTK/NNGP limit, and du2019's H∞ / K∞ against Monte Carlo.

References (all independent of packages/nets):
- J_n(θ) from its definition, not the closed forms: k_n(x, y) = 2·E_w[Θ(wᵀx)Θ(wᵀy)(wᵀx)ⁿ(wᵀy)ⁿ], w ~ N(0, I), reduced to the plane
  of x, y in polar coordinates (radial integral 2ⁿn!/(2π)): J_n(θ) = 2ⁿ n! ∫_{θ−π/2}^{π/2} cosⁿφ cosⁿ(φ−θ) dφ, evaluated by
  mpmath.quad (tanh–sinh) at 50 digits; the angle of the float64 inputs as 2·atan2(‖x̂−ŷ‖, ‖x̂+ŷ‖) at 50 digits.
- Multilayer kernel: Cho & Saul (2009) recursion k⁽ℓ⁺¹⁾ = (1/π)(k⁽ℓ⁾_xx k⁽ℓ⁾_yy)^{n/2} J_n(θ⁽ℓ⁾) in mpmath.
- Deep ReLU NTK/NNGP: neural-tangents is not available on this machine (no network, no mirror), so an independent mpmath
  implementation of the closed form of Arora et al. 2019 (arXiv:1904.11955, eqs. (4)–(5), Theorem 3.1; c_σ = 2) and Jacot et
  al. 2018 (arXiv:1806.07572): Θ⁽ᴴ⁾ = Σ_{h=1}^{H+1} Σ⁽ʰ⁻¹⁾ Π_{h'=h}^{H} Σ̇⁽ʰ'⁾ (sum form, not the recursion packages/nets uses),
  Σ⁽⁰⁾ = XXᵀ, Σ⁽ʰ⁾ = c_σ E[relu(u)relu(v)], Σ̇⁽ʰ⁾ = c_σ E[1{u>0}1{v>0}] over (u, v) ~ N(0, Σ⁽ʰ⁻¹⁾ restricted to x, x'),
  each expectation again by mpmath.quad in polar form. reluNtkLimit(X, L) has L weight layers = H + 1.
- H∞_ij = E_w[x_iᵀx_j 1{wᵀx_i ≥ 0, wᵀx_j ≥ 0}], K∞_ij = E_w[relu(wᵀx_i) relu(wᵀx_j)]: Monte Carlo with numpy (seeded), mean and
  standard error per entry; plus the same expectations by quadrature.

Run: python3 conformance/generate/kernels.py   (numpy, mpmath; ~1–2 min)
"""
import mpmath
import numpy as np

from common import finite, flist, write

SEED = 18_002
MC_SEED = 18_003
MC_SAMPLES = 2_000_000
mpmath.mp.dps = 50
rng = np.random.default_rng(SEED)
mp = mpmath.mpf


def J(n, theta):
    """J_n(θ) = 2ⁿ n! ∫_{θ−π/2}^{π/2} cosⁿφ cosⁿ(φ−θ) dφ (Gaussian definition reduced to one angle)."""
    theta = mp(theta)
    if theta == 0:
        a, b = -mpmath.pi / 2, mpmath.pi / 2
    else:
        a, b = theta - mpmath.pi / 2, mpmath.pi / 2
    f = lambda phi: mpmath.cos(phi) ** n * mpmath.cos(phi - theta) ** n
    return 2 ** n * mpmath.factorial(n) * mpmath.quad(f, [a, b])


def J_closed(n, t):  # only to cross-check the quadrature in this script
    c, s, u = mpmath.cos(t), mpmath.sin(t), mpmath.pi - t
    return [u, s + u * c, 3 * s * c + u * (1 + 2 * c * c), u * (6 * c ** 3 + 9 * c) + s * (4 + 11 * c * c),
            u * (24 * c ** 4 + 72 * c * c + 9) + s * c * (55 + 50 * c * c)][n]


for n in range(5):
    for t in (mp('0.3'), mp(1), mp('2.5')):
        assert abs(J(n, t) - J_closed(n, t)) < mp(10) ** -40 * J(n, 0), (n, t)


def angle(x, y):
    x = [mp(float(v)) for v in x]
    y = [mp(float(v)) for v in y]
    nx = mpmath.sqrt(mpmath.fsum(v * v for v in x))
    ny = mpmath.sqrt(mpmath.fsum(v * v for v in y))
    dm = mpmath.sqrt(mpmath.fsum((a / nx - b / ny) ** 2 for a, b in zip(x, y)))
    dp = mpmath.sqrt(mpmath.fsum((a / nx + b / ny) ** 2 for a, b in zip(x, y)))
    return 2 * mpmath.atan2(dm, dp), nx * nx, ny * ny


def multilayer(ns, kxx, kyy, theta):
    """[(xx, yy, xy)] for ℓ = 1..L in mpmath; θ carried exactly via acos at 50 digits."""
    out = []
    for n in ns:
        jn0 = J(n, 0)
        jt = J(n, theta)
        nxx = kxx ** n * jn0 / mpmath.pi
        nyy = kyy ** n * jn0 / mpmath.pi
        nxy = mpmath.sqrt(kxx * kyy) ** n * jt / mpmath.pi
        cos_next = nxy / mpmath.sqrt(nxx * nyy)
        theta = mpmath.acos(min(mp(1), cos_next)) if cos_next < 1 else mp(0)
        kxx, kyy = nxx, nyy
        out.append((nxx, nyy, nxy))
    return out


# --- pairs -----------------------------------------------------------------------------------------------------------
d = 5
pairs = []
for k in range(3):
    pairs.append((f'random pair {k}', rng.standard_normal(d), rng.standard_normal(d)))
x0 = rng.standard_normal(d)
pairs.append(('equal inputs x = y', x0, x0.copy()))
u = rng.standard_normal(d)
u /= np.linalg.norm(u)
v = rng.standard_normal(d)
v -= (v @ u) * u
v /= np.linalg.norm(v)
for delta in (1e-6, 1e-9, 1e-12, 1e-15):
    pairs.append((f'near-parallel, angle ≈ {delta:g}', 1.7 * u, 0.6 * (u + delta * v)))
pairs.append(('near-antiparallel, π − 1e-9', u, -(u + 1e-9 * v)))
pairs.append(('orthogonal', u, 2 * v))
pairs.append(('scaled 1e-100 and 1e100, angle ≈ 1e-12', 1e-100 * u, 1e100 * (u + 1e-12 * v)))

DEPTH = 8
arc_cases = []
for name, x, y in pairs:
    theta, kxx, kyy = angle(x, y)
    c = {'name': name, 'x': flist(x), 'y': flist(y), 'theta': finite(theta), 'single': {}, 'multilayer': {}}
    for n in range(5):
        c['single'][str(n)] = finite(mpmath.sqrt(kxx * kyy) ** n * J(n, theta) / mpmath.pi)
    for n in range(3):
        layers = multilayer([n] * DEPTH, kxx, kyy, theta)
        # stop where float64 overflows/underflows (deep degree-2 diagonals): the fixture holds finite values only
        rows = []
        for xx, yy, xy in layers:
            if not all(mp('1e-300') < abs(z) < mp('1e300') for z in (xx, yy)) or (xy != 0 and not mp('1e-300') < abs(xy) < mp('1e300')):
                break
            rows.append([finite(xx), finite(yy), finite(xy)])
        c['multilayer'][str(n)] = rows
        # condition of the off-diagonal entries w.r.t. the input angle (float64 gives θ only to ~ε absolute): d xy/dθ₀ per layer
        if theta > 0:
            h = theta * mp(10) ** -7  # forward difference: relative error ~1e-7, plenty for an error allowance
            up = multilayer([n] * len(rows), kxx, kyy, theta + h)
            c.setdefault('dxy_dtheta', {})[str(n)] = [finite((b[2] - a[2]) / h) for a, b in zip(layers, up)]
    mixed = multilayer([2, 0, 1, 0], kxx, kyy, theta)
    if all(mp('1e-300') < abs(z) < mp('1e300') for row in mixed for z in row[:2]):
        c['mixed_2_0_1_0'] = [[finite(a), finite(b), finite(e)] for a, b, e in mixed]
        if theta > 0:
            h = theta * mp(10) ** -7  # forward difference: relative error ~1e-7, plenty for an error allowance
            c['mixed_dxy_dtheta'] = [finite((b[2] - a[2]) / h) for a, b in zip(mixed, multilayer([2, 0, 1, 0], kxx, kyy, theta + h))]
    arc_cases.append(c)

# scalar recursion on stored Gram values (the function's own input): x = y, and the random pairs' float64 inner products
scalar_cases = []
for kxx, kyy, kxy, label in [(2.0, 2.0, 2.0, 'x = y, ‖x‖² = 2'), (0.37, 0.37, 0.37, 'x = y, ‖x‖² = 0.37'), (1e-200, 1e-200, 1e-200, 'x = y, ‖x‖² = 1e-200')] + [
        (float(x @ x), float(y @ y), float(x @ y), f'{name} (float64 Gram values)') for name, x, y in pairs[:3]]:
    theta = mpmath.acos(min(mp(1), mp(kxy) / mpmath.sqrt(mp(kxx) * mp(kyy))))
    entry = {'name': label, 'kxx': kxx, 'kyy': kyy, 'kxy': kxy, 'degrees': {}}
    for n in range(5):
        rows = []
        for xx, yy, xy in multilayer([n] * DEPTH, mp(kxx), mp(kyy), theta):
            if not all(mp('1e-300') < abs(z) < mp('1e300') for z in (xx, yy, xy)):
                break
            rows.append([finite(xx), finite(yy), finite(xy)])
        entry['degrees'][str(n)] = rows
    scalar_cases.append(entry)

# --- deep ReLU NTK / NNGP (Arora et al. sum form) ------------------------------------------------------------------------
Xn = rng.standard_normal((6, 4))
Xn[5] = Xn[0] + 1e-6 * np.linalg.norm(Xn[0]) * v[:4] / np.linalg.norm(v[:4])  # a near-parallel row (angle ≈ 1e-6)
N = Xn.shape[0]


def relu_dual(sxx, syy, sxy):
    """(c_σE[relu(u)relu(v)], c_σE[1{u>0}1{v>0}]) for (u, v) ~ N(0, [[sxx, sxy], [sxy, syy]]), c_σ = 2, by the polar integrals."""
    rho = sxy / mpmath.sqrt(sxx * syy)
    theta = mpmath.acos(max(mp(-1), min(mp(1), rho)))
    e_relu = mpmath.sqrt(sxx * syy) * (2 * mpmath.factorial(1)) / (2 * mpmath.pi) * mpmath.quad(
        lambda p: mpmath.cos(p) * mpmath.cos(p - theta), [theta - mpmath.pi / 2, mpmath.pi / 2])
    e_step = (mpmath.pi - theta) / (2 * mpmath.pi)  # probability of the wedge: angle π − θ out of 2π
    return 2 * e_relu, 2 * e_step


Sig = [[[mpmath.fsum(mp(float(a)) * mp(float(b)) for a, b in zip(Xn[i], Xn[j])) for j in range(N)] for i in range(N)]]
Dot = [None]
HMAX = 5
for h in range(1, HMAX + 1):
    S = [[None] * N for _ in range(N)]
    D = [[None] * N for _ in range(N)]
    P = Sig[-1]
    for i in range(N):
        for j in range(N):
            S[i][j], D[i][j] = relu_dual(P[i][i], P[j][j], P[i][j])
    Sig.append(S)
    Dot.append(D)
ntk_cases = []
for H in range(0, HMAX + 1):
    Theta = [[mp(0)] * N for _ in range(N)]
    for i in range(N):
        for j in range(N):
            tot = mp(0)
            for h in range(1, H + 2):
                prod = mp(1)
                for hp in range(h, H + 1):
                    prod *= Dot[hp][i][j]
                tot += Sig[h - 1][i][j] * prod
            Theta[i][j] = tot
    ntk_cases.append({'L': H + 1, 'K': [finite(Theta[i][j]) for i in range(N) for j in range(N)],
                      'G': [finite(Sig[H][i][j]) for i in range(N) for j in range(N)]})

# --- H∞, K∞ by Monte Carlo and by quadrature ---------------------------------------------------------------------------
Xh = rng.standard_normal((6, 5))
Xh[5] = 2.5 * Xh[1]  # a parallel pair (same direction): H∞ entry = x·x'/2
mc = np.random.default_rng(MC_SEED)
n6 = Xh.shape[0]
sumH = np.zeros((n6, n6)); sumH2 = np.zeros((n6, n6)); sumK = np.zeros((n6, n6)); sumK2 = np.zeros((n6, n6))
G = Xh @ Xh.T
CH = 200_000
for _ in range(MC_SAMPLES // CH):
    W = mc.standard_normal((CH, Xh.shape[1]))
    P = W @ Xh.T
    ind = (P >= 0).astype(np.float64)
    r = np.maximum(P, 0)
    h = (ind.T @ ind) * G
    # per-sample squares for the standard errors: Σ_s (1{..}1{..})² = Σ_s 1{..}1{..}
    sumH += h; sumH2 += (ind.T @ ind) * G * G
    sumK += r.T @ r; sumK2 += (r * r).T @ (r * r)
M = MC_SAMPLES
meanH = sumH / M; seH = np.sqrt(np.maximum(sumH2 / M - meanH ** 2, 0) / M)
meanK = sumK / M; seK = np.sqrt(np.maximum(sumK2 / M - meanK ** 2, 0) / M)
exactH = []; exactK = []
for i in range(n6):
    for j in range(n6):
        th, kxx, kyy = angle(Xh[i], Xh[j])
        gij = mpmath.fsum(mp(float(a)) * mp(float(b)) for a, b in zip(Xh[i], Xh[j]))
        exactH.append(finite(gij * J(0, th) / mpmath.pi / 2))
        exactK.append(finite(mpmath.sqrt(kxx * kyy) * J(1, th) / mpmath.pi / 2))

write('kernels', {
    'reference': 'mpmath quadrature of the defining Gaussian integrals (arc-cosine J_n, Arora et al. 2019 NTK sum form, c_σ = 2) at 50 digits; '
                 'neural-tangents stax not used: not available on this machine (no mirror, no network) — independent mpmath implementation '
                 'from the paper formulas (Arora et al. 2019 arXiv:1904.11955; Jacot et al. 2018 arXiv:1806.07572) instead; H∞/K∞ also by numpy Monte Carlo',
    'versions': {'mpmath': mpmath.__version__, 'numpy': np.__version__},
    'seed': SEED,
    'mc_seed': MC_SEED,
    'mc_samples': MC_SAMPLES,
    'inputs': 'numpy.random.default_rng(seed) standard normals, stored; near-parallel pairs built as u, u + δv (v ⟂ u), angle recomputed exactly',
}, {
    'arcCosinePairs': arc_cases,
    'multilayerScalar': scalar_cases,
    'reluNtk': {'X': flist(Xn.ravel()), 'N': N, 'd': Xn.shape[1], 'nearParallelRows': [0, 5], 'depths': ntk_cases},
    'duLimits': {'X': flist(Xh.ravel()), 'N': n6, 'd': Xh.shape[1], 'mcH': flist(meanH.ravel()), 'mcHse': flist(seH.ravel()),
                 'mcK': flist(meanK.ravel()), 'mcKse': flist(seK.ravel()), 'exactH': exactH, 'exactK': exactK},
})
