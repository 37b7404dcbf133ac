// The CLI's static validators ported as checks, beyond what the CLI's acceptance cases cover: each
// with a case it reports (the CLI's message, the line) and the neighbouring case it must not.
import { describe, expect, it } from 'vitest';
import { NOTEBOOK, loadRepo } from '../fixtures/validate/harness.js';

const lines = (findings: { loc?: { line: number }; message: string }[]) => findings.map((f) => `${f.loc?.line} ${f.message.split(' (')[0]}`);
const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('task-compute-missing (job_task_cluster_spec.go)', () => {
  const bundle = (clusterId = '') =>
    yaml(
      'bundle:',
      '  name: c',
      clusterId,
      'resources:',
      '  jobs:',
      '    j:',
      '      tasks:',
      '        - task_key: py',
      '          spark_python_task:',
      '            python_file: ./a.py',
      '        - task_key: nb',
      '          notebook_task:',
      '            notebook_path: ./n.py',
      '        - task_key: wheel',
      '          environment_key: default',
      '          python_wheel_task:',
      '            package_name: p',
      '            entry_point: main',
      '        - task_key: loop',
      '          for_each_task:',
      '            inputs: "[1]"',
      '            task:',
      '              task_key: inner',
      '              dbt_task:',
      '                commands: [dbt run]',
    );
  it('reports compute tasks without cluster or environment, also inside for_each_task; not notebooks', () => {
    const repo = loadRepo({ 'databricks.yml': bundle(), 'a.py': '', 'n.py': NOTEBOOK });
    expect(lines(repo.run('task-compute-missing')).sort()).toEqual([
      '23 Missing required cluster or environment settings: task "inner" requires a cluster or an environment to run',
      '8 Missing required cluster or environment settings: task "py" requires a cluster or an environment to run',
    ]);
  });
  it('bundle.cluster_id fills every task in', () => {
    const repo = loadRepo({ 'databricks.yml': bundle('  cluster_id: 0101-abc'), 'a.py': '', 'n.py': NOTEBOOK });
    expect(repo.run('task-compute-missing')).toEqual([]);
  });
});

describe('single-node-cluster (single_node_cluster.go)', () => {
  it('warns for num_workers: 0 without the single-node settings, not with is_single_node or the spark_conf and tag', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:',
        '  name: s',
        'resources:',
        '  clusters:',
        '    bare:',
        '      spark_version: 15.4.x-scala2.12',
        '      num_workers: 0',
        '    flagged:',
        '      num_workers: 0',
        '      is_single_node: true',
        '    configured:',
        '      num_workers: 0',
        '      spark_conf:',
        '        spark.databricks.cluster.profile: singleNode',
        '        spark.master: local[*]',
        '      custom_tags:',
        '        ResourceClass: SingleNode',
        '    workers:',
        '      num_workers: 2',
      ),
    });
    expect(lines(repo.run('single-node-cluster'))).toEqual(['6 Single node cluster is not correctly configured']);
  });
});

