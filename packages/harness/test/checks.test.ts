import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LockError,
  acquireLock,
  allOf,
  checkAllClose,
  checkBand,
  checkIntervalBound,
  checkBound,
  checkCondition,
  checkProbability,
  checkRate,
  combineStatus,
  compareExpectedFailures,
  minTrialsToExclude,
  need,
  probabilityPower,
  publishDir,
  recoverPublish,
} from '../src/index.js';

describe('checkAllClose (numpy.allclose semantics)', () => {
  it('passes inside atol + rtol·|expected| and reports the worst element', () => {
    const v = checkAllClose([1, 2, 3], [1, 2.001, 3], 1e-3, 0);
    expect(v.status).toBe('pass');
    expect(v.observed.worstIndex).toBe(1);
    expect(v.observed.worstRatio).toBeLessThanOrEqual(1);
  });
  it('fails outside, on NaN, on empty input and on a length mismatch; equal infinities pass', () => {
    expect(checkAllClose([1, 2], [1, 2.1], 1e-3, 1e-3).status).toBe('fail');
    expect(checkAllClose([Number.NaN], [Number.NaN], 1, 1).status).toBe('fail');
    expect(checkAllClose([], [], 1, 1).status).toBe('fail');
    expect(checkAllClose([1], [1, 2], 1, 1).status).toBe('fail');
    expect(checkAllClose([Infinity], [Infinity], 0, 0).status).toBe('pass');
  });
});

describe('checkBound', () => {
  it('le/ge on the worst element with slack = bound/observed (le) or observed/bound (ge)', () => {
    const le = checkBound([0.5, 1, 0.25], 2, 'le');
    expect(le.status).toBe('pass');
    expect(le.observed.slack).toBe(2);
    expect(checkBound([0.5, 3], 2, 'le').status).toBe('fail');
    const ge = checkBound([4, 3], 1.5, 'ge');
    expect(ge.status).toBe('pass');
    expect(ge.observed.slack).toBe(2);
    expect(checkBound([4, 1], 1.5, 'ge').status).toBe('fail');
  });
  it('NaN and empty input fail', () => {
    expect(checkBound([1, Number.NaN], 2, 'le').status).toBe('fail');
    expect(checkBound([], 2, 'le').status).toBe('fail');
    expect(checkBound(1, Number.NaN, 'ge').status).toBe('fail');
  });
});

describe('checkProbability: three-valued', () => {
  it('fails when the Wilson CI lies below the claim, passes when it excludes the violation rate to detect, else inconclusive', () => {
    expect(checkProbability(95, 100, 0.9, 0.05, 0.2).status).toBe('pass'); // CI ≈ [0.888, 0.978] excludes 0.8
    expect(checkProbability(50, 100, 0.9, 0.05, 0.2).status).toBe('fail');
    expect(checkProbability(0, 0, 0.9, 0.05, 0.2).status).toBe('fail');
    // The review's examples: 12/15 and 4/6 passed before; now the data cannot exclude a 20 % (or 40 %) violation rate.
    expect(checkProbability(12, 15, 0.9, 0.05, 0.2).status).toBe('inconclusive');
    expect(checkProbability(4, 6, 0.9, 0.05, 0.4).status).toBe('inconclusive');
    expect(checkProbability(15, 15, 0.9, 0.05, 0.2).status).toBe('inconclusive'); // Wilson low end 0.796
    expect(checkProbability(16, 16, 0.9, 0.05, 0.2).status).toBe('pass');
    expect(checkProbability(16, 16, 0.9, 0.05, 0.2).tolerance).toEqual({ kind: 'probability', claimed: 0.9, alpha: 0.05, detect: 0.2 });
    expect(() => checkProbability(5, 6, 0.9, 0.05, 0.05)).toThrow(RangeError); // detect must exceed 1 − claimed
  });
  it('minTrialsToExclude and probabilityPower agree with the verdicts', () => {
    expect(minTrialsToExclude(0.2, 0.05)).toBe(16);
    expect(checkProbability(15, 15, 0.9, 0.05, 0.2).status).not.toBe('pass');
    // With 16 trials only 16/16 passes: a 20 % violation rate slips through with probability 0.8^16.
    expect(probabilityPower(16, 0.2, 0.05)).toBeCloseTo(1 - 0.8 ** 16, 12);
    expect(probabilityPower(3, 0.2, 0.05)).toBe(1); // three trials can never pass
  });
});

