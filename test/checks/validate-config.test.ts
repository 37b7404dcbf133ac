import { describe, expect, it } from 'vitest';
import { checks } from '../../src/checks/index.js';
import { NOTEBOOK, at, loadRepo } from '../fixtures/validate/harness.js';

const VALIDATE_CHECKS = [
  'config-invalid', 'root-path-glob-chars', 'include-non-yaml', 'include-outside-root', 'include-glob-nonrecursive',
  'unknown-field', 'null-value', 'resource-undefined', 'artifact-not-configured', 'variable-type-invalid',
  'variable-required-unset', 'variable-file-invalid', 'variable-cycle', 'undefined-variable', 'bundle-name-interpolation',
  'enum-invalid', 'required-field-missing', 'path-not-found', 'path-kind-mismatch', 'path-outside-sync-root',
  'resource-reference-invalid', 'duplicate-library-name', 'wheel-dbr-too-old', 'direct-only-resource',
  'environment-client-invalid', 'job-cluster-key-undefined', 'task-dependency-undefined',
  'value-type-invalid', 'deprecated-field', 'read-only-field', 'auth-interpolation', 'target-mode-violation', 'run-as-invalid',
  'volume-path-invalid', 'managed-field-set', 'resource-key-interpolation', 'task-compute-missing', 'single-node-cluster',
  'sync-pattern-unmatched', 'script-invalid', 'lifecycle-invalid', 'secret-value-literal', 'engine-invalid',
  'resource-spec-conflict', 'app-permissions-overridden', 'terraform-only-reference', 'alert-file-interpolation',
];

