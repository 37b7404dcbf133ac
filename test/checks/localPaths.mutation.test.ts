// checks/lib/localPaths: every local path the CLI translates, with its config path, the kind of
// file it must be, how it resolves (relative to the YAML file that writes it), and whether it is
// remote or a glob; plus the sync root and the containment helpers. Bundles loaded from disk.
import { describe, expect, test } from 'vitest';
import { collectPaths, isInside, syncRoot } from '../../src/checks/lib/localPaths.js';
import type { Bundle, TargetView } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { loadRepo } from '../fixtures/validate/harness.js';
import { writeRepo } from '../project/loader-helpers.js';

function load(files: Record<string, string>): { bundle: Bundle; target: TargetView } {
  const bundle = loadProject(writeRepo(files), { env: {}, vars: {} }).bundles[0];
  return { bundle, target: bundle.targets.get(bundle.defaultTarget)! };
}

const JOBS = `resources:
  jobs:
    j:
      name: j
      tasks:
        - task_key: nb
          notebook_task:
            notebook_path: ../src/nb
        - task_key: git_nb
          notebook_task:
            notebook_path: nb_in_git
            source: git
        - task_key: py
          spark_python_task:
            python_file: ../src/run.py
          libraries:
            - requirements: ../requirements.txt
            - whl: ../dist/*.whl
            - jar: /Volumes/main/libs/x.jar
            - pypi:
                package: pandas
        - task_key: git_py
          spark_python_task:
            python_file: run.py
            source: GIT
        - task_key: dbt
          dbt_task:
            project_directory: ../dbt
            commands: [dbt run]
        - task_key: sql
          sql_task:
            file:
              path: \${workspace.file_path}/q.sql
        - task_key: loop
          for_each_task:
            inputs: "[1]"
            task:
              task_key: inner
              notebook_task:
                notebook_path: ../src/inner
      environments:
        - environment_key: default
          spec:
            dependencies:
              - -r ../req.txt
              - --requirement="../req2.txt"
              - -e ../pkg
              - --editable=../pkg2
              - ../dist/a-1.0-py3-none-any.whl[extra]
              - libs/b.jar
              - c.whl
              - pandas==2.0
              - --index-url https://x
    from_git:
      name: from_git
      git_source:
        git_url: https://github.com/x/y
        git_provider: gitHub
      tasks:
        - task_key: t
          notebook_task:
            notebook_path: nb
`;

const OTHERS = `resources:
  pipelines:
    p:
      name: p
      root_path: ../pipe
      libraries:
        - notebook:
            path: ../pipe/nb
        - file:
            path: ../pipe/*.py
        - whl: ../dist/p.whl
        - jar: ../dist/p.jar
      environment:
        dependencies:
          - -r ../pipe/req.txt
  dashboards:
    d:
      file_path: ../dash.lvdash.json
  alerts:
    a:
      file_path: ../a.dbalert.json
  genie_spaces:
    g:
      file_path: ../g.json
  apps:
    app:
      source_code_path: ../app
`;

// Loaded inside each test: Stryker activates a mutant per test, not while the file is collected.
const loadAll = () =>
  load({
    'databricks.yml': `bundle:\n  name: lp\ninclude:\n  - resources/*.yml\nartifacts:\n  built:\n    path: ./lib\n    build: make\n    files:\n      - source: ./lib/out/*.whl\n  prebuilt:\n    path: ./pre\n    files:\n      - source: ./pre/*.whl\n`,
    'resources/jobs.yml': JOBS,
    'resources/others.yml': OTHERS,
  });

