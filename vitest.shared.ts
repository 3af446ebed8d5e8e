import { defineConfig } from 'vitest/config';

/** Conditions that map @repro/* imports to their src/ (the `source` export condition): tests need no build. */
const conditions = ['source', 'module', 'node', 'import', 'default'];

/** The one vitest configuration every package uses (tests in test/, JSON report for the CI test counter). */
export const sharedConfig = defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
