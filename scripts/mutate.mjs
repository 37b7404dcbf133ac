// npm run mutate [-- <src file>... [stryker options]]
//   Stryker over the modules in stryker.config.mjs, or over the files named (e.g.
//   `npm run mutate -- src/readiness/score.ts`), incremental: mutants whose code and tests did not
//   change since the last run keep their result (reports/stryker-incremental.json). Other options
//   go to Stryker as they are (`--concurrency 1`, `--force` to rerun everything). Then the score
//   per module (scripts/mutation-table.mjs); with `--typecheck-survivors`, also the score with the
//   survivors that do not compile left out (scripts/typecheck-survivors.mjs), for runs with
//   `--checkers ''`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sandboxParent } from '../stryker.config.mjs';
import { DEFAULT_REPORT, mutationTable } from './mutation-table.mjs';
import { printTypechecked } from './typecheck-survivors.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const typecheck = process.argv.includes('--typecheck-survivors');
const args = process.argv.slice(2).filter((arg) => arg !== '--typecheck-survivors');
// A file to mutate is an argument under src/ (a path, a glob, or Stryker's `file:line-line` range);
// everything else goes to Stryker as it is (e.g. `--testFiles 'test/readiness/*.test.ts'`).
const isFile = (arg) => /^(\.\/)?src\//.test(arg);
const files = args.filter(isFile);
const options = args.filter((arg) => !isFile(arg));

// Stryker runs the tests in a copy at <sandboxParent>/sandbox-*/: tests look for ../shared beside
// the repository root, so ../shared gets a link beside the copies.
const shared = path.join(repo, '..', 'shared');
const link = path.join(sandboxParent, 'shared');
if (existsSync(shared) && !existsSync(link)) {
  mkdirSync(sandboxParent, { recursive: true });
  rmSync(link, { force: true }); // a link left dangling by a moved checkout
  symlinkSync(shared, link);
}

const stryker = path.join(repo, 'node_modules', '.bin', 'stryker');
const run = spawnSync(stryker, ['run', ...(files.length ? ['--mutate', files.join(',')] : []), ...options], { cwd: repo, stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
console.log(`\nmutation score per module (${DEFAULT_REPORT}):\n`);
const report = JSON.parse(readFileSync(path.join(repo, DEFAULT_REPORT), 'utf8'));
console.log(mutationTable(report));
if (typecheck) {
  console.log('\nwith the survivors that do not compile left out (scripts/typecheck-survivors.mjs):\n');
  printTypechecked(report, { root: repo });
}
