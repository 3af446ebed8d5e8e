import { describe, expect, it } from 'vitest';
import { gaussianDual } from '../src/index.js';

describe('gaussianDual', () => {
  it('ReLU: the closed form (the quadrature was 1 % off at ρ = 0 because of the kink)', () => {
    const dual = gaussianDual({ name: 'relu' });
    expect(dual(0)).toBeCloseTo(1 / (2 * Math.PI), 15);
    expect(dual(1)).toBeCloseTo(0.5, 15);
    expect(dual(-1)).toBeCloseTo(0, 15);
    for (const rho of [-0.7, -0.2, 0.3, 0.9]) expect(dual(rho)).toBeCloseTo((Math.sqrt(1 - rho * rho) + (Math.PI - Math.acos(rho)) * rho) / (2 * Math.PI), 15);
  });
  it('smooth σ: the quadrature agrees with a finer one', () => {
    const act = { name: 'smoothLeakyRelu', gamma: 0.2, beta: 1 } as const;
    const a = gaussianDual(act, { gridSize: 201 });
    const b = gaussianDual(act, { nodes: 120, gridSize: 201 });
    for (const rho of [-0.9, -0.3, 0, 0.4, 0.95]) expect(Math.abs(a(rho) - b(rho))).toBeLessThan(1e-9);
  });
});
