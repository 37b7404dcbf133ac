import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APT_PACKAGES, findBuildPython, provision } from '../scripts/python-tools.mjs';
import { BUILD_PYTHON } from './support/python.js';
import { REPO_ROOT } from './support/shared.js';

// scripts/python-tools.mjs: what `npm run example` and `npm test` use to find or provide the Python
// build tools, and the one line that says what happened. Real Pythons and venvs; the package index
// is a folder of wheels made here (pip's find-links), since none can be reached from a test.

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-python-tools-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A Python that runs and can make venvs but has no `build` module (a venv of the build Python). */
const barePython = (() => {
  const venv = path.join(scratch, 'bare');
  execFileSync(BUILD_PYTHON, ['-m', 'venv', '--without-pip', venv]);
  return path.join(venv, 'bin', 'python');
})();

/** pip sees only `links` (or nothing): no config file, no index. */
function pipEnv(links: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: scratch, PIP_CONFIG_FILE: os.devNull, PIP_NO_INDEX: '1', PIP_FIND_LINKS: links, PIP_DISABLE_PIP_VERSION_CHECK: '1' };
}

/** Minimal real wheels for `build` and `wheel`: enough for pip to install and Python to import. */
function wheelhouse(): string {
  const dir = path.join(scratch, 'wheels');
  fs.mkdirSync(dir, { recursive: true });
  const make = `
import sys, zipfile
out, name = sys.argv[1], sys.argv[2]
info = f"{name}-99.0.dist-info"
files = {f"{name}/__init__.py": "", f"{info}/METADATA": f"Metadata-Version: 2.1\\nName: {name}\\nVersion: 99.0\\n",
         f"{info}/WHEEL": "Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n"}
files[f"{info}/RECORD"] = "".join(f"{p},,\\n" for p in files) + f"{info}/RECORD,,\\n"
with zipfile.ZipFile(f"{out}/{name}-99.0-py3-none-any.whl", "w") as z:
    for p, text in files.items(): z.writestr(p, text)
`;
  for (const name of ['build', 'wheel']) execFileSync(BUILD_PYTHON, ['-c', make, dir, name]);
  return dir;
}

