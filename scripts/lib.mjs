// Shared by the repo scripts: the paper list and the result file each end-to-end check writes for count-tests.mjs.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

/** Every paper package (a folder of papers/ with a package.json), sorted. */
export const listPapers = () =>
  readdirSync(join(root, 'papers'))
    .filter((d) => existsSync(join(root, 'papers', d, 'package.json')))
    .sort();

/** test-results/<name>.json in vitest's report shape, so scripts/count-tests.mjs adds it to the CI total. */
export function writeCheckResult(name, passed, failed) {
  mkdirSync(join(root, 'test-results'), { recursive: true });
  writeFileSync(join(root, 'test-results', `${name}.json`), JSON.stringify({ numPassedTests: passed, numFailedTests: failed }));
}
