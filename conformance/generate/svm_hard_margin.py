"""Fixture for @repro/linalg's hardMarginSvm (no bias: min ½‖w‖² s.t. wᵀz_n ≥ 1) against a QP solved with scipy: SLSQP on the
primal, then the active set {n : wᵀz_n < 1 + 1e-6} polished by the exact KKT solve w = Z_Sᵀ(Z_S Z_Sᵀ)⁻¹1 in mpmath (40 digits),
accepted only if every α_S > 0 and every other margin > 1 (so it is the unique optimum).

Run: python3 conformance/generate/svm_hard_margin.py   (numpy, scipy, mpmath)
"""
import mpmath
import numpy as np
import scipy
from scipy.optimize import minimize

from common import finite, flist, write

SEED = 18_005
mpmath.mp.dps = 40
rng = np.random.default_rng(SEED)
cases = []
for N, d, shift in [(30, 5, 1.0), (40, 3, 0.6), (12, 8, 0.2)]:
    X = rng.standard_normal((N, d))
    wtrue = rng.standard_normal(d)
    y = np.sign(X @ wtrue)
    X += shift * y[:, None] * wtrue / np.linalg.norm(wtrue)  # push the classes apart along w*
    Z = y[:, None] * X
    res = minimize(lambda w: 0.5 * w @ w, np.zeros(d), jac=lambda w: w, method='SLSQP',
                   constraints=[{'type': 'ineq', 'fun': lambda w: Z @ w - 1, 'jac': lambda w: Z}], options={'ftol': 1e-15, 'maxiter': 1000})
    assert res.success, res.message
    S = [i for i in range(N) if Z[i] @ res.x < 1 + 1e-6]
    ZS = mpmath.matrix([[mpmath.mpf(float(v)) for v in Z[i]] for i in S])
    a = mpmath.lu_solve(ZS * ZS.T, mpmath.matrix([1] * len(S)))
    w = ZS.T * a
    Zm = mpmath.matrix([[mpmath.mpf(float(v)) for v in row] for row in Z])
    margins = Zm * w
    assert all(a[k] > 0 for k in range(len(S))), 'active set not optimal'
    assert all(margins[i] > 1 for i in range(N) if i not in S), 'a non-support constraint is violated'
    cases.append({'name': f'N = {N}, d = {d}', 'N': N, 'd': d, 'Z': flist(Z.ravel()), 'w': [finite(w[j]) for j in range(d)],
                  'support': S, 'alpha': [finite(a[S.index(i)]) if i in S else 0.0 for i in range(N)],
                  'margin': finite(1 / mpmath.sqrt(sum(w[j] ** 2 for j in range(d)))), 'slsqp_w': flist(res.x)})
write('hard-margin-svm', {
    'reference': 'scipy.optimize.minimize(method="SLSQP") on the primal QP, active set polished by the exact KKT solve in mpmath',
    'versions': {'scipy': scipy.__version__, 'numpy': np.__version__, 'mpmath': mpmath.__version__},
    'seed': SEED,
    'inputs': 'Gaussian rows, labels sign(x·w*), classes pushed apart along w* (numpy default_rng(seed)); Z = y·X stored',
}, cases)
