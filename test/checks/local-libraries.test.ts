// Local whl/jar libraries of any task or job environment that nothing builds and no file provides
// (wheel-not-built), and one finding per problem where path-not-found and symlink-outside-repo meet.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runChecks } from '../../src/engine.js';
import type { Finding } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { sharedPart } from '../support/shared.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function writeRepo(files: Record<string, string>, inside = ''): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dab-libs-')));
  dirs.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, inside, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, inside, rel), content);
  }
  return path.join(dir, inside);
}

/** Every check on every target through the engine (merged across targets, as the report shows them). */
function analyse(dir: string): Finding[] {
  const project = loadProject(dir, { env: {}, vars: {} });
  expect(project.bundles).toHaveLength(1);
  const bundle = project.bundles[0];
  return runChecks(bundle, [...bundle.targets.values()]);
}

const at = (f: Finding) => `${f.loc?.file}:${f.loc?.line}`;
const only = (findings: Finding[], ...ids: string[]) => findings.filter((f) => ids.includes(f.check)).map((f) => [f.check, at(f)]).sort();

const NOTEBOOK = '# Databricks notebook source\nprint(1)\n';
const job = (tasks: string, extra = '') => `bundle:\n  name: libs\n${extra}resources:\n  jobs:\n    j:\n      name: j\n      tasks:\n${tasks}`;

describe('wheel-not-built: local libraries of any task', () => {
  test('a whl glob on a spark_python_task that nothing builds breaks deploy; missing non-glob paths stay path-not-found (no duplicate)', () => {
    // /tmp/qa/glob0
    const dir = writeRepo({
      'main.py': 'print(1)\n',
      'databricks.yml': job(
        '        - task_key: t\n          spark_python_task:\n            python_file: ./main.py\n          libraries:\n' +
          '            - whl: ./dist/mylib-*.whl\n            - whl: ./dist/missing.whl\n            - jar: ./target/missing.jar\n',
      ),
    });
    const findings = analyse(dir);
    expect(only(findings, 'wheel-not-built', 'path-not-found')).toEqual([
      ['path-not-found', 'databricks.yml:13'],
      ['path-not-found', 'databricks.yml:14'],
      ['wheel-not-built', 'databricks.yml:12'],
    ]);
    const glob = findings.find((f) => f.check === 'wheel-not-built')!;
    expect(glob.message).toBe(
      'whl ./dist/mylib-*.whl of task t of jobs.j names dist/mylib-*.whl, but no artifact builds it and no file matches it: deploy fails with "no files match pattern: dist/mylib-*.whl"',
    );
    expect(glob.breaksDeploy).toBe(true);
    expect(glob.severity).toBe('critical');
    expect(glob.resources).toEqual(['jobs.j']);
    expect(glob.fix?.text).toContain('before every deploy');
  });

  test('notebook_task and a job environment dependency (private_wheel_packages shape), each reported once at its line', () => {
    const dir = writeRepo({
      'nb.py': NOTEBOOK,
      'dist/.gitignore': '*\n',
      'databricks.yml': job(
        '        - task_key: a\n          notebook_task:\n            notebook_path: ./nb.py\n          libraries:\n            - whl: ./dist/cowsay-6.1-*.whl\n' +
          '        - task_key: b\n          environment_key: default\n          spark_python_task:\n            python_file: ./nb.py\n' +
          '        - task_key: c\n          environment_key: default\n          spark_python_task:\n            python_file: ./nb.py\n' +
          '      environments:\n        - environment_key: default\n          spec:\n            client: "1"\n            dependencies:\n              - ./dist/cowsay-6.1-*.whl\n',
        'targets:\n  dev:\n    default: true\n  prod: {}\n',
      ),
    });
    const findings = analyse(dir);
    expect(only(findings, 'wheel-not-built', 'path-not-found')).toEqual([
      ['wheel-not-built', 'databricks.yml:16'],
      ['wheel-not-built', 'databricks.yml:30'],
    ]);
    const env = findings.find((f) => at(f) === 'databricks.yml:30')!;
    expect(env.message).toContain('of environment default of jobs.j');
    expect(env.targets).toEqual(['dev', 'prod']);
  });

  test('silent when the file is there, when an explicit or implicit artifact builds it, or when it lies above the bundle root', () => {
    const tasks = '        - task_key: t\n          notebook_task:\n            notebook_path: ./nb.py\n          libraries:\n            - whl: ./dist/*.whl\n';
    const present = writeRepo({ 'nb.py': NOTEBOOK, 'dist/mylib-1.0-py3-none-any.whl': '', 'databricks.yml': job(tasks) });
    const explicit = writeRepo({
      'nb.py': NOTEBOOK,
      'databricks.yml': job(tasks, 'artifacts:\n  lib:\n    type: whl\n    build: python3 -m build --wheel\n    path: .\n'),
    });
    // The CLI's implicit python_artifact: no artifacts key, a local library, setup.py at the root.
    const implicit = writeRepo({ 'nb.py': NOTEBOOK, 'setup.py': 'from setuptools import setup\nsetup(name="x")\n', 'databricks.yml': job(tasks) });
    const above = writeRepo(
      {
        'nb.py': NOTEBOOK,
        'databricks.yml': job('        - task_key: t\n          notebook_task:\n            notebook_path: ./nb.py\n          libraries:\n            - whl: ../other/dist/*.whl\n'),
      },
      'bundle',
    );
    for (const dir of [present, explicit, implicit, above]) expect(only(analyse(dir), 'wheel-not-built', 'path-not-found'), dir).toEqual([]);
  });

  test('with artifacts that build something else, a jar or whl path none of them produces is reported (path-not-found stays silent)', () => {
    const dir = writeRepo({
      'nb.py': NOTEBOOK,
      'databricks.yml': job(
        '        - task_key: t\n          notebook_task:\n            notebook_path: ./nb.py\n          libraries:\n            - whl: ./other/lib.whl\n            - whl: ./dist/built.whl\n',
        'artifacts:\n  lib:\n    type: whl\n    build: python3 -m build --wheel\n    path: .\n',
      ),
    });
    const findings = analyse(dir);
    expect(only(findings, 'wheel-not-built', 'path-not-found')).toEqual([['wheel-not-built', 'databricks.yml:17']]);
    const f = findings.find((x) => x.check === 'wheel-not-built')!;
    expect(f.message).toContain('which none of the artifacts produce (dist/*.whl)');
    expect(f.message).toContain("file doesn't exist other/lib.whl");
    expect(f.fix?.patch).toBe('- whl: ./dist/*.whl');
  });

  test('a jar build (type jar, no files) may produce any jar: not judged', () => {
    const dir = writeRepo({
      'databricks.yml': job(
        '        - task_key: t\n          spark_jar_task:\n            main_class_name: Main\n          libraries:\n            - jar: ./out/*.jar\n',
        'artifacts:\n  app:\n    type: jar\n    build: make jar\n    path: .\n',
      ),
    });
    expect(only(analyse(dir), 'wheel-not-built', 'path-not-found')).toEqual([]);
  });

  const nominal = sharedPart('corpus', 'databricks__cli', 'acceptance', 'bundle', 'paths', 'nominal');
  test.skipIf(!nominal.present)('CLI case paths/nominal: the missing wheel at resources/my_job.yml:35 is one finding, not path-not-found plus wheel-not-built', nominal.options, () => {
    const findings = analyse(nominal.path).filter((f) => f.loc?.file === 'resources/my_job.yml' && f.loc.line === 35);
    expect(findings.map((f) => f.check)).toEqual(['path-not-found']);
  });
});

