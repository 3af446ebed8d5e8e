import type { Claim } from '@repro/harness';
import type { Nm20Config } from '../config.js';
import type { Nm20Trace } from '../trace.js';
import { EPS_F64, maxRatioToPlRate, need } from './select.js';

/** Card: GD from the tailored width-N init reaches Φ_K ≤ 1e−10·Φ_0. */
const FINAL_RATIO = 1e-10;

export const sec31WidthN: Claim<Nm20Config, Nm20Trace> = {
  id: 'nm20.sec3.1-width-N',
  source: '§3.1 (first layer of width exactly N, tailored initialization), arXiv:2002.07867 [card §3, P/T; init construction D]',
  statement: 'With a first hidden layer of exactly N neurons and a suitably tailored initialization, GD still drives the loss to zero at a linear rate.',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['widthN'],
  check(traces) {
    const all = need(traces, 'widthN').flatMap((tr) => tr.runs.map((run) => ({ tr, run })));
    const problems: string[] = [];
    const finals: number[] = [];
    const rates: number[] = [];
    for (const { tr, run } of all) {
      const tag = `L=${run.L} s=${run.s} γ=${run.gamma} seed ${run.seed}`;
      if (run.diverged !== null) {
        problems.push(`${tag}: ${run.diverged.reason} (step ${run.diverged.step})`);
        continue;
      }
      const fin = (run.loss.at(-1) as number) / (run.loss[0] as number);
      finals.push(fin);
      if (!(fin <= FINAL_RATIO)) problems.push(`${tag}: Φ_K/Φ_0 = ${fin.toPrecision(3)} > ${FINAL_RATIO} after ${run.loss.length - 1} steps`);
      if (run.descentOk) {
        const r = maxRatioToPlRate(run, tr.floor);
        rates.push(r);
        if (!(r <= 1 + EPS_F64)) problems.push(`${tag}: Φ_k exceeds Π(1 − ημ_j)Φ_0 by ${r.toPrecision(4)}×`);
      }
    }
    return {
      status: problems.length === 0 && all.length > 0 ? 'pass' : 'fail',
      observed: {
        runs: all.length,
        worstFinalLossRatio: finals.length > 0 ? Math.max(...finals) : Number.NaN,
        maxRatioToPlRate: rates.length > 0 ? Math.max(...rates) : Number.NaN,
        runsRateChecked: rates.length,
        maxHalvings: Math.max(...all.map(({ run }) => run.halvings)),
      },
      expected: `Φ_K ≤ ${FINAL_RATIO}·Φ_0 on every run, and Φ_k ≤ Π_{j<k}(1 − ημ_j)Φ_0 (1 + ${EPS_F64}) on runs meeting the descent precondition`,
      tolerance: { kind: 'bound', side: 'le' },
      ...(problems.length > 0 ? { note: problems.join('; ') } : {}),
    };
  },
};
