import { defineConfig } from 'vitest/config';

// `npm run bench -- --budgets`: the time budgets of bench/budgets/, one file at a time so they do
// not measure each other. Not part of `npm test`: a time read on a busy machine measures the other work.
export default defineConfig({
  test: {
    include: ['bench/budgets/**/*.budget.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
