#!/usr/bin/env python3
# numpy reference for the du2019 GD iteration benchmark (n = d = 1000, m = 10000, float32): the same step as
# @repro/nets trainTwoLayerGd with its diagnostics (pattern changes, max ‖w_r − w_r(0)‖²). Prints the median and best of
# 8 iterations. Run: python3 scripts/numpy-gd-iteration.py [m] (default m = 10000; numpy uses every core for its GEMMs).
import numpy as np, sys, time
n=d=1000; m=int(sys.argv[1]) if len(sys.argv)>1 else 10000
rng=np.random.default_rng(0)
X=rng.standard_normal((n,d)).astype(np.float32); X/=np.linalg.norm(X,axis=1,keepdims=True)
y=rng.standard_normal(n).astype(np.float32)
Wt=rng.standard_normal((d,m)).astype(np.float32); W0=Wt.copy()
a=np.sign(rng.standard_normal(m)).astype(np.float32); s=np.float32(1/np.sqrt(m)); eta=np.float32(0.1)
P0=(X@Wt)>=0
ts=[]
for k in range(8):
    t=time.perf_counter()
    Z=X@Wt; P=Z>=0; R=Z*P; u=(R@a)*s; r=u-y
    changed=np.count_nonzero(P!=P0); maxsq=((Wt-W0)**2).sum(0).max()
    M=P*(r[:,None]*a[None,:]); Wt-=(eta*s)*(X.T@M)
    ts.append(time.perf_counter()-t)
print(f'numpy GD iteration n=d={n}, m={m} (same diagnostics) median %.4f s, min %.4f s'%(sorted(ts)[4], min(ts)))
