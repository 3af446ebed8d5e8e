"""Fixtures for @repro/linalg's kernel SVM (svmSmo, svmDecision) against scikit-learn's SVC (libsvm) on precomputed kernels.

Needs scikit-learn: on these machines Debian's python3-sklearn, which installs for /usr/bin/python3 (not the pyenv python3
on PATH). Run: /usr/bin/python3 conformance/generate/svm.py
"""
import math

import numpy as np
import scipy
import sklearn
from sklearn.svm import SVC

from common import finite, flist, write

SEED = 18_004
rng = np.random.default_rng(SEED)
n, m = 40, 12
X = np.r_[rng.standard_normal((n // 2, 2)) + [1.0, 0.5], rng.standard_normal((n // 2, 2)) - [1.0, 0.5]]
y = np.r_[np.ones(n // 2), -np.ones(n // 2)]
Xt = rng.standard_normal((m, 2)) * 1.5


def rbf(A, B, g):
    d2 = ((A[:, None, :] - B[None, :, :]) ** 2).sum(-1)
    return np.exp(-g * d2)


def arccos1(A, B):
    na = np.linalg.norm(A, axis=1)[:, None]
    nb = np.linalg.norm(B, axis=1)[None, :]
    c = np.clip(A @ B.T / (na * nb), -1, 1)
    t = np.arccos(c)
    return na * nb * (np.sin(t) + (math.pi - t) * c) / math.pi


cases = []
for name, K, Kt, C in [
    ('RBF γ = 0.5, C = 1', rbf(X, X, 0.5), rbf(Xt, X, 0.5), 1.0),
    ('RBF γ = 0.5, C = 10', rbf(X, X, 0.5), rbf(Xt, X, 0.5), 10.0),
    ('arc-cosine k_1, C = 1', arccos1(X, X), arccos1(Xt, X), 1.0),
]:
    K = (K + K.T) / 2
    clf = SVC(kernel='precomputed', C=C, tol=1e-12, shrinking=False, max_iter=-1).fit(K, y)
    alpha = np.zeros(n)
    alpha[clf.support_] = np.abs(clf.dual_coef_[0])
    # sklearn orders classes ascending ([-1, 1]) and its decision function is positive for classes_[1] = +1
    assert list(clf.classes_) == [-1.0, 1.0]
    Q = (y[:, None] * y[None, :]) * K
    obj = 0.5 * alpha @ Q @ alpha - alpha.sum()
    cases.append({
        'name': name, 'n': n, 'C': C, 'K': flist(K.ravel()), 'y': flist(y), 'Kt': flist(Kt.ravel()), 'm': m,
        'alpha': flist(alpha), 'b': finite(clf.intercept_[0]), 'support': [int(i) for i in sorted(clf.support_)],
        'bounded': [int(i) for i in sorted(clf.support_) if alpha[i] >= C * (1 - 1e-12)],
        'objective': finite(obj), 'decision': flist(clf.decision_function(Kt)),
    })

write('svm', {
    'reference': 'scikit-learn SVC(kernel="precomputed", tol=1e-12, shrinking=False) — libsvm',
    'versions': {'scikit-learn': sklearn.__version__, 'numpy': np.__version__, 'scipy': scipy.__version__},
    'seed': SEED,
    'inputs': 'two Gaussian blobs in 2D (numpy default_rng(seed)); kernel matrices stored entry by entry',
}, cases)
