import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Result } from '../../src/model.js';
import { missingBuildProgram } from '../../src/verify/wheel-build.js';
import { missingToolsWarning } from '../../src/verify/missing-tools.js';
import { verifyWheels } from '../../src/verify/wheels.js';
import { which } from '../../src/verify/runner.js';
import { copyFixture, loadBundle, OFFLINE, recordingLogger, targetsOf } from './wheel-support.js';
import { BUILD_PYTHON } from '../support/python.js';

// An artifact whose build line starts with a program the runner lacks (the default template's
// `uv build --wheel` on a runner without uv) is skipped with an install hint, not a CRITICAL finding.

function withBuildLine(line: string) {
  const copy = copyFixture('good');
  const file = path.join(copy.dir, 'databricks.yml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('build: python3 -m build --wheel --no-isolation', `build: ${line}`));
  return copy;
}

const NEEDS_NO_UV = { meta: { skipReason: 'uv is installed here (these tests need a machine without it)' } };

describe('a build tool missing on the runner', () => {
  it.runIf(!which('uv'))('skips `uv build --wheel` without uv, with the install hint and no finding', NEEDS_NO_UV, async () => {
    const copy = withBuildLine('uv build --wheel');
    try {
      const bundle = loadBundle(copy.dir);
      const { findings, steps } = await verifyWheels(bundle, targetsOf(bundle), [], OFFLINE, recordingLogger());
      expect(findings).toEqual([]);
      expect(steps).toHaveLength(1);
      expect(steps[0]).toMatchObject({
        step: 'build',
        status: 'skipped',
        detail: 'skipped: uv not found on PATH; install it (pip install uv or astral-sh/setup-uv)',
        missingTool: { name: 'uv', install: 'pip install uv or astral-sh/setup-uv' },
      });
      expect(steps[0].output!.join('\n')).toContain('uv: command not found');
    } finally {
      copy.remove();
    }
  });

  it('skips a missing program that starts a later command of the line (cd x && tool build)', async () => {
    const copy = withBuildLine('cd . && dab-ready-absent-tool build');
    try {
      const bundle = loadBundle(copy.dir);
      const { findings, steps } = await verifyWheels(bundle, targetsOf(bundle), [], OFFLINE, recordingLogger());
      expect(findings).toEqual([]);
      expect(steps[0]).toMatchObject({ status: 'skipped', missingTool: { name: 'dab-ready-absent-tool', install: 'install dab-ready-absent-tool on the runner' } });
    } finally {
      copy.remove();
    }
  });

  it('still fails the build when a script the line runs calls a missing program (the project is at fault)', async () => {
    const copy = withBuildLine(`python3 -c "import subprocess, sys; sys.exit(subprocess.call(['bash', '-c', 'dab-ready-absent-tool']))"`);
    try {
      const bundle = loadBundle(copy.dir);
      const { findings, steps } = await verifyWheels(bundle, targetsOf(bundle), [], OFFLINE, recordingLogger());
      expect(steps[0]).toMatchObject({ step: 'build', status: 'failed' });
      expect(steps[0].missingTool).toBeUndefined();
      expect(findings.map((f) => f.check)).toEqual(['wheel-build-failed']);
    } finally {
      copy.remove();
    }
  });

  it('recognises bash and dash wording, and only exit code 127', () => {
    expect(missingBuildProgram(127, ['bash: line 1: poetry: command not found'], 'poetry build')?.tool).toEqual({
      name: 'poetry',
      install: 'pipx install poetry or pip install poetry',
    });
    expect(missingBuildProgram(127, ['sh: 1: uv: not found'], 'FOO=1 uv build --wheel')?.tool.name).toBe('uv');
    expect(missingBuildProgram(1, ['bash: line 1: uv: command not found'], 'uv build')).toBeUndefined();
    expect(missingBuildProgram(127, ['bash: line 1: uv: command not found'], 'make wheel')).toBeUndefined();
  });
});

describe('the missing-tool warning', () => {
  const result = (steps: Result['bundles'][number]['verification'][]): Result =>
    ({ schemaVersion: 1, tool: { name: 'dab-ready', version: '0' }, path: '.', notices: [], bundles: steps.map((verification) => ({ verification })) }) as unknown as Result;

  it('names every missing tool once with its fix, and counts the skipped steps', () => {
    const build = { name: 'build', install: 'python -m pip install build' };
    const message = missingToolsWarning(
      result([
        [
          { step: 'build', status: 'skipped', durationMs: 0, command: '', detail: 'skipped', missingTool: build },
          { step: 'build', status: 'passed', durationMs: 0, command: '', detail: 'built' },
        ],
        [
          { step: 'build', status: 'skipped', durationMs: 0, command: '', detail: 'skipped', missingTool: build },
          { step: 'build', status: 'skipped', durationMs: 0, command: '', detail: 'skipped', missingTool: { name: 'uv', install: 'pip install uv or astral-sh/setup-uv' } },
        ],
      ]),
    );
    expect(message).toBe(
      'dab-ready: 3 verification steps were skipped because a tool is missing on this runner: build (fix: python -m pip install build); uv (fix: pip install uv or astral-sh/setup-uv). Nothing was built or tested for them.',
    );
  });

  it('says nothing when no step was skipped for a missing tool', () => {
    expect(missingToolsWarning(result([[{ step: 'validate', status: 'skipped', durationMs: 0, command: '', detail: 'skipped: no credentials' }]]))).toBeUndefined();
  });

  it.runIf(!which('uv'))('is printed once by the CLI as a warning: line on stderr', NEEDS_NO_UV, async () => {
    const copy = withBuildLine('uv build --wheel');
    try {
      let stdout = '';
      let stderr = '';
      const code = await main(['check', copy.dir, '--verify', '--python', BUILD_PYTHON, '--no-isolation', '--no-deps', '-f', 'json'], {
        stdout: (s) => (stdout += s),
        stderr: (s) => (stderr += s),
        env: process.env,
        isTty: false,
      });
      expect(code).toBe(0);
      expect(JSON.parse(stdout).bundles[0].findings.map((f: { check: string }) => f.check)).not.toContain('wheel-build-failed');
      const warnings = stderr.split('\n').filter((l) => l.startsWith('warning: dab-ready:'));
      expect(warnings).toEqual([
        'warning: dab-ready: 1 verification step was skipped because a tool is missing on this runner: uv (fix: pip install uv or astral-sh/setup-uv). Nothing was built or tested for it.',
      ]);
    } finally {
      copy.remove();
    }
  });
});
