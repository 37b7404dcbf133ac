// path-not-found on small bundles written to a temporary folder: one test per message it can produce
// and per case it leaves alone.
import { describe, expect, test } from 'vitest';
import { pathNotFound } from '../../src/checks/path-not-found.js';
import type { RawFinding } from '../../src/model.js';
import { runOnFiles } from './seed-helpers.js';

const findings = (files: Record<string, string>): RawFinding[] => runOnFiles(pathNotFound, files);

/** databricks.yml with one job whose one task is `task` (YAML lines indented for a task body). */
const job = (task: string, extra = ''): string => `bundle:
  name: pnf
${extra}resources:
  jobs:
    one:
      name: one
      tasks:
        - task_key: t
          existing_cluster_id: 0101-000000-abcdefgh
${task}
targets:
  dev:
    default: true
`;

const messages = (found: RawFinding[]): string[] => found.map((f) => f.message);

describe('path-not-found: paths under ${workspace.file_path}', () => {
  test('a python_file under ${workspace.file_path} keeps its extension (files keep theirs): no finding', () => {
    const found = findings({
      'databricks.yml': job('          spark_python_task:\n            python_file: ${workspace.file_path}/src/main.py'),
      'src/main.py': 'print(1)\n',
    });
    expect(found).toEqual([]);
  });

  test('a notebook_path under ${workspace.file_path} with its extension names nothing: synced notebooks lose it', () => {
    const found = findings({
      'databricks.yml': job('          notebook_task:\n            notebook_path: ${workspace.file_path}/src/nb.py'),
      'src/nb.py': '# Databricks notebook source\nprint(1)\n',
    });
    expect(messages(found)).toEqual(['notebook ${workspace.file_path}/src/nb.py does not exist in the workspace: notebooks synced with the bundle lose their extension']);
    expect(found[0].fix?.text).toBe('Drop the extension: ${workspace.file_path}/src/nb, or use the local relative path so the CLI translates it.');
    expect(found[0].loc).toMatchObject({ file: 'databricks.yml', line: 11 });
    expect(found[0].resources).toEqual(['jobs.one']);
    expect(found[0].impact).toBe('`bundle validate` fails at resources.jobs.one.tasks[0].notebook_task.notebook_path.');
  });

  test('a notebook_path under ${workspace.file_path} without extension is the synced notebook: no finding', () => {
    const found = findings({
      'databricks.yml': job('          notebook_task:\n            notebook_path: ${workspace.file_path}/src/nb'),
      'src/nb.py': '# Databricks notebook source\nprint(1)\n',
    });
    expect(found).toEqual([]);
  });
});

describe('path-not-found: local notebooks', () => {
  test('a notebook written without extension where only src/nb.ipynb exists: "Did you mean src/nb.ipynb"', () => {
    const found = findings({
      'databricks.yml': job('          notebook_task:\n            notebook_path: ./src/nb'),
      'src/nb.ipynb': '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n',
    });
    expect(messages(found)).toEqual([
      'notebook "src/nb" not found. Did you mean "src/nb.ipynb"? Local notebook references are expected to contain one of the following file extensions: [.py, .r, .scala, .sql, .ipynb]',
    ]);
    expect(found[0].fix?.text).toBe('Write the extension: ./src/nb.ipynb');
  });

  test('a notebook written without extension with no candidate: the extension hint alone', () => {
    const found = findings({ 'databricks.yml': job('          notebook_task:\n            notebook_path: ./src/nb') });
    expect(messages(found)).toEqual([
      'notebook "src/nb" not found. Local notebook references are expected to contain one of the following file extensions: [.py, .r, .scala, .sql, .ipynb]',
    ]);
    expect(found[0].fix?.text).toBe('Fix the path relative to databricks.yml (it resolves to src/nb) or add the missing file.');
  });

  test('a missing notebook with its extension', () => {
    const found = findings({ 'databricks.yml': job('          notebook_task:\n            notebook_path: ./src/nb.py') });
    expect(messages(found)).toEqual(['notebook src/nb.py not found']);
  });

  test('an existing notebook: no finding', () => {
    const found = findings({
      'databricks.yml': job('          notebook_task:\n            notebook_path: ./src/nb.py'),
      'src/nb.py': '# Databricks notebook source\n',
    });
    expect(found).toEqual([]);
  });
});

