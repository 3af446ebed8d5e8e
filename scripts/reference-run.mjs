#!/usr/bin/env node
// `node scripts/reference-run.mjs <paper> [--profile paper] [--from DIR]`: commit a run as the paper's reference run.
// Copies claims.json, values.json and manifest.json (no figures, no reports) from a clean run directory (default
// papers/<id>/results/<profile>/) to papers/<id>/reference/<profile>/. Refuses a run with a planted fault, a run of another
// profile (or `custom`), a run restricted by --only, and a run made from a dirty working tree. The README claims tables are
// generated from the reference (scripts/claims-table.mjs), and a user checks their machine against ours with
// `pnpm repro diff papers/<id>/results/paper papers/<id>/reference/paper`.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listPapers, root } from './lib.mjs';

const args = process.argv.slice(2);
const fail = (m) => {
  process.stderr.write(`reference-run: ${m}\n`);
  process.exit(2);
};
const opt = (name, def) => {
  const i = args.indexOf(name);
  if (i < 0) return def;
  const v = args[i + 1];
  args.splice(i, 2);
  if (v === undefined) fail(`${name} expects a value`);
  return v;
};
const profile = opt('--profile', 'paper');
const from = opt('--from', undefined);
const [paper] = args;
if (!listPapers().includes(paper)) fail(`name a paper (${listPapers().join(', ')})`);
const src = from ?? join(root, 'papers', paper, 'results', profile);
for (const f of ['claims.json', 'values.json', 'manifest.json']) if (!existsSync(join(src, f))) fail(`${src}/${f} is missing (run pnpm repro ${paper} --profile ${profile})`);
const m = JSON.parse(readFileSync(join(src, 'manifest.json'), 'utf8'));
if (m.paper !== paper) fail(`${src} is a run of ${m.paper}, not ${paper}`);
if (m.fault) fail(`${src} has a planted fault (${m.fault.name}): never a reference`);
if (m.profile !== profile) fail(`${src} is a '${m.profile}' run, not '${profile}'`);
if ((m.only ?? []).length > 0) fail(`${src} was restricted with --only ${m.only.join(' ')}: a reference checks every claim`);
if (m.git?.dirty === true && !args.includes('--allow-dirty')) fail(`${src} was made from a dirty working tree (commit first, or pass --allow-dirty and say why in the commit)`);
const dst = join(root, 'papers', paper, 'reference', profile);
mkdirSync(dst, { recursive: true });
for (const f of ['claims.json', 'values.json', 'manifest.json']) copyFileSync(join(src, f), join(dst, f));
const claims = JSON.parse(readFileSync(join(dst, 'claims.json'), 'utf8'));
const n = (s) => claims.filter((c) => c.status === s).length;
console.log(`reference-run: ${paper} [${profile}] commit ${String(m.git?.commit ?? '?').slice(0, 12)}: ${n('pass')} pass, ${n('fail')} fail, ${n('inconclusive')} inconclusive, ${n('skip')} skip → ${dst}`);
