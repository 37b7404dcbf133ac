// Findings of variable-file-invalid, variable-required-unset and path-kind-mismatch pinned whole
// (message, file:line, evidence, severity, impact, fix), each next to the cases it must not report.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const OVERRIDES = '.databricks/bundle/default/variable-overrides.json';
const FAILS = '`bundle validate` and `bundle deploy` fail for target default.';

describe('variable-file-invalid', () => {
  const withOverrides = (text: string, variables: string[] = []) =>
    loadRepo({ 'databricks.yml': yaml('bundle:', '  name: v', ...(variables.length ? ['variables:', ...variables] : [])), [OVERRIDES]: text }).run('variable-file-invalid');
  const unreadable = (what: string, evidence: string, fix = 'Write an object: {"<variable>": <value>, ...}.') => ({
    check: 'variable-file-invalid',
    message: `failed to parse variables file ${OVERRIDES}: ${what}`,
    loc: { file: OVERRIDES, line: 1, column: 1 },
    evidence,
    impact: FAILS,
    fix: { text: fix },
  });

  it('JSON that does not parse: the parser error, at line 1', () => {
    expect(withOverrides('{"a": 1,\n', ['  a:', '    default: 1'])).toEqual([
      unreadable('Expected double-quoted property name in JSON at position 9', '{"a": 1,\n', 'Write valid JSON: an object of variable values.'),
    ]);
  });

  it('JSON that is no object: names what it is (an array, a number after a BOM, null)', () => {
    expect(withOverrides('[1]')).toEqual([unreadable('invalid format: expected a JSON object of variable values, found an array', '[1]')]);
    expect(withOverrides('\ufeff3')).toEqual([unreadable('invalid format: expected a JSON object of variable values, found number', '\ufeff3')]);
    expect(withOverrides('null')).toEqual([unreadable('invalid format: expected a JSON object of variable values, found null', 'null')]);
  });

  it('values whose shape does not fit the variable, at their line; fitting values and unknown names pass', () => {
    const findings = withOverrides('{\n  "ok": 3,\n  "plain": {"x": 1},\n  "cx": "flat",\n  "okc": [2],\n  "unknown": {}\n}\n', [
      '  plain:', '    default: 1', '  cx:', '    type: complex', '    default: {k: v}', '  ok:', '    default: 2', '  okc:', '    type: complex', '    default: [1]',
    ]);
    const at = (line: number) => ({ file: OVERRIDES, line, column: 1 });
    expect(findings).toEqual([
      {
        check: 'variable-file-invalid',
        message: 'variable plain is not of type complex, but the value in the variable file is a complex type',
        loc: at(3),
        evidence: '  "plain": {"x": 1},\n  "cx": "flat",\n  "okc": [2],',
        impact: FAILS,
        fix: { text: 'Give plain a plain value, or declare it with `type: complex`.' },
      },
      {
        check: 'variable-file-invalid',
        message: 'variable cx is of type complex, but the value in the variable file is not a complex type',
        loc: at(4),
        evidence: '  "cx": "flat",\n  "okc": [2],\n  "unknown": {}',
        impact: FAILS,
        fix: { text: 'Give cx a map or list value, or remove it from the file.' },
      },
    ]);
  });

  it('no overrides file: no finding', () => {
    expect(loadRepo({ 'databricks.yml': yaml('bundle:', '  name: v') }).run('variable-file-invalid')).toEqual([]);
  });
});

describe('variable-required-unset', () => {
  it('a variable the repository CI supplies (commented lines do not count): info, citing the CI line; another: the CLI error', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: v', 'variables:', '  token:', '    description: t', '  other:', '    description: o'),
      '.github/workflows/deploy.yml': yaml('jobs:', '  d:', '    steps:', '      # --var other=x', '      - run: databricks bundle deploy --var token=${{ secrets.T }}'),
    });
    expect(repo.run('variable-required-unset')).toEqual([
      {
        check: 'variable-required-unset',
        severity: 'info',
        breaksDeploy: false,
        message: "required variable token has no value in the bundle; the repository's CI supplies it (.github/workflows/deploy.yml:5: - run: databricks bundle deploy --var token=${{ secrets.T }})",
        loc: { file: 'databricks.yml', line: 4, column: 3 },
        evidence: 'token:\n  description: t\nother:',
        impact: 'Only commands run with that value (CI, or `--var token=...` / BUNDLE_VAR_token locally) can validate and deploy the targets listed.',
        fix: { text: 'Nothing to do for CI. To run bundle commands elsewhere, pass `--var token=...` or set BUNDLE_VAR_token, as .github/workflows/deploy.yml does.' },
      },
      {
        check: 'variable-required-unset',
        message:
          'no value assigned to required variable other. Variables are usually assigned in databricks.yml, and they can be overridden using "--var", the BUNDLE_VAR_other environment variable, or .databricks/bundle/<target>/variable-overrides.json',
        loc: { file: 'databricks.yml', line: 6, column: 3 },
        evidence: 'other:\n  description: o\n',
        impact: '`bundle validate` and `bundle deploy` fail for the targets listed.',
        fix: { text: 'Add `default: ...` to variable other, assign it under `targets.<target>.variables` for each target listed, or pass `--var other=...` / BUNDLE_VAR_other in CI.' },
      },
    ]);
  });

  it('an include out of the bundle that matches nothing is named as the likely root cause, in message and fix', () => {
    const repo = loadRepo({ 'b/databricks.yml': yaml('bundle:', '  name: v', 'include:', '  - ../shared/vars.yml', 'variables:', '  x:', '    description: x') }, { bundleDir: 'b' });
    expect(repo.run('variable-required-unset')).toEqual([
      {
        check: 'variable-required-unset',
        message:
          'no value assigned to required variable x. Variables are usually assigned in databricks.yml, and they can be overridden using "--var", the BUNDLE_VAR_x environment variable, or .databricks/bundle/<target>/variable-overrides.json; no file matches include `../shared/vars.yml` (databricks.yml:4), which may be meant to define it',
        loc: { file: 'databricks.yml', line: 6, column: 3 },
        evidence: 'x:\n  description: x\n',
        impact: '`bundle validate` and `bundle deploy` fail for the targets listed.',
        fix: {
          text: 'Make include `../shared/vars.yml` (databricks.yml:4) match the file meant to define it (include paths are relative to the bundle root, and the file must exist in every checkout, CI included). Otherwise: add `default: ...` to variable x, assign it under `targets.<target>.variables` for each target listed, or pass `--var x=...` / BUNDLE_VAR_x in CI.',
        },
      },
    ]);
  });

  it('an overrides file that is no JSON object (array, number, null) fails first too; a JSON object does not', () => {
    const required = (text: string) =>
      loadRepo({ 'databricks.yml': yaml('bundle:', '  name: v', 'variables:', '  x:', '    description: x'), [OVERRIDES]: text }).run('variable-required-unset').map((f) => f.message.split('.')[0]);
    for (const text of ['[1]', '3', 'null']) expect(required(text), text).toEqual([]);
    expect(required('{"other": 1}')).toEqual(['no value assigned to required variable x']);
  });

  it('an unreadable overrides file fails first: no finding here (variable-file-invalid reports it)', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: v', 'variables:', '  x:', '    description: x'), [OVERRIDES]: '[' });
    expect(repo.run('variable-required-unset')).toEqual([]);
    expect(repo.run('variable-file-invalid')).toHaveLength(1);
  });
});

