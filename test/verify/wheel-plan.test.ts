import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planWheelBuilds } from '../../src/verify/wheel-tasks.js';
import { loadBundle, targetsOf } from './wheel-support.js';

// Which project each wheel task needs and how deploy would build it (no builds here: planning only).
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function repo(files: Record<string, string>): string {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-test-plan-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const pyproject = (name: string) => `[project]\nname = "${name}"\nversion = "1.0"\n`;

describe('planning wheel builds', () => {
  it('follows a wheel library written in resources/ to the artifact in a sub-folder that builds it', () => {
    const bundle = loadBundle(
      repo({
        'databricks.yml': [
          'bundle: {name: plan}',
          'include: [resources/*.yml]',
          'artifacts:',
          '  lib:',
          '    type: whl',
          '    path: ./libs/core',
          '    build: uv build --wheel',
          'targets:',
          '  dev: {default: true}',
          '  prod:',
          '    artifacts:',
          '      lib:',
          '        build: python3 -m build --wheel',
          '',
        ].join('\n'),
        'resources/job.yml': [
          'resources:',
          '  jobs:',
          '    nightly:',
          '      name: nightly',
          '      tasks:',
          '        - task_key: main',
          '          python_wheel_task: {package_name: "core-lib", entry_point: main}',
          '          libraries:',
          '            - whl: ../libs/core/dist/*.whl',
          '',
        ].join('\n'),
        'libs/core/pyproject.toml': pyproject('core_lib'),
        'pyproject.toml': pyproject('core-lib-wrapper'),
      }),
    );
    const plan = planWheelBuilds(bundle, targetsOf(bundle));
    expect(plan.unplaced).toEqual([]);
    expect(plan.units.map((u) => [u.dir, u.artifact?.build, u.targets, u.tasks.map((t) => [t.target, t.address, t.packageName, t.entryPoint])])).toEqual([
      ['libs/core', 'uv build --wheel', ['dev'], [['dev', 'jobs.nightly', 'core-lib', 'main']]],
      ['libs/core', 'python3 -m build --wheel', ['prod'], [['prod', 'jobs.nightly', 'core-lib', 'main']]],
    ]);
    const ref = plan.units[0].tasks[0];
    expect(ref.loc.file).toBe('resources/job.yml');
    expect(ref.loc.line).toBe(7);
    expect(ref.span).toEqual({ file: 'resources/job.yml', from: 6, to: 9 });
  });

  it('without an artifact, finds the project by package_name (PEP 503) and builds it with python -m build', () => {
    const bundle = loadBundle(
      repo({
        'databricks.yml': [
          'bundle: {name: plan}',
          'resources:',
          '  jobs:',
          '    a:',
          '      name: a',
          '      tasks:',
          '        - task_key: one',
          '          python_wheel_task: {package_name: "${var.pkg}", entry_point: run}',
          '        - task_key: two',
          '          python_wheel_task: {package_name: Data.Tools, entry_point: run}',
          'variables:',
          '  pkg: {default: data_tools}',
          '',
        ].join('\n'),
        'tools/pyproject.toml': pyproject('data-tools'),
        'other/pyproject.toml': pyproject('other'),
      }),
    );
    const plan = planWheelBuilds(bundle, targetsOf(bundle));
    expect(plan.unplaced).toEqual([]);
    expect(plan.units).toHaveLength(1);
    expect(plan.units[0]).toMatchObject({ dir: 'tools', artifact: undefined, key: 'python-build|tools' });
    expect(plan.units[0].tasks.map((t) => t.packageName)).toEqual(['data_tools', 'Data.Tools']);
  });

  it('says why a wheel task is not built here', () => {
    const bundle = loadBundle(
      repo({
        'databricks.yml': [
          'bundle: {name: plan}',
          'resources:',
          '  jobs:',
          '    a:',
          '      name: a',
          '      tasks:',
          '        - task_key: pypi',
          '          python_wheel_task: {package_name: dlt_meta, entry_point: run}',
          '        - task_key: unresolved',
          '          python_wheel_task: {package_name: "${var.nope}", entry_point: run}',
          '',
        ].join('\n'),
        'one/pyproject.toml': pyproject('one'),
        'two/pyproject.toml': pyproject('two'),
      }),
    );
    const plan = planWheelBuilds(bundle, targetsOf(bundle));
    expect(plan.units).toEqual([]);
    expect(plan.unplaced.map((u) => [u.ref.task.key, u.reason])).toEqual([
      ['pypi', 'no Python project in the repository builds package dlt_meta'],
      ['unresolved', 'package_name is not set or cannot be resolved statically'],
    ]);
  });
});
