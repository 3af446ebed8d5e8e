import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UsageError, definePaper, helpText, parseInvocation, renderSvg, resolveRun, runPaper, toJson, type Claim } from '../src/index.js';

const config = z.object({ n: z.number().int().positive().describe('points, count'), crash: z.boolean().describe('make run() throw') }).strict();
type Cfg = z.infer<typeof config>;
type Trace = { xs: number[] };
const claim = (id: string, ok: boolean, profiles: ('smoke' | 'paper')[] = ['smoke', 'paper']): Claim<Cfg, Trace> => ({
  id,
  source: 'test',
  statement: `claim ${id}`,
  evidence: 'inferred',
  profiles,
  precision: 'float64',
  needs: [id.endsWith('b') ? 'b' : 'a'],
  check: (traces) => ({ status: ok ? 'pass' : 'fail', observed: { n: traces[0]?.xs.length ?? 0, nan: Number.NaN }, expected: 'x', tolerance: { kind: 'bound', side: 'le' } }),
});
const fake = definePaper({
  meta: { id: 'fake', title: 'A fake paper', authors: ['A. Author'], venue: 'Test 2026', year: 2026, bibtex: '@misc{fake}' },
  config,
  profiles: { smoke: { n: 3, crash: false }, paper: { n: 5, crash: false } },
  async run(cfg, k, ctx) {
    if (cfg.crash) throw new Error('boom');
    return ctx.time('compute', async () => ({ xs: Array.from({ length: cfg.n }, (_, i) => i + k[1] * 0) }));
  },
  values: (traces) => ({ mean: { value: (traces[0]?.xs.length ?? 0) / 2, unit: 'count' }, bad: { value: Number.POSITIVE_INFINITY } }),
  claims: [claim('fake.a', true), claim('fake.b', false), claim('fake.c', true, ['paper'])],
  figures: [
    {
      id: 'fake.fig',
      title: 'A line',
      caption: 'test figure',
      profiles: ['smoke', 'paper'],
      needs: ['a'],
      data: (traces) => (traces[0]?.xs ?? []).map((x) => ({ x, y: x * x })),
      spec: (rows) => ({ data: { values: rows }, mark: 'line', encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } }),
    },
  ],
  deviations: ['none'],
});
const base = { profile: 'smoke', seed: 0, seeds: 1, backend: 'auto' };

describe('runPaper', () => {
  it('writes every output; claims.json and values.json are byte-identical across runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harness-'));
    const out = join(dir, 'results', 'smoke');
    const s = await runPaper(fake, { ...base, packageRoot: dir });
    expect(s).toMatchObject({ pass: 1, fail: 1, skip: 1, exitCode: 1, outDir: out });
    for (const f of ['manifest.json', 'claims.json', 'values.json', 'report.md', 'report.html', 'figures/fake.fig.svg', 'figures/fake.fig.vl.json', 'figures/fake.fig.data.json'])
      expect(existsSync(join(out, f)), f).toBe(true);
    const claims = readFileSync(join(out, 'claims.json'), 'utf8');
    const values = readFileSync(join(out, 'values.json'), 'utf8');
    expect(JSON.parse(claims)[0].observed.nan).toBe('NaN');
    expect(JSON.parse(values).bad.value).toBe('Infinity');
    expect(JSON.parse(claims)[2]).toMatchObject({ id: 'fake.c', status: 'skip', note: 'runs under profile(s) paper' });
    await runPaper(fake, { ...base, packageRoot: dir });
    expect(readFileSync(join(out, 'claims.json'), 'utf8')).toBe(claims);
    expect(readFileSync(join(out, 'values.json'), 'utf8')).toBe(values);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ paper: 'fake', profile: 'smoke', seed: 0 });
    expect(manifest.lockfileSha256).toMatch(/^[0-9a-f]{64}$/);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/(src|href)=["']https?:/);
  });

  it('--only skips unselected claims; --set relabels the profile custom', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harness-'));
    const s = await runPaper(fake, { ...base, packageRoot: dir, only: ['fake.a'], set: ['n=4'] });
    expect(s).toMatchObject({ profile: 'custom', pass: 1, fail: 0, skip: 2, exitCode: 0 });
    const claims = JSON.parse(readFileSync(join(dir, 'results', 'custom', 'claims.json'), 'utf8'));
    expect(claims[1].note).toBe('not selected by --only');
    expect(claims[0].observed.n).toBe(4);
  });

  it('a run that throws leaves the previous results untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harness-'));
    await runPaper(fake, { ...base, packageRoot: dir, set: ['crash=false'] });
    const before = readFileSync(join(dir, 'results', 'custom', 'claims.json'), 'utf8');
    await expect(runPaper(fake, { ...base, packageRoot: dir, set: ['crash=true'] })).rejects.toThrow('boom');
    expect(readFileSync(join(dir, 'results', 'custom', 'claims.json'), 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'results', 'custom.lock'))).toBe(false);
  });

  it('refuses to run while a live process holds the lock, and takes over a stale lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harness-'));
    const out = join(dir, 'results', 'smoke');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'results'), { recursive: true });
    writeFileSync(`${out}.lock`, String(process.pid));
    await expect(runPaper(fake, { ...base, packageRoot: dir })).rejects.toThrow(/another run/);
    writeFileSync(`${out}.lock`, '999999999');
    await expect(runPaper(fake, { ...base, packageRoot: dir })).resolves.toMatchObject({ pass: 1 });
  });
});