describe('path-not-found: files, directories and libraries', () => {
  test('a missing python_file', () => {
    const found = findings({ 'databricks.yml': job('          spark_python_task:\n            python_file: ./src/main.py') });
    expect(messages(found)).toEqual(['file src/main.py not found']);
    expect(found[0].fix?.text).toBe('Fix the path relative to databricks.yml (it resolves to src/main.py) or add the missing file.');
  });

  test('a local wheel no artifact builds fails at deploy', () => {
    const found = findings({
      'databricks.yml': job('          python_wheel_task:\n            package_name: p\n            entry_point: main\n          libraries:\n            - whl: ./dist/p-1.0-py3-none-any.whl'),
    });
    expect(messages(found)).toEqual(["file doesn't exist dist/p-1.0-py3-none-any.whl"]);
    expect(found[0].impact).toBe('`bundle deploy` fails at resources.jobs.one.tasks[0].libraries[0].whl.');
    expect(found[0].fix?.text).toBe('Build or commit dist/p-1.0-py3-none-any.whl before deploy (an `artifacts:` entry that builds it), or fix the path relative to databricks.yml.');
  });

  test('a local wheel is left alone when an artifact may build it, or when it is committed', () => {
    const artifacts = 'artifacts:\n  wheel:\n    type: whl\n    path: .\n';
    const wheelTask = '          python_wheel_task:\n            package_name: p\n            entry_point: main\n          libraries:\n            - whl: ./dist/p-1.0-py3-none-any.whl';
    expect(findings({ 'databricks.yml': job(wheelTask, artifacts) })).toEqual([]);
    expect(findings({ 'databricks.yml': job(wheelTask), 'dist/p-1.0-py3-none-any.whl': 'PK' })).toEqual([]);
  });

  test('a missing pipeline root_path is a missing directory', () => {
    const found = findings({
      'databricks.yml': `bundle:
  name: pnf
resources:
  pipelines:
    p:
      name: p
      root_path: ./pipeline
      libraries:
        - file:
            path: ./pipeline/a.py
targets:
  dev:
    default: true
`,
    });
    expect(messages(found)).toContain('directory pipeline not found');
    const dir = found.find((f) => f.message === 'directory pipeline not found')!;
    expect(dir.fix?.text).toBe('Fix the path relative to databricks.yml (it resolves to pipeline) or add the missing directory.');
  });
});

describe('path-not-found: globs and app sources', () => {
  const pipeline = (pathLine: string): string => `bundle:
  name: pnf
resources:
  pipelines:
    p:
      name: p
      libraries:
        - file:
            path: ${pathLine}
targets:
  dev:
    default: true
`;

  test('a pipeline file glob that matches nothing', () => {
    const found = findings({ 'databricks.yml': pipeline('./src/*.py'), 'src/readme.md': 'x\n' });
    expect(messages(found)).toEqual(['file src/*.py not found']);
    expect(found[0].fix?.text).toBe('No file matches src/*.py; fix the pattern relative to databricks.yml.');
  });

  test('a pipeline file glob that matches a file: no finding', () => {
    expect(findings({ 'databricks.yml': pipeline('./src/*.py'), 'src/a.py': 'x = 1\n' })).toEqual([]);
  });

  const app = (extra: string): string => `bundle:
  name: pnf
${extra}resources:
  apps:
    a:
      name: a
      source_code_path: ./app
targets:
  dev:
    default: true
`;

  test('a missing app source folder is reported, unless an artifact build may assemble it', () => {
    expect(messages(findings({ 'databricks.yml': app('') }))).toEqual(['directory app not found']);
    expect(findings({ 'databricks.yml': app('artifacts:\n  web:\n    build: npm run build\n    path: .\n') })).toEqual([]);
  });
});
