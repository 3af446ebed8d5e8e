import { key } from '@repro/concentration';
import { describe, expect, it } from 'vitest';
import { config, profiles } from '../src/config.js';
import { sphereData } from '../src/experiments/data.js';
import { thm31 } from '../src/experiments/thm31.js';

describe('du2019 data and units', () => {
  it('draws unit-norm inputs and N(0,1) labels, reproducibly from the key', () => {
    const a = sphereData(key(3), 20, 7);
    const b = sphereData(key(3), 20, 7);
    expect(a.X.data).toEqual(b.X.data);
    for (let i = 0; i < 20; i++) {
      let s = 0;
      for (let j = 0; j < 7; j++) s += (a.X.data[i * 7 + j] as number) ** 2;
      expect(Math.abs(s - 1)).toBeLessThan(1e-14);
    }
    expect(sphereData(key(4), 20, 7).X.data).not.toEqual(a.X.data);
  });

  it('thm3.1: λ0 vanishes for a parallel pair and shrinks ~θ/(2π) for a near-parallel one', () => {
    const t = thm31({ ...profiles.smoke, thm31N: 12, thm31D: 6, thm31Thetas: [1e-2, 1e-3, 0] }, key(1));
    expect(t.lambda0Random).toBeGreaterThan(0);
    expect(t.lambda0Random).toBeLessThanOrEqual(0.5);
    const [l2, l3, l0] = t.lambda0Theta as [number, number, number];
    expect(Math.abs(l0)).toBeLessThan(1e-12);
    expect(l2 / l3).toBeGreaterThan(8);
    expect(l2 / l3).toBeLessThan(12);
    expect(l2).toBeLessThanOrEqual((t.rayleighBound[0] as number) * (1 + 1e-9));
    expect(t.lambda0Antipodal).toBeGreaterThan(0);
  });

  it('profiles are valid configs and every field is described', () => {
    expect(config.safeParse(profiles.smoke).success).toBe(true);
    expect(config.safeParse(profiles.paper).success).toBe(true);
    for (const [name, field] of Object.entries(config.shape)) expect(field.description, name).toBeTruthy();
    expect(config.safeParse({ ...profiles.smoke, fig1Widths: [-5] }).success).toBe(false);
    expect(config.safeParse({ ...profiles.smoke, fig1EtaScale: Number.NaN }).success).toBe(false);
    expect(config.safeParse({ ...profiles.smoke, fig1EtaScale: 0 }).success).toBe(false);
  });
});