describe('validation', () => {
  const bad: [string[], RegExp][] = [
    [['--profile', 'huge'], /unknown profile 'huge'/],
    [['--backend', 'gpu'], /unknown backend 'gpu'/],
    [['--seed', '-1'], /--seed must be an integer/],
    [['--seed', 'abc'], /--seed must be an integer/],
    [['--seeds', '0'], /--seeds must be an integer/],
    [['--bogus'], /Unknown argument/],
    [['extra'], /Unknown argument|unexpected argument/],
    [['--max-memory', 'lots'], /memory size/],
  ];
  for (const [args, msg] of bad)
    it(`rejects ${args.join(' ')}`, () => {
      expect(() => parseInvocation(fake, args)).toThrow(UsageError);
      expect(() => parseInvocation(fake, args)).toThrow(msg);
    });
  const badRun: [Record<string, unknown>, RegExp][] = [
    [{ set: ['zzz=1'] }, /unknown --set key 'zzz'/],
    [{ set: ['n=-3'] }, /--set n=-3/],
    [{ set: ['n=abc'] }, /--set n=abc/],
    [{ set: ['n'] }, /key=value/],
    [{ only: ['nomatch*'] }, /matches no claim/],
    [{ maxMemoryBytes: 1 }, /./],
  ];
  for (const [extra, msg] of badRun.slice(0, 5))
    it(`rejects ${JSON.stringify(extra)}`, () => {
      expect(() => resolveRun(fake, { ...base, packageRoot: '/nonexistent', ...extra })).toThrow(msg);
    });
  it('the memory guard refuses with the estimate', () => {
    const big = definePaper({ ...fake, estimateMemory: () => 2 ** 40 });
    expect(() => resolveRun(big, { ...base, packageRoot: '/x', maxMemoryBytes: 2 ** 30 })).toThrow(/1024\.00 GiB.*1\.00 GiB/);
  });
  it('help lists every option, config key with its profiles, and every claim', () => {
    const h = helpText(fake);
    for (const s of ['--profile', '--seed', '--seeds', '--backend', '--only', '--set', '--json', '--out', '--max-memory', 'points, count', 'smoke: 3', 'paper: 5', 'fake.a', 'fake.fig'])
      expect(h).toContain(s);
  });
});

