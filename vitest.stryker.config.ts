import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The tests Stryker runs against each mutant of src/ (stryker.config.mjs). Left out: tests that
// cannot judge src/ because they run something else (the committed dist/, the npm package, the
// workflow templates and actionlint, scripts/) or because they are slow and pin little of src/.
export const notJudgingSrc = [
  'test/dist.test.ts', // the committed dist/ against a fresh build
  'test/action-e2e.test.ts', // node dist/index.js as the runner runs it
  'test/package.test.ts', // npm pack and npx over dist/
  'test/templates.test.ts', // workflows and templates, GitHub's parser and actionlint
  'test/release.test.ts', // scripts/release.mjs
  'test/python-tools.test.ts', // scripts/python-tools.mjs
  'test/test-count.test.ts', // scripts/test-count.mjs
  'test/mutation-table.test.ts', // scripts/mutation-table.mjs
  'test/typecheck-survivors.test.ts', // scripts/typecheck-survivors.mjs
  'test/project/loader-performance.test.ts', // 10,000 tasks loaded: slow, what it pins the loader tests pin
];

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [...configDefaults.exclude, ...notJudgingSrc],
      reporters: ['default'],
    },
  }),
);
