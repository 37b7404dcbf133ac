// The suite's own temporary folders: every test file runs with TMPDIR set to one private folder
// (child processes too), and the run fails if anything is left in it at the end. What is left is
// removed either way, so a failing run does not litter the machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-suite-'));
  process.env.TMPDIR = base;
  return () => {
    const left = fs.readdirSync(base);
    fs.rmSync(base, { recursive: true, force: true });
    if (left.length === 0) return;
    // A throw here is only logged by vitest: set the exit code so the run fails.
    process.exitCode = 1;
    throw new Error(`the test suite left ${left.length} temporary folder(s) behind: ${left.sort().join(', ')}`);
  };
}