describe('collectPaths', () => {
  const refsOf = () => {
    const { bundle, target } = loadAll();
    return collectPaths(bundle, target).map((r) => [r.field, r.expect, r.raw, r.resolved ?? null, r.remote, r.glob, r.globAllowed, r.resource ?? null]);
  };

  test('job tasks, their libraries and nested tasks; environment dependencies that name paths; git sources skipped', () => {
    const job = 'resources.jobs.j';
    const refs = refsOf();
    expect(refs.filter((r) => String(r[0]).startsWith(job))).toEqual([
      [`${job}.tasks[0].notebook_task.notebook_path`, 'notebook', '../src/nb', 'src/nb', false, false, false, 'jobs.j'],
      [`${job}.tasks[2].spark_python_task.python_file`, 'file', '../src/run.py', 'src/run.py', false, false, false, 'jobs.j'],
      [`${job}.tasks[2].libraries[0].requirements`, 'file', '../requirements.txt', 'requirements.txt', false, false, false, 'jobs.j'],
      [`${job}.tasks[2].libraries[1].whl`, 'library', '../dist/*.whl', 'dist/*.whl', false, true, false, 'jobs.j'],
      [`${job}.tasks[2].libraries[2].jar`, 'library', '/Volumes/main/libs/x.jar', null, true, false, false, 'jobs.j'],
      [`${job}.tasks[4].dbt_task.project_directory`, 'dir', '../dbt', 'dbt', false, false, false, 'jobs.j'],
      [`${job}.tasks[5].sql_task.file.path`, 'file', '${workspace.file_path}/q.sql', null, true, false, false, 'jobs.j'],
      [`${job}.tasks[6].for_each_task.task.notebook_task.notebook_path`, 'notebook', '../src/inner', 'src/inner', false, false, false, 'jobs.j'],
      [`${job}.environments[0].spec.dependencies[0]`, 'file', '../req.txt', 'req.txt', false, false, false, 'jobs.j'],
      [`${job}.environments[0].spec.dependencies[1]`, 'file', '../req2.txt', 'req2.txt', false, false, false, 'jobs.j'],
      [`${job}.environments[0].spec.dependencies[2]`, 'exists', '../pkg', 'pkg', false, false, false, 'jobs.j'],
      [`${job}.environments[0].spec.dependencies[3]`, 'exists', '../pkg2', 'pkg2', false, false, false, 'jobs.j'],
      [`${job}.environments[0].spec.dependencies[4]`, 'library', '../dist/a-1.0-py3-none-any.whl', 'dist/a-1.0-py3-none-any.whl', false, false, false, 'jobs.j'],
      [`${job}.environments[0].spec.dependencies[5]`, 'library', 'libs/b.jar', 'resources/libs/b.jar', false, false, false, 'jobs.j'],
    ]);
    expect(refs.some((r) => String(r[0]).startsWith('resources.jobs.from_git'))).toBe(false);
  });

  test('pipelines (libraries, root_path, environment), files the CLI loads, app folders, artifacts', () => {
    expect(refsOf().filter((r) => !String(r[0]).startsWith('resources.jobs.'))).toEqual([
      ['resources.pipelines.p.libraries[0].notebook.path', 'notebook', '../pipe/nb', 'pipe/nb', false, false, true, 'pipelines.p'],
      ['resources.pipelines.p.libraries[1].file.path', 'file', '../pipe/*.py', 'pipe/*.py', false, true, true, 'pipelines.p'],
      ['resources.pipelines.p.libraries[2].whl', 'library', '../dist/p.whl', 'dist/p.whl', false, false, false, 'pipelines.p'],
      ['resources.pipelines.p.libraries[3].jar', 'library', '../dist/p.jar', 'dist/p.jar', false, false, false, 'pipelines.p'],
      ['resources.pipelines.p.root_path', 'dir', '../pipe', 'pipe', false, false, false, 'pipelines.p'],
      ['resources.pipelines.p.environment.dependencies[0]', 'file', '../pipe/req.txt', 'pipe/req.txt', false, false, false, 'pipelines.p'],
      ['resources.dashboards.d.file_path', 'file', '../dash.lvdash.json', 'dash.lvdash.json', false, false, false, 'dashboards.d'],
      ['resources.genie_spaces.g.file_path', 'file', '../g.json', 'g.json', false, false, false, 'genie_spaces.g'],
      ['resources.alerts.a.file_path', 'file', '../a.dbalert.json', 'a.dbalert.json', false, false, false, 'alerts.a'],
      ['resources.apps.app.source_code_path', 'dir', '../app', 'app', false, false, false, 'apps.app'],
      ['artifacts.built.path', 'dir', './lib', 'lib', false, false, false, 'artifacts.built'],
      ['artifacts.prebuilt.path', 'dir', './pre', 'pre', false, false, false, 'artifacts.prebuilt'],
      ['artifacts.prebuilt.files[0].source', 'exists', './pre/*.whl', 'pre/*.whl', false, true, true, 'artifacts.prebuilt'],
    ]);
  });

  test('each path remembers the file that defines its resource', () => {
    const { bundle, target } = loadAll();
    const files = new Set(collectPaths(bundle, target).map((r) => `${r.resource}:${r.resourceFile ?? '-'}`));
    expect([...files].sort()).toEqual([
      'alerts.a:resources/others.yml',
      'apps.app:resources/others.yml',
      'artifacts.built:-',
      'artifacts.prebuilt:-',
      'dashboards.d:resources/others.yml',
      'genie_spaces.g:resources/others.yml',
      'jobs.j:resources/jobs.yml',
      'pipelines.p:resources/others.yml',
    ]);
  });
});

