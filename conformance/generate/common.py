"""Shared helpers of the conformance fixture generators (run by hand; CI reads only the committed JSON)."""
import datetime
import json
import os
import platform
import sys

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures')


def finite(x):
    """A float for JSON: Python's repr round-trips float64 exactly; non-finite values are refused."""
    x = float(x)
    if x != x or x in (float('inf'), float('-inf')):
        raise ValueError(f'non-finite value {x} in a fixture')
    return x


def flist(xs):
    return [finite(x) for x in xs]


def write(name, meta, cases):
    """conformance/fixtures/<name>.json: {meta: {...}, cases: [...]}; meta names the reference, its version and the seed."""
    meta = dict(meta)
    meta.setdefault('python', platform.python_version())
    meta.setdefault('python_executable', sys.executable)
    meta.setdefault('generated', datetime.date.today().isoformat())
    meta.setdefault('generator', f'conformance/generate/{os.path.basename(sys.argv[0])}')
    path = os.path.join(FIXTURES, f'{name}.json')
    with open(path, 'w') as f:
        json.dump({'meta': meta, 'cases': cases}, f, indent=None, separators=(',', ':'))
        f.write('\n')
    print(f'wrote {path} ({os.path.getsize(path)} bytes, {len(cases)} cases)')
