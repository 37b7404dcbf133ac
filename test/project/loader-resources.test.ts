import { beforeEach, describe, expect, it } from 'vitest';
import type { Bundle, Job, TargetView } from '../../src/model.js';
import { loadProject, pythonHintDirs } from '../../src/project/load.js';
import { isLocalLibrary } from '../../src/project/resources.js';
import { writeRepo } from './loader-helpers.js';

function load(files: Record<string, string>, options = {}): Bundle {
  return loadProject(writeRepo(files), { env: {}, ...options }).bundles[0];
}

const JOB = `resources:
  jobs:
    train:
      name: train
      git_source: {git_url: "https://example.com/r.git", git_provider: gitHub}
      environments:
        - environment_key: serverless
          spec:
            client: "2"
            dependencies:
              - ../dist/*.whl
              - pandas==2.0
      job_clusters:
        - job_cluster_key: big
          new_cluster:
            spark_version: "15.4"
            libraries:
              - jar: /Volumes/x/y.jar
      tasks:
        - task_key: nb
          notebook_task: {notebook_path: ../src/nb.py}
          job_cluster_key: big
          libraries:
            - whl: ../dist/*.whl
            - jar: ./lib/x.jar
            - egg: ./x.egg
            - requirements: ../requirements.txt
            - pypi: {package: "requests==2.31"}
            - maven: {coordinates: "org.x:y:1.0"}
            - cran: {package: ggplot2}
        - task_key: wheel
          environment_key: serverless
          python_wheel_task: {package_name: pkg, entry_point: main}
        - task_key: loop
          for_each_task:
            inputs: "[1, 2]"
            task:
              task_key: inner
              spark_python_task: {python_file: ../src/run.py}
              environment_key: serverless
              libraries: [{whl: ./inner.whl}]
        - task_key: nothing
          depends_on: [{task_key: nb}]
  pipelines:
    etl:
      name: etl
      libraries:
        - notebook: {path: ../src/dlt.py}
        - file: {path: ../src/t.sql}
        - glob: {include: ../src/transformations/**}
        - jar: x.jar
`;

describe('jobs, tasks and libraries', () => {
  // Loaded before each test, not in the describe body: Stryker counts code run outside a test as
  // "static" and then runs every test for each of its mutants.
  let b: Bundle;
  let t: TargetView;
  let job: Job;
  beforeEach(() => {
    b = load({ 'databricks.yml': 'bundle: {name: x}\ninclude: [resources/*.yml]\n', 'resources/train.yml': JOB });
    t = b.targets.get('default')!;
    job = t.jobs[0];
  });

  it('task type is the first *_task key, with its node', () => {
    expect(job.tasks.map((x) => [x.key, x.type])).toEqual([
      ['nb', 'notebook_task'],
      ['wheel', 'python_wheel_task'],
      ['loop', 'for_each_task'],
      ['nothing', undefined],
    ]);
    expect(job.tasks[1].typeNode?.entries.get('package_name')).toMatchObject({ value: 'pkg', loc: { file: 'resources/train.yml', line: 33 } });
    expect(job.gitSource).toBe(true);
  });

  it('reads every library kind as written', () => {
    expect(job.tasks[0].libraries.map((l) => [l.kind, l.value, l.node.loc.line])).toEqual([
      ['whl', '../dist/*.whl', 24],
      ['jar', './lib/x.jar', 25],
      ['egg', './x.egg', 26],
      ['requirements', '../requirements.txt', 27],
      ['pypi', 'requests==2.31', 28],
      ['maven', 'org.x:y:1.0', 29],
      ['cran', 'ggplot2', 30],
    ]);
  });

  it('environment dependencies come from the environment_key; a job cluster has no libraries (the CLI drops the key)', () => {
    expect(job.tasks[0].environmentDependencies).toEqual([]);
    expect(b.notices.filter((n) => n.check === 'unknown-field').map((n) => `${n.loc?.line} ${n.message}`)).toEqual([
      '17 unknown field: libraries (at resources.jobs.train.job_clusters[0].new_cluster)',
    ]);
    expect(job.tasks[1].environmentDependencies.map((l) => [l.kind, l.value, l.node.loc.line])).toEqual([
      ['dependency', '../dist/*.whl', 11],
      ['dependency', 'pandas==2.0', 12],
    ]);
  });

  it('tasks without libraries share one frozen empty list; a task with some has its own', () => {
    expect(job.tasks[3].libraries).toEqual([]);
    expect(job.tasks[3].libraries).toBe(job.tasks[0].environmentDependencies);
    expect(Object.isFrozen(job.tasks[3].libraries)).toBe(true);
    expect(Object.isFrozen(job.tasks[0].libraries)).toBe(false);
  });

  it('a for_each_task brings the inner task libraries and environment', () => {
    expect(job.tasks[2].libraries.map((l) => l.value)).toEqual(['./inner.whl']);
    expect(job.tasks[2].environmentDependencies.map((l) => l.value)).toEqual(['../dist/*.whl', 'pandas==2.0']);
  });

  it('pipelines list notebook/file/glob libraries', () => {
    expect(t.pipelines[0].libraries.map((l) => [l.kind, l.path, l.node.loc.line])).toEqual([
      ['notebook', '../src/dlt.py', 48],
      ['file', '../src/t.sql', 49],
      ['glob', '../src/transformations/**', 50],
    ]);
  });

  it('resources are grouped by type with their key location', () => {
    expect([...t.resources.keys()]).toEqual(['jobs', 'pipelines']);
    expect(t.resources.get('pipelines')!.get('etl')).toMatchObject({ address: 'pipelines.etl', loc: { file: 'resources/train.yml', line: 45, column: 5 } });
  });

  it('Python hint dirs: root, artifact paths and the project dir of local wheel globs (relative to the writing file)', () => {
    // ../dist/*.whl written in resources/ is the root's dist: its project is the root.
    expect(pythonHintDirs([t])).toEqual(['.']);
    const other = load({
      'app/databricks.yml': 'bundle: {name: x}\ninclude: [resources/*.yml]\nartifacts:\n  a:\n    path: ./pkg\n',
      'app/resources/j.yml': 'resources:\n  jobs:\n    j:\n      tasks:\n        - task_key: t\n          libraries: [{whl: ../../lib/dist/*.whl}]\n',
      'lib/pyproject.toml': '[project]\nname = "shared-lib"\nversion = "1"\n',
    });
    expect(pythonHintDirs([...other.targets.values()])).toEqual(['.', '../lib', 'pkg']);
    expect(other.python.map((p) => [p.dir, p.name])).toContainEqual(['../lib', 'shared-lib']);
  });

  it('a resource key with a null body is kept (an empty mapping) so checks can report it', () => {
    const nb = load({ 'databricks.yml': 'bundle: {name: x}\nresources:\n  jobs:\n    undefined-job:\n' });
    expect(nb.targets.get('default')!.jobs.map((j) => [j.key, j.node.entries.size, j.loc.line])).toEqual([['undefined-job', 0, 4]]);
  });
});

