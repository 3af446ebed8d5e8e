"""Fixtures for @repro/concentration: Threefry-2x32-20 known-answer vectors and the derived streams, and exact moments
for the samplers' statistical checks.

Threefry: an independent Python implementation written from the spec (Salmon, Moraes, Dror, Shaw, SC 2011, §3 and the
Skein 1.3 key schedule: rotations R = 13 15 26 6 17 29 16 24, key parity 0x1BD11BDA, a key injection after every 4 rounds,
injection s adds k_{s mod 3}, k_{(s+1) mod 3} + s). The three Random123 kat_vectors lines for threefry2x32 with 20 rounds
are written from memory (they match JAX's test suite values too) and asserted against this implementation: they agree,
so each corroborates the other.

Derived streams follow the construction documented in packages/concentration/src/prng.ts (block b of key k is
threefry(k, [b, 0]), split child i = threefry(k, [i, 1]), fold-in j = threefry(k, [j, 2]), strings by words with c1 = 3);
uniform / normal / rademacher as in samplers.ts (53-bit mantissa from two words; Box–Muller).

Run: python3 conformance/generate/prng.py
"""
import math

import mpmath

from common import write

M32 = 0xFFFFFFFF
ROT = [13, 15, 26, 6, 17, 29, 16, 24]


def rotl(x, r):
    return ((x << r) | (x >> (32 - r))) & M32


def threefry2x32_20(key, ctr):
    ks = [key[0], key[1], 0x1BD11BDA ^ key[0] ^ key[1]]
    x = [(ctr[0] + ks[0]) & M32, (ctr[1] + ks[1]) & M32]
    for rnd in range(20):
        x[0] = (x[0] + x[1]) & M32
        x[1] = rotl(x[1], ROT[rnd % 8]) ^ x[0]
        if rnd % 4 == 3:
            s = rnd // 4 + 1
            x[0] = (x[0] + ks[s % 3]) & M32
            x[1] = (x[1] + ks[(s + 1) % 3] + s) & M32
    return x


KAT = [  # Random123 kat_vectors: "threefry2x32 20 ctr0 ctr1 key0 key1 out0 out1"
    ((0x00000000, 0x00000000), (0x00000000, 0x00000000), (0x6B200159, 0x99BA4EFE)),
    ((0xFFFFFFFF, 0xFFFFFFFF), (0xFFFFFFFF, 0xFFFFFFFF), (0x1CB996FC, 0xBB002BE7)),
    ((0x243F6A88, 0x85A308D3), (0x13198A2E, 0x03707344), (0xC4923A9C, 0x483DF7A0)),
]
for ctr, key, out in KAT:
    got = threefry2x32_20(key, ctr)
    assert tuple(got) == out, (ctr, key, [hex(g) for g in got], [hex(o) for o in out])


def root_key(seed):
    return [(seed // 2 ** 32) & M32, seed & M32]


def random_bits(k, n):
    out = []
    b = 0
    while len(out) < n:
        out += threefry2x32_20(k, [b, 0])
        b += 1
    return out[:n]


def fold_in_str(k, label):
    data = label.encode('utf-8')
    out = threefry2x32_20(k, [len(data), 3])
    for i in range(0, len(data), 4):
        chunk = data[i:i + 4] + b'\0' * (4 - len(data[i:i + 4]))
        w = int.from_bytes(chunk, 'little')
        out = threefry2x32_20(out, [w, 3])
    return out


def uniform(k, n):
    bits = random_bits(k, 2 * n)
    return [((bits[2 * i] >> 5) * 2.0 ** 26 + ((bits[2 * i + 1] >> 6) + 0.5)) * 2.0 ** -53 for i in range(n)]


def normal(k, n):
    pairs = (n + 1) // 2
    u = uniform(k, 2 * pairs)
    out = []
    for i in range(pairs):
        r = math.sqrt(-2 * math.log(u[2 * i]))
        t = 2 * math.pi * u[2 * i + 1]
        out += [r * math.cos(t), r * math.sin(t)]
    return out[:n]


streams = []
for seed in (0, 1, 42, 2 ** 32 + 7, 2 ** 53 - 1):
    k = root_key(seed)
    streams.append({
        'seed': seed,
        'key': k,
        'randomBits': random_bits(k, 9),  # odd length: the last block's second word is dropped
        'split3': [threefry2x32_20(k, [i, 1]) for i in range(3)],
        'foldIn7': threefry2x32_20(k, [7, 2]),
        'foldInLabel': {'label': 'du2019.fig1 ✓', 'key': fold_in_str(k, 'du2019.fig1 ✓')},
        'uniform': uniform(k, 6),
        'normal': normal(k, 5),
        'rademacher': [1 if b & 1 else -1 for b in random_bits(k, 8)],
    })

# exact moments (mpmath): E[Xᵏ], k = 1..4, and E[X^{2k}] for the variance of the sample moment
mpmath.mp.dps = 30
unif = [mpmath.mpf(1) / (k + 1) for k in range(1, 9)]
norm = [0 if k % 2 else mpmath.fac2(k - 1) for k in range(1, 9)]
d = 7
# sphere S^{d−1}: E[x₁²] = 1/d, E[x₁⁴] = 3/(d(d+2)), E[x₁⁸] = 105/(d(d+2)(d+4)(d+6))
sph = {'d': d, 'm2': float(mpmath.mpf(1) / d), 'm4': float(mpmath.mpf(3) / (d * (d + 2))), 'm8': float(mpmath.mpf(105) / (d * (d + 2) * (d + 4) * (d + 6)))}
write('prng', {
    'reference': 'Threefry-2x32-20: independent Python implementation from Salmon et al. 2011 (Random123 spec), checked against the '
                 'Random123 kat_vectors threefry2x32_20 lines written from memory (all three agree); moments: closed forms in mpmath',
    'versions': {'mpmath': mpmath.__version__},
    'seed': 'streams for seeds 0, 1, 42, 2^32 + 7, 2^53 − 1; sampler moments are checked on fresh draws in the test (its key is written there)',
}, {
    'kat': [{'ctr': list(c), 'key': list(k), 'out': list(o)} for c, k, o in KAT],
    'streams': streams,
    'moments': {'uniform': [float(v) for v in unif], 'normal': [float(v) for v in norm], 'sphere': sph},
})
