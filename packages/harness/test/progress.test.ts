import { describe, expect, it } from 'vitest';
import { createProgress } from '../src/index.js';
import { progressIntervalSeconds } from '../src/progress.js';

describe('createProgress', () => {
  it('prints nothing when disabled but keeps log messages for the manifest', () => {
    const lines: string[] = [];
    const p = createProgress('x', false, (l) => lines.push(l));
    p.phase('a', 10);
    p.tick(5);
    p.log('hello');
    expect(lines).toEqual([]);
    expect(p.messages).toEqual(['hello']);
  });

  it('throttles tick lines to the interval (0 s: every tick)', () => {
    const lines: string[] = [];
    const p = createProgress('x', true, (l) => lines.push(l), 0.000001);
    p.phase('a', 4);
    p.tick(1, 'one');
    p.tick(1, 'two');
    expect(lines[0]).toBe('[x] a …');
    expect(lines.slice(1).map((l) => l.split(' · ')[2])).toEqual(['25%', '50%']);
    const slow: string[] = [];
    const q = createProgress('x', true, (l) => slow.push(l), 3600);
    q.phase('a', 4);
    q.tick(1);
    q.tick(1);
    expect(slow).toEqual(['[x] a …']); // both ticks fall inside the hour
  });

  it('share() rescales the phase total to this shard’s part, so a shard ends at 100 %', () => {
    const lines: string[] = [];
    const p = createProgress('x shard 0/2', true, (l) => lines.push(l), 0.000001);
    p.phase('a', 100);
    p.share(0.5);
    p.tick(25);
    p.tick(25);
    expect(lines.slice(1).map((l) => l.split(' · ')[1])).toEqual(['50%', '100%']);
    p.share(2); // out of range: ignored
    p.tick(0);
    expect(lines.at(-1)).toContain('100%');
  });

  it('REPRO_PROGRESS_INTERVAL sets the default interval (positive seconds), else 1 s', () => {
    const old = process.env.REPRO_PROGRESS_INTERVAL;
    try {
      process.env.REPRO_PROGRESS_INTERVAL = '60';
      expect(progressIntervalSeconds()).toBe(60);
      process.env.REPRO_PROGRESS_INTERVAL = 'often';
      expect(progressIntervalSeconds()).toBe(1);
      delete process.env.REPRO_PROGRESS_INTERVAL;
      expect(progressIntervalSeconds()).toBe(1);
    } finally {
      if (old === undefined) delete process.env.REPRO_PROGRESS_INTERVAL;
      else process.env.REPRO_PROGRESS_INTERVAL = old;
    }
  });
});