describe('local libraries', () => {
  it('follows the CLI rules', () => {
    for (const local of ['./dist/*.whl', '../dist/a.whl', 'dist/a.whl', 'a.whl', './x.jar', 'file:///x.whl', './dist/a.whl[extra]', '.']) {
      expect(isLocalLibrary(local), local).toBe(true);
    }
    for (const remote of ['dbfs:/x.whl', '/Volumes/a/b.whl', '/Workspace/x.whl', 's3://b/x.whl', 'pandas', 'pandas==2.0.1', 'requests>=2', '-r requirements.txt', '${workspace.file_path}/x.whl', 'requirements.txt']) {
      expect(isLocalLibrary(remote), remote).toBe(false);
    }
  });
});

describe('artifacts', () => {
  it('paths are relative to the file that defines the artifact, default the bundle root', () => {
    const b = load({
      'databricks.yml': 'bundle: {name: x}\ninclude: [conf/*.yml]\nartifacts:\n  root_whl:\n    type: whl\n',
      'conf/art.yml': 'artifacts:\n  lib:\n    type: whl\n    build: uv build --wheel\n    path: ../lib\n    files:\n      - source: ../lib/dist/*.whl\n',
    });
    expect(b.targets.get('default')!.artifacts.map((a) => [a.name, a.type, a.build, a.path, a.files.map((f) => f.source), a.implicit])).toEqual([
      ['root_whl', 'whl', undefined, '.', [], false],
      ['lib', 'whl', 'uv build --wheel', 'lib', ['lib/dist/*.whl'], false],
    ]);
  });

  const wheelJob = 'resources:\n  jobs:\n    j:\n      tasks:\n        - task_key: t\n          python_wheel_task: {package_name: p, entry_point: m}\n          libraries:\n            - whl: ./dist/*.whl\n';

  it('implicit python_artifact: no artifacts key + a local library + setup.py in the bundle root', () => {
    const b = load({ 'databricks.yml': `bundle: {name: x}\n${wheelJob}`, 'setup.py': 'from setuptools import setup\nsetup(name="p")\n' });
    expect(b.targets.get('default')!.artifacts).toEqual([
      expect.objectContaining({ name: 'python_artifact', implicit: true, type: 'whl', build: 'python3 setup.py bdist_wheel', path: '.' }),
    ]);
  });

  it('no implicit artifact with pyproject.toml only, with an artifacts key, or without a local library', () => {
    const pyprojectOnly = load({ 'databricks.yml': `bundle: {name: x}\n${wheelJob}`, 'pyproject.toml': '[project]\nname = "p"\n' });
    expect(pyprojectOnly.targets.get('default')!.artifacts).toEqual([]);
    const withKey = load({ 'databricks.yml': `bundle: {name: x}\nartifacts: {}\n${wheelJob}`, 'setup.py': '' });
    expect(withKey.targets.get('default')!.artifacts).toEqual([]);
    const remote = load({ 'databricks.yml': `bundle: {name: x}\n${wheelJob.replace('./dist/*.whl', 'dbfs:/x.whl')}`, 'setup.py': '' });
    expect(remote.targets.get('default')!.artifacts).toEqual([]);
  });

  it('an environment dependency on a local wheel also triggers it', () => {
    const b = load({
      'databricks.yml': 'bundle: {name: x}\nresources:\n  jobs:\n    j:\n      environments:\n        - environment_key: e\n          spec:\n            dependencies: [./dist/*.whl]\n      tasks:\n        - task_key: t\n          environment_key: e\n          spark_python_task: {python_file: ./run.py}\n',
      'setup.py': '',
    });
    expect(b.targets.get('default')!.artifacts.map((a) => a.name)).toEqual(['python_artifact']);
  });
});

