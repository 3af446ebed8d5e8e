/** Deterministic float64 experiments on the kernels themselves: eq-closed-form, eq-jn-general, diag-depth, psd, angle-map, curves. */
import { foldIn, normal, uniform, type Key } from '@repro/concentration';
import { ConvergenceError, describeSolver, extremeEigenvalues, matrix, type Matrix } from '@repro/linalg';
import { angleMap as arcCosineAngleMap, J as arcCosineJ, kernel as arcCosineKernel, multilayer as arcCosineMultilayer, multilayerKernel as arcCosineMultilayerKernel } from '../kernels.js';
import type { ChoSaul2009Config } from '../config.js';
import type { AngleMapTrace, ClosedFormTrace, CurvesTrace, DiagTrace, JnGeneralTrace, PsdTrace } from '../trace.js';
import { jQuadrature } from './quadrature.js';

const DEGREES = [0, 1, 2] as const;
const DIM = 5;

/** x = a·u, y = b(cos θ u + sin θ v) in ℝ⁵ with (u, v) a random orthonormal pair: the angle is θ to rounding. */
function pairAtAngle(k: Key, theta: number, a: number, b: number): Float64Array {
  const g = normal(k, 2 * DIM);
  const u = g.subarray(0, DIM);
  const v = g.subarray(DIM);
  const nu = Math.hypot(...u);
  for (let i = 0; i < DIM; i++) u[i] = (u[i] as number) / nu;
  let p = 0;
  for (let i = 0; i < DIM; i++) p += (u[i] as number) * (v[i] as number);
  for (let i = 0; i < DIM; i++) v[i] = (v[i] as number) - p * (u[i] as number);
  const nv = Math.hypot(...v);
  const out = new Float64Array(2 * DIM);
  for (let i = 0; i < DIM; i++) {
    out[i] = a * (u[i] as number);
    out[DIM + i] = b * (Math.cos(theta) * (u[i] as number) + (Math.sin(theta) * (v[i] as number)) / nv);
  }
  return out;
}

export function closedForm(cfg: ChoSaul2009Config, k: Key): ClosedFormTrace {
  const rows: ClosedFormTrace['rows'] = [];
  cfg.closedFormThetas.forEach((theta, ti) => {
    for (let r = 0; r < cfg.closedFormNorms; r++) {
      const kk = foldIn(foldIn(k, ti), r);
      const u = uniform(foldIn(kk, 'norms'), 2);
      // norms log-uniform in [1/2, 2]
      const a = 2 ** (2 * (u[0] as number) - 1);
      const b = 2 ** (2 * (u[1] as number) - 1);
      const X = matrix(2, DIM, pairAtAngle(kk, theta, a, b));
      for (const n of DEGREES) {
        const closed = arcCosineKernel(n, X).data[1] as number;
        const quadrature = ((a * b) ** n * jQuadrature(n, theta, cfg.quadNodes)) / Math.PI;
        rows.push({ n, theta, normX: a, normY: b, closed, quadrature });
      }
    }
  });
  return { rows };
}

/** d/dθ by the 5-point stencil (truncation O(h⁴)). */
function deriv(f: (t: number) => number, t: number, h: number): number {
  return (-f(t + 2 * h) + 8 * f(t + h) - 8 * f(t - h) + f(t - 2 * h)) / (12 * h);
}

/** The paper's operator formula J_n(θ) = (−1)ⁿ sin^{2n+1}θ ((1/sin θ) ∂_θ)ⁿ ((π − θ)/sin θ), by nested finite differences. */
export function jOperator(n: number, theta: number, h: number): number {
  let f = (t: number): number => (Math.PI - t) / Math.sin(t);
  for (let i = 0; i < n; i++) {
    const g = f;
    f = (t: number): number => deriv(g, t, h) / Math.sin(t);
  }
  return (-1) ** n * Math.sin(theta) ** (2 * n + 1) * f(theta);
}

export function jnGeneral(cfg: ChoSaul2009Config): JnGeneralTrace {
  const operator: JnGeneralTrace['operator'] = [];
  for (const n of DEGREES) for (const theta of cfg.jnThetas) operator.push({ n, theta, operator: jOperator(n, theta, cfg.jnStep), closed: arcCosineJ(n, theta) });
  const dfact = [1, 1, 3, 15, 105];
  const ends = [0, 1, 2, 3, 4].map((n) => ({ n, j0: arcCosineJ(n, 0), doubleFactorialPi: (dfact[n] as number) * Math.PI, jPi: arcCosineJ(n, Math.PI) }));
  return { operator, ends };
}