describe('syncRoot and isInside', () => {
  const root = (paths: string) => syncRoot(load({ 'databricks.yml': `bundle:\n  name: s\nsync:\n  paths:\n${paths}` }).target);

  test('the common ancestor of the bundle root and every sync path (globs cut at their first glob segment)', () => {
    expect(root('    - .\n')).toBe('.');
    expect(root('    - ../common\n')).toBe('..');
    expect(root('    - ../../shared/x\n    - ./src\n')).toBe('../..');
    expect(root('    - ../*/lib\n')).toBe('..');
    expect(root('    - /abs/path\n')).toBe('.');
  });

  test('isInside: the root itself and what lies below it', () => {
    expect(isInside('.', 'a/b')).toBe(true);
    expect(isInside('.', '.')).toBe(true);
    expect(isInside('.', '../a')).toBe(false);
    expect(isInside('.', 'a/../../b')).toBe(false);
    expect(isInside('..', '../x')).toBe(true);
    expect(isInside('..', '../../x')).toBe(false);
    expect(isInside('a', 'a')).toBe(true);
    expect(isInside('a', 'ab')).toBe(false);
    expect(isInside('.', '..')).toBe(false);
  });
});

// Through path-not-found's public run: which written paths count as local, remote or synced.
const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const pathFindings = (repo: ReturnType<typeof loadRepo>) => repo.run('path-not-found').map((f) => `${f.loc?.line}: ${f.message}`);

