// Prints the closing line CI reads ("N passed, N failed") from vitest's JSON results.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
let results;
try {
  results = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.log(`could not read vitest results from ${file}: ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const skipped = (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
let failed = results.numFailedTests ?? 0;
if (results.success === false && failed === 0) failed = results.numFailedTestSuites || 1;
console.log(`${results.numPassedTests ?? 0} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || results.success === false ? 1 : 0);
