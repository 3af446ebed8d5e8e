"""Fixtures for @repro/linalg: eigvalsh / eigh / svdvals / cholesky / solve on stress matrices, and the Lanczos routines on
formula-defined matrices (n > 64, so the Krylov path runs), against mpmath at 30–40 significant digits on the exact float64
inputs. Random inputs from numpy's default_rng(SEED) are stored entry by entry (JSON floats round-trip exactly).

Run: python3 conformance/generate/linalg.py   (numpy, mpmath; ~1 min)
"""
import mpmath
import numpy as np

from common import finite, flist, write

SEED = 18_001
DPS = 40
mpmath.mp.dps = DPS
rng = np.random.default_rng(SEED)


def to_mp(A):
    A = np.asarray(A, dtype=np.float64)
    M = mpmath.matrix(A.shape[0], A.shape[1])
    for i in range(A.shape[0]):
        for j in range(A.shape[1]):
            M[i, j] = mpmath.mpf(float(A[i, j]))  # exact: every float64 is an mpf
    return M


def sym_eig(A, vectors=False):
    M = to_mp(A)
    if vectors:
        E, Q = mpmath.eigsy(M)
        order = sorted(range(len(E)), key=lambda i: E[i])
        vals = [E[i] for i in order]
        vecs = [[Q[r, i] for r in range(M.rows)] for i in order]  # columns as lists
        return vals, vecs
    E = mpmath.eigsy(M, eigvals_only=True)
    return sorted(E, key=lambda e: e), None


def rand_sym(n):
    B = rng.standard_normal((n, n))
    return (B + B.T) / 2


def orthogonal(n):
    Q, R = np.linalg.qr(rng.standard_normal((n, n)))
    return Q * np.sign(np.diag(R))


def symmetrize(A):
    A = np.asarray(A, dtype=np.float64)
    return np.triu(A) + np.triu(A, 1).T  # exactly symmetric


cases = []


def dense_case(name, A, vectors=False, spd=False, rhs=None, svd=None):
    A = symmetrize(A)
    n = A.shape[0]
    vals, vecs = sym_eig(A, vectors)
    c = {'kind': 'symmetric', 'name': name, 'n': n, 'A': flist(A.ravel()), 'eigenvalues': [finite(v) for v in vals]}
    if vectors:
        c['eigenvectors'] = [[finite(x) for x in v] for v in vecs]  # ascending eigenvalues, unit columns, sign as mpmath gives
    if spd:
        L = mpmath.cholesky(to_mp(A), tol=mpmath.mpf(0))  # default tol is absolute (eps): wrong for scaled input
        c['cholesky'] = [finite(L[i, j]) for i in range(n) for j in range(n)]
    if rhs is not None:
        x = mpmath.lu_solve(to_mp(A), mpmath.matrix([mpmath.mpf(float(v)) for v in rhs]))
        c['b'] = flist(rhs)
        c['x'] = [finite(x[i]) for i in range(n)]
    cases.append(c)


def rect_case(name, A):
    A = np.asarray(A, dtype=np.float64)
    s = mpmath.svd_r(to_mp(A), compute_uv=False)
    sv = sorted([s[i] for i in range(len(s))], reverse=True)
    cases.append({'kind': 'rect', 'name': name, 'rows': A.shape[0], 'cols': A.shape[1], 'A': flist(A.ravel()), 'singularValues': [finite(v) for v in sv]})


# --- dense stress matrices -------------------------------------------------------------------------------------------
n = 10
R = rand_sym(n)
D = np.diag(10.0 ** -np.arange(n))
dense_case('graded 1e0..1e-18 (D R D, D = diag 10^-i)', D @ R @ D)
Q = orthogonal(n)
dense_case('clustered: 1 + 1e-10·k (k < 7) and 3 spread eigenvalues', Q @ np.diag(np.r_[1 + 1e-10 * np.arange(7), [-2.0, 5.0, 9.0]]) @ Q.T)
m = 21
W = np.diag(np.abs(np.arange(m) - (m - 1) / 2)) + np.diag(np.ones(m - 1), 1) + np.diag(np.ones(m - 1), -1)
dense_case('Wilkinson W21+ (pairs agreeing to ~1e-14)', W)
X = rng.standard_normal((n, 4))
dense_case('rank-4 Gram X Xᵀ, n = 10 (six eigenvalues 0 in exact arithmetic of X)', X @ X.T)
X = rng.standard_normal((8, 8))
X[7] = X[6] + 1e-7 * rng.standard_normal(8)
G = X @ X.T
dense_case('near-singular Gram: two rows 1e-7 apart (λ_min ≈ 1e-14·scale)', G, vectors=True)
S = rand_sym(8)
for sc in (1e150, 1e-150, 1e300, 1e-300):
    dense_case(f'random symmetric × {sc:g}', S * sc, vectors=(sc == 1e-300))
Z = rand_sym(8)
Z[np.abs(Z) < 0.6] = 0.0
dense_case('zeros and subnormal entries (×2^-1074·k: 4.9e-324..)', symmetrize(np.where(Z == 0, 0.0, np.round(Z * 8) * 5e-324)))
dense_case('zeros with one 1e-310 block and O(1) entries', symmetrize(Z + np.diag(np.full(8, 1e-310))))
dense_case('random symmetric n = 12 (eigenvectors)', rand_sym(12), vectors=True)

