"""Deep ReLU NTK/NNGP **with biases** from neural-tangents' stax (google/neural-tangents), run by hand:

    NT_SRC=/tmp/nt-src /tmp/ntvenv/bin/python conformance/generate/neural_tangents_ntk_bias.py

Setup (venv with jax 0.10.2, neural-tangents' source) and the import workaround as in neural_tangents_ntk.py, whose
docstring explains both; nothing of neural-tangents is copied into this repository.

Parameterization (stated, and what the test relies on): stax.Dense(W_std = σ_w, b_std = σ_b) in NTK parameterization at
every layer, ReLU between layers, L = 1..4 layers of weights (L − 1 hidden), (σ_w, σ_b) ∈ {(1, 0.5), (1.7, 0.3),
(0.8, 1.2), (√2, 2)}: Σ⁽¹⁾ = σ_w²·XXᵀ/d + σ_b², Σ⁽ˡ⁺¹⁾ = σ_w²·E[relu(u)relu(v)] + σ_b², Θ⁽ˡ⁺¹⁾ = Σ⁽ˡ⁺¹⁾ + σ_w²·E[relu′(u)relu′(v)]·Θ⁽ˡ⁾.
That is exactly reluNtkLimitWithBias(X, L, { wStd: σ_w, bStd: σ_b }) of @repro/nets — mapping: W_std = wStd,
b_std = bStd, Θ_NT = K, Σ_NT = G[L − 1], no extra constant. The inputs include a parallel pair, an antiparallel pair
and a zero row (its Σ⁽¹⁾ row is σ_b² everywhere).
"""
import os
import subprocess
import sys
import types
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import flist, write  # noqa: E402

SEED = 22006

from nt_stax import JAX_VERSION, combinators, elementwise, linear  # noqa: E402

rng = np.random.default_rng(SEED)
N, d = 8, 5
X = rng.standard_normal((N, d))
X[1] = 2.5 * X[0]  # parallel
X[2] = -0.7 * X[3]  # antiparallel
X[7] = 0.0  # zero input
SCALES = [(1.0, 0.5), (1.7, 0.3), (0.8, 1.2), (float(np.sqrt(2.0)), 2.0)]
cases = []
for w_std, b_std in SCALES:
    for L in range(1, 5):
        layers = [linear.Dense(64, W_std=w_std, b_std=b_std)]
        for _ in range(L - 1):
            layers += [elementwise.Relu(), linear.Dense(64, W_std=w_std, b_std=b_std)]
        _, _, kernel_fn = combinators.serial(*layers)
        k = kernel_fn(X, None, ('ntk', 'nngp'))
        ntk = np.asarray(k.ntk, dtype=np.float64)
        nngp = np.asarray(k.nngp, dtype=np.float64)
        assert ntk.dtype == np.float64
        cases.append({'L': L, 'wStd': w_std, 'bStd': b_std, 'ntk': flist(ntk.ravel()), 'nngp': flist(nngp.ravel())})

commit = 'unknown'
try:
    commit = subprocess.run(['git', '-C', os.environ.get('NT_REPO', '/work/.mirror/google+neural-tangents/repo'), 'rev-parse', 'HEAD'], capture_output=True, text=True).stdout.strip() or 'unknown'
except Exception:  # noqa: BLE001
    pass
write(
    'neural-tangents-ntk-bias',
    {
        'reference': 'neural-tangents stax (Dense NTK parameterization with W_std, b_std > 0; Relu) kernel_fn in float64 (jax_enable_x64)',
        'versions': {'neural_tangents_commit': commit, 'jax': JAX_VERSION, 'numpy': np.__version__},
        'seed': SEED,
        'mapping': 'W_std = wStd, b_std = bStd; Θ_NT = K and Σ_NT = G[L-1] of reluNtkLimitWithBias(X, L, {wStd, bStd}) (no constant)',
        'inputs': 'numpy.random.default_rng(seed).standard_normal((8, 5)); row 1 = 2.5·row 0 (parallel), row 2 = −0.7·row 3 (antiparallel), row 7 = 0',
        'N': N,
        'd': d,
        'X': flist(X.ravel()),
    },
    cases,
)