describe('sync', () => {
  it('paths default to ["."], include/exclude are rewritten relative to the bundle root', () => {
    const b = load({
      'databricks.yml': 'bundle: {name: x}\ninclude: [conf/sync.yml]\n',
      'conf/sync.yml': 'sync:\n  include:\n    - ../dist/*.whl\n    - "*.cfg"\n  exclude:\n    - ../scratch/**\n',
    });
    expect(b.targets.get('default')!.sync).toEqual({
      paths: ['.'],
      include: ['dist/*.whl', 'conf/*.cfg'],
      exclude: ['scratch/**'],
      includeLocs: [
        { file: 'conf/sync.yml', line: 3, column: 7 },
        { file: 'conf/sync.yml', line: 4, column: 7 },
      ],
      excludeLocs: [{ file: 'conf/sync.yml', line: 6, column: 7 }],
    });
  });

  it('sync.paths are relative to the file; targets add to the lists; an empty list syncs nothing', () => {
    const b = load({
      'databricks.yml': 'bundle: {name: x}\nsync:\n  paths: [.., ./src]\ntargets:\n  dev:\n    sync:\n      exclude: [tmp]\n  none:\n    sync:\n      paths: []\n',
    });
    expect(b.targets.get('dev')!.sync).toMatchObject({ paths: ['..', 'src'], exclude: ['tmp'] });
    expect(b.targets.get('none')!.sync.paths).toEqual(['..', 'src']);
    const empty = load({ 'databricks.yml': 'bundle: {name: x}\nsync:\n  paths: []\n' });
    expect(empty.targets.get('default')!.sync.paths).toEqual([]);
  });

  it('syncVerdict delegates to the sync matcher (gitignore and sync.include)', () => {
    const b = load({
      'databricks.yml': 'bundle: {name: x}\nsync:\n  include: [dist/*.whl]\n',
      '.gitignore': 'dist/\nbuild/\n',
      'dist/a.whl': '',
      'build/b.whl': '',
      'src/main.py': '',
    });
    const t = b.targets.get('default')!;
    expect(t.syncVerdict('src/main.py').synced).toBe(true);
    expect(t.syncVerdict('dist/a.whl').synced).toBe(true);
    expect(t.syncVerdict('build/b.whl')).toMatchObject({ synced: false, reason: { kind: 'gitignore' } });
  });
});

describe('implicit artifact from a job environment no task uses', () => {
  it('any job environment with a local dependency counts, like the CLI', () => {
    const b = loadProject(
      writeRepo({
        'databricks.yml': 'bundle: {name: x}\nresources:\n  jobs:\n    j:\n      environments:\n        - environment_key: unused\n          spec:\n            dependencies: [./dist/*.whl]\n      tasks:\n        - task_key: t\n          notebook_task: {notebook_path: ./nb.py}\n',
        'setup.py': '',
      }),
      { env: {} },
    ).bundles[0];
    expect(b.targets.get('default')!.artifacts.map((a) => a.name)).toEqual(['python_artifact']);
  });
});
