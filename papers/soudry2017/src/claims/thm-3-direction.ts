import { olsFit } from '@repro/concentration';
import type { Claim } from '@repro/harness';
import type { Soudry2017Config } from '../config.js';
import type { Soudry2017Trace } from '../trace.js';
import { decadeSups, fig1GdRun, fmt, increases } from './select.js';

/** Card: the gaps must decrease in every decade from 10² to T. */
const FROM = 100;

export const thm3Direction: Claim<Soudry2017Config, Soudry2017Trace> = {
  id: 'soudry2017.thm3-direction',
  source: 'Theorem 3, arXiv:1710.10345',
  statement: 'The normalized GD iterate converges to the max-margin direction: the angle gap 1 − cos(w, ŵ) and the normalized-margin gap shrink (as O(1/ln²t) and O(1/ln t)).',
  evidence: 'paper',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['fig1'],
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    const { run } = fig1GdRun(traces);
    const T = run.t[run.t.length - 1] as number;
    const ang = decadeSups(run.t, run.angleGap, FROM, T);
    const mg = decadeSups(run.t, run.marginGap, FROM, T);
    const angScaled = decadeSups(run.t, run.angleGap.map((a, i) => a * Math.log(run.t[i] as number) ** 2), T / 100, T);
    const mgScaled = decadeSups(run.t, run.marginGap.map((a, i) => a * Math.log(run.t[i] as number)), T / 100, T);
    const iA = increases(ang.map((x) => x.sup));
    const iM = increases(mg.map((x) => x.sup));
    // "does not increase": equal is allowed for the scaled quantities.
    const up = (xs: { sup: number }[]): number => xs.slice(1).filter((x, i) => x.sup > (xs[i] as { sup: number }).sup).length;
    const uA = up(angScaled);
    const uM = up(mgScaled);
    const tail = run.t.map((t, i) => ({ t, i })).filter(({ t }) => t >= T / 100);
    const fit = olsFit(
      tail.map(({ t }) => Math.log(Math.log(t))),
      tail.map(({ i }) => Math.log(run.marginGap[i] as number)),
    );
    const ok = iA.count === 0 && iM.count === 0 && uA === 0 && uM === 0;
    const list = (xs: { from: number; sup: number }[]): string => xs.map((x) => `[${x.from.toExponential(0)}]: ${fmt(x.sup, 3)}`).join(', ');
    return {
      status: ok ? 'pass' : 'fail',
      observed: {
        angleGapAtT: run.angleGap[run.angleGap.length - 1] as number,
        marginGapAtT: run.marginGap[run.marginGap.length - 1] as number,
        angleDecadeIncreases: iA.count,
        marginDecadeIncreases: iM.count,
        angleLn2IncreasesLast2Decades: uA,
        marginLnIncreasesLast2Decades: uM,
        marginGapSlopeVsLnLnT: fit.slope,
        slopeCiLow: fit.slopeCi[0],
        slopeCiHigh: fit.slopeCi[1],
      },
      expected: `per-decade sup of 1 − cos and of the margin gap decreasing in every decade from 10² to T = ${T}; sup of (1 − cos)·ln²t and gap·ln t not increasing over the last two decades`,
      tolerance: { kind: 'bound', side: 'le' },
      note: `decade sups — angle: ${list(ang)}; margin: ${list(mg)}; angle·ln²t: ${list(angScaled)}; margin·ln t: ${list(mgScaled)}`,
    };
  },
};