describe('json and figures', () => {
  it('toJson maps non-finite numbers to strings and sorts keys on request', () => {
    expect(toJson({ b: 1, a: [Number.NaN, -Infinity] }, { sortKeys: true })).toBe('{\n  "a": [\n    "NaN",\n    "-Infinity"\n  ],\n  "b": 1\n}\n');
  });
  it('renders a Vega-Lite spec to an SVG with marks', async () => {
    const svg = await renderSvg({ data: { values: [{ x: 1, y: 2 }, { x: 2, y: 3 }] }, mark: 'line', encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/<path[^>]+d="M/);
  });
});

describe("Claim.seeds: 'every'", () => {
  type T = { v: number };
  const mk = (id: string, seeds: 'all' | 'every' | undefined, check: Claim<Cfg, T>['check']): Claim<Cfg, T> => ({
    id,
    source: 'test',
    statement: id,
    evidence: 'inferred',
    profiles: ['smoke'],
    precision: 'float64',
    needs: ['a'],
    ...(seeds === undefined ? {} : { seeds }),
    check,
  });
  const verdict = (ok: boolean, v: number) => ({ status: ok ? ('pass' as const) : ('fail' as const), observed: { v }, expected: 'v even', tolerance: { kind: 'bound' as const, side: 'le' as const } });
  const paper = definePaper({
    meta: { id: 'seeds', title: 'seeds', authors: ['A'], venue: 'T', year: 2026, bibtex: '@misc{s}' },
    config,
    profiles: { smoke: { n: 1, crash: false }, paper: { n: 1, crash: false } },
    run: async (_cfg, k) => ({ v: k[1] }),
    values: () => ({}),
    claims: [
      // Bit 1 of the seed's key word: 0 for seed 0, 1 for seeds 1 and 2 (asserted below), so the verdicts are mixed.
      mk('seeds.every', 'every', (ts) => verdict(ts.length === 1 && (((ts[0] as T).v >>> 1) & 1) === 0, (ts[0] as T).v)),
      mk('seeds.every-pass', 'every', (ts) => verdict(ts.length === 1, (ts[0] as T).v)),
      mk('seeds.all', undefined, (ts) => verdict(ts.length === 3, ts.length)),
    ],
    figures: [],
    deviations: [],
  });

  it('checks each seed alone, passes only if all pass, names the failing seeds; default claims see every trace', async () => {
    const { foldIn, key } = await import('@repro/concentration');
    const dir = mkdtempSync(join(tmpdir(), 'harness-seeds-'));
    await runPaper(paper, { ...base, seeds: 3, packageRoot: dir });
    const claims = JSON.parse(readFileSync(join(dir, 'results', 'smoke', 'claims.json'), 'utf8')) as { id: string; status: string; observed: Record<string, number>; note?: string }[];
    const vs = [0, 1, 2].map((s) => foldIn(key(0), s)[1]);
    const even = vs.map((v) => ((v >>> 1) & 1) === 0);
    expect(even).toEqual([true, false, false]);
    const every = claims.find((c) => c.id === 'seeds.every');
    expect(every?.status).toBe(even.every(Boolean) ? 'pass' : 'fail');
    expect(every?.observed).toMatchObject({ seedsChecked: 3, seedsPassed: even.filter(Boolean).length });
    const firstBad = even.indexOf(false);
    if (firstBad >= 0) {
      expect(every?.observed.v).toBe(vs[firstBad]);
      expect(every?.note).toMatch(new RegExp(`^fails for seeds? ${even.flatMap((e, s) => (e ? [] : [s])).join(', ')} of 3`));
    }
    expect(claims.find((c) => c.id === 'seeds.all')?.status).toBe('pass');
    expect(claims.find((c) => c.id === 'seeds.every-pass')).toMatchObject({ status: 'pass', observed: { v: vs[0], seedsChecked: 3, seedsPassed: 3 }, note: 'holds for each of the 3 seeds (numbers: seed 0)' });
    // One seed: the claim's own verdict, no seed bookkeeping.
    const one = mkdtempSync(join(tmpdir(), 'harness-seeds-'));
    await runPaper(paper, { ...base, seeds: 1, packageRoot: one });
    const c1 = JSON.parse(readFileSync(join(one, 'results', 'smoke', 'claims.json'), 'utf8'))[0];
    expect(c1.observed).toEqual({ v: vs[0] });
  });
});
