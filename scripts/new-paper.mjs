#!/usr/bin/env node
// `pnpm new-paper <id> [--title "..."]`: scaffold papers/<id> with the full paper anatomy of DESIGN.md — package.json (bin
// repro-<id>), tsconfigs, vitest config, src/{meta,config,trace,run,values,deviations,index,bin}.ts, one example claim and
// one example figure, a README with the claims-table markers, and a smoke test that passes — then link it (pnpm install).
// The example is a real check (the law of large numbers on keyed normals), to be replaced by the paper's own claims.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const fail = (msg) => {
  process.stderr.write(`new-paper: error: ${msg}\n`);
  process.exit(2);
};
if (args.includes('--help') || args.includes('-h') || args.length === 0) {
  (args.length === 0 ? process.stderr : process.stdout).write(
    'Usage: pnpm new-paper <id> [--title "Paper title"] [--no-install]\n  <id>: lowercase letters, digits and hyphens, starting with a letter (e.g. jacot2018)\n',
  );
  process.exit(args.length === 0 ? 2 : 0);
}
const id = args[0];
if (!/^[a-z][a-z0-9-]*$/.test(id)) fail(`paper id '${id}' must be lowercase letters, digits and hyphens, starting with a letter`);
const ti = args.indexOf('--title');
const title = ti >= 0 ? args[ti + 1] : `TODO: the title of ${id}`;
if (title === undefined || title.startsWith('--')) fail('--title expects a value');
const dir = join(root, 'papers', id);
if (existsSync(dir)) fail(`papers/${id} already exists`);
const camel = id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const Pascal = camel[0].toUpperCase() + camel.slice(1);
const q = JSON.stringify;

