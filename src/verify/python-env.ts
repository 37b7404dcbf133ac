import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { quoteArg, which } from './runner.js';

// The configured Python, and an environment in which a user's own build line that says
// `python3` or `python` runs that Python (as deploy would run it on a machine where it is first on PATH).

export interface PythonEnv {
  /** Absolute path of the configured Python executable (not symlink-resolved: venv pythons stay venvs). */
  python: string;
  /** Environment for builds: PATH starts with shims named python/python3 that exec the configured Python. */
  buildEnv: NodeJS.ProcessEnv;
  /** Environment for programs run inside a venv: no PYTHONPATH/PYTHONHOME leaking in. */
  cleanEnv: NodeJS.ProcessEnv;
  cleanup(): void;
}

export function preparePython(option: string, env: NodeJS.ProcessEnv = process.env): PythonEnv | undefined {
  const found = which(option, env);
  if (!found) return undefined;
  const python = path.resolve(found);
  const shimDir = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-python-'));
  for (const name of ['python', 'python3']) {
    const shim = path.join(shimDir, name);
    writeFileSync(shim, `#!/bin/sh\nexec ${quoteArg(python)} "$@"\n`);
    chmodSync(shim, 0o755);
  }
  const quiet = { PYTHONDONTWRITEBYTECODE: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_INPUT: '1', PYTHONUNBUFFERED: '1' };
  const pathList = [shimDir, path.dirname(python), env.PATH ?? ''].filter(Boolean).join(path.delimiter);
  const cleanEnv: NodeJS.ProcessEnv = { ...env, ...quiet };
  delete cleanEnv.PYTHONPATH;
  delete cleanEnv.PYTHONHOME;
  delete cleanEnv.VIRTUAL_ENV;
  return {
    python,
    buildEnv: { ...env, ...quiet, PATH: pathList },
    cleanEnv,
    cleanup: () => rmSync(shimDir, { recursive: true, force: true }),
  };
}
