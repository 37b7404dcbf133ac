// The README's main command: dab-ready on the embedded example, before and after the seed's fixes.
// It runs the real CLI (dist/) with --verify, so the wheel is built and its entry point is run.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(repo, 'dist', 'cli', 'index.js');

/** A Python that can build wheels: the first of these with the `build` and `venv` modules. */
function findPython() {
  for (const candidate of [process.env.DAB_READY_PYTHON, 'python3', '/usr/bin/python3', 'python'].filter(Boolean)) {
    const probe = spawnSync(candidate, ['-c', 'import build, venv'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

const python = findPython();
const verify = python ? ['--verify', '--python', python, '--no-isolation', '--no-deps'] : [];
if (!python) console.error('no Python with the build module found: running without --verify (apt-get install python3-build python3-venv)');

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
