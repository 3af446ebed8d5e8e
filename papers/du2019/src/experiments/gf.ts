import { foldIn, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import { add, eigvalsh, type Matrix } from '@repro/linalg';
import { kInfinity } from '@repro/nets';
import { hInf, initNet, trainGd } from '../model.js';
import type { Du2019Config } from '../config.js';
import type { GfRun, GfTrace } from '../trace.js';
import { hInfinitySpectrum, residualNorm, sphereData } from './data.js';

/**
 * The gradient-flow suite shared by lem3.3, lem3.4, thm3.2 and thm3.3 [NOTES.md §4]: GD with a small step stands in for
 * gradient flow, with t = kη. Valid because a GD step contracts each eigen-mode by (1 − ηλ)² ≤ e^{−2ηλ}, so the GF bounds
 * e^{−λ0 t} are implied whenever the discrete iterates satisfy them.
 */
export async function gf(cfg: Du2019Config, k: Key, ctx: RunContext, which: { first: boolean; joint: boolean }): Promise<GfTrace> {
  const n = cfg.gfN;
  const { X, y } = sphereData(foldIn(k, 'data'), n, n);
  const { lambda0, lambdaMax, errorBound: lambda0ErrorBound } = hInfinitySpectrum(X);
  const lambdaMaxJoint = which.joint ? (eigvalsh(add(hInf(X), kInfinity(X))).at(-1) ?? Number.NaN) : Number.NaN;
  const eta = cfg.gfEtaScale / lambdaMax;
  const etaJoint = cfg.gfEtaScale / lambdaMaxJoint;
  const steps = Math.ceil(cfg.gfTimeScale / lambda0 / eta);
  const stepsJoint = Math.ceil(cfg.gfJointTimeScale / lambda0 / etaJoint);
  const work =
    (which.first ? cfg.gfWidths.reduce((s, m) => s + m * steps * cfg.gfSeeds, 0) : 0) +
    (which.joint ? cfg.gfJointWidths.reduce((s, m) => s + m * stepsJoint * cfg.gfJointSeeds, 0) : 0);
  ctx.progress.phase('GF suite', work);
  const one = async (m: number, seed: number, joint: boolean): Promise<GfRun> => {
    const K = joint ? stepsJoint : steps;
    const h = joint ? etaJoint : eta;
    const init = initNet(foldIn(foldIn(k, joint ? `joint-m${m}` : `init-m${m}`), seed), m, n);
    const tr = await ctx.time(joint ? `thm3.3: joint GD m=${m}` : `GF suite: GD m=${m}`, () =>
      trainGd({
        X,
        y,
        init,
        eta: h,
        steps: K,
        trainOutput: joint,
        precision: 'float32',
        gramEvery: Math.max(1, Math.floor(K / cfg.gfLogPoints)),
        onStep: (step) => {
          ctx.progress.tick(m, `${joint ? 'joint' : 'W only'} m=${m} seed ${seed + 1} step ${step}/${K}`);
        },
      }),
    );
    return summarize(tr.loss, tr.maxDistance, tr.lambdaMinH ?? [], { m, seed, steps: K, eta: h, lambda0, X, y, u0: tr.u0 }, tr.diverged ?? null);
  };
  const runs: GfRun[] = [];
  const joint: GfRun[] = [];
  if (which.first) for (const m of cfg.gfWidths) for (let s = 0; s < cfg.gfSeeds; s++) runs.push(await one(m, s, false));
  if (which.joint) for (const m of cfg.gfJointWidths) for (let s = 0; s < cfg.gfJointSeeds; s++) joint.push(await one(m, s, true));
  return { n, lambda0, lambda0ErrorBound, lambdaMax, lambdaMaxJoint, runs, joint };
}

function summarize(
  loss: readonly number[],
  maxDistance: readonly number[],
  lambdaMinH: readonly { step: number; value: number }[],
  info: { m: number; seed: number; steps: number; eta: number; lambda0: number; X: Matrix; y: Float64Array; u0: Float64Array },
  diverged: { step: number; reason: string } | null,
): GfRun {
  const L0 = loss[0] ?? Number.NaN;
  let maxExcess = Number.NEGATIVE_INFINITY;
  loss.forEach((L, step) => {
    if (step === 0) return; // ln(L(0)/L(0)) + 0 = 0 by definition; the slack starts at k = 1
    const excess = Math.log(L / L0) + info.lambda0 * step * info.eta;
    // NaN (a diverged step) must surface, not vanish inside Math.max.
    maxExcess = Number.isNaN(excess) || Number.isNaN(maxExcess) ? Number.NaN : Math.max(maxExcess, excess);
  });
  return {
    m: info.m,
    seed: info.seed,
    steps: info.steps,
    eta: info.eta,
    maxExcess,
    lambdaRatios: lambdaMinH.map((p) => p.value / info.lambda0),
    maxDistance: maxDistance.reduce((a, b) => (Number.isNaN(b) ? Number.NaN : Math.max(a, b)), 0),
    residual0: residualNorm(info.y, info.u0),
    diverged,
  };
}