describe('checkRate: three-valued on the CI', () => {
  it('pass inside, fail outside, inconclusive when the CI straddles an edge', () => {
    expect(checkRate({ slope: -0.5, slopeCi: [-0.54, -0.46] }, [-0.55, -0.45]).status).toBe('pass');
    expect(checkRate({ slope: -0.5, slopeCi: [-0.6, -0.4] }, [-0.55, -0.45]).status).toBe('inconclusive');
    expect(checkRate({ slope: -0.8, slopeCi: [-0.9, -0.7] }, [-0.55, -0.45]).status).toBe('fail');
    // du2019.rem3.1's paper run: slope −0.6469 against the edge −0.65 with CI [−0.80, −0.49] is not a pass.
    expect(checkRate({ slope: -0.6469, slopeCi: [-0.8026, -0.4912] }, [-0.65, -0.35]).status).toBe('inconclusive');
    expect(checkRate({ slope: 0.5, slopeCi: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY] }, [0, 1]).status).toBe('inconclusive');
  });
  it('without a CI the point estimate decides; NaN fails', () => {
    expect(checkRate({ slope: -0.5 }, [-0.55, -0.45]).status).toBe('pass');
    expect(checkRate({ slope: -0.7 }, [-0.55, -0.45]).status).toBe('fail');
    expect(checkRate({ slope: Number.NaN }, [-1, 1]).status).toBe('fail');
  });
});

describe('allOf and need', () => {
  const pass = checkBound(1, 2, 'le');
  const fail = checkBound(3, 2, 'le');
  const unsure = checkRate({ slope: 0.5, slopeCi: [0, 1] }, [0.2, 2]);
  it('fails if a part fails, is inconclusive if a part is and none fails, keeps every part’s numbers and tolerance', () => {
    expect(allOf({ a: pass, b: pass }).status).toBe('pass');
    expect(allOf({ a: pass, b: unsure }).status).toBe('inconclusive');
    expect(allOf({ a: unsure, b: fail }).status).toBe('fail');
    const v = allOf({ bound: pass, rate: unsure }, { lambda0: 0.1 });
    expect(v.observed['bound.slack']).toBe(2);
    expect(v.observed['rate.slope']).toBe(0.5);
    expect(v.observed.lambda0).toBe(0.1);
    expect(v.tolerance).toEqual({ kind: 'allOf', parts: { bound: { kind: 'bound', side: 'le' }, rate: { kind: 'rate', range: [0.2, 2] } } });
    expect(v.note).toMatch(/^rate: inconclusive/);
    expect(() => allOf({})).toThrow(RangeError);
  });
  it('combineStatus orders fail > inconclusive > skip > pass; need throws on a missing part', () => {
    expect(combineStatus(['pass', 'skip'])).toBe('skip');
    expect(combineStatus([])).toBe('fail');
    expect(need([{ a: 1 }, { a: 2 }], 'a')).toEqual([1, 2]);
    expect(() => need([{ a: 1 }, {}] as { a?: number }[], 'a')).toThrow("trace has no 'a' experiment");
    expect(checkCondition(false, { x: 1 }, 'x = 0', 'x is 1').note).toBe('x is 1');
  });
});

