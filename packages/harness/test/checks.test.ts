import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockError, acquireLock, checkAllClose, checkBound, checkProbability, checkRate, publishDir, recoverPublish } from '../src/index.js';

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

describe('checkProbability and checkRate', () => {
  it('fails only when the Wilson CI lies below the claim', () => {
    expect(checkProbability(95, 100, 0.9, 0.05).status).toBe('pass');
    expect(checkProbability(50, 100, 0.9, 0.05).status).toBe('fail');
    expect(checkProbability(0, 0, 0.9, 0.05).status).toBe('fail');
  });
  it('tests the slope against the range, NaN fails', () => {
    expect(checkRate({ slope: -0.5, slopeCi: [-0.6, -0.4] }, [-0.55, -0.45]).status).toBe('pass');
    expect(checkRate({ slope: -0.7 }, [-0.55, -0.45]).status).toBe('fail');
    expect(checkRate({ slope: Number.NaN }, [-1, 1]).status).toBe('fail');
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
