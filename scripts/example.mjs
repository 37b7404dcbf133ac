// The README's main command: dab-ready on the embedded example, before and after the seed's fixes.
// It runs the real CLI (dist/) with --verify, so the wheel is built and its entry point is run; the
// Python build tools are found or provided first (scripts/python-tools.mjs says which, or why not).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { provision } from './python-tools.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(repo, 'dist', 'cli', 'index.js');

const tools = provision();
const verify = tools.python ? ['--verify', '--python', tools.python, '--no-isolation', '--no-deps'] : [];
if (tools.python) console.error(`python tools: ${tools.message}`);
else console.error(`python tools: ${tools.message}. Running the static analysis only (no --verify).`);

let unexpected = 0;
for (const [example, expectedExit] of [['examples/entity-matching', 1], ['examples/entity-matching-fixed', 0]]) {
  const argv = [cli, 'check', example, ...verify];
  console.log(`\n$ dab-ready ${argv.slice(1).join(' ')}\n`);
  const run = spawnSync(process.execPath, argv, { cwd: repo, stdio: 'inherit' });
  const verdict = run.status === 0 ? 'gate passed' : run.status === 1 ? 'gate failed' : 'could not run';
  console.log(`\n→ exit ${run.status} (${verdict}; expected ${expectedExit === 0 ? 'gate passed' : 'gate failed: the seed project has 2 blockers'})`);
  if (run.status !== expectedExit) unexpected++;
}
process.exit(unexpected ? 1 : 0);