describe('sync-pattern-unmatched (validate_sync_patterns.go, files_to_sync.go)', () => {
  it('an include matching nothing is medium; a matching pattern and an exclude matching nothing are fine', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: s', 'sync:', '  include:', '    - dist/*.whl', '    - conf/*.json', '  exclude:', '    - "*.tmp"', '    - scratch/**'),
      'conf/a.json': '{}',
      'x.tmp': '',
    });
    expect(repo.run('sync-pattern-unmatched').map((f) => [f.loc?.line, f.severity ?? 'medium', f.message.split(' (')[0]])).toEqual([
      [5, 'medium', 'Pattern dist/*.whl does not match any files'],
    ]);
  });
  it('when an artifact builds, an unmatched include is low: the build may create it', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: s', 'artifacts:', '  w:', '    build: uv build', 'sync:', '  include:', '    - .build/*.whl') });
    expect(repo.run('sync-pattern-unmatched').map((f) => f.severity)).toEqual(['low']);
  });
  it('nothing to sync at all', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: s', 'sync:', '  exclude:', '    - "**"'), 'a.py': '' });
    expect(repo.run('sync-pattern-unmatched').map((f) => f.message)).toEqual(['There are no files to sync, please check your .gitignore and sync.exclude configuration']);
  });
});

describe('script-invalid (scripts.go)', () => {
  it('no content, ${...} in content, env references resolved too late', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:',
        '  name: s',
        'scripts:',
        '  empty:',
        '    content: ""',
        '  inline:',
        '    content: echo ${var.x}',
        '  env:',
        '    env:',
        '      OK: ${bundle.target}',
        '      LATE: ${resources.jobs.j.id}',
        '    content: echo "$OK $LATE"',
      ),
    });
    // In the order of the script names, as the CLI reports them.
    expect(lines(repo.run('script-invalid'))).toEqual([
      '4 Script empty has no content',
      '11 ${resources.jobs.j.id} cannot be used in scripts.env.env.LATE; only ${bundle.*}, ${workspace.*}, and ${var.*} are resolved before scripts execute',
      '7 Found ${var.x} in script inline.content. Interpolation syntax ${...} is not supported in script content',
    ]);
  });
});

describe('lifecycle-invalid, engine-invalid, direct-only-resource (engine-dependent validators)', () => {
  const bundle = (engine: string) =>
    yaml('bundle:', '  name: l', engine, 'resources:', '  pipelines:', '    p:', '      name: p', '      cascade_on_destroy: true', '  apps:', '    a:', '      name: a', '      source_code_path: ./app', '      lifecycle:', '        started: true');
  it('terraform pinned in the configuration: both direct-only settings fail, and the engine is deprecated', () => {
    const repo = loadRepo({ 'databricks.yml': bundle('  engine: terraform'), 'app/app.py': '' });
    expect(lines(repo.run('lifecycle-invalid')).sort()).toEqual([
      '14 lifecycle.started is only supported in direct deployment mode',
      '8 cascade_on_destroy is only supported in direct deployment mode',
    ]);
    expect(repo.run('engine-invalid').map((f) => [f.severity, f.message.split(' and ')[0]])).toEqual([['medium', 'the terraform deployment engine is deprecated']]);
  });
  it('terraform from DATABRICKS_BUNDLE_ENGINE counts too; direct or unset does not', () => {
    expect(loadRepo({ 'databricks.yml': bundle(''), 'app/app.py': '' }, { env: { DATABRICKS_BUNDLE_ENGINE: 'terraform' } }).run('lifecycle-invalid')).toHaveLength(2);
    expect(loadRepo({ 'databricks.yml': bundle(''), 'app/app.py': '' }).run('lifecycle-invalid')).toEqual([]);
    expect(loadRepo({ 'databricks.yml': bundle('  engine: direct'), 'app/app.py': '' }).run('lifecycle-invalid')).toEqual([]);
    const vs = yaml('bundle:', '  name: v', 'resources:', '  vector_search_endpoints:', '    ep:', '      name: ep', '      endpoint_type: STANDARD');
    expect(loadRepo({ 'databricks.yml': vs }, { env: { DATABRICKS_BUNDLE_ENGINE: 'terraform' } }).run('direct-only-resource')).toHaveLength(1);
  });
  it('an engine value that is neither terraform nor direct', () => {
    const repo = loadRepo({ 'databricks.yml': bundle('  engine: pulumi'), 'app/app.py': '' });
    expect(repo.run('engine-invalid').map((f) => [f.loc?.line, f.message])).toEqual([[3, 'invalid value "pulumi" for bundle.engine (expected "terraform" or "direct")']]);
  });
  it('job run triggers must set on_bundle_deploy: true and cannot combine with prevent_destroy', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:',
        '  name: r',
        'resources:',
        '  job_runs:',
        '    r:',
        '      job_id: 1',
        '      lifecycle:',
        '        prevent_destroy: true',
        '        triggers:',
        '          - on_bundle_deploy: true',
        '          - on_bundle_deploy: false',
        '          - {}',
      ),
    });
    expect(lines(repo.run('lifecycle-invalid'))).toEqual([
      '8 lifecycle.triggers.on_bundle_deploy is incompatible with lifecycle.prevent_destroy',
      '11 lifecycle.triggers.on_bundle_deploy must be true when set',
      '12 lifecycle.triggers entry must set on_bundle_deploy: true',
    ]);
  });
});

describe('secret-value-literal (validate_secret_value_is_variable.go)', () => {
  it('a literal value, a variable with a default; not a variable without one', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:',
        '  name: s',
        'variables:',
        '  with_default:',
        '    default: hunter2',
        '  without: {description: set in CI}',
        'resources:',
        '  secrets:',
        '    literal: {catalog_name: c, schema_name: s, name: a, value: hunter2}',
        '    defaulted: {catalog_name: c, schema_name: s, name: b, value: "${var.with_default}"}',
        '    good: {catalog_name: c, schema_name: s, name: c, value: "${var.without}"}',
      ),
    });
    const findings = repo.run('secret-value-literal');
    expect(findings.map((f) => [f.loc?.line, f.message.split(':')[0]])).toEqual([
      [9, 'Secret value must be a variable reference'],
      [5, 'Variable used for secret value must not have a default value'],
    ]);
    for (const f of findings) expect(`${f.message} ${f.evidence ?? ''}`).not.toContain('hunter2');
  });
});

describe('managed-field-set and volume-path-invalid', () => {
  it('a job run idempotency token; an artifact_path volume without catalog, schema and volume', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:',
        '  name: m',
        'workspace:',
        '  artifact_path: /Volumes/main/only_schema',
        'resources:',
        '  job_runs:',
        '    r:',
        '      job_id: 1',
        '      idempotency_token: abc',
      ),
    });
    expect(lines(repo.run('managed-field-set'))).toEqual(['9 idempotency_token must not be set in bundle configuration; the CLI sets it on each run-now request']);
    expect(lines(repo.run('volume-path-invalid'))).toEqual(['4 expected UC volume path to be in the format /Volumes/<catalog>/<schema>/<volume>/..., got /Volumes/main/only_schema']);
  });
  it('a root_path under /Volumes stops there, as the CLI does', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: m', 'workspace:', '  root_path: /Volumes/a/b/c', '  file_path: /Volumes/a/b/c/files') });
    expect(lines(repo.run('volume-path-invalid'))).toEqual(['4 workspace.root_path /Volumes/a/b/c starts with /Volumes. /Volumes can only be used with workspace.artifact_path.']);
  });
});

describe('deprecated-field (the schema’s deprecation marks)', () => {
  it('reports a pipeline’s target and environments at low severity with the schema’s message', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: d', 'resources:', '  pipelines:', '    p:', '      name: p', '      target: old_schema', 'environments:', '  dev: {}') });
    expect(repo.run('deprecated-field').map((f) => [f.loc?.line, f.message, f.fix?.text])).toEqual([
      [7, 'deprecated field: target (at resources.pipelines.p)', 'This field is deprecated. Move off `target` before it is removed.'],
      [8, 'deprecated field: environments', 'Deprecated: please use targets instead. Move off `environments` before it is removed.'],
    ]);
  });
});
