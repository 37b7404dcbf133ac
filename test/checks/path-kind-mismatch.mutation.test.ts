// path-kind-mismatch: the paths it leaves to other checks (unresolved, remote, outside the sync
// root, libraries) and globs expanded only where the CLI expands them.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const NB = '# Databricks notebook source\nprint(1)\n';
const task = (key: string, kind: string, field: string, value: string) => [`        - task_key: ${key}`, `          ${kind}:`, `            ${field}: ${value}`];

describe('path-kind-mismatch: paths left to other checks', () => {
  it('an unresolved reference, a workspace path and a library file pass; the plain file run as a notebook next to them is reported', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: p', 'resources:', '  jobs:', '    j:', '      tasks:',
        ...task('a', 'notebook_task', 'notebook_path', '${var.nowhere}/x.py'),
        ...task('b', 'notebook_task', 'notebook_path', '/Workspace/Shared/plain'),
        ...task('c', 'spark_python_task', 'python_file', './plain.py'),
        '          libraries:', '            - whl: ./dist/x-1.0-py3-none-any.whl',
        ...task('d', 'notebook_task', 'notebook_path', './plain.py'),
      ),
      'plain.py': 'print(1)\n',
      'dist/x-1.0-py3-none-any.whl': 'not a zip',
    });
    expect(repo.run('path-kind-mismatch').map((f) => `${f.loc?.line}: ${f.message}`)).toEqual([
      '20: expected a notebook for "resources.jobs.j.tasks[3].notebook_task.notebook_path" but got a file: file at plain.py is not a notebook',
    ]);
  });

  it('a notebook outside the sync root run as a file is left to path-outside-sync-root', () => {
    const repo = loadRepo(
      {
        'bundle/databricks.yml': yaml('bundle:', '  name: p', 'resources:', '  jobs:', '    j:', '      tasks:', ...task('a', 'spark_python_task', 'python_file', '../nb.py')),
        'nb.py': NB,
      },
      { bundleDir: 'bundle' },
    );
    expect(repo.run('path-kind-mismatch')).toEqual([]);
  });
});

describe('path-kind-mismatch: globs', () => {
  it('a glob in a task notebook_path is not expanded (the CLI takes it literally); in a pipeline notebook library it is', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: p', 'resources:', '  jobs:', '    j:', '      tasks:', ...task('a', 'notebook_task', 'notebook_path', './dir/*'),
        '  pipelines:', '    p:', '      name: p', '      libraries:', '        - notebook:', '            path: ./dir/*',
      ),
      'dir/x.py': 'print(1)\n',
      'dir/n.py': NB,
    });
    expect(repo.run('path-kind-mismatch').map((f) => `${f.loc?.line}: ${f.message}`)).toEqual([
      '15: expected a notebook for "resources.pipelines.p.libraries[0].notebook.path" but got a file: file at dir/x.py is not a notebook',
    ]);
  });
});

describe('path-outside-sync-root: unresolved paths', () => {
  it('a notebook path with an unresolved reference is not judged (undefined-variable reports it)', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: p', 'resources:', '  jobs:', '    j:', '      tasks:', ...task('a', 'notebook_task', 'notebook_path', '${var.nowhere}/x.py')) });
    expect(repo.run('path-outside-sync-root')).toEqual([]);
  });
});
