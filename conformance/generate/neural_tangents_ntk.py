"""Deep ReLU NTK/NNGP reference from neural-tangents' stax (google/neural-tangents), run by hand:

    python3 -m venv /tmp/ntvenv && /tmp/ntvenv/bin/pip install --no-index --find-links /opt/pypi/files jax jaxlib frozendict
    git -C <neural-tangents checkout> archive HEAD neural_tangents | tar -x -C /tmp/nt-src     # the repository's source
    NT_SRC=/tmp/nt-src /tmp/ntvenv/bin/python conformance/generate/neural_tangents_ntk.py

The stax layers are imported through nt_stax.py (neural-tangents' HEAD targets an older jax than the 0.10.2 wheel here;
nt_stax explains the import). Nothing of neural-tangents is copied into this repository.

Parameterization (stated, and what the test relies on): stax.Dense in NTK parameterization with W_std = √2, b_std = 0 at
every layer, ReLU between layers, L layers of weights (L − 1 hidden). Its input layer divides by the input dimension d:
Σ⁽¹⁾ = 2·XXᵀ/d. Each ReLU layer with W_std² = 2 keeps the diagonal (c_σ = 2), so Σ⁽ˡ⁾ = (2/d)·G⁽ˡ⁾ and
Θ⁽ᴸ⁾ = (2/d)·K⁽ᴸ⁾ in terms of our reluNtkLimit (K, G), which uses G⁽¹⁾ = XXᵀ. The fixture stores NT's numbers as they come;
the test multiplies ours by 2/d.
"""
import os
import subprocess
import sys
import types
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import flist, write  # noqa: E402

SEED = 18004

from nt_stax import JAX_VERSION, combinators, elementwise, linear  # noqa: E402

rng = np.random.default_rng(SEED)
N, d = 7, 5
X = rng.standard_normal((N, d))
X[1] = 2.5 * X[0]  # parallel (angle 0 exactly)
X[2] = -0.7 * X[3]  # antiparallel
cases = []
for L in range(1, 7):
    layers = [linear.Dense(64, W_std=np.sqrt(2.0), b_std=0.0)]
    for _ in range(L - 1):
        layers += [elementwise.Relu(), linear.Dense(64, W_std=np.sqrt(2.0), b_std=0.0)]
    _, _, kernel_fn = combinators.serial(*layers)
    k = kernel_fn(X, None, ('ntk', 'nngp'))
    ntk = np.asarray(k.ntk, dtype=np.float64)
    nngp = np.asarray(k.nngp, dtype=np.float64)
    assert ntk.dtype == np.float64
    cases.append({'L': L, 'ntk': flist(ntk.ravel()), 'nngp': flist(nngp.ravel())})

commit = 'unknown'
try:
    commit = subprocess.run(['git', '-C', os.environ.get('NT_REPO', '/work/.mirror/google+neural-tangents/repo'), 'rev-parse', 'HEAD'], capture_output=True, text=True).stdout.strip() or 'unknown'
except Exception:  # noqa: BLE001
    pass
write(
    'neural-tangents-ntk',
    {
        'reference': 'neural-tangents stax (Dense NTK parameterization, W_std=√2, b_std=0; Relu) kernel_fn in float64 (jax_enable_x64)',
        'versions': {'neural_tangents_commit': commit, 'jax': JAX_VERSION, 'numpy': np.__version__},
        'seed': SEED,
        'mapping': 'Θ_NT = (2/d)·K_ours and Σ_NT = (2/d)·G_ours[L-1] (reluNtkLimit), d = input dimension',
        'inputs': 'numpy.random.default_rng(seed).standard_normal((7, 5)); row 1 = 2.5·row 0 (parallel), row 2 = −0.7·row 3 (antiparallel)',
        'N': N,
        'd': d,
        'X': flist(X.ravel()),
    },
    cases,
)
