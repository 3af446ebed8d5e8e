#!/usr/bin/env node
// `pnpm check:docs [--write]`: the design docs stay true to the code.
//  1. docs/architecture.md names every core package (`@repro/<dir>` for each packages/<dir>) and no package that is gone;
//  2. its "Papers and their claims" block lists every paper's claim ids and planted faults exactly as the built papers
//     declare them (`--write` regenerates the block);
//  3. the root README's generated tables are up to date (scripts/readme-tables.mjs --check);
//  4. every relative Markdown link in README.md, docs/*.md and each package's README resolves to a file in the repo.
// Prints `docs: N passed, M failed`, writes test-results/docs.json, exits 1 on failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listPapers, root, writeCheckResult } from './lib.mjs';

const write = process.argv.includes('--write');
let passed = 0;
let failed = 0;
const result = (ok, what) => {
  if (ok) passed++;
  else failed++;
  console.log(`docs: ${ok ? 'ok  ' : 'FAIL'} ${what}`);
};

const archPath = join(root, 'docs', 'architecture.md');
let arch = readFileSync(archPath, 'utf8');

// 1. packages
const pkgs = readdirSync(join(root, 'packages')).filter((d) => existsSync(join(root, 'packages', d, 'package.json')));
const named = new Set([...arch.matchAll(/@repro\/([a-z0-9-]+)/g)].map((m) => m[1]));
const missing = pkgs.filter((d) => !named.has(d));
const papers = listPapers();
const gone = [...named].filter((n) => !pkgs.includes(n) && !papers.includes(n) && n !== 'id');
result(missing.length === 0 && gone.length === 0, `architecture.md names every core package${missing.length ? ` — missing: ${missing.join(', ')}` : ''}${gone.length ? ` — names packages that do not exist: ${gone.join(', ')}` : ''}`);

// 2. claims block, from the built papers
const b = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter', './papers/*', '--output-logs=errors-only', '--log-prefix=none'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
if (b.status !== 0) result(false, 'papers build (needed to read their claims)');
else {
  const lines = [];
  for (const p of papers) {
    const { paper } = await import(pathToFileURL(join(root, 'papers', p, 'dist', 'index.js')).href);
    lines.push(`### ${p}`, '', `${paper.meta.title} (${paper.meta.venue}).`, '');
    for (const c of paper.claims) lines.push(`- \`${c.id}\`${c.observational !== undefined ? ' (observational)' : ''}${(c.catches ?? []).length > 0 ? ` — catches ${c.catches.map((f) => `\`${f}\``).join(', ')}` : ''}`);
    const faults = Object.entries(paper.faults ?? {});
    lines.push('', `Planted faults: ${faults.length === 0 ? 'none' : faults.map(([n, f]) => `\`${n}\` (${f.description})`).join('; ')}.`, '');
  }
  const begin = '<!-- claims-list:begin -->';
  const end = '<!-- claims-list:end -->';
  const a = arch.indexOf(begin);
  const e = arch.indexOf(end);
  const block = `${begin}\n${lines.join('\n')}\n${end}`;
  if (a < 0 || e < a) result(false, 'architecture.md has the claims-list block');
  else if (write) {
    arch = `${arch.slice(0, a)}${block}${arch.slice(e + end.length)}`;
    writeFileSync(archPath, arch);
    result(true, 'architecture.md claims list regenerated');
  } else result(arch.slice(a, e + end.length) === block, 'architecture.md lists every paper\'s claims and faults as the code declares them (regenerate: pnpm check:docs --write)');
}

// 3. the root README's generated tables (papers, expected failures) are up to date
const rt = spawnSync(process.execPath, [join(root, 'scripts', 'readme-tables.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
result(rt.status === 0, `README tables generated from the reference runs and expected-failures.json are up to date${rt.status === 0 ? '' : ` — ${(rt.stdout + rt.stderr).trim()}`}`);

// 4. relative links
const mdFiles = [
  join(root, 'README.md'),
  ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'docs', f)),
  ...['packages', 'papers'].flatMap((g) => readdirSync(join(root, g)).map((d) => join(root, g, d, 'README.md')).filter(existsSync)),
];
const broken = [];
for (const f of mdFiles) {
  const text = readFileSync(f, 'utf8');
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1];
    if (/^(https?:|mailto:|#)/.test(target)) continue;
    const path = target.split('#')[0];
    if (path === '') continue;
    if (!existsSync(join(dirname(f), path))) broken.push(`${f.slice(root.length)} → ${target}`);
  }
}
result(broken.length === 0, `relative links in ${mdFiles.length} Markdown files resolve${broken.length ? ` — broken: ${broken.join('; ')}` : ''}`);

console.log(`docs: ${passed} passed, ${failed} failed`);
writeCheckResult('docs', passed, failed);
process.exit(failed > 0 ? 1 : 0);
