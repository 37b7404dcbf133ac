// cli-init-missing: the wording for one or several hostless targets, and each kind of file that
// shows how to configure the CLI (templates, scripts/*init*, shell scripts and Makefiles that run
// `databricks configure` / `databricks auth login`). Small bundles on disk.
import { describe, expect, test } from 'vitest';
import { cliInitMissing } from '../../src/checks/cli-init-missing.js';
import type { RawFinding } from '../../src/model.js';
import { runOnFiles } from './seed-helpers.js';

const HOST = '    workspace:\n      host: https://prod.cloud.databricks.com\n';
/** cli-init-missing on the default target of a bundle with `targets` and the other files given. */
const run = (targets: string, files: Record<string, string> = {}): RawFinding[] =>
  runOnFiles(cliInitMissing, { 'databricks.yml': `bundle:\n  name: b\ntargets:\n${targets}`, ...files });

const ONE_HOSTLESS = '  dev:\n    default: true\n';
const message = (which: string) => `no .databrickscfg template or CLI init script, and ${which}: newcomers must find the workspace and configure the CLI by hand`;

describe('cli-init-missing: which targets the message names', () => {
  test('the only target: "the target sets no workspace.host", at bundle.name, with the init script as the patch', () => {
    const [finding, ...rest] = run(ONE_HOSTLESS);
    expect(rest).toEqual([]);
    expect(finding.message).toBe(message('the target sets no workspace.host'));
    expect(finding.loc).toMatchObject({ file: 'databricks.yml', line: 2 });
    expect(finding.resources).toEqual([]);
    expect(finding.impact).toBe('New team members need manual setup; CLI configurations drift between developers and CI.');
    expect(finding.fix?.text).toBe('Add a CLI init script (or a .databrickscfg template without secrets) and mention it in the README.');
    expect(finding.fix?.patch).toBe(
      '# scripts/init-databricks.sh\n#!/usr/bin/env bash\nset -euo pipefail\ndatabricks auth login --host "${DATABRICKS_HOST:?set DATABRICKS_HOST}" --profile "${PROFILE:-DEFAULT}"\ndatabricks bundle validate',
    );
  });

  test('two of three targets without a host: "targets a, b set no workspace.host", sorted', () => {
    const findings = run(`  staging: {}\n  dev:\n    default: true\n  prod:\n${HOST}`);
    expect(findings.map((f) => f.message)).toEqual([message('targets dev, staging set no workspace.host')]);
  });

  test('a target that sets workspace.host has no finding of its own', () => {
    expect(run(`  prod:\n    default: true\n${HOST}  dev: {}\n`)).toEqual([]);
  });

  test('a blank workspace.host sets no host', () => {
    expect(run('  dev:\n    default: true\n    workspace:\n      host: " "\n').map((f) => f.message)).toEqual([message('the target sets no workspace.host')]);
  });
});

describe('cli-init-missing: files that show how to configure the CLI', () => {
  test.each([
    ['.databrickscfg.template', '[DEFAULT]\nhost = https://x\n'],
    ['config/team.databrickscfg.template', '[DEFAULT]\n'],
    ['docs/databrickscfg.template', '[DEFAULT]\n'],
    ['scripts/Init_Workspace.py', 'print(1)\n'],
    ['tools/configure.sh', 'databricks configure --token\n'],
    ['tools/login.bash', 'databricks  auth   login --host x\n'],
    ['tools/login.PS1', 'databricks auth login\n'],
    ['Makefile', 'login:\n\tdatabricks auth login --host $(HOST)\n'],
  ])('%s: no finding', (file, content) => {
    expect(run(ONE_HOSTLESS, { [file]: content })).toEqual([]);
  });

  test.each([
    ['a shell script that does not configure the CLI', 'tools/deploy.sh', 'databricks bundle deploy\n'],
    ['an init file outside scripts/', 'tools/init.py', 'print(1)\n'],
    ['an init file below scripts/', 'scripts/lib/init.py', 'print(1)\n'],
    ['a text file that mentions databricks configure', 'NOTES.md', 'run databricks configure first\n'],
    ['a word that only contains configure', 'tools/x.sh', 'databricks configured\n'],
    ['a template of another tool', 'docs/pypirc.template', '[pypi]\n'],
  ])('%s: still a finding', (_, file, content) => {
    expect(run(ONE_HOSTLESS, { [file]: content }).map((f) => f.message)).toEqual([message('the target sets no workspace.host')]);
  });
});
