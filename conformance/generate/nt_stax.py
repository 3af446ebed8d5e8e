"""neural-tangents' stax layers under jax 0.10.2, shared by the neural-tangents fixture generators (run by hand).

neural-tangents' HEAD targets an older jax than the 0.10.2 wheel on this machine: its package __init__ imports modules
(empirical kernels, jax2tf) that no longer load. We register the package path without running its __init__, re-export the
few names that moved inside jax (jax.core.*, jax.util), and import only the stax layers. Nothing of neural-tangents is
copied into this repository; its source comes from its public repository (NT_SRC, default /tmp/nt-src).
"""
import os
import sys
import types
import warnings

NT_SRC = os.environ.get('NT_SRC', '/tmp/nt-src')

warnings.filterwarnings('ignore')
import jax  # noqa: E402

jax.config.update('jax_enable_x64', True)
import jax._src.core as _jax_core  # noqa: E402
import jax._src.util as _jax_util  # noqa: E402
import jax.core  # noqa: E402

sys.modules.setdefault('jax.util', _jax_util)
for _n in dir(_jax_core):
    if not hasattr(jax.core, _n):
        try:
            setattr(jax.core, _n, getattr(_jax_core, _n))
        except Exception:  # noqa: BLE001 - a name that cannot be re-exported is not one stax needs
            pass
for _name, _path in [('neural_tangents', f'{NT_SRC}/neural_tangents'), ('neural_tangents._src', f'{NT_SRC}/neural_tangents/_src')]:
    _m = types.ModuleType(_name)
    _m.__path__ = [_path]
    sys.modules[_name] = _m
from neural_tangents._src.stax import combinators, elementwise, linear  # noqa: E402,F401

JAX_VERSION = jax.__version__