describe('path-kind-mismatch', () => {
  const NB = '# Databricks notebook source\nprint(1)\n';
  it('each kind of mismatch with its own message and fix; a glob library over the folder and a missing file pass', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: p', 'resources:', '  jobs:', '    j:', '      tasks:',
        '        - task_key: a', '          spark_python_task:', '            python_file: ./nb.py',
        '        - task_key: b', '          notebook_task:', '            notebook_path: ./plain.py',
        '        - task_key: c', '          notebook_task:', '            notebook_path: ./dir',
        '        - task_key: d', '          spark_python_task:', '            python_file: ./missing.py',
        '  pipelines:', '    p:', '      name: p', '      libraries:',
        '        - glob:', '            include: ./dir/*',
        '        - notebook:', '            path: ./dir',
        '        - file:', '            path: ./dir',
        '      root_path: ./plain.py',
        '    q:', '      name: q', '      root_path: ./nb.py',
      ),
      'nb.py': NB,
      'plain.py': 'print(1)\n',
      'dir/x.py': 'print(1)\n',
      'dir/n.py': NB,
    });
    const finding = (field: string, resource: string, line: number, column: number, evidence: string, message: string, fix: string) => ({
      check: 'path-kind-mismatch',
      message,
      loc: { file: 'databricks.yml', line, column },
      resources: [resource],
      evidence,
      impact: `\`bundle validate\` and \`bundle deploy\` fail at ${field}.`,
      fix: { text: fix },
    });
    const f0 = 'resources.jobs.j.tasks[0].spark_python_task.python_file';
    const f1 = 'resources.jobs.j.tasks[1].notebook_task.notebook_path';
    const f2 = 'resources.jobs.j.tasks[2].notebook_task.notebook_path';
    const l1 = 'resources.pipelines.p.libraries[1].notebook.path';
    const l2 = 'resources.pipelines.p.libraries[2].file.path';
    expect(repo.run('path-kind-mismatch')).toEqual([
      finding(f0, 'jobs.j', 9, 26, 'python_file: ./nb.py', `expected a file for "${f0}" but got a notebook: file at nb.py is a notebook`,
        'nb.py starts with the notebook header: run it with a notebook_task (or a pipeline `notebook:` library), or remove the header line to keep it a plain file.'),
      finding(f1, 'jobs.j', 12, 28, 'notebook_path: ./plain.py', `expected a notebook for "${f1}" but got a file: file at plain.py is not a notebook`,
        'plain.py has no `Databricks notebook source` header: run it with spark_python_task (or a pipeline `file:` library), or make its first line the notebook header.'),
      finding(f2, 'jobs.j', 15, 28, 'notebook_path: ./dir', `expected a notebook for "${f2}" but got a directory: dir`, `Point ${f2} at a notebook.`),
      finding(l1, 'pipelines.p', 26, 19, 'path: ./dir', `expected a notebook for "${l1}" but got a directory: dir`, `Point ${l1} at a notebook.`),
      finding(l2, 'pipelines.p', 28, 19, 'path: ./dir', `expected a file for "${l2}" but got a directory: dir`, `Point ${l2} at a file.`),
      finding('resources.pipelines.p.root_path', 'pipelines.p', 29, 18, 'root_path: ./plain.py', 'expected a directory for "resources.pipelines.p.root_path" but got a file: plain.py', 'Point resources.pipelines.p.root_path at a directory.'),
      finding('resources.pipelines.q.root_path', 'pipelines.q', 32, 18, 'root_path: ./nb.py', 'expected a directory for "resources.pipelines.q.root_path" but got a notebook: nb.py', 'Point resources.pipelines.q.root_path at a directory.'),
    ]);
  });
});
