"""Fixture for soudry2017's multiclass path (softmaxGrad + logTimeFlow + hardMarginSvmMulticlass) far past 10¹²: the summed
softmax cross-entropy's gradient flow dW/dt = −η∇L(W), W(1) = 0, integrated in u = ln t by classical RK4 with a fixed step
(h = 0.005 after u = 5, h/10 before) and a log-space right-hand side — dW/du = η Σ_n Σ_{k≠y_n} exp(u − m_nk − lse_n) z_nk with
m_nk = (w_{y_n} − w_k)ᵀx_n, lse_n = log(1 + Σ_k e^{−m_nk}), z_nk = (e_{y_n} − e_k) ⊗ x_n — so nothing cancels (p_y − 1) and
nothing under/overflows out to t = 10²⁸⁰. The multi-class hard-margin SVM Ŵ (min Σ‖w_k‖² s.t. (w_{y_n} − w_k)ᵀx_n ≥ 1) by
SLSQP, its active set polished by the exact KKT solve in mpmath. Recorded: Ŵ, the support pairs, δ (smallest non-support
margin − 1), and the direction gap ‖W/‖W‖ − Ŵ/‖Ŵ‖‖ and ‖W‖ at t = 10^k. A step-halving run (h = 0.0025) bounds the
integration error (meta.max_rel_change_halving). No code is shared with the TypeScript.

Inputs: two data sets drawn by soudry2017's generator (paper profile, seed 0, replicates 0 and 2: 3 Gaussian blobs in 2-D);
replicate 2 has 3 support pairs of rank 3 in a 4-dimensional space and δ ≈ 0.008, the slow transient of NOTES.md § multiclass.

Run: python3 conformance/generate/softmax_flow.py   (numpy, scipy, mpmath; ≈ 1 min)
"""
import mpmath
import numpy as np
import scipy
from scipy.optimize import minimize

from common import finite, flist, write

mpmath.mp.dps = 40
K, d = 3, 2
DECADES = [2, 4, 6, 8, 12, 16, 20, 40, 60, 100, 140, 200, 280]
CASES = [
    # paper replicate 0 of seed 0 (soudry2017 multiclassData, 8 points per class; rows x_n)
    {'name': 'replicate 0', 'y': [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2], 'X': [
        3.6009797367701144, 0.34931937003337127,
        3.520461184255954, 1.3068790725146389,
        2.1618841551136594, -0.02241103742060621,
        2.905946345683903, 0.18785827533319108,
        3.646230040696177, 0.014693274903829096,
        3.0871607153689182, 0.08562738084603098,
        3.7788762832503577, -0.045448498112872084,
        2.7723302414010536, 0.7739351954471899,
        -0.9590324008571542, 2.417981091054972,
        -1.1915829700329101, 1.9920804038009599,
        -1.162300111325425, 2.305883404553279,
        -1.3564803685418223, 2.640566723004432,
        -2.683609181802094, 2.97592625244706,
        -2.029223420037602, 2.318141434715209,
        -1.6454645387393514, 3.47412072609431,
        -0.3583065384655544, 1.7793477693908955,
        -1.8957665926218559, -2.658012203359553,
        -1.1197895668113804, -3.5407733012721616,
        -1.2137674662307585, -2.9880915805297605,
        -2.9258170176125216, -3.5770675662392932,
        -1.2856776009644277, -1.8703173058533857,
        -0.709718596054202, -2.367696092428065,
        -0.7683959079948204, -2.3528684250029186,
        -1.9282627926361764, -2.3362104303163482,
    ]},
    # paper replicate 2 of seed 0 (soudry2017 multiclassData, 8 points per class; rows x_n)
    {'name': 'replicate 2', 'y': [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2], 'X': [
        3.4270685501530855, 0.35848860544208655,
        2.9699535969817665, -0.06421136435068685,
        2.985657009864559, -0.8106202644557443,
        2.783972890107514, -0.3413445845694561,
        2.7432891590838553, 0.2988833973186586,
        3.2683064686263985, -0.23963254099358494,
        3.363252746858213, 0.5604965167481419,
        3.053846130285535, -0.41030737811565554,
        -2.0019994335955333, 3.0450612093578293,
        -1.5696008649274844, 3.1097216773779475,
        -1.5517115630985028, 2.74795999398588,
        -1.7268932827760333, 3.0304853929378863,
        -1.721170284842735, 2.2096158498522662,
        -1.0453849301522313, 2.4265363088486214,
        -1.8765729012429104, 2.573812412034826,
        -0.9424019479565828, 3.474331854144671,
        -1.2915467979674313, -3.5942301399699437,
        -1.8046071353936786, -2.596892906749066,
        -1.0691354287104333, -1.9755609453627758,
        -1.4481092022246518, -2.7981979195213396,
        -2.5995628087948264, -3.043002166520619,
        -1.4786123573235075, -2.5950034162599778,
        -2.180037559852078, -2.2770856551237038,
        -1.6289160779609013, -2.101566347590351,
    ]},
]