describe('the paths path-not-found judges', () => {
  test('remote notebook paths: only a synced one (${workspace.file_path}/root_path, /Workspace/) that keeps its extension is reported', () => {
    const task = (key: string, value: string) => [`        - task_key: ${key}`, '          notebook_task:', `            notebook_path: ${value}`];
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: p', 'variables:', '  nb:', '    default: /Workspace/Shared/nb', 'resources:', '  jobs:', '    j:', '      tasks:',
        ...task('users', '/Users/me/nb.py'),
        ...task('workspace', '/Workspace/Users/me/.bundle/p/files/src/nb.py'),
        ...task('variable', '${var.nb}'),
        ...task('unresolved_synced', '${workspace.file_path}/${var.nowhere}.py'),
        ...task('file_path', '${workspace.file_path}/src/nb.py'),
        ...task('root_path', '${workspace.root_path}/files/src/nb.sql'),
        ...task('repos', '/Repos/${workspace.file_path}/nb.py'),
      ),
    });
    const lost = (line: number, raw: string) => `${line}: notebook ${raw} does not exist in the workspace: notebooks synced with the bundle lose their extension`;
    expect(pathFindings(repo)).toEqual([
      lost(15, '/Workspace/Users/me/.bundle/p/files/src/nb.py'),
      lost(21, '${workspace.file_path}/${var.nowhere}.py'),
      lost(24, '${workspace.file_path}/src/nb.py'),
      lost(27, '${workspace.root_path}/files/src/nb.sql'),
    ]);
  });

  test('a blank or null path, or one whose reference stays unresolved, is not judged; a missing local one is', () => {
    const task = (key: string, value: string) => [`        - task_key: ${key}`, '          spark_python_task:', `            python_file: ${value}`];
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: p', 'resources:', '  jobs:', '    j:', '      tasks:',
        ...task('blank', '"  "'),
        ...task('null', 'null'),
        ...task('unresolved', '${var.nowhere}/x.py'),
        ...task('missing', './x.py'),
      ),
    });
    expect(pathFindings(repo)).toEqual(['18: file x.py not found']);
    expect(repo.run('path-kind-mismatch')).toEqual([]);
  });

  test('tasks that run from git (source: git/GIT, or the job\'s git_source) are not looked up locally', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: p', 'resources:', '  jobs:', '    local:', '      tasks:',
        '        - task_key: nb_git', '          notebook_task:', '            notebook_path: ./nb_in_git', '            source: git',
        '        - task_key: py_git', '          spark_python_task:', '            python_file: ./in_git.py', '            source: GIT',
        '        - task_key: nb', '          notebook_task:', '            notebook_path: ./nb_missing', '            source: WORKSPACE',
        '        - task_key: py', '          spark_python_task:', '            python_file: ./missing.py',
        '    from_git:', '      git_source:', '        git_url: https://github.com/x/y', '        git_provider: gitHub', '        git_branch: main',
        '      tasks:', '        - task_key: t', '          notebook_task:', '            notebook_path: ./nb_in_git',
      ),
    });
    expect(pathFindings(repo)).toEqual([
      `17: notebook "nb_missing" not found. Local notebook references are expected to contain one of the following file extensions: [.py, .r, .scala, .sql, .ipynb]`,
      '21: file missing.py not found',
    ]);
  });
});

describe('the sync root through path-outside-sync-root', () => {
  test('sync.paths [..] widens the root to the parent: a notebook there is uploaded; without it, it is not', () => {
    const files = (sync: string) => ({
      'b/databricks.yml': yaml('bundle:', '  name: s', ...(sync ? ['sync:', '  paths:', `    - ${sync}`] : []), 'resources:', '  jobs:', '    j:', '      tasks:', '        - task_key: t', '          notebook_task:', '            notebook_path: ../shared/nb.py'),
      'shared/nb.py': '# Databricks notebook source\n',
    });
    expect(loadRepo(files('..'), { bundleDir: 'b' }).run('path-outside-sync-root')).toEqual([]);
    expect(loadRepo(files(''), { bundleDir: 'b' }).run('path-outside-sync-root').map((f) => f.message)).toEqual(['path ../shared/nb.py is not contained in sync root path . (the bundle root)']);
  });
});

describe('paths per target', () => {
  test('a job\'s path from a variable is resolved per target, next to a plain one and alone', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: p', 'variables:', '  nb:', '    default: ./a_missing.py', 'resources:', '  jobs:',
        '    mixed:', '      tasks:', '        - task_key: plain', '          spark_python_task:', '            python_file: ./plain_missing.py',
        '        - task_key: var', '          spark_python_task:', '            python_file: ${var.nb}',
        '    only_var:', '      tasks:', '        - task_key: var', '          spark_python_task:', '            python_file: ${var.nb}',
        'targets:', '  one:', '    default: true', '  two:', '    variables:', '      nb: ./b_missing.py',
      ),
    });
    const run = (target: string) => repo.run('path-not-found', target).map((f) => `${f.loc?.line}: ${f.message}`);
    expect(run('one')).toEqual(['12: file plain_missing.py not found', '15: file a_missing.py not found', '20: file a_missing.py not found']);
    expect(run('two')).toEqual(['12: file plain_missing.py not found', '15: file b_missing.py not found', '20: file b_missing.py not found']);
  });
});
