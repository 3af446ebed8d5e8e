import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkBound, definePaper, runPaper, writeIndex } from '../src/index.js';

const paper = definePaper({
  meta: { id: 'rep', title: 'Report order', authors: ['A'], venue: 'Test', year: 2026, bibtex: '@misc{rep}' },
  config: z.object({ n: z.number().int().positive().describe('count') }).strict(),
  profiles: { smoke: { n: 3 }, paper: { n: 3 } },
  run: async (cfg) => ({ xs: Array.from({ length: cfg.n }, (_, i) => i) }),
  values: () => ({ 'test.error': { value: 0.1633, sd: 0.002, paper: 0.1654, unit: 'fraction' }, 'other.value': { value: 2 } }),
  claims: [
    { id: 'rep.a', source: 's', statement: 'a', evidence: 'paper', profiles: ['smoke', 'paper'], precision: 'float64', needs: ['x'], catches: [], check: () => checkBound(1, 2, 'le') },
  ],
  figures: [
    {
      id: 'rep.fig',
      title: 'A line',
      caption: 'cap',
      profiles: ['smoke', 'paper'],
      needs: ['x'],
      claims: ['rep.a'],
      data: (traces) => ((traces[0] as { xs: number[] }).xs ?? []).map((x) => ({ x, y: x })),
      spec: (rows) => ({ data: { values: rows }, mark: 'line', encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } }),
    },
  ],
  deviations: [],
});

describe('reports lead with the verdict and the figures', () => {
  it('verdict, figures (with the claims they support), paper vs ours, then claims — in report.md, report.html and the index', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const out = join(dir, 'papers', 'rep', 'results', 'smoke');
    await runPaper(paper, { profile: 'smoke', seed: 0, seeds: 1, backend: 'auto', outDir: out });
    for (const [file, h] of [
      ['report.md', (t: string) => `## ${t}`],
      ['report.html', (t: string) => `<h2>${t}</h2>`],
    ] as const) {
      const text = readFileSync(join(out, file), 'utf8');
      const at = (t: string) => text.indexOf(h(t));
      expect(text.indexOf('Verdict')).toBeLessThan(at('Figures'));
      expect(at('Figures')).toBeLessThan(at('Paper vs ours'));
      expect(at('Paper vs ours')).toBeLessThan(at('Claims'));
      expect(text).toMatch(/Supports: .*rep\.a/);
      expect(text).toMatch(/test\.error.*0\.1654.*0\.1633 ± 0\.002.*-0\.0127/s);
    }
    const index = readFileSync(writeIndex(dir, [{ paper: 'rep', dir: out }]), 'utf8');
    expect(index.indexOf('<h3>Figures</h3>')).toBeLessThan(index.indexOf('<h3>Paper vs ours</h3>'));
    expect(index.indexOf('<h3>Paper vs ours</h3>')).toBeLessThan(index.indexOf('<h3>Claims</h3>'));
    expect(index).toMatch(/supports <code>rep\.a<\/code>/);
  });
});
