#!/usr/bin/env node
// `pnpm new-paper <id> [--title "..."]`: scaffold papers/<id> with the full paper anatomy (docs/adding-a-paper.md) —
// package.json (bin repro-<id>), tsconfigs, vitest config, src/{meta,config,trace,run,values,deviations,faults,index,bin}.ts,
// one example claim with two planted faults it catches, one example figure, expected-failures.json, a README in the house
// style with the claims-table markers, and a smoke test that reads expected-failures.json — then link it (pnpm install).
// The example is a real check (mean and variance of keyed normals), to be replaced by the paper's own claims.
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
      dependencies: { zod: '^4.1.0', '@repro/harness': 'workspace:^', '@repro/concentration': 'workspace:^', '@repro/linalg': 'workspace:^', '@repro/nets': 'workspace:^' },
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
  arxiv: 'TODO', // e.g. '1806.07572': citations [arXiv:<id> §N] resolve against it (scripts/check-citations.mjs)
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
/** The experiments run() can compute; claims and figures name the ones they read (\`needs\`), typed. */
export type ${Pascal}Experiment = 'example';

export interface ${Pascal}Trace {
  example: { n: number; mean: number; meanSquare: number; runningMean: { k: number; mean: number }[] } | null;
}
`,
  'src/run.ts': `import { foldIn, normal, type Key } from '@repro/concentration';
import { fault, type RunContext } from '@repro/harness';
import type { ${Pascal}Config } from './config.js';
import type { ${Pascal}Trace } from './trace.js';

/** The only module that computes. Experiments run when a selected claim or figure needs them (ctx.experiments). */
export async function run(cfg: ${Pascal}Config, key: Key, ctx: RunContext): Promise<${Pascal}Trace> {
  const trace: ${Pascal}Trace = { example: null };
  if (ctx.experiments.has('example'))
    trace.example = await ctx.time('example', async () => {
      const z = normal(foldIn(key, 'example'), cfg.exampleN);
      // Planted faults (src/faults.ts) live where the bug would: here, in the sampler's output.
      if (fault('sampler-shift')) for (let i = 0; i < z.length; i++) (z as Float64Array)[i] = (z[i] as number) + 0.1;
      if (fault('sampler-variance')) for (let i = 0; i < z.length; i++) (z as Float64Array)[i] = (z[i] as number) * 1.1;
      const runningMean: { k: number; mean: number }[] = [];
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < z.length; i++) {
        s += z[i] as number;
        s2 += (z[i] as number) ** 2;
        if (Number.isInteger(Math.log10(i + 1))) runningMean.push({ k: i + 1, mean: s / (i + 1) });
      }
      return { n: z.length, mean: s / z.length, meanSquare: s2 / z.length, runningMean };
    });
  return trace;
}
`,
  'src/claims/example-lln.ts': `import { allOf, checkBound, need, type Claim } from '@repro/harness';
import type { ${Pascal}Config } from '../config.js';
import type { ${Pascal}Experiment, ${Pascal}Trace } from '../trace.js';

/** 5 standard errors: a correct sampler exceeds it with probability ≈ 5.7e-7 (two-sided normal tail). */
const Z = 5;

/**
 * Example claim (replace): the mean and the mean square of n standard normals concentrate around their exact
 * expectations 0 and 1 (standard errors 1/√n and √(2/n)). Each part is a verdict of its own (allOf); together they catch
 * a shifted and a mis-scaled sampler — a bound that nothing plausible can break would be \`observational\` instead.
 */
export const exampleLln: Claim<${Pascal}Config, ${Pascal}Trace, ${Pascal}Experiment> = {
  id: ${q(`${id}.example-lln`)},
  source: 'example (law of large numbers); replace with the paper\\'s numbering (arXiv id, section, equation)',
  statement: 'The mean of n keyed standard normals is within 5/√n of 0 and their mean square within 5√(2/n) of 1.',
  evidence: 'inferred',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['example'],
  catches: ['sampler-shift', 'sampler-variance'],
  seeds: 'every',
  check(traces) {
    const t = need(traces, 'example')[0] as NonNullable<${Pascal}Trace['example']>;
    return allOf({
      mean: checkBound(Math.abs(t.mean), Z / Math.sqrt(t.n), 'le'),
      meanSquare: checkBound(Math.abs(t.meanSquare - 1), Z * Math.sqrt(2 / t.n), 'le'),
    });
  },
};
`,
  'src/faults.ts': `import type { FaultSpec } from '@repro/harness';

/**
 * Planted faults: plausible bugs that \`--fault <name>\` (smoke profile only) switches on, planted in the code with
 * \`fault('<name>')\`. \`pnpm check:power ${id}\` requires every claim that lists a fault in \`catches\` not to pass under it.
 */
export const faults: Record<string, FaultSpec> = {
  'sampler-shift': { description: 'every normal draw shifted by 0.1 (a location bug in the sampler)', layer: 'core' },
  'sampler-variance': { description: 'every normal draw scaled by 1.1 (a sampler with variance 1.21)', layer: 'core' },
};
`,
  'src/claims/index.ts': `import { exampleLln } from './example-lln.js';

export const claims = [exampleLln] as const;
`,
  'src/figures/example-running-mean.ts': `import type { Figure } from '@repro/harness';
