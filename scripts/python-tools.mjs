// The Python build tools `npm run example` and `npm test` need: a Python with the `build`, `venv`
// (with ensurepip), `setuptools` and `wheel` modules. provision() uses one that is there; else makes a
// project-local venv (.python-tools) with them from the package index; else, as root with apt-get,
// installs the distribution's packages. It says what it did, or why it could not, in one line.
//
// `node scripts/python-tools.mjs` provisions and prints that line (npm's pretest runs it).
// Environment: DAB_READY_PYTHON forces one Python; DAB_READY_PYTHON_CANDIDATES (colon-separated)
// replaces the list searched; DAB_READY_TOOLS_DIR moves the venv; DAB_READY_NO_APT=1 never uses apt.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_MODULES = ['build', 'venv', 'ensurepip', 'setuptools', 'wheel'];
export const APT_PACKAGES = ['python3', 'python3-build', 'python3-venv', 'python3-setuptools', 'python3-wheel', 'python3-pip'];
export const INSTALL_HINT = `apt-get install ${APT_PACKAGES.slice(1, 3).join(' ')} (Debian/Ubuntu), or python3 -m pip install build`;

const PROBE = `import ${BUILD_MODULES.join(', ')}`;

/** The venv provision() makes when no Python has the tools. */
export function toolsDir(env = process.env) {
  return path.resolve(env.DAB_READY_TOOLS_DIR || path.join(REPO, '.python-tools'));
}

function venvPython(dir) {
  return path.join(dir, process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');
}

/** Where to look, in order: a forced one, else the project venv and the usual names. */
export function candidates(env = process.env) {
  if (env.DAB_READY_PYTHON) return [env.DAB_READY_PYTHON];
  if (env.DAB_READY_PYTHON_CANDIDATES) return env.DAB_READY_PYTHON_CANDIDATES.split(':').filter(Boolean);
  return [venvPython(toolsDir(env)), 'python3', '/usr/bin/python3', 'python'];
}

function runs(python, args, env, timeout = 30_000) {
  const result = spawnSync(python, args, { env, encoding: 'utf8', timeout });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim(), missing: result.error?.code === 'ENOENT' };
}

/** The first candidate that has every build module, or undefined. */
export function findBuildPython(env = process.env) {
  return candidates(env).find((python) => runs(python, ['-c', PROBE], env).ok);
}

/** The first candidate that runs at all, and the first that can make a venv with pip. */
function basePythons(env) {
  const present = candidates(env).filter((python) => runs(python, ['-c', 'import sys'], env).ok);
  return { any: present[0], venvCapable: present.find((python) => runs(python, ['-c', 'import venv, ensurepip'], env).ok) };
}

function lastLine(text) {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).at(-1) ?? '';
}

/** A project-local venv with the tools from the package index (pip's own settings apply). */
function venvFromIndex(base, env) {
  const dir = toolsDir(env);
  fs.rmSync(dir, { recursive: true, force: true });
  const made = runs(base, ['-m', 'venv', dir], env, 120_000);
  if (!made.ok) return { error: `${base} -m venv failed: ${lastLine(made.output)}` };
  const python = venvPython(dir);
  const pip = runs(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '--quiet', '--retries', '1', '--timeout', '15', 'build', 'setuptools', 'wheel'], env, 300_000);
  if (pip.ok && runs(python, ['-c', PROBE], env).ok) return { python, dir };
  fs.rmSync(dir, { recursive: true, force: true });
  return { error: `pip could not install build from the package index (${lastLine(pip.output) || 'no output'})` };
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function hasProgram(name, env) {
  return (env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, name)));
}

/** The distribution's packages, as root: apt-get update, then install. */
function fromApt(env) {
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = runs('apt-get', ['update', '-qq'], aptEnv, 600_000);
  if (!update.ok) return { error: `apt-get update failed: ${lastLine(update.output)}` };
  const install = runs('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...APT_PACKAGES], aptEnv, 900_000);
  if (!install.ok) return { error: `apt-get install failed: ${lastLine(install.output)}` };
  const python = ['/usr/bin/python3', ...candidates(env)].find((p) => runs(p, ['-c', PROBE], env).ok);
  return python ? { python } : { error: `apt-get installed ${APT_PACKAGES.join(' ')} but /usr/bin/python3 still lacks a build module` };
}

/**
 * Find or provide a Python with the build tools.
 * @returns {{ python?: string, how: 'found' | 'venv' | 'apt' | 'none', pythonMissing: boolean, message: string }}
 */
export function provision(env = process.env) {
  const found = findBuildPython(env);
  if (found) return { python: found, how: 'found', pythonMissing: false, message: `using ${found} (it has ${BUILD_MODULES.join(', ')})` };

  const reasons = [];
  const { any, venvCapable } = basePythons(env);
  if (venvCapable) {
    const venv = venvFromIndex(venvCapable, env);
    if (venv.python) {
      return { python: venv.python, how: 'venv', pythonMissing: false, message: `made ${path.relative(REPO, venv.dir) || venv.dir} with build, setuptools and wheel from the package index (${venv.python})` };
    }
    reasons.push(venv.error);
  } else {
    reasons.push(any ? `${any} cannot make a venv (no venv/ensurepip module)` : 'no Python found');
  }

  if (env.DAB_READY_NO_APT === '1') reasons.push('apt is switched off (DAB_READY_NO_APT=1)');
  else if (!isRoot()) reasons.push('not root, so no apt-get install');
  else if (!hasProgram('apt-get', env)) reasons.push('no apt-get on this machine');
  else {
    const apt = fromApt(env);
    if (apt.python) return { python: apt.python, how: 'apt', pythonMissing: false, message: `installed ${APT_PACKAGES.join(' ')} with apt-get; using ${apt.python}` };
    reasons.push(apt.error);
  }
  return { how: 'none', pythonMissing: !any, message: `no Python with the build tools: ${reasons.join('; ')}. Install them: ${INSTALL_HINT}` };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`python tools: ${provision().message}`);
}