const files = {
  'package.json': `${JSON.stringify(
    {
      name: `@repro/${id}`,
      version: '0.1.0',
      description: `${title} - checked claims and figures.`,
      type: 'module',
      license: 'MIT',
      engines: { node: '>=20.19' },
      exports: { '.': { source: './src/index.ts', types: './dist/index.d.ts', import: './dist/index.js' } },
      types: './dist/index.d.ts',
      main: './dist/index.js',
      files: ['dist', 'src', 'README.md', 'CHANGELOG.md'],
      scripts: { build: 'tsc -p tsconfig.build.json', typecheck: 'tsc -p tsconfig.json --noEmit', test: 'vitest run', repro: 'node dist/bin.js --under-turbo' },
      dependencies: { zod: '^4.1.0', '@repro/harness': 'workspace:^', '@repro/concentration': 'workspace:^' },
      devDependencies: { typescript: '5.9.3', vitest: '4.1.12', '@types/node': '^20.19.0', '@repro/testkit': 'workspace:*' },
      publishConfig: { access: 'public' },
      bin: { [`repro-${id}`]: './dist/bin.js' },
    },
    null,
    2,
  )}\n`,
  'tsconfig.json': `${JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { noEmit: true, customConditions: ['source'], rootDir: '.' }, include: ['src', 'test'] }, null, 2)}\n`,
  'tsconfig.build.json': `${JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { outDir: 'dist', rootDir: 'src', customConditions: [] }, include: ['src'] }, null, 2)}\n`,
  'vitest.config.ts': "import { sharedConfig } from '../../vitest.shared.js';\n\nexport default sharedConfig;\n",
  'src/meta.ts': `import type { PaperMeta } from '@repro/harness';

/** TODO: authors (venue year). */
export const meta: PaperMeta = {
  id: ${q(id)},
  title: ${q(title)},
  authors: ['TODO'],
  venue: 'TODO',
  year: 2000,
  bibtex: '@misc{${id}}',
};
`,
  'src/config.ts': `import { z } from 'zod';

/** Every field .describe()d with units: --help prints it. */
export const config = z
  .object({
    exampleN: z.number().int().positive().describe('example: number of standard normals averaged, count'),
  })
  .strict();
export type ${Pascal}Config = z.infer<typeof config>;

export const profiles: Record<'smoke' | 'paper', ${Pascal}Config> = {
  smoke: { exampleN: 10_000 },
  paper: { exampleN: 1_000_000 },
};
`,
  'src/trace.ts': `/** What run() returns: JSON-serializable, everything the claims, values and figures read. */
export interface ${Pascal}Trace {
  example: { n: number; mean: number; runningMean: { k: number; mean: number }[] } | null;
}
`,
  'src/run.ts': `import { foldIn, normal, type Key } from '@repro/concentration';
import type { RunContext } from '@repro/harness';
import type { ${Pascal}Config } from './config.js';
import type { ${Pascal}Trace } from './trace.js';

/** The only module that computes. Experiments run when a selected claim or figure needs them (ctx.experiments). */
export async function run(cfg: ${Pascal}Config, key: Key, ctx: RunContext): Promise<${Pascal}Trace> {
  const trace: ${Pascal}Trace = { example: null };
  if (ctx.experiments.has('example'))
    trace.example = await ctx.time('example', async () => {
      const z = normal(foldIn(key, 'example'), cfg.exampleN);
      const runningMean: { k: number; mean: number }[] = [];
      let s = 0;
      for (let i = 0; i < z.length; i++) {
        s += z[i] as number;
        if (Number.isInteger(Math.log10(i + 1))) runningMean.push({ k: i + 1, mean: s / (i + 1) });
      }
      return { n: z.length, mean: s / z.length, runningMean };
    });
  return trace;
}
`,
  'src/claims/example-lln.ts': `import { checkBound, type Claim } from '@repro/harness';
import type { ${Pascal}Config } from '../config.js';
import type { ${Pascal}Trace } from '../trace.js';

/** 5 standard errors: a correct sampler exceeds it with probability ≈ 5.7e-7 (two-sided normal tail). */
const Z = 5;

/** Example claim (replace): the sample mean of n standard normals lies within 5/√n of 0. */
export const exampleLln: Claim<${Pascal}Config, ${Pascal}Trace> = {
  id: ${q(`${id}.example-lln`)},
  source: 'example (law of large numbers); replace with the paper\\'s numbering',
  statement: 'The mean of n keyed standard normals is within 5/sqrt(n) of 0.',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['example'],
  check(traces) {
    const t = traces[0]?.example;
    if (t == null) throw new Error('example experiment did not run');
    return checkBound(Math.abs(t.mean), Z / Math.sqrt(t.n), 'le');
  },
};
`,
  'src/claims/index.ts': `import { exampleLln } from './example-lln.js';

export const claims = [exampleLln] as const;
`,
  'src/figures/example-running-mean.ts': `import type { Figure } from '@repro/harness';
import type { ${Pascal}Config } from '../config.js';
import type { ${Pascal}Trace } from '../trace.js';

/** Example figure (replace): |running mean| vs n on log-log axes, with the 1/sqrt(n) reference. */
export const exampleRunningMean: Figure<${Pascal}Config, ${Pascal}Trace> = {
  id: ${q(`${id}.example`)},
  title: 'Running mean of keyed normals',
  caption: '|mean of the first k normals| and 1/sqrt(k).',
  profiles: ['smoke', 'paper'],
  needs: ['example'],
  data: (traces) =>
    (traces[0]?.example?.runningMean ?? []).flatMap((r) => [
      { k: r.k, value: Math.max(Math.abs(r.mean), 1e-12), series: '|running mean|' },
      { k: r.k, value: 1 / Math.sqrt(r.k), series: '1/sqrt(k)' },
    ]),
  spec: () => ({
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'k', type: 'quantitative', scale: { type: 'log' }, title: 'k' },
      y: { field: 'value', type: 'quantitative', scale: { type: 'log' }, title: 'value' },
      color: { field: 'series', type: 'nominal' },
    },
  }),
};
`,
  'src/figures/index.ts': `import { exampleRunningMean } from './example-running-mean.js';

export const figures = [exampleRunningMean] as const;
`,
  'src/values.ts': `import type { Values } from '@repro/harness';
import type { ${Pascal}Config } from './config.js';
import type { ${Pascal}Trace } from './trace.js';

/** Named scalars for values.json: measured next to the paper's number or the bound, with the slack. */
export function values(traces: readonly ${Pascal}Trace[], _cfg: ${Pascal}Config): Values {
  const t = traces[0]?.example;
  if (t == null) return {};
  const bound = 5 / Math.sqrt(t.n);
  return { 'example.absMean': { value: Math.abs(t.mean), bound, slack: bound / Math.abs(t.mean), note: 'example: replace' } };
}
`,
  'src/deviations.ts': `/** Deviations from the paper, one line each; the same lines go in README.md (and // DEVIATION: comments in code). */
export const deviations: readonly string[] = [];
`,
  'src/index.ts': `import { definePaper } from '@repro/harness';
import { claims } from './claims/index.js';
import { config, profiles } from './config.js';
import { deviations } from './deviations.js';
import { figures } from './figures/index.js';
import { meta } from './meta.js';
import { run } from './run.js';
import { values } from './values.js';

export type { ${Pascal}Config } from './config.js';
export type { ${Pascal}Trace } from './trace.js';

/** ${title}. */
export const paper = definePaper({ meta, config, profiles, run, values, claims, figures, deviations });
`,
  'src/bin.ts': `#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { paperMain } from '@repro/harness';
import { paper } from './index.js';

await paperMain(paper, process.argv.slice(2), fileURLToPath(new URL('..', import.meta.url)));
`,
  'test/smoke.test.ts': `import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPaper } from '@repro/harness';
import { describe, expect, it } from 'vitest';
import { paper } from '../src/index.js';

describe('${id} smoke profile', () => {
  it('every claim passes and every figure is written', async () => {
    const out = join(mkdtempSync(join(tmpdir(), '${id}-smoke-')), 'smoke');
    const s = await runPaper(paper, { profile: 'smoke', seed: 0, seeds: 1, backend: 'auto', outDir: out });
    const claims = JSON.parse(readFileSync(join(out, 'claims.json'), 'utf8')) as { id: string; status: string; note?: string }[];
    expect(claims.filter((c) => c.status !== 'pass').map((c) => \`\${c.id}: \${c.status} \${c.note ?? ''}\`)).toEqual([]);
    expect(s.exitCode).toBe(0);
    for (const f of paper.figures) expect(readFileSync(join(out, 'figures', \`\${f.id}.svg\`), 'utf8')).toMatch(/<path/);
  }, 120_000);
});
`,
  'README.md': `# ${id}: ${title}

TODO: citation.

## Claims

<!-- claims:${id}:begin -->
(generated by \`node scripts/claims-table.mjs ${id} <profile>\` from a run)
<!-- claims:${id}:end -->

## Run

\`\`\`sh
pnpm repro ${id} --profile smoke   # minutes at most
pnpm repro ${id}                   # the paper profile
pnpm repro ${id} --help            # every option and config key
\`\`\`

## Deviations

None yet.
`,
};

for (const [rel, text] of Object.entries(files)) {
  const p = join(dir, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
}
writeFileSync(
  join(root, '.changeset', `new-paper-${id}.md`),
  `---\n"@repro/${id}": minor\n---\n\nNew paper package ${id} (scaffold).\n`,
);
console.log(`new-paper: created papers/${id} (${Object.keys(files).length} files) and .changeset/new-paper-${id}.md`);
if (!args.includes('--no-install')) {
  // A new package changes the lockfile: allow it even where CI=true makes frozen the default.
  const r = spawnSync('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) fail('pnpm install failed; run it yourself');
}
console.log(`next: cd papers/${id} && pnpm test   ·   pnpm repro ${id} --profile smoke`);
