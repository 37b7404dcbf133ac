import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repositoryEnv } from './environment.js';
import { quoteArg, which } from './runner.js';
import { makeTempDir, removeTempDir } from './temp.js';

// The configured Python, and the environments repository code runs in: allow-listed (no secret,
// no HOME: the runner gives each program a fresh one), with a PATH on which a user's own build line
// that says `python3` or `python` runs the configured Python (as deploy would where it is first on PATH).

export interface PythonEnv {
  /** Absolute path of the configured Python executable (not symlink-resolved: venv pythons stay venvs). */
  python: string;
  /** Environment for builds: PATH starts with shims named python/python3 that exec the configured Python. */
  buildEnv: NodeJS.ProcessEnv;
  /** Environment for programs run inside a venv: no PYTHONPATH/PYTHONHOME/VIRTUAL_ENV leaking in. */
  cleanEnv: NodeJS.ProcessEnv;
  cleanup(): void;
}

export function preparePython(option: string, env: NodeJS.ProcessEnv = process.env): PythonEnv | undefined {
  const found = which(option, env);
  if (!found) return undefined;
  const python = path.resolve(found);
  const shimDir = makeTempDir('dab-ready-python-');
  for (const name of ['python', 'python3']) {
    const shim = path.join(shimDir, name);
    writeFileSync(shim, `#!/bin/sh\nexec ${quoteArg(python)} "$@"\n`);
    chmodSync(shim, 0o755);
  }
  const quiet = { PYTHONDONTWRITEBYTECODE: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_INPUT: '1', PYTHONUNBUFFERED: '1' };
  const pathList = [shimDir, path.dirname(python), env.PATH ?? ''].filter(Boolean).join(path.delimiter);
  const cleanEnv = repositoryEnv(env, quiet);
  delete cleanEnv.PYTHONPATH;
  delete cleanEnv.PYTHONHOME;
  delete cleanEnv.VIRTUAL_ENV;
  return {
    python,
    buildEnv: repositoryEnv(env, { ...quiet, PATH: pathList }),
    cleanEnv,
    cleanup: () => removeTempDir(shimDir),
  };
}