describe('python tools provisioning', () => {
  it('uses a Python that already has the tools, and says which', () => {
    const outcome = provision({ PATH: process.env.PATH, DAB_READY_PYTHON_CANDIDATES: `/nonexistent/python3:${BUILD_PYTHON}` });
    expect(outcome).toEqual({ python: BUILD_PYTHON, how: 'found', pythonMissing: false, message: `using ${BUILD_PYTHON} (it has build, venv, ensurepip, setuptools, wheel)` });
  });

  it('DAB_READY_PYTHON forces one Python: one without build is not replaced by another', () => {
    expect(findBuildPython({ PATH: process.env.PATH, DAB_READY_PYTHON: barePython })).toBeUndefined();
    expect(findBuildPython({ PATH: process.env.PATH, DAB_READY_PYTHON: BUILD_PYTHON })).toBe(BUILD_PYTHON);
  });

  it('no Python with build: makes a venv with build from the package index, which the next run finds', () => {
    const tools = path.join(scratch, 'tools-from-index');
    const env = { ...pipEnv(wheelhouse()), DAB_READY_PYTHON_CANDIDATES: barePython, DAB_READY_TOOLS_DIR: tools, DAB_READY_NO_APT: '1' };
    const outcome = provision(env);
    expect(outcome.how).toBe('venv');
    expect(outcome.python).toBe(path.join(tools, 'bin', 'python'));
    expect(outcome.message).toMatch(/^made .*tools-from-index with build, setuptools and wheel from the package index \(.*\/bin\/python\)$/);
    expect(execFileSync(outcome.python!, ['-c', 'import build, wheel, setuptools, venv; print("ok")'], { encoding: 'utf8' }).trim()).toBe('ok');
    // the default search list starts with that venv
    expect(provision({ ...env, DAB_READY_PYTHON_CANDIDATES: '' })).toMatchObject({ how: 'found', python: outcome.python });
  }, 180_000);

  it('index unreachable and apt switched off: says why in one line, leaves no half-made venv', () => {
    const tools = path.join(scratch, 'tools-no-index');
    const outcome = provision({ ...pipEnv(path.join(scratch, 'no-such-folder')), DAB_READY_PYTHON_CANDIDATES: barePython, DAB_READY_TOOLS_DIR: tools, DAB_READY_NO_APT: '1' });
    expect(outcome).toMatchObject({ how: 'none', pythonMissing: false });
    expect(outcome.python).toBeUndefined();
    expect(outcome.message).toMatch(
      /^no Python with the build tools: pip could not install build from the package index \(.+\); apt is switched off \(DAB_READY_NO_APT=1\)\. Install them: apt-get install python3-build python3-venv \(Debian\/Ubuntu\), or python3 -m pip install build$/,
    );
    expect(outcome.message).not.toContain('\n');
    expect(fs.existsSync(tools)).toBe(false);
  }, 180_000);

  it('no Python at all: says so', () => {
    const outcome = provision({ PATH: '/nonexistent', DAB_READY_PYTHON_CANDIDATES: '/nonexistent/python3', DAB_READY_NO_APT: '1' });
    expect(outcome).toMatchObject({ how: 'none', pythonMissing: true });
    expect(outcome.message).toBe(
      'no Python with the build tools: no Python found; apt is switched off (DAB_READY_NO_APT=1). Install them: apt-get install python3-build python3-venv (Debian/Ubuntu), or python3 -m pip install build',
    );
  });

  const root = process.getuid?.() === 0;
  it.runIf(root)('as root: installs the distribution packages with apt-get (update, then install)', { meta: { skipReason: 'not root: apt-get runs only as root' } }, () => {
    // a stand-in apt-get that records its arguments: the test must not change this machine
    const bin = path.join(scratch, 'apt-bin');
    fs.mkdirSync(bin, { recursive: true });
    const log = path.join(scratch, 'apt.log');
    fs.writeFileSync(path.join(bin, 'apt-get'), `#!/bin/sh\necho "$DEBIAN_FRONTEND $*" >> '${log}'\n`, { mode: 0o755 });
    const outcome = provision({ PATH: `${bin}:${process.env.PATH}`, DAB_READY_PYTHON_CANDIDATES: '/nonexistent/python3' });
    expect(fs.readFileSync(log, 'utf8').trim().split('\n')).toEqual(['noninteractive update -qq', `noninteractive install -y -qq --no-install-recommends ${APT_PACKAGES.join(' ')}`]);
    // afterwards the distribution's Python is the one used, if it has the tools (it has, where the build Python is it)
    const systemHasTools = spawnSync('/usr/bin/python3', ['-c', 'import build, venv, ensurepip, setuptools, wheel']).status === 0;
    expect(outcome.how).toBe(systemHasTools ? 'apt' : 'none');
    expect(outcome.message).toMatch(systemHasTools ? /^installed python3 python3-build .* with apt-get; using \/usr\/bin\/python3$/ : /but \/usr\/bin\/python3 still lacks a build module/);
  });
});

describe('npm run example without any Python', () => {
  it('says so in one line and runs the static part: both verdicts as expected', () => {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'example.mjs')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { PATH: path.dirname(process.execPath), DAB_READY_PYTHON_CANDIDATES: '/nonexistent/python3', DAB_READY_NO_APT: '1' },
      timeout: 120_000,
    });
    const stderr = run.stderr.trim().split('\n');
    expect(stderr[0]).toBe(
      'python tools: no Python with the build tools: no Python found; apt is switched off (DAB_READY_NO_APT=1). Install them: apt-get install python3-build python3-venv (Debian/Ubuntu), or python3 -m pip install build. Running the static analysis only (no --verify).',
    );
    // the rest of stderr is the CLI's own (the gate line of the broken example), nothing about Python
    expect(stderr.slice(1).filter((line) => /python/i.test(line))).toEqual([]);
    expect(stderr.slice(1)).toEqual([expect.stringMatching(/^gate: entity_matching: 2 findings at or above critical/)]);
    expect(run.stdout).toContain('$ dab-ready check examples/entity-matching\n');
    expect(run.stdout).not.toContain('--verify');
    expect(run.stdout).toContain('→ exit 1 (gate failed;');
    expect(run.stdout).toContain('→ exit 0 (gate passed;');
    expect(run.status).toBe(0);
  }, 120_000);
});
