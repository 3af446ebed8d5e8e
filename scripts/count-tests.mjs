#!/usr/bin/env node
// Sums vitest's JSON reports (packages/*/test-results/vitest.json, papers/*/test-results/vitest.json) and the CI steps'
// own results (passed as `name=exitcode` arguments) into the one line CI recognises: `tests: N passed, M failed`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;
const missing = [];
for (const group of ['packages', 'papers']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) {
    if (!existsSync(join(dir, name, 'package.json'))) continue;
    if (!existsSync(join(dir, name, 'test'))) continue;
    const report = join(dir, name, 'test-results', 'vitest.json');
    if (!existsSync(report)) {
      missing.push(`${group}/${name}`);
      continue;
    }
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    // A suite that fails to load has no failed tests of its own: count it once so it cannot go unnoticed.
    if ((r.numFailedTests ?? 0) === 0) failed += r.numFailedTestSuites ?? 0;
  }
}
// The end-to-end checks CI ran (scripts/check-*.mjs, cherry-pick.mjs) each leave test-results/<name>.json (lib.mjs).
const results = join(root, 'test-results');
if (existsSync(results))
  for (const name of readdirSync(results).filter((f) => f.endsWith('.json')).sort()) {
    const r = JSON.parse(readFileSync(join(results, name), 'utf8'));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
  }
// A package with tests but no report means its test task never ran to the end: count it as a failure, never as silence.
for (const m of missing) {
  console.log(`count-tests: no vitest report for ${m}`);
  failed++;
}
for (const arg of process.argv.slice(2)) {
  const [name, code] = arg.split('=');
  if (code === '0') passed++;
  else {
    console.log(`count-tests: CI step '${name}' failed (exit ${code})`);
    failed++;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
