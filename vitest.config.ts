import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // After the summary: how many tests were skipped and why (.ci/run prints the same from JSON).
    reporters: ['default', './test/support/skip-reasons-reporter.ts'],
    globalSetup: ['test/support/temp-guard.ts'],
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