import type { ${Pascal}Config } from '../config.js';
import type { ${Pascal}Experiment, ${Pascal}Trace } from '../trace.js';

/** Example figure (replace): |running mean| vs n on log-log axes, with the 1/sqrt(n) reference. */
export const exampleRunningMean: Figure<${Pascal}Config, ${Pascal}Trace, ${Pascal}Experiment> = {
  id: ${q(`${id}.example`)},
  title: 'Running mean of keyed normals',
  caption: '|mean of the first k normals| and 1/sqrt(k).',
  profiles: ['smoke', 'paper'],
  needs: ['example'],
  claims: [${q(`${id}.example-lln`)}],
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
import { faults } from './faults.js';
import { figures } from './figures/index.js';
import { meta } from './meta.js';
import { run } from './run.js';
import { values } from './values.js';

export type { ${Pascal}Config } from './config.js';
export type { ${Pascal}Experiment, ${Pascal}Trace } from './trace.js';

/** ${title}. */
export const paper = definePaper({ meta, config, profiles, run, values, claims, figures, deviations, faults });
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
import { compareExpectedFailures, readExpectedFailures, runPaper } from '@repro/harness';
import { describe, expect, it } from 'vitest';
import { paper } from '../src/index.js';

// The smoke profile at seed 1: CI's second seed (scripts/check-smoke.mjs runs seed 0, where expected failures are pinned).
// A claim that holds must pass or be inconclusive here too; a documented failure may come and go at this seed.
const SMOKE_TEST_SEED = 1;

// The smoke profile end to end. Failures are allowed only as documented in expected-failures.json (pinned by how they
// fail); inconclusive claims are allowed (smoke may lack the power) and listed.
describe('${id} smoke profile', () => {
  it('fails only as documented in expected-failures.json and writes every figure', async () => {
    const out = join(mkdtempSync(join(tmpdir(), '${id}-smoke-')), 'smoke');
    await runPaper(paper, { profile: 'smoke', seed: SMOKE_TEST_SEED, seeds: 1, backend: 'auto', outDir: out });
    const claims = JSON.parse(readFileSync(join(out, 'claims.json'), 'utf8')) as { id: string; status: string; observed: Record<string, unknown>; note?: string }[];
    const c = compareExpectedFailures(claims, readExpectedFailures(join(import.meta.dirname, '..')), { profile: 'smoke', seed: SMOKE_TEST_SEED });
    const unsure = claims.filter((x) => x.status === 'inconclusive').map((x) => x.id);
    if (unsure.length > 0) console.log(\`${id} smoke: inconclusive: \${unsure.join(', ')}\`);
    expect(c).toMatchObject({ unexpected: [], stale: [], different: [], malformed: [] });
    expect(claims.length).toBe(paper.claims.length);
    for (const f of paper.figures) expect(readFileSync(join(out, 'figures', \`\${f.id}.svg\`), 'utf8')).toMatch(/<path/);
  }, 120_000);
});
`,
  'expected-failures.json': '[]\n',
  'README.md': `# ${id}: ${title}

TODO: authors. *${title}.* Venue, year. arXiv: TODO.

What the paper claims, in two sentences of our own words (TODO). The model, conventions and every constant the code uses
are in [NOTES.md](NOTES.md).

## Run

\`\`\`sh
pnpm repro ${id} --profile smoke   # the CI size, about a minute
pnpm repro ${id}                   # the paper profile
pnpm repro ${id} --help            # every option, config key, claim and planted fault
\`\`\`

## Claims

<!-- claims:${id}:begin -->
(generated by \`node scripts/claims-table.mjs ${id}\` from the reference run \`reference/paper/\`)
<!-- claims:${id}:end -->

## Planted faults

\`pnpm check:power ${id}\` runs the smoke profile under each fault; every claim that lists it must not pass.

| fault | the bug | caught by |
| --- | --- | --- |
| \`sampler-shift\` | every normal draw shifted by 0.1 | \`${id}.example-lln\` (mean part) |
| \`sampler-variance\` | every normal draw scaled by 1.1 | \`${id}.example-lln\` (mean-square part) |

## Sizes

| profile | what runs | wall time |
| --- | --- | --- |
| smoke | exampleN = 10 000 | seconds |
| paper | exampleN = 1 000 000 | seconds |

## Deviations

None yet. Each deviation from the paper is one line here and in \`src/deviations.ts\` (the report prints them). A
criterion changed after seeing data is logged here with why.

## Expected failures

None (\`expected-failures.json\` is \`[]\`). A claim that does not reproduce stays \`fail\`, is explained here with its
numbers, and is listed in \`expected-failures.json\` pinned by how it fails.
`,
  'NOTES.md': `# ${id}: notes

Our own derivations and conventions, cited from the code as "NOTES.md §" and the section number, in square brackets.
Cite the paper as "arXiv:" with its id (the one in src/meta.ts), section and equation, in square brackets; other works'
arXiv ids go under a \`## References\` heading here. The grammar: docs/adding-a-paper.md §2.

## §1 Model and conventions

TODO.

## §2 Constants the code uses

- The example claim's 5 standard errors: a two-sided normal tail of 5σ has probability ≈ 5.7e-7.
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
