import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UsageError, activeFault, checkBound, definePaper, diffRuns, fault, helpText, parseInvocation, runPaper, type Claim } from '../src/index.js';

const config = z.object({ n: z.number().int().positive().describe('points, count') }).strict();
type Cfg = z.infer<typeof config>;
type Trace = { mean: number; faultSeenInRun: string | null };
// The planted bug lives where a real one would: in the computation (`run`), behind fault('mean-off').
const claimMean: Claim<Cfg, Trace> = {
  id: 'toy.mean',
  source: 'test',
  statement: 'the mean of 0..n-1 is (n-1)/2',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['a'],
  catches: ['mean-off'],
  check: (traces, cfg) => checkBound(Math.abs((traces[0] as Trace).mean - (cfg.n - 1) / 2), 1e-12, 'le'),
};
const claimLoose: Claim<Cfg, Trace> = {
  id: 'toy.loose',
  source: 'test',
  statement: 'the mean is below n',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['a'],
  observational: 'true for any mean of numbers below n',
  check: (traces, cfg) => checkBound((traces[0] as Trace).mean, cfg.n, 'le'),
};
const toy = definePaper({
  meta: { id: 'toy', title: 'Toy', authors: ['A'], venue: 'Test', year: 2026, bibtex: '@misc{toy}' },
  config,
  profiles: { smoke: { n: 4 }, paper: { n: 8 } },
  async run(cfg) {
    let s = 0;
    for (let i = 0; i < cfg.n; i++) s += i;
    return { mean: (fault('mean-off') ? 1.1 : 1) * (s / cfg.n), faultSeenInRun: activeFault() };
  },
  values: () => ({}),
  claims: [claimMean, claimLoose],
  figures: [],
  deviations: [],
  faults: { 'mean-off': { description: 'the mean scaled by 1.1 (a constant off by 10 %)', layer: 'model' } },
});
const base = { profile: 'smoke', seed: 0, seeds: 1, backend: 'auto' };

describe('planted faults', () => {
  it('a faulted run switches the fault on in run(), records it, banners the report; the switch is off afterwards', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fault-'));
    const clean = await runPaper(toy, { ...base, outDir: join(dir, 'clean') });
    expect(clean).toMatchObject({ pass: 2, fail: 0, fault: null, exitCode: 0 });
    const bad = await runPaper(toy, { ...base, outDir: join(dir, 'bad'), fault: 'mean-off' });
    expect(bad).toMatchObject({ fail: 1, failed: ['toy.mean'], fault: 'mean-off', exitCode: 1 });
    expect(activeFault()).toBe(null);
    const manifest = JSON.parse(readFileSync(join(dir, 'bad', 'manifest.json'), 'utf8'));
    expect(manifest.fault).toEqual({ name: 'mean-off', description: 'the mean scaled by 1.1 (a constant off by 10 %)', layer: 'model' });
    expect(JSON.parse(readFileSync(join(dir, 'clean', 'manifest.json'), 'utf8')).fault).toBe(null);
    expect(readFileSync(join(dir, 'bad', 'report.html'), 'utf8')).toMatch(/class="planted"[^>]*>PLANTED FAULT <code>mean-off<\/code>/);
    expect(readFileSync(join(dir, 'bad', 'report.md'), 'utf8')).toMatch(/PLANTED FAULT `mean-off`/);
    const claims = JSON.parse(readFileSync(join(dir, 'bad', 'claims.json'), 'utf8'));
    expect(claims[0]).toMatchObject({ id: 'toy.mean', role: 'verdict', catches: ['mean-off'], status: 'fail' });
    expect(claims[1]).toMatchObject({ id: 'toy.loose', role: 'observational', catches: [], status: 'pass', observational: 'true for any mean of numbers below n' });
    // repro diff refuses to compare a faulted run with a clean one, either way round.
    expect(() => diffRuns(join(dir, 'clean'), join(dir, 'bad'))).toThrow(/refusing to compare a run with a planted fault with a clean run/);
    expect(() => diffRuns(join(dir, 'bad'), join(dir, 'clean'))).toThrow(UsageError);
  });
  it('the paper profile and unknown faults are refused before anything runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fault-'));
    await expect(runPaper(toy, { ...base, profile: 'paper', outDir: join(dir, 'p'), fault: 'mean-off' })).rejects.toThrow(/--fault is refused under the paper profile/);
    await expect(runPaper(toy, { ...base, outDir: join(dir, 'q'), fault: 'nope' })).rejects.toThrow(/unknown fault 'nope' for toy \(known: mean-off\)/);
    expect(parseInvocation(toy, ['--profile', 'smoke', '--fault', 'mean-off']).fault).toBe('mean-off');
    expect(() => parseInvocation(toy, ['--fault'])).toThrow(/--fault expects a value/);
    expect(helpText(toy)).toMatch(/mean-off\s+\[model\] the mean scaled by 1.1/);
    expect(helpText(toy)).toMatch(/toy.loose .*\(observational\)/);
    expect(helpText(toy)).toMatch(/e.g. --set n=4\)/); // the example key is the paper's own
  });
  it('definePaper refuses a claim that catches an undeclared fault, or is observational and catches one', () => {
    expect(() => definePaper({ ...toy, claims: [{ ...claimMean, catches: ['nope'] }] })).toThrow(/catches 'nope', which is not one of the paper's faults/);
    expect(() => definePaper({ ...toy, claims: [{ ...claimMean, observational: 'x' }] })).toThrow(/observational but declares faults/);
    expect(() => definePaper({ ...toy, faults: { Bad_Name: { description: 'x', layer: 'model' } } })).toThrow(/not lower-case words/);
  });
});