describe('expected failures pinned by reason', () => {
  const claims = [
    { id: 'p.a', status: 'fail', observed: { gap: 1.2 }, note: 'gap·ln t rises' },
    { id: 'p.b', status: 'pass', observed: {} },
  ];
  const entry = { id: 'p.a', reason: 'known', observed: { gap: [1.1, 1.3] as [number, number] }, note: 'rises' };
  it('accepts a documented failure that fails the documented way', () => {
    expect(compareExpectedFailures(claims, [entry], { profile: 'smoke', seed: 0 }).ok).toBe(true);
  });
  it('a listed claim that fails differently (numbers out of range, or a thrown check) fails the comparison', () => {
    const r = compareExpectedFailures([{ ...claims[0], observed: {}, note: 'check threw: boom' }, claims[1]] as typeof claims, [entry], { profile: 'smoke', seed: 0 });
    expect(r.ok).toBe(false);
    expect(r.different[0]).toMatch(/p.a: fails differently — observed.gap = missing outside \[1.1, 1.3\]; note does not match/);
  });
  it('new failures and stale entries are reported; other seeds only refuse new failures', () => {
    const twoFail = [claims[0], { ...claims[1], status: 'fail' }] as typeof claims;
    expect(compareExpectedFailures(twoFail, [entry], { profile: 'smoke', seed: 0 }).unexpected).toEqual(['p.b']);
    expect(compareExpectedFailures([{ ...claims[0], status: 'pass' }, claims[1]] as typeof claims, [entry], { profile: 'smoke', seed: 0 }).stale).toEqual(['p.a']);
    expect(compareExpectedFailures([{ ...claims[0], status: 'pass' }, claims[1]] as typeof claims, [entry], { profile: 'smoke', seed: 1 }).ok).toBe(true);
    expect(compareExpectedFailures(twoFail, [entry], { profile: 'smoke', seed: 1 }).unexpected).toEqual(['p.b']);
    expect(compareExpectedFailures(claims, [entry], { profile: 'paper', seed: 0 }).unexpected).toEqual(['p.a']);
  });
  it('an entry must pin how it fails', () => {
    expect(compareExpectedFailures(claims, [{ id: 'p.a', reason: 'known' }], { profile: 'smoke', seed: 0 }).malformed[0]).toMatch(/pins neither/);
  });
});

describe('lock and atomic publish', () => {
  it('a live lock refuses a second holder; a stale lock is taken over', () => {
    const d = mkdtempSync(join(tmpdir(), 'lock-'));
    const release = acquireLock(join(d, 'r.lock'));
    expect(() => acquireLock(join(d, 'r.lock'))).toThrow(LockError);
    release();
    writeFileSync(join(d, 'r.lock'), '999999999'); // no such pid
    acquireLock(join(d, 'r.lock'))();
    expect(existsSync(join(d, 'r.lock'))).toBe(false);
  });
  it('a failing write leaves the previous directory intact; a stranded .old is restored', async () => {
    const d = mkdtempSync(join(tmpdir(), 'pub-'));
    const out = join(d, 'smoke');
    await publishDir(out, async (tmp) => writeFileSync(join(tmp, 'a.json'), '1'));
    await expect(publishDir(out, async (tmp) => {
      writeFileSync(join(tmp, 'a.json'), '2');
      throw new Error('killed');
    })).rejects.toThrow('killed');
    expect(readFileSync(join(out, 'a.json'), 'utf8')).toBe('1');
    // Simulate a run killed between the two renames: only `.smoke.old-<dead pid>` is left.
    const old = join(d, '.smoke.old-999999999');
    mkdirSync(old);
    writeFileSync(join(old, 'a.json'), '1');
    const { rmSync } = await import('node:fs');
    rmSync(out, { recursive: true });
    recoverPublish(out);
    expect(readFileSync(join(out, 'a.json'), 'utf8')).toBe('1');
    expect(existsSync(old)).toBe(false);
  });
});

describe('three-valued bounds: checkIntervalBound and checkBand', () => {
  it('an interval passes when wholly on the right side, fails when wholly on the wrong one, else is inconclusive', () => {
    expect(checkIntervalBound(-0.3, -0.1, 0, 'le', 'x').status).toBe('pass');
    expect(checkIntervalBound(-0.014, 0.31, 0, 'le', 'x').status).toBe('inconclusive');
    expect(checkIntervalBound(0.1, 0.3, 0, 'le', 'x').status).toBe('fail');
    expect(checkIntervalBound(-1e-3, 1e-3, 0, 'ge', 'x')).toMatchObject({ status: 'inconclusive', observed: { lo: -1e-3, hi: 1e-3 } });
  });
  it('a band passes below passMax, fails at failMin or NaN, is inconclusive between; failMin = ∞ never fails', () => {
    expect(checkBand(0.9, 1, 1.2, 'x').status).toBe('pass');
    expect(checkBand(1.1, 1, 1.2, 'x').status).toBe('inconclusive');
    expect(checkBand(1.2, 1, 1.2, 'x').status).toBe('fail');
    expect(checkBand(Number.NaN, 1, 1.2, 'x').status).toBe('fail');
    expect(checkBand(1e9, 1, Number.POSITIVE_INFINITY, 'x').status).toBe('inconclusive');
    expect(() => checkBand(1, 2, 1, 'x')).toThrow(RangeError);
  });
});
