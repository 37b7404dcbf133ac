import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.js';
import { verifyWheels } from '../../src/verify/wheels.js';
import { copyFixture, inTempRoot, loadBundle, OFFLINE, recordingLogger, targetsOf } from './wheel-support.js';

describe('wheel verification failures', () => {
  it('reports a build that fails as wheel-build-failed with the tools own error lines, and smoke-tests nothing', async () => {
    const copy = copyFixture('build-fails');
    try {
      const bundle = loadBundle(copy.dir);
      const { findings, steps } = await verifyWheels(bundle, targetsOf(bundle), [], OFFLINE, recordingLogger());
      expect(steps.map((s) => [s.step, s.status])).toEqual([['build', 'failed']]);
      expect(steps[0].detail).toBe("build failed (exit code 1): FileNotFoundError: [Errno 2] No such file or directory: 'VERSION'");
      expect(steps[0].output!.at(-1)).toBe('ERROR Backend subprocess exited when trying to invoke get_requires_for_build_wheel');
      expect(findings).toHaveLength(1);
      const [failed] = findings;
      expect(failed).toMatchObject({ check: 'wheel-build-failed', severity: 'critical', verified: true, resources: ['jobs.failing_job'], targets: ['default'] });
      expect(failed.message).toContain("FileNotFoundError: [Errno 2] No such file or directory: 'VERSION'");
      expect(failed.evidence).toContain('File "<string>", line 3, in <module>');
      const task = bundle.targets.get('default')!.jobs[0].tasks[0];
      expect(failed.loc).toEqual(task.node.keyLocs.get('python_wheel_task'));
      expect(readdirSync(copy.dir).sort()).toEqual(['databricks.yml', 'failing_pkg', 'setup.py']);
    } finally {
      copy.remove();
    }
  });

  it('times out an entry point that ignores --help, kills it and removes the venv', async () => {
    const copy = copyFixture('hangs');
    try {
      const bundle = loadBundle(copy.dir);
      const options = { ...OFFLINE, installDeps: true, timeoutMs: 8_000 };
      const started = Date.now();
      const { result, leftovers } = await inTempRoot(() => verifyWheels(bundle, targetsOf(bundle), [], options, recordingLogger()));
      const { findings, steps } = result;
      expect(Date.now() - started).toBeLessThan(60_000);
      const install = steps.find((s) => s.step === 'smoke' && s.subject?.endsWith('.whl'))!;
      expect(install.status).toBe('passed');
      expect(install.command).not.toContain('--no-deps');
      const smoke = steps.find((s) => s.subject === 'serve')!;
      expect(smoke).toMatchObject({ step: 'smoke', status: 'failed', detail: 'serve --help failed (timed out after 8 s)' });
      expect(smoke.output).toEqual(['serving until stopped']);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ check: 'entry-point-smoke-failed', severity: 'critical', verified: true });
      expect(findings[0].message).toBe('`serve --help` of task serve fails in a clean venv (timed out after 8 s)');
      expect(findings[0].fix!.text).toContain('--help` did not return within 8 s');
      expect(findings[0].evidence).toBe('$ <venv>/bin/serve --help\nserving until stopped');
      // The venv and the build output folder (placeholders in the commands) are gone.
      expect(install.command).toContain('<venv>');
      expect(steps[0].command).toContain('--outdir <build-output>');
      expect(leftovers()).toEqual([]);
    } finally {
      copy.remove();
    }
  });

  it('skips with one step when the Python is not there, and leaves the findings alone', async () => {
    const copy = copyFixture('hangs');
    try {
      const bundle = loadBundle(copy.dir);
      const input: Finding[] = [{ check: 'entry-point-missing', severity: 'critical', message: 'x', targets: ['default'], phases: [] }];
      const log = recordingLogger();
      const { findings, steps } = await verifyWheels(bundle, targetsOf(bundle), input, { ...OFFLINE, python: '/nonexistent/python3' }, log);
      expect(steps).toEqual([
        {
          step: 'build',
          status: 'skipped',
          durationMs: 0,
          command: '',
          detail: 'skipped: /nonexistent/python3 not found',
          missingTool: { name: '/nonexistent/python3', install: 'set up Python (actions/setup-python) or name one with --python / the python input' },
        },
      ]);
      expect(findings).toEqual(input);
      expect(log.warnings).toHaveLength(1);
    } finally {
      copy.remove();
    }
  });

  it('skips the build (no finding) when the configured Python has no build module', async () => {
    const copy = copyFixture('hangs');
    const venv = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-test-bare-python-'));
    try {
      execFileSync('/usr/bin/python3', ['-m', 'venv', '--without-pip', venv]);
      const bare = path.join(venv, 'bin', 'python');
      const bundle = loadBundle(copy.dir);
      const { findings, steps } = await verifyWheels(bundle, targetsOf(bundle), [], { ...OFFLINE, python: bare }, recordingLogger());
      expect(findings).toEqual([]);
      expect(steps).toHaveLength(1);
      expect(steps[0]).toMatchObject({ step: 'build', status: 'skipped', detail: `skipped: ${bare} has no \`build\` module (python -m pip install build)` });
      expect(steps[0].missingTool).toEqual({ name: 'build', install: 'python -m pip install build' });
      expect(steps[0].command).toContain(`${bare} -m build --wheel --no-isolation`);
      expect(steps[0].output!.join('\n')).toContain('No module named build');
    } finally {
      copy.remove();
      rmSync(venv, { recursive: true, force: true });
    }
  });

  it('skips a wheel task whose package the repository does not build, saying why', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-test-pypi-'));
    try {
      writeFileSync(
        path.join(dir, 'databricks.yml'),
        [
          'bundle:',
          '  name: pypi_wheel',
          'resources:',
          '  jobs:',
          '    onboard:',
          '      name: onboard',
          '      tasks:',
          '        - task_key: onboard',
          '          python_wheel_task:',
          '            package_name: dlt_meta',
          '            entry_point: run',
          '          libraries:',
          '            - pypi:',
          '                package: dlt-meta',
          '            - whl: /Volumes/main/libs/dlt_meta-0.1-py3-none-any.whl',
          '',
        ].join('\n'),
      );
      mkdirSync(path.join(dir, 'notebooks'));
      const bundle = loadBundle(dir);
      const { findings, steps } = await verifyWheels(bundle, targetsOf(bundle), [], OFFLINE, recordingLogger());
      expect(findings).toEqual([]);
      expect(steps).toEqual([
        {
          step: 'build',
          subject: 'jobs.onboard task onboard',
          status: 'skipped',
          durationMs: 0,
          command: '',
          detail: 'skipped: the wheel comes from /Volumes/main/libs/dlt_meta-0.1-py3-none-any.whl, which is not built from this repository',
        },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does nothing (no step) for a bundle without wheel tasks', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-test-nowheel-'));
    try {
      writeFileSync(path.join(dir, 'databricks.yml'), 'bundle:\n  name: none\nresources:\n  jobs:\n    j:\n      name: j\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ./nb.py\n');
      const bundle = loadBundle(dir);
      expect(await verifyWheels(bundle, targetsOf(bundle), [], OFFLINE, recordingLogger())).toEqual({ findings: [], steps: [] });
      expect(existsSync(path.join(dir, 'build'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