def pair_vectors(X, y):
    Z = []
    for n in range(len(y)):
        for k in range(K):
            if k == y[n]:
                continue
            a = np.zeros((K, d))
            a[y[n]] += X[n]
            a[k] -= X[n]
            Z.append(a.ravel())
    return np.array(Z)


def svm(Z):
    res = minimize(lambda w: 0.5 * w @ w, np.full(K * d, 0.1), jac=lambda w: w, method='SLSQP',
                   constraints=[{'type': 'ineq', 'fun': lambda w: Z @ w - 1, 'jac': lambda w: Z}], options={'ftol': 1e-16, 'maxiter': 2000})
    assert res.success, res.message
    S = [i for i in range(len(Z)) if Z[i] @ res.x < 1 + 1e-6]
    ZS = mpmath.matrix([[mpmath.mpf(float(v)) for v in Z[i]] for i in S])
    a = mpmath.lu_solve(ZS * ZS.T, mpmath.matrix([1] * len(S)))
    w = ZS.T * a
    margins = [sum(mpmath.mpf(float(Z[i][j])) * w[j] for j in range(K * d)) for i in range(len(Z))]
    assert all(a[k] > 0 for k in range(len(S))), 'active set not optimal'
    assert all(margins[i] > 1 for i in range(len(Z)) if i not in S), 'a non-support constraint is violated'
    W = np.array([float(w[j]) for j in range(K * d)])
    delta = min(float(margins[i]) - 1 for i in range(len(Z)) if i not in S)
    return W, S, [float(a[k]) for k in range(len(S))], delta


def flow(Z, N, eta, h, Wsvm):
    Zr = Z.reshape(N, K - 1, K * d)

    def rhs(u, w):
        m = Zr @ w
        lse = np.logaddexp(0, np.logaddexp.reduce(-m, axis=1))
        return eta * np.einsum('nk,nkj->j', np.exp(u - m - lse[:, None]), Zr)

    w = np.zeros(K * d)
    u = 0.0
    wh = Wsvm / np.linalg.norm(Wsvm)
    out = {}
    for dec in DECADES:
        U = dec * np.log(10.0)
        while u < U - 1e-12:
            hh = min(h if u >= 5 else h / 10, U - u)
            k1 = rhs(u, w)
            k2 = rhs(u + hh / 2, w + hh / 2 * k1)
            k3 = rhs(u + hh / 2, w + hh / 2 * k2)
            k4 = rhs(u + hh, w + hh * k3)
            w = w + hh / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
            u += hh
        out[dec] = (float(np.linalg.norm(w / np.linalg.norm(w) - wh)), float(np.linalg.norm(w)))
    return out


cases = []
worst = 0.0
for c in CASES:
    X = np.array(c['X']).reshape(-1, d)
    y = np.array(c['y'])
    N = len(y)
    Z = pair_vectors(X, y)
    W, S, alpha, delta = svm(Z)
    eta = 2 / np.linalg.svd(X, compute_uv=False)[0] ** 2
    a = flow(Z, N, eta, 0.005, W)
    b = flow(Z, N, eta, 0.0025, W)
    worst = max(worst, max(abs(a[k][0] - b[k][0]) / b[k][0] for k in DECADES))
    cases.append({'name': c['name'], 'N': N, 'd': d, 'K': K, 'X': flist(X.ravel()), 'y': [int(v) for v in y], 'eta': finite(eta),
                  'W': flist(W), 'supportPairs': len(S), 'supportRank': int(np.linalg.matrix_rank(Z[S])), 'alpha': flist(alpha),
                  'delta': finite(delta), 't': [f'1e{k}' for k in DECADES], 'gap': [finite(b[k][0]) for k in DECADES],
                  'normW': [finite(b[k][1]) for k in DECADES]})
    print(c['name'], 'support', len(S), 'delta', round(delta, 4), 'gap·ln t', [round(b[k][0] * k * np.log(10), 4) for k in DECADES])
write('softmax-flow', {
    'reference': 'numpy RK4 in u = ln t (h = 0.0025) with a log-space gradient; SLSQP + mpmath KKT polish for the multi-class SVM',
    'versions': {'scipy': scipy.__version__, 'numpy': np.__version__, 'mpmath': mpmath.__version__},
    'max_rel_change_halving': worst,
    'flow': 'dW/dt = −η∇L(W), W(1) = 0, η = 2/σ_max(X)²; t is the GD iteration count (t = e^u)',
}, cases)
