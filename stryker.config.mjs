import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Mutation testing (npm run mutate, see README "Development"): StrykerJS 9.6.1, the last line
// that runs on Node 20, with the vitest runner. The score per module is what a change to a check
// states in its note: killed + timeout over the mutants that type-check.

/** The modules that decide findings, the score and the gate: mutated when no file is named. */
const modules = [
  'src/checks/**/*.ts',
  'src/readiness/**/*.ts',
  'src/deploy/plan.ts',
  'src/project/merge.ts',
  'src/project/interpolate.ts',
  'src/project/variables.ts',
  'src/github/comment-body.ts',
];

const repo = path.dirname(fileURLToPath(import.meta.url));
/**
 * Where Stryker copies the repository to run the tests: outside it, because inside, git would
 * call every copied file ignored (.gitignore) and the analysis of the examples would change.
 * scripts/mutate.mjs links ../shared beside the copies, where the tests look for it.
 */
export const sandboxParent = path.join(os.tmpdir(), `dab-ready-stryker-${createHash('sha256').update(repo).digest('hex').slice(0, 8)}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  // vitest.stryker.config.ts leaves out the tests that cannot judge src/ (dist/, packaging, the slow scale test)
  vitest: { configFile: 'vitest.stryker.config.ts' },
  checkers: ['typescript'],
  // the type checker drops mutants that do not compile; checking src/ alone tells, in less time
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  mutate: modules,
  tempDirName: sandboxParent,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['progress', 'clear-text', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  // Python builds and venvs make some tests slow: a mutant gets their time plus this.
  timeoutMS: 20_000,
  // the first run of the whole suite, one test file at a time
  dryRunTimeoutMinutes: 30,
  thresholds: { high: 90, low: 80, break: null },
};