export function diag(cfg: ChoSaul2009Config, k: Key): DiagTrace {
  const xy = normal(k, 20).map((v) => v / Math.sqrt(10)); // x, y ~ N(0, I/10): ‖x‖ ≈ 1
  const x = xy.subarray(0, 10);
  const y = xy.subarray(10);
  const dot = (a: Float64Array, b: Float64Array): number => a.reduce((s, v, i) => s + v * (b[i] as number), 0);
  const xx = dot(x, x);
  const yy = dot(y, y);
  const xyDot = dot(x, y);
  const dfact = [1, 1, 3];
  const rows: DiagTrace['rows'] = [];
  const scale: DiagTrace['scale'] = [];
  const X = matrix(2, 10, xy);
  for (const n of DEGREES) {
    const ns = Array.from({ length: cfg.diagDepth }, () => n);
    const layers = arcCosineMultilayer(ns, xx, yy, xyDot);
    for (let l = 1; l <= cfg.diagDepth; l++) {
      const prev = layers[l - 1]?.xx as number;
      const gram = arcCosineMultilayerKernel(ns.slice(0, l), X).data[0] as number;
      rows.push({ n, depth: l, observed: layers[l]?.xx as number, predicted: (dfact[n] as number) * prev ** n, gram });
    }
    if (n === 2) continue;
    for (const s of [0.2, 3]) {
      const scaled = arcCosineMultilayer(ns, s * s * xx, s * s * yy, s * s * xyDot);
      for (let l = 1; l <= cfg.diagDepth; l++)
        scale.push({ n, depth: l, s, scaled: scaled[l]?.xy as number, expected: (n === 0 ? 1 : s * s) * (layers[l]?.xy as number) });
    }
  }
  return { rows, scale };
}

/**
 * Lanczos residual tolerance of the fallback: |Ritz − λ| ≤ residual ≤ 1e-13·λ_max, far below the claim's 1e-10·λ_max.
 * Each row records the solver's error bound of λ_min and λ_max (a-posteriori Ritz residual bound for Lanczos, the a-priori
 * n·ε·‖K‖_F for eigvalsh): the psd claim judges λ_min over [λ_min − bound, λ_min + bound].
 */
const LANCZOS_TOL = 1e-13;

/**
 * λ_min, λ_max by float64 eigvalsh; deep n = 2 Gram matrices are graded over ~45 decades and the QL iteration of eigvalsh
 * can stop without converging (ConvergenceError), then full-dimension Lanczos with reorthogonalization answers instead.
 */
function extremes(K: Matrix): Omit<PsdTrace['rows'][number], 'degree' | 'depth'> {
  try {
    const r = extremeEigenvalues(K, { prefer: 'dense', tol: LANCZOS_TOL });
    return { lambdaMin: r.min, lambdaMax: r.max, solver: describeSolver(r.solver), errorBoundMin: r.errorBound.min, errorBoundMax: r.errorBound.max };
  } catch (e) {
    if (!(e instanceof ConvergenceError)) throw e;
    return { lambdaMin: Number.NaN, lambdaMax: Number.NaN, solver: 'none converged', errorBoundMin: Number.NaN, errorBoundMax: Number.NaN };
  }
}

export function psd(cfg: ChoSaul2009Config, k: Key): PsdTrace {
  const X = matrix(cfg.psdN, cfg.psdDim, normal(k, cfg.psdN * cfg.psdDim).map((v) => v / Math.sqrt(cfg.psdDim)));
  const rows: PsdTrace['rows'] = [];
  for (const degree of DEGREES)
    for (let depth = 1; depth <= cfg.psdDepth; depth++) {
      rows.push({ degree, depth, ...extremes(arcCosineMultilayerKernel(Array.from({ length: depth }, () => degree), X)) });
    }
  return { n: cfg.psdN, rows };
}

const step = (n: number, theta: number): number => Math.acos(arcCosineAngleMap(n, Math.cos(theta)));

/** Fixed point θ* > 0 of θ ↦ arccos(J_n(θ)/J_n(0)) by bisection on [1e-3, π] (the map lies above the diagonal near 0). */
function fixedPoint(n: number): number {
  let lo = 1e-3;
  let hi = Math.PI;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (step(n, mid) > mid) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function angleMap(cfg: ChoSaul2009Config): AngleMapTrace {
  const counts: Record<number, number> = { 0: 4, 1: 4, 2: 3 };
  const iterates = DEGREES.map((n) => {
    const thetas: number[] = [];
    let t = 3;
    for (let i = 0; i < (counts[n] as number); i++) thetas.push((t = step(n, t)));
    return { n, thetas };
  });
  let t = 3;
  for (let i = 0; i < cfg.angleMapLongRun; i++) t = step(1, t);
  return { iterates, fixedPoints: [0, 2].map((n) => ({ n, theta: fixedPoint(n) })), n1ThetaTimesDepth: t * cfg.angleMapLongRun, longRun: cfg.angleMapLongRun };
}

export function curves(): CurvesTrace {
  const thetas = Array.from({ length: 91 }, (_, i) => (i * Math.PI) / 90);
  const out: CurvesTrace['curves'] = [];
  for (const n of DEGREES)
    for (let depth = 1; depth <= 6; depth++)
      out.push({
        n,
        depth,
        values: thetas.map((th) => {
          let c = Math.cos(th);
          for (let l = 0; l < depth; l++) c = arcCosineAngleMap(n, c);
          return c;
        }),
      });
  return { thetas, curves: out };
}