describe('registry', () => {
  it('registers every validate-level check once, with its metadata', () => {
    for (const id of VALIDATE_CHECKS) {
      const matching = checks.filter((c) => c.id === id);
      expect(matching, id).toHaveLength(1);
      const c = matching[0];
      expect(c.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(c.title.length).toBeGreaterThan(5);
      expect(c.successMessage.length).toBeGreaterThan(10);
      expect(c.docs).toContain('Fix:');
      expect(c.docs).toContain('Reference:');
      expect(c.effortHours).toBeGreaterThan(0);
    }
  });

  it('runs every check on a clean bundle without findings', () => {
    const repo = loadRepo({
      'databricks.yml': [
        'bundle:',
        '  name: clean',
        'include:',
        '  - resources/*.yml',
        'variables:',
        '  catalog:',
        '    default: main',
        'targets:',
        '  dev:',
        '    mode: development',
        '    default: true',
        '  prod:',
        '    mode: production',
        '    workspace:',
        '      root_path: /Workspace/Shared/.bundle/${bundle.name}/${bundle.target}',
        '',
      ].join('\n'),
      'resources/job.yml': [
        'resources:',
        '  jobs:',
        '    etl:',
        '      name: etl-${var.catalog}',
        '      trigger:',
        '        pause_status: UNPAUSED',
        '        periodic:',
        '          interval: 1',
        '          unit: DAYS',
        '      tasks:',
        '        - task_key: ingest',
        '          run_if: ALL_SUCCESS',
        '          notebook_task:',
        '            notebook_path: ../src/ingest.py',
        '          new_cluster:',
        '            spark_version: 15.4.x-scala2.12',
        '            num_workers: 1',
        '',
      ].join('\n'),
      'src/ingest.py': NOTEBOOK,
    });
    const mine = new Set(VALIDATE_CHECKS);
    for (const target of ['dev', 'prod']) {
      expect(repo.runAll(target).filter((f) => mine.has(f.check))).toEqual([]);
    }
  });
});

describe('unknown-field and null-value', () => {
  it('reports unknown keys (also inside merged anchors) but not anchor-only top-level keys', () => {
    const repo = loadRepo({
      'databricks.yml': [
        'bundle:',
        '  name: u',
        'x-defaults: &defaults',
        '  max_retries: 1',
        'anchors:',
        '  - &a1',
        '    name: one',
        'mixed:',
        '  - &a2',
        '    name: two',
        '  - name: three',
        'job-config: &job-config',
        '  j:',
        '    name: j',
        '    trigger:',
        '      type: cron',
        '      pause_status: PAUSED',
        'targets:',
        '  dev:',
        '    default: true',
        '    workspace:',
        '      host:',
        '    resources:',
        '      jobs:',
        '        <<: *job-config',
        '  prod:',
        '    resources:',
        '      jobs:',
        '        <<: *job-config',
        'resources:',
        '  experiments:',
        '    e:',
        '      name: /Shared/e',
        '      description: not a field',
        '  jobs:',
        '    k:',
        '      tasks:',
        '        - task_key: t',
        '          notebok_task:',
        '            notebook_path: /x',
        '',
      ].join('\n'),
    });
    const findings = repo.run('unknown-field');
    expect(findings.map((f) => `${f.loc?.line} ${f.message.split(' (')[0]}`)).toEqual([
      '8 unknown field: mixed',
      '16 unknown field: type',
      '34 unknown field: description',
      '39 unknown field: notebok_task',
    ]);
    expect(findings.find((f) => f.message.includes('notebok_task'))?.fix?.text).toContain('`notebook_task`');
    expect(repo.run('null-value').map((f) => `${f.loc?.line} ${f.message}`)).toEqual([
      '22 expected a string value, found null (at targets.dev.workspace.host)',
    ]);
  });
});

describe('enum-invalid', () => {
  it('checks enum fields, skips interpolated values, and rejects an unknown target mode', () => {
    const repo = loadRepo({
      'databricks.yml': [
        'bundle:',
        '  name: e',
        'variables:',
        '  pause:',
        '    default: PAUSED',
        'targets:',
        '  dev:',
        '    default: true',
        '    mode: develop',
        'resources:',
        '  secret_scopes:',
        '    s:',
        '      name: s',
        '      permissions:',
        '        - level: VIEW',
        '          group_name: users',
        '  volumes:',
        '    v:',
        '      catalog_name: c',
        '      schema_name: s',
        '      name: v',
        '      volume_type: MANAGED',
        '  jobs:',
        '    j:',
        '      schedule:',
        '        quartz_cron_expression: "0 0 * * * ?"',
        '        timezone_id: UTC',
        '        pause_status: ${var.pause}',
        '      tasks:',
        '        - task_key: t',
        '          run_if: SOMETIMES',
        '          condition_task:',
        '            op: EQUALS',
        '            left: "1"',
        '            right: "1"',
        '',
      ].join('\n'),
    });
    const findings = repo.run('enum-invalid');
    expect(findings.map((f) => `${f.loc?.line} ${f.message.split(' (at')[0]}`)).toEqual([
      '15 invalid value "VIEW" for enum field. Valid values are [READ WRITE MANAGE]',
      '31 invalid value "SOMETIMES" for enum field. Valid values are [ALL_DONE ALL_FAILED ALL_SUCCESS AT_LEAST_ONE_FAILED AT_LEAST_ONE_SUCCESS NONE_FAILED]',
      '33 invalid value "EQUALS" for enum field. Valid values are [EQUAL_TO GREATER_THAN GREATER_THAN_OR_EQUAL LESS_THAN LESS_THAN_OR_EQUAL NOT_EQUAL]',
      "9 unsupported value 'develop' specified for 'mode': must be either 'development' or 'production'",
    ]);
    expect(findings.find((f) => f.message.startsWith('unsupported'))?.severity).toBe('critical');
  });
});

describe('resource and field structure', () => {
  it('reports resources and artifacts without a body, and required fields', () => {
    const repo = loadRepo({
      'databricks.yml': [
        'bundle:',
        '  name: r',
        'artifacts:',
        '  wheel:',
        '  # build: uv build',
        'resources:',
        '  jobs:',
        '    empty_job:',
        '    j:',
        '      name: j',
        '      job_clusters:',
        '        - new_cluster:',
        '            spark_version: 15.4.x-scala2.12',
        '      tasks:',
        '        - task_key: loop',
        '          for_each_task:',
        '            task:',
        '              notebook_task:',
        '                notebook_path: /x',
        '  volumes:',
        '    v:',
        '      catalog_name: c',
        '      schema_name: s',
        '      name: v',
        '  alerts:',
        '    a:',
        '      file_path: ./a.dbalert.json',
        '',
      ].join('\n'),
      'a.dbalert.json': '{}\n',
    });
    expect(repo.run('resource-undefined').map((f) => `${f.loc?.line} ${f.message}`)).toEqual(['8 job empty_job is not defined']);
    expect(repo.run('artifact-not-configured').map((f) => f.loc?.line)).toEqual([4]);
    expect(repo.run('required-field-missing').map((f) => `${f.loc?.line} ${f.message.split(' (at')[0]}`)).toEqual([
      '12 required field "job_cluster_key" is not set',
      '17 required field "inputs" is not set',
      '18 required field "task_key" is not set',
      '27 required field "warehouse_id" is not set',
    ]);
  });

  it('flags environment client values that are no version', () => {
    const repo = loadRepo({
      'databricks.yml':
        'bundle:\n  name: c\nresources:\n  jobs:\n    j:\n      environments:\n        - environment_key: a\n          spec:\n            client: "databricks"\n        - environment_key: b\n          spec:\n            environment_version: "2"\n',
    });
    expect(repo.run('environment-client-invalid').map((f) => f.loc?.line)).toEqual([9]);
  });

  it('reports ${resources.*} references to undeclared resources per target', () => {
    const repo = loadRepo({
      'databricks.yml': [
        'bundle:',
        '  name: refs',
        'targets:',
        '  dev:',
        '    default: true',
        '    resources:',
        '      pipelines:',
        '        dev_only:',
        '          name: p',
        '  prod: {}',
        'resources:',
        '  jobs:',
        '    j:',
        '      tasks:',
        '        - task_key: run',
        '          pipeline_task:',
        '            pipeline_id: ${resources.pipelines.dev_only.id}',
        '        - task_key: other',
        '          run_job_task:',
        '            job_id: ${resources.job.j.id}',
        '',
      ].join('\n'),
    });
    expect(at(repo.run('resource-reference-invalid', 'dev'))).toEqual(['databricks.yml:20']);
    const prod = repo.run('resource-reference-invalid', 'prod');
    expect(at(prod)).toEqual(['databricks.yml:17', 'databricks.yml:20']);
    expect(prod.find((f) => f.loc?.line === 20)?.fix?.text).toContain('resources.jobs');
  });
});

describe('job structure', () => {
  it('reports job_cluster_key and depends_on entries that name nothing, per target', () => {
    const repo = loadRepo({
      'databricks.yml': [
        'bundle:',
        '  name: js',
        'targets:',
        '  dev:',
        '    default: true',
        '  prod:',
        '    resources:',
        '      jobs:',
        '        j:',
        '          job_clusters:',
        '            - job_cluster_key: big',
        '              new_cluster:',
        '                spark_version: 15.4.x-scala2.12',
        'resources:',
        '  jobs:',
        '    j:',
        '      job_clusters:',
        '        - job_cluster_key: small',
        '          new_cluster:',
        '            spark_version: 15.4.x-scala2.12',
        '      tasks:',
        '        - task_key: ingest',
        '          job_cluster_key: big',
        '        - task_key: report',
        '          job_cluster_key: small',
        '          depends_on:',
        '            - task_key: ingst',
        '            - task_key: ingest',
        '',
      ].join('\n'),
    });
    expect(repo.run('job-cluster-key-undefined', 'dev').map((f) => `${f.loc?.line} ${f.message}`)).toEqual(['23 job_cluster_key big is not defined']);
    expect(repo.run('job-cluster-key-undefined', 'prod')).toEqual([]);
    const deps = repo.run('task-dependency-undefined', 'dev');
    expect(at(deps)).toEqual(['databricks.yml:27']);
    expect(deps[0].fix?.text).toBe('Did you mean ingest?');
  });
});

describe('includes and the root path', () => {
  it('reports non-YAML include matches once (not again as config-invalid), nested includes and non-recursive **', () => {
    const repo = loadRepo({
      'databricks.yml': 'bundle:\n  name: inc\ninclude:\n  - "*.py"\n  - resources/**/*.yml\n  - sub.yml\n',
      'a.py': '',
      'sub.yml': 'include:\n  - more.yml\n',
      'more.yml': 'resources: {}\n',
      'resources/top.yml': 'resources: {}\n',
      'resources/one/x.yml': 'resources: {}\n',
      'resources/one/two/deep.yml': 'resources: {}\n',
    });
    const nonYaml = repo.run('include-non-yaml');
    expect(nonYaml.map((f) => `${f.loc?.line} ${f.message.split('.')[0]}`)).toEqual([
      "4 Files in the 'include' configuration section must be YAML or JSON files",
    ]);
    expect(repo.run('config-invalid').filter((f) => f.message.includes('YAML or JSON'))).toEqual([]);
    expect(repo.run('include-outside-root').map((f) => f.loc)).toEqual([{ file: 'sub.yml', line: 2, column: 3 }]);
    const glob = repo.run('include-glob-nonrecursive');
    expect(glob).toHaveLength(1);
    expect(glob[0].message).toContain('resources/one/two/deep.yml');
    expect(glob[0].message).toContain('resources/top.yml');
    expect(glob[0].message).not.toContain('resources/one/x.yml');
  });

  it('reports a root path with glob characters once, under its own id', () => {
    const repo = loadRepo({ '[abc]/databricks.yml': 'bundle:\n  name: g\n' }, { bundleDir: '[abc]' });
    expect(repo.run('root-path-glob-chars').map((f) => f.loc)).toEqual([{ file: 'databricks.yml', line: 1, column: 1 }]);
    expect(repo.run('config-invalid')).toEqual([]);
  });

  it('surfaces the loader notices as config-invalid findings with evidence', () => {
    const repo = loadRepo({ 'databricks.yml': 'bundle:\n  name: bad\ninclude:\n  - missing.yml\nresources:\n  jobs:\n    j:\n      name: [unclosed\n' });
    const findings = repo.run('config-invalid');
    expect(findings.length).toBeGreaterThanOrEqual(1);
    expect(findings.every((f) => f.check === 'config-invalid' && f.loc?.file === 'databricks.yml')).toBe(true);
  });
});

describe('libraries and compute', () => {
  it('reports two artifacts that build the same distribution', () => {
    const project = (name: string) => `[project]\nname = "${name}"\nversion = "0.1"\n`;
    const yml = (other: string) =>
      [
        'bundle:',
        '  name: dup',
        'artifacts:',
        '  one:',
        '    type: whl',
        '    path: ./one',
        '  two:',
        '    type: whl',
        '    path: ./two',
        'resources:',
        '  jobs:',
        '    j:',
        '      tasks:',
        '        - task_key: a',
        '          libraries:',
        '            - whl: ./one/dist/*.whl',
        '        - task_key: b',
        '          libraries:',
        '            - whl: ./two/dist/*.whl',
        '',
      ].join('\n') + other;
    const same = loadRepo({ 'databricks.yml': yml(''), 'one/pyproject.toml': project('my-pkg'), 'two/pyproject.toml': project('my_pkg') });
    const findings = same.run('duplicate-library-name');
    expect(at(findings)).toEqual(['databricks.yml:16']);
    expect(findings[0].message).toMatch(/^Duplicate local library names: /);
    const different = loadRepo({ 'databricks.yml': yml(''), 'one/pyproject.toml': project('one'), 'two/pyproject.toml': project('two') });
    expect(different.run('duplicate-library-name')).toEqual([]);
  });

  it('reports local wheels on clusters older than DBR 13.3, following existing_cluster_id references', () => {
    const repo = loadRepo({
      'databricks.yml': [
        'bundle:',
        '  name: dbr',
        'targets:',
        '  dev:',
        '    default: true',
        '  prod:',
        '    resources:',
        '      clusters:',
        '        c:',
        '          spark_version: 14.2.x-scala2.12',
        'resources:',
        '  clusters:',
        '    c:',
        '      spark_version: 12.2.x-scala2.12',
        '  jobs:',
        '    j:',
        '      tasks:',
        '        - task_key: t',
        '          existing_cluster_id: ${resources.clusters.c.id}',
        '          python_wheel_task:',
        '            package_name: p',
        '            entry_point: main',
        '          libraries:',
        '            - whl: ./dist/*.whl',
        '',
      ].join('\n'),
    });
    const dev = repo.run('wheel-dbr-too-old', 'dev');
    expect(dev.map((f) => `${f.loc?.line} ${f.message.split(':')[0]}`)).toEqual(['14 task t uses cluster with incompatible DBR version 12.2.x-scala2.12']);
    expect(repo.run('wheel-dbr-too-old', 'prod')).toEqual([]);
  });

  it('reports direct-only resources only when the terraform engine is pinned', () => {
    const yml = (engine: string) =>
      `bundle:\n  name: vs\n${engine}resources:\n  vector_search_endpoints:\n    ep:\n      name: ep\n      endpoint_type: STANDARD\n`;
    const pinned = loadRepo({ 'databricks.yml': yml('  engine: terraform\n') });
    expect(pinned.run('direct-only-resource').map((f) => f.message.split(' (')[0])).toEqual([
      'Vector Search Endpoint resources are only supported with direct deployment mode',
    ]);
    expect(loadRepo({ 'databricks.yml': yml('') }).run('direct-only-resource')).toEqual([]);
    expect(loadRepo({ 'databricks.yml': yml('  engine: direct\n') }).run('direct-only-resource')).toEqual([]);
  });
});

describe('bad input', () => {
  it('reports malformed shapes at their lines, never throwing', () => {
    const repo = loadRepo({
      'databricks.yml': [
        'bundle:',
        '  name: [odd]',
        'include: resources',
        'variables: 3',
        'artifacts:',
        '  a: [1, 2]',
        'sync:',
        '  paths: ../x',
        'resources:',
        '  jobs:',
        '    j:',
        '      tasks: not-a-list',
        '      environments:',
        '        - spec: 1',
        '    k:',
        '      tasks:',
        '        - 42',
        '        - task_key: t',
        '          libraries: {whl: 1}',
        '          notebook_task: 7',
        '          for_each_task:',
        '            task: []',
        '  pipelines:',
        '    p:',
        '      libraries:',
        '        - notebook: 1',
        '        - file: {path: null}',
        '      environment:',
        '        dependencies: {a: b}',
        '  volumes: []',
        'targets:',
        '  dev:',
        '    default: true',
        '    variables: [a]',
        '    mode: 5',
        '',
      ].join('\n'),
    });
    const lineCount = 36; // the text above, its last line empty
    const findings = checks.flatMap((check) => check.run(repo.bundle, repo.bundle.targets.get('dev')!).map((f) => ({ ...f, by: check.id })));
    for (const f of findings) {
      expect(f.check, f.message).toBe(f.by);
      expect(f.loc?.file, f.message).toBe('databricks.yml');
      expect(f.loc!.line, f.message).toBeGreaterThanOrEqual(1);
      expect(f.loc!.line, f.message).toBeLessThanOrEqual(lineCount);
    }
    // each wrong shape is reported at its own line: include, variables, tasks, spec, a task that is a
    // number, libraries, notebook_task, for_each_task.task, volumes, target variables, mode
    expect([...new Set(findings.map((f) => f.loc!.line))]).toEqual(expect.arrayContaining([3, 4, 12, 14, 17, 19, 20, 22, 30, 34, 35]));
  });
});
