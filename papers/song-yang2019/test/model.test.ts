import { key, foldIn, normal, sphere } from '@repro/concentration';
import { gram, matrix, normFro, sub } from '@repro/linalg';
import { gramH, initTwoLayer, projections } from '@repro/nets';
import { describe, expect, it } from 'vitest';
import { config, profiles } from '../src/config.js';
import { clusterData, sphereData } from '../src/experiments/data.js';
import { decompTerms } from '../src/experiments/decomp.js';
import { gdStep, outputsFromProjections } from '../src/experiments/gd-step.js';
import { perturbationDominator } from '../src/experiments/perturb.js';

describe('song-yang2019 units', () => {
  it('U from the counting shortcut equals the direct definition |ρ_ij|·(1/m)·#{r : A_ir ∨ A_jr} (n = 5, m = 7)', () => {
    const n = 5;
    const d = 3;
    const m = 7;
    const X = matrix(n, d, sphere(key(1), n, d));
    const W = normal(key(2), m * d);
    const Z = projections(X, W, m);
    const rho = gram(X).data;
    const R = 0.6;
    const U = perturbationDominator(Z, rho.map(Math.abs), n, m, R);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let c = 0;
        for (let r = 0; r < m; r++) if (Math.abs(Z[i * m + r] as number) < R || Math.abs(Z[j * m + r] as number) < R) c++;
        expect(U.data[i * n + j]).toBeCloseTo((Math.abs(rho[i * n + j] as number) * c) / m, 14);
      }
  });

  it('U dominates |H(W) − H(W̃)| entrywise for random W in the ball (n = 8, m = 50, 20 draws)', () => {
    const n = 8;
    const d = 4;
    const m = 50;
    const R = 0.3;
    const X = matrix(n, d, sphere(key(3), n, d));
    const W0 = normal(key(4), m * d);
    const U = perturbationDominator(projections(X, W0, m), gram(X).data.map(Math.abs), n, m, R);
    const H0 = gramH(X, W0, m);
    for (let t = 0; t < 20; t++) {
      const V = sphere(foldIn(key(5), t), m, d);
      const W = W0.map((w, i) => w + R * 0.999 * (V[i] as number));
      const D = sub(gramH(X, W, m), H0);
      for (let q = 0; q < n * n; q++) expect(Math.abs(D.data[q] as number)).toBeLessThanOrEqual((U.data[q] as number) + 1e-15);
    }
    // And a perturbation of norm R moves H by at most ‖U‖_F.
    expect(normFro(sub(gramH(X, W0.map((w) => w + 1e-9), m), H0))).toBeLessThanOrEqual(normFro(U));
  });

  it('Claim 9 decomposition is exact on one GD step computed directly (n = d = 6, m = 40)', async () => {
    const n = 6;
    const m = 40;
    const { X, y } = sphereData(key(7), n, n);
    const p = initTwoLayer(key(8), m, n);
    const eta = 0.3;
    const W1 = await gdStep(X, y, p, eta);
    const Z0 = projections(X, p.W, m);
    const Z1 = projections(X, W1, m);
    const u = outputsFromProjections(Z0, p.a, n, m);
    const u1 = outputsFromProjections(Z1, p.a, n, m);
    const e = y.map((v, i) => v - (u[i] as number));
    let R = 0;
    for (let r = 0; r < m; r++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += ((W1[r * n + j] as number) - (p.W[r * n + j] as number)) ** 2;
      R = Math.max(R, Math.sqrt(s));
    }
    const t = decompTerms({ rho: gram(X).data, Hk: gramH(X, p.W, m).data, Z0, Zk: Z0, Zk1: Z1, a: p.a, e, du: u1.map((v, i) => v - (u[i] as number)), eta, R, n, m });
    let lhs = 0;
    let eSq = 0;
    for (let i = 0; i < n; i++) {
      lhs += ((y[i] as number) - (u1[i] as number)) ** 2;
      eSq += (e[i] as number) ** 2;
    }
    expect(Math.abs(lhs - (eSq + t.c1 + t.c2 + t.c3 + t.c4)) / eSq).toBeLessThan(1e-12);
    // C4 is deterministic: ≤ η²n²‖e‖².
    expect(t.c4).toBeLessThanOrEqual(eta * eta * n * n * eSq);
  });

  it('clustered data are unit vectors within the cap angle', () => {
    const X = clusterData(key(9), 30, 3, Math.PI / 6);
    for (let i = 0; i < 30; i++) {
      const row = [0, 1, 2].map((j) => X.data[i * 3 + j] as number);
      expect(Math.hypot(...row)).toBeCloseTo(1, 14);
      expect(row[0]).toBeGreaterThanOrEqual(Math.cos(Math.PI / 6) - 1e-15);
    }
  });

  it('profiles are valid configs and every field is described', () => {
    expect(config.safeParse(profiles.smoke).success).toBe(true);
    expect(config.safeParse(profiles.paper).success).toBe(true);
    for (const [name, field] of Object.entries(config.shape)) expect(field.description, name).toBeTruthy();
    expect(config.safeParse({ ...profiles.smoke, perturbRadii: [-1] }).success).toBe(false);
  });
});
