import { describe, expect, it } from 'vitest';
import { checkGapRuns, perReplicate, type GapRun } from '../src/claims/select.js';
import { standinBLossRate } from '../src/claims/standin-b-loss-rate.js';
import { standinBNorm } from '../src/claims/standin-b-norm.js';
import { standinANorm } from '../src/claims/standin-a-norm.js';
import { profiles } from '../src/config.js';
import type { Soudry2017Trace, StandinBTrace, StandinTrace } from '../src/trace.js';

const cfg = profiles.paper;

describe('NOTES.md §9: the gap rule over replicates', () => {
  const runs = (k: number, R: number, e = 0.8): GapRun[] => Array.from({ length: R }, (_, i) => ({ newHigh: i < k, growth: e }));
  it('passes with no new high and median envelope ratio ≤ 1', () => {
    expect(checkGapRuns(runs(0, 5), 'gap').status).toBe('pass');
    expect(checkGapRuns(runs(0, 1), 'gap').status).toBe('pass');
  });
  it('is inconclusive when some but not all runs bump, for any bump in one or two runs, and for a median envelope ratio above 1', () => {
    expect(checkGapRuns(runs(1, 5), 'gap').status).toBe('inconclusive');
    expect(checkGapRuns(runs(3, 5), 'gap').status).toBe('inconclusive');
    expect(checkGapRuns(runs(4, 5), 'gap').status).toBe('inconclusive');
    expect(checkGapRuns(runs(1, 1), 'gap').status).toBe('inconclusive');
    expect(checkGapRuns(runs(2, 2), 'gap').status).toBe('inconclusive');
    expect(checkGapRuns(runs(0, 5, 1.2), 'gap').status).toBe('inconclusive');
    expect(checkGapRuns(runs(44, 45), 'gap').status).toBe('inconclusive');
  });
  it('fails when every one of at least three runs reaches a new high (fourth revision, NOTES.md §10)', () => {
    expect(checkGapRuns(runs(3, 3), 'gap').status).toBe('fail');
    expect(checkGapRuns(runs(5, 5), 'gap').status).toBe('fail');
    expect(checkGapRuns(runs(9, 9), 'gap').status).toBe('fail');
    expect(checkGapRuns(runs(45, 45), 'gap').status).toBe('fail');
  });
});

describe('perReplicate: a single-trace claim holds only if it holds on every replicate', () => {
  const grid = Array.from({ length: 81 }, (_, j) => 10 ** (j / 10));
  const standin = (f: (t: number) => number): StandinTrace => ({
    source: 'synthetic', features: 2, nTrain: 2, nVal: 2, eta: 1, flowFrom: 10, t: grid, trainLoss: grid.map((t) => 1 / t), trainError: grid.map(() => 0),
    normW: grid.map(f), valLoss: grid.map(() => 1), valError: grid.map(() => 0.2), separatedAt: 1,
  });
  const good = standin((t) => 3 + 2 * Math.log(t));
  const bad = standin((t) => Math.log(t) ** 2);
  const claim = perReplicate(standinANorm);
  it('one replicate: the claim unchanged', () => {
    expect(claim.check([{ standin: good }], cfg)).toEqual(standinANorm.check([{ standin: good }], cfg));
  });
  it('a failing replicate fails it and is named; all good passes with the counts', () => {
    const tr: Soudry2017Trace = { standin: good, replicates: [{ standin: good }, { standin: bad }, { standin: good }] };
    const v = claim.check([tr], cfg);
    expect(v.status).toBe('fail');
    expect(v.note).toMatch(/fails for replicate 2 of 4/);
    const ok = claim.check([{ standin: good, replicates: [{ standin: good }, { standin: good }] }], cfg);
    expect(ok.status).toBe('pass');
    expect(ok.observed).toMatchObject({ replicatesChecked: 3, replicatesPassed: 3 });
  });
  it('a replicate without the experiment fails it (the check threw)', () => {
    const v = claim.check([{ standin: good, replicates: [{}] }], cfg);
    expect(v.status).toBe('fail');
    expect(v.note).toMatch(/no 'standin' experiment/);
  });
});

describe('stand-in B claims on synthetic traces (NOTES.md §8)', () => {
  const T = 10240;
  const steps = Array.from({ length: 41 }, (_, j) => Math.round(10 ** (j / 10))).filter((t, i, a) => t <= T && a.indexOf(t) === i);
  const mk = (loss: (t: number) => number, norm: (t: number) => number, sep = 100): StandinBTrace => {
    const step = [...new Set([...steps, 102, 1024, T])].sort((a, b) => a - b);
    return {
      source: 'synthetic', nTrain: 10, nVal: 10, widths: [784, 4, 4, 10], lr: 0.01, momentum: 0.9, batch: 2, stepsPerEpoch: 5, anchors: [102, 1024, T], tableEpochs: [],
      step, epoch: step.map((t) => t / 5), trainLoss: step.map(loss), trainError: step.map((t) => (t >= sep ? 0 : 0.1)), valLoss: step.map((t) => Math.log(t)), valError: step.map(() => 0.1),
      normLast: step.map(norm), normAll: step.map(norm), minMargin: step.map(() => 1), separatedAtStep: sep, diverged: null,
    };
  };
  const lnT = (t: number): number => 2 + Math.log(t);
  it('loss-rate: 1/(t ln^{4/3} t) passes; exp(−t^{1/3}) fails; 1/√t fails; separation after T/10 is inconclusive', () => {
    expect(standinBLossRate.check([{ standinB: mk((t) => 1 / (t * Math.log(t + 2) ** (4 / 3)), lnT) }], cfg).status).toBe('pass');
    expect(standinBLossRate.check([{ standinB: mk((t) => Math.exp(-(t ** (1 / 3))), lnT) }], cfg).status).toBe('fail');
    expect(standinBLossRate.check([{ standinB: mk((t) => 1 / Math.sqrt(t), lnT) }], cfg).status).toBe('fail');
    expect(standinBLossRate.check([{ standinB: mk((t) => 1 / t, lnT, 2000) }], cfg).status).toBe('inconclusive');
  });
  it('norm: ln t and (ln t)^{1/3} growth pass; t^{1/3} growth fails; a norm that stops growing fails', () => {
    expect(standinBNorm.check([{ standinB: mk((t) => 1 / t, lnT) }], cfg).status).toBe('pass');
    expect(standinBNorm.check([{ standinB: mk((t) => 1 / t, (t) => Math.log(t) ** (1 / 3)) }], cfg).status).toBe('pass');
    expect(standinBNorm.check([{ standinB: mk((t) => 1 / t, (t) => t ** (1 / 3)) }], cfg).status).toBe('fail');
    expect(standinBNorm.check([{ standinB: mk((t) => 1 / t, (t) => Math.min(t, 500)) }], cfg).status).toBe('fail');
  });
});
