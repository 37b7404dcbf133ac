import { beforeEach, describe, expect, it } from 'vitest';
import type { Bundle, Job, TargetView } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { at, plain, writeRepo } from './loader-helpers.js';

function load(files: Record<string, string>, options = {}): Bundle {
  const project = loadProject(writeRepo(files), { env: {}, ...options });
  return project.bundles[0];
}

describe('target selection', () => {
  it('no targets: an implicit default target', () => {
    const b = load({ 'databricks.yml': 'bundle:\n  name: x\n' });
    expect([...b.targets.keys()]).toEqual(['default']);
    expect(b.defaultTarget).toBe('default');
    expect(b.targets.get('default')!.isDefault).toBe(true);
  });

  it('the deprecated environments key is an alias of targets', () => {
    const b = load({ 'databricks.yml': 'bundle:\n  name: x\nenvironments:\n  qa:\n    mode: development\n' });
    expect([...b.targets.keys()]).toEqual(['qa']);
    expect(b.targets.get('qa')!.mode).toBe('development');
  });

  it('a single target is the default', () => {
    const b = load({ 'databricks.yml': 'bundle:\n  name: x\ntargets:\n  only: {}\n' });
    expect(b.defaultTarget).toBe('only');
  });

  it('default: true selects the default; without one the first target is used and nothing is reported', () => {
    const b = load({ 'databricks.yml': 'bundle:\n  name: x\ntargets:\n  dev: {}\n  prod:\n    default: true\n' });
    expect(b.defaultTarget).toBe('prod');
    expect(b.targets.get('prod')!.isDefault).toBe(true);
    expect(b.targets.get('dev')!.isDefault).toBe(false);
    const none = load({ 'databricks.yml': 'bundle:\n  name: x\ntargets:\n  dev: {}\n  prod: {}\n' });
    expect(none.defaultTarget).toBe('dev');
    expect(none.notices).toEqual([]);
  });

  it('several defaults is config-invalid', () => {
    const b = load({ 'databricks.yml': 'bundle:\n  name: x\ntargets:\n  a:\n    default: true\n  b:\n    default: true\n' });
    expect(b.notices).toEqual([
      expect.objectContaining({ check: 'config-invalid', message: 'multiple targets are marked as default (a, b)', loc: { file: 'databricks.yml', line: 7, column: 14 } }),
    ]);
  });

  it('builds a view for every target; options.target narrows to one', () => {
    const files = { 'databricks.yml': 'bundle:\n  name: x\ntargets:\n  dev: {default: true}\n  staging: {}\n  prod: {}\n' };
    expect([...load(files).targets.keys()]).toEqual(['dev', 'staging', 'prod']);
    expect([...load(files, { target: 'prod' }).targets.keys()]).toEqual(['prod']);
    expect([...load(files, { target: 'nope' }).targets.keys()]).toEqual(['dev', 'staging', 'prod']);
  });
});

const MERGE = `bundle:
  name: x
run_as:
  user_name: root@example.com
resources:
  jobs:
    job:
      name: job
      job_clusters:
        - job_cluster_key: c
          new_cluster: {num_workers: 1, spark_version: "13.3"}
      parameters:
        - name: p
          default: base
      tasks:
        - task_key: a
          notebook_task: {notebook_path: ./a.py}
          libraries:
            - whl: ./dist/one.whl
        - task_key: b
          notebook_task: {notebook_path: ./b.py}
  pipelines:
    pipe:
      clusters:
        - label: default
          num_workers: 1
  schemas:
    s:
      grants: [{principal: users, privileges: [USE]}]
targets:
  dev:
    mode: development
    cluster_id: 0101-abc
    run_as:
      service_principal_name: sp
    resources:
      jobs:
        job:
          job_clusters:
            - job_cluster_key: c
              new_cluster: {num_workers: 4}
          parameters:
            - name: p
              default: dev
          tasks:
            - task_key: a
              libraries:
                - whl: ./dist/two.whl
            - task_key: c
              notebook_task: {notebook_path: ./c.py}
        only_dev:
          name: only in dev
      pipelines:
        pipe:
          clusters:
            - label: DEFAULT
              num_workers: 3
      schemas:
        s:
          grants: [{principal: users, privileges: [SELECT]}]
  prod: {}
`;