# SPD: cholesky and solve
for name, A in [
    ('SPD well conditioned (B Bᵀ + n I)', (lambda B: B @ B.T + 8 * np.eye(8))(rng.standard_normal((8, 8)))),
    ('SPD near-singular Gram (κ ≈ 1e10)', (lambda B: B @ B.T + 1e-9 * np.eye(8))(np.c_[rng.standard_normal((8, 7)), np.zeros(8)])),
    ('SPD graded (D (B Bᵀ + I) D, D = diag 10^-i)', (lambda B, Dg: Dg @ (B @ B.T + np.eye(8)) @ Dg)(rng.standard_normal((8, 8)), np.diag(10.0 ** -np.arange(8)))),
    ('SPD × 1e150', ((lambda B: B @ B.T + 8 * np.eye(8))(rng.standard_normal((8, 8)))) * 1e150),
    ('SPD × 1e-150', ((lambda B: B @ B.T + 8 * np.eye(8))(rng.standard_normal((8, 8)))) * 1e-150),
    ('SPD × 1e300', ((lambda B: B @ B.T + 8 * np.eye(8))(rng.standard_normal((8, 8)))) * 1e300),
    ('SPD × 1e-300', ((lambda B: B @ B.T + 8 * np.eye(8))(rng.standard_normal((8, 8)))) * 1e-300),
]:
    dense_case(name, A, spd=True, rhs=rng.standard_normal(A.shape[0]))

# singular values
rect_case('random 7×4', rng.standard_normal((7, 4)))
rect_case('graded columns 6×5 (×10^-2j)', rng.standard_normal((6, 5)) * 10.0 ** (-2 * np.arange(5)))
rect_case('random 4×6 × 1e150', rng.standard_normal((4, 6)) * 1e150)
rect_case('random 5×3 × 1e-150', rng.standard_normal((5, 3)) * 1e-150)
rect_case('random 5×5 × 1e300', rng.standard_normal((5, 5)) * 1e300)
rect_case('random 3×5 × 1e-300', rng.standard_normal((3, 5)) * 1e-300)


# --- Lanczos: formula-defined matrices, built identically here and in the test (each entry one or two correctly rounded ops)
def formula(kind, n, scale):
    i = np.arange(n)[:, None]
    j = np.arange(n)[None, :]
    if kind == 'diag':
        A = np.diag((np.arange(n) + 1.0) * scale)
    elif kind == 'diag-subnormal':
        A = np.diag((np.arange(n) + 1.0) * 5e-324)  # k·2^-1074, exact
    elif kind == 'diag-with-zeros':
        A = np.diag(np.where(np.arange(n) % 3 == 0, 0.0, (np.arange(n) + 1.0) * scale))
    elif kind == 'zero':
        A = np.zeros((n, n))
    elif kind == 'lehmer':
        A = (np.minimum(i, j) + 1.0) / (np.maximum(i, j) + 1.0)
        A = A * scale if scale != 1 else A
    elif kind == 'kms':
        A = 0.5 ** np.abs(i - j).astype(np.float64)
        A = A * scale if scale != 1 else A
    elif kind == 'laplacian':
        A = (2.0 * np.eye(n) - np.eye(n, k=1) - np.eye(n, k=-1)) * scale
    elif kind == 'wilkinson':
        A = np.diag(np.abs(np.arange(n) - (n - 1) / 2)) + np.eye(n, k=1) + np.eye(n, k=-1)
        A = A * scale if scale != 1 else A
    else:
        raise ValueError(kind)
    return A


lanczos_specs = [('diag', 65, s) for s in (1.0, 1e154, 1e-160, 1e-200, 1e150, 1e-150, 1e300, 1e-300)]
lanczos_specs += [('diag-subnormal', 65, 1.0), ('diag-with-zeros', 70, 1.0), ('zero', 70, 1.0)]
lanczos_specs += [('lehmer', 100, s) for s in (1.0, 1e150, 1e-150, 1e300, 1e-300)]
lanczos_specs += [('kms', 120, 1.0), ('kms', 120, 1e-300), ('laplacian', 80, 1.0), ('laplacian', 80, 1e200), ('wilkinson', 101, 1.0)]
mpmath.mp.dps = 30
for kind, n, sc in lanczos_specs:
    A = formula(kind, n, sc)
    if kind in ('diag', 'diag-subnormal', 'diag-with-zeros', 'zero'):
        ev = sorted(mpmath.mpf(float(x)) for x in np.diag(A))  # exact
        how = 'exact (diagonal)'
    elif kind == 'laplacian':
        # entries exact (2s, −s) whenever s·2 is exact; closed form λ_k = s(2 − 2cos(kπ/(n+1)))
        ev = sorted(mpmath.mpf(sc) * (2 - 2 * mpmath.cos(k * mpmath.pi / (n + 1))) for k in range(1, n + 1))
        how = 'closed form s(2 − 2cos(kπ/(n+1))) in mpmath'
    else:
        ev, _ = sym_eig(A)
        how = f'mpmath.eigsy at {mpmath.mp.dps} digits on the float64 entries'
    cases.append({'kind': 'lanczos', 'name': f'{kind} n = {n} × {sc:g}', 'formula': kind, 'n': n, 'scale': finite(sc),
                  'lambdaMin': finite(ev[0]), 'lambdaMax': finite(ev[-1]), 'norm2': finite(max(abs(ev[0]), abs(ev[-1]))),
                  'lambda2': finite(ev[1]), 'reference': how})

write('linalg', {
    'reference': 'mpmath (eigsy, svd_r, cholesky, lu_solve) at 40 digits (Lanczos matrices: 30) on the exact float64 inputs; diagonal and Laplacian spectra in closed form',
    'versions': {'mpmath': mpmath.__version__, 'numpy': np.__version__},
    'seed': SEED,
    'inputs': 'numpy.random.default_rng(seed), stored entry by entry; Lanczos matrices by formula (see formula() here and in packages/linalg/test/conformance.test.ts)',
}, cases)
