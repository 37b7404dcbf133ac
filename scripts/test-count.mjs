// Prints the closing line CI reads, exactly "N passed, N failed", from vitest's JSON results; before
// it, how many tests were skipped and why ("N skipped:", then one line per reason).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { skipReasonLines } from './skip-reasons.mjs';

const file = process.argv[2];
let results;
try {
  results = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.log(`could not read vitest results from ${file}: ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const skipped = (results.testResults ?? []).flatMap((suite) =>
  (suite.assertionResults ?? [])
    .filter((test) => test.status === 'skipped' || test.status === 'pending' || test.status === 'todo')
    .map((test) => ({ reason: test.meta?.skipReason, file: path.relative(process.cwd(), suite.name ?? '') })),
);
for (const line of skipReasonLines(skipped)) console.log(line);
let failed = results.numFailedTests ?? 0;
if (results.success === false && failed === 0) failed = results.numFailedTestSuites || 1;
console.log(`${results.numPassedTests ?? 0} passed, ${failed} failed`);
process.exit(failed > 0 || results.success === false ? 1 : 0);