describe('target merging', () => {
  // Loaded before each test, not in the describe body: Stryker counts code run outside a test as
  // "static" and then runs every test for each of its mutants.
  let b: Bundle;
  let dev: TargetView;
  let prod: TargetView;
  let devJob: Job;
  beforeEach(() => {
    b = load({ 'databricks.yml': MERGE });
    dev = b.targets.get('dev')!;
    prod = b.targets.get('prod')!;
    devJob = dev.jobs.find((j) => j.key === 'job')!;
  });

  it('tasks merge by task_key; libraries inside a merged task concatenate', () => {
    expect(devJob.tasks.map((t) => t.key)).toEqual(['a', 'b', 'c']);
    expect(devJob.tasks[0].libraries.map((l) => l.value)).toEqual(['./dist/one.whl', './dist/two.whl']);
    expect(devJob.tasks[0].type).toBe('notebook_task');
    expect(prod.jobs[0].tasks.map((t) => t.key)).toEqual(['a', 'b']);
    expect(prod.jobs[0].tasks[0].libraries.map((l) => l.value)).toEqual(['./dist/one.whl']);
  });

  it('values written in the target keep their own location', () => {
    expect(devJob.tasks[0].libraries[1].node.loc.line).toBe(48);
    expect(devJob.tasks[2].loc.line).toBe(49);
  });

  it('job_clusters merge by job_cluster_key (maps merge recursively), parameters by name', () => {
    expect(plain(at(devJob.node, 'job_clusters'))).toEqual([{ job_cluster_key: 'c', new_cluster: { num_workers: 4, spark_version: '13.3' } }]);
    expect(plain(at(devJob.node, 'parameters'))).toEqual([{ name: 'p', default: 'dev' }]);
  });

  it('pipeline clusters merge by label case-insensitively; grants merge by principal (lists inside concatenate)', () => {
    const pipe = dev.pipelines[0];
    expect(plain(at(pipe.node, 'clusters'))).toEqual([{ label: 'default', num_workers: 3 }]);
    expect(plain(at(dev.resources.get('schemas')!.get('s')!.node, 'grants'))).toEqual([{ principal: 'users', privileges: ['USE', 'SELECT'] }]);
  });

  it('run_as is replaced wholesale; mode and cluster_id move into bundle', () => {
    expect(plain(at(dev.config, 'run_as'))).toEqual({ service_principal_name: 'sp' });
    expect(plain(at(prod.config, 'run_as'))).toEqual({ user_name: 'root@example.com' });
    expect(dev.mode).toBe('development');
    expect(prod.mode).toBeUndefined();
    expect(plain(at(dev.config, 'bundle'))).toMatchObject({ name: 'x', cluster_id: '0101-abc', mode: 'development' });
  });

  it('target-only resources exist only in that target', () => {
    expect(dev.jobs.map((j) => j.key)).toEqual(['job', 'only_dev']);
    expect(dev.resources.get('jobs')!.get('only_dev')!.file).toBe('databricks.yml');
    expect(prod.jobs.map((j) => j.key)).toEqual(['job']);
  });

  it('does not change base or the parsed files', () => {
    expect((at(b.base, 'resources', 'jobs', 'job', 'tasks') as any).items).toHaveLength(2);
    expect(plain(at(b.files.get('databricks.yml')!.root, 'run_as'))).toEqual({ user_name: 'root@example.com' });
  });

  it('tasks with the same key in the base are merged too (no targets)', () => {
    const one = load({
      'databricks.yml': 'bundle: {name: x}\ninclude: [r.yml]\nresources:\n  jobs:\n    j:\n      tasks:\n        - task_key: t\n          libraries: [{whl: a.whl}]\n',
      'r.yml': 'resources:\n  jobs:\n    j:\n      tasks:\n        - task_key: t\n          libraries: [{pypi: {package: requests}}]\n',
    });
    // A job defined in two files is a duplicate key for the CLI; the tasks still merge by key.
    const t = one.targets.get('default')!.jobs[0].tasks;
    expect(t.map((x) => x.key)).toEqual(['t']);
    expect(t[0].libraries.map((l) => [l.kind, l.value])).toEqual([
      ['whl', 'a.whl'],
      ['pypi', 'requests'],
    ]);
  });
});