describe('a symbolic link out of the repository: one finding', () => {
  test('symlink-outside-repo reports the link; path-not-found does not call the existing path "not found"', () => {
    const dir = writeRepo({
      'databricks.yml': job(
        '        - task_key: a\n          notebook_task:\n            notebook_path: ./src/nb.py\n' +
          '        - task_key: b\n          spark_python_task:\n            python_file: ./shared/main.py\n',
      ),
    });
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dab-outside-')));
    dirs.push(outside);
    fs.writeFileSync(path.join(outside, 'nb.py'), NOTEBOOK);
    fs.writeFileSync(path.join(outside, 'main.py'), 'print(1)\n');
    fs.mkdirSync(path.join(dir, 'src'));
    fs.symlinkSync(path.join(outside, 'nb.py'), path.join(dir, 'src', 'nb.py'));
    fs.symlinkSync(outside, path.join(dir, 'shared'));
    const findings = analyse(dir);
    expect(only(findings, 'path-not-found', 'symlink-outside-repo', 'path-kind-mismatch')).toEqual([
      ['symlink-outside-repo', 'shared:1'],
      ['symlink-outside-repo', 'src/nb.py:1'],
    ]);
    // A path that is really missing is still reported.
    fs.rmSync(path.join(dir, 'src', 'nb.py'));
    expect(only(analyse(dir), 'path-not-found', 'symlink-outside-repo')).toEqual([
      ['path-not-found', 'databricks.yml:10'],
      ['symlink-outside-repo', 'shared:1'],
    ]);
  });
});
