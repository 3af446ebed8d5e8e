import { foldIn, key } from '@repro/concentration';
import { describe, expect, it } from 'vitest';
import { mapJobs, setActiveFault } from '../src/index.js';

const url = new URL('./fixtures/jobs.ts', import.meta.url).href;

describe('mapJobs (worker pool for independent jobs)', () => {
  const jobs = Array.from({ length: 7 }, (_, i) => ({ k: foldIn(key(5), i), n: 1000 + i }));

  it('returns the same results, in job order, for 1, 2 and 3 workers', async () => {
    const done: number[] = [];
    const serial = await mapJobs<(typeof jobs)[number], { sum: number; xs: Float64Array }>(url, 'draw', jobs, { workers: 1 });
    const two = await mapJobs<(typeof jobs)[number], { sum: number; xs: Float64Array }>(url, 'draw', jobs, { workers: 2, onResult: (i) => done.push(i) });
    const three = await mapJobs<(typeof jobs)[number], { sum: number; xs: Float64Array }>(url, 'draw', jobs, { workers: 3 });
    expect(serial.map((r) => r.xs.length)).toEqual(jobs.map((j) => j.n));
    expect(two).toEqual(serial);
    expect(three).toEqual(serial);
    expect(two[0]?.xs).toBeInstanceOf(Float64Array);
    expect([...done].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('with costs: the same results in job order, the costliest jobs handed out first', async () => {
    const costs = [1, 5, 2, 5, 0, 3, 4];
    const done: number[] = [];
    const serial = await mapJobs<(typeof jobs)[number], { sum: number; xs: Float64Array }>(url, 'draw', jobs, { workers: 1 });
    const costed = await mapJobs<(typeof jobs)[number], { sum: number; xs: Float64Array }>(url, 'draw', jobs, { workers: 1, costs, onResult: (i) => done.push(i) });
    expect(costed).toEqual(serial);
    expect(done).toEqual([1, 3, 6, 5, 2, 0, 4]);
    expect(await mapJobs(url, 'draw', jobs, { workers: 2, costs })).toEqual(serial);
    await expect(mapJobs(url, 'draw', jobs, { workers: 1, costs: [1, 2] })).rejects.toThrow(/one finite number ≥ 0 per job/);
  });

  it('a failing job rejects the whole map with its index and message; a missing export is an error', async () => {
    const js = Array.from({ length: 6 }, (_, i) => ({ i }));
    await expect(mapJobs(url, 'boom', js, { workers: 2 })).rejects.toThrow(/job 3: job three fails/);
    await expect(mapJobs(url, 'boom', js, { workers: 1 })).rejects.toThrow(/job three fails/);
    await expect(mapJobs(url, 'nope', js, { workers: 1 })).rejects.toThrow(/no function export 'nope'/);
    expect(await mapJobs(url, 'boom', [], { workers: 2 })).toEqual([]);
  });
  it('carries the planted fault of the calling thread into every worker', async () => {
    const prev = setActiveFault('some-fault');
    try {
      const jobs = [{ i: 0 }, { i: 1 }, { i: 2 }];
      expect(await mapJobs(url, 'faultSeen', jobs, { workers: 2 })).toEqual(['some-fault', 'some-fault', 'some-fault']);
      expect(await mapJobs(url, 'faultSeen', jobs, { workers: 1 })).toEqual(['some-fault', 'some-fault', 'some-fault']);
    } finally {
      setActiveFault(prev);
    }
    expect(await mapJobs(url, 'faultSeen', [{ i: 0 }], { workers: 1 })).toEqual([null]);
  });
});
