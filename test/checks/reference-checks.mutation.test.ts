// Findings of the validators about job clusters, app permissions, ${resources...} references and
// lifecycle settings, pinned whole (message, line, resources, evidence, impact, fix), each next to
// the cases it must not report.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const at = (line: number, column: number) => ({ file: 'databricks.yml', line, column });
const FAILS = '`bundle validate` and `bundle deploy` fail for target default.';

describe('job-cluster-key-undefined', () => {
  it('reports keys the job does not define (also in a for_each_task), suggesting the defined ones or a job_clusters entry', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: c', 'resources:', '  jobs:', '    j:',
        '      job_clusters:', '        - job_cluster_key: small', '        - job_cluster_key: big',
        '      tasks:',
        '        - task_key: a', '          job_cluster_key: medium',
        '        - task_key: b', '          job_cluster_key: ${var.k}',
        '        - task_key: loop', '          for_each_task:', '            inputs: "[1]"', '            task:', '              task_key: inner', '              job_cluster_key: tiny',
        '    k:', '      tasks:', '        - task_key: a', '          job_cluster_key: small',
        'variables:', '  k:', '    default: small',
      ),
    });
    const finding = (key: string, job: string, line: number, column: number, fix: string) => ({
      check: 'job-cluster-key-undefined',
      message: `job_cluster_key ${key} is not defined`,
      loc: at(line, column),
      resources: [job],
      evidence: `job_cluster_key: ${key}`,
      impact: '`bundle deploy` fails for target default: the Jobs API rejects the task.',
      fix: { text: fix },
    });
    expect(repo.run('job-cluster-key-undefined')).toEqual([
      finding('medium', 'jobs.j', 11, 28, 'Use one of big, small, or add a job_clusters entry with job_cluster_key: medium.'),
      finding('tiny', 'jobs.j', 19, 32, 'Use one of big, small, or add a job_clusters entry with job_cluster_key: tiny.'),
      finding('small', 'jobs.k', 23, 28, 'Add `job_clusters: [{job_cluster_key: small, new_cluster: {...}}]` to jobs.k.'),
    ]);
  });

  it('a job clean in one target is still judged in a target that drops its cluster', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: c', 'resources:', '  jobs:', '    j:', '      job_clusters:', '        - job_cluster_key: small', '      tasks:', '        - task_key: a', '          job_cluster_key: small',
        'targets:', '  dev:', '    default: true', '  prod:', '    resources:', '      jobs:', '        j:', '          tasks:', '            - task_key: a', '              job_cluster_key: large',
      ),
    });
    expect(repo.run('job-cluster-key-undefined', 'dev')).toEqual([]);
    expect(repo.run('job-cluster-key-undefined', 'dev')).toEqual([]);
    expect(repo.run('job-cluster-key-undefined', 'prod').map((f) => f.message)).toEqual(['job_cluster_key large is not defined']);
  });
});

describe('app-permissions-overridden', () => {
  it('reports once per resource an app uses whose own permissions leave out the app; not granted, open, undeclared or app resources', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: a', 'resources:', '  apps:', '    app:', '      name: app', '      source_code_path: ./app', '      resources:',
        '        - name: wh', '          sql_warehouse:', '            id: ${resources.sql_warehouses.wh.id}', '            permission: CAN_USE',
        '        - name: job', '          job:', '            id: ${resources.jobs.j.id}', '            permission: CAN_MANAGE_RUN',
        '        - name: job2', '          job:', '            id: ${resources.jobs.j.id}',
        '        - name: ok', '          job:', '            id: ${resources.jobs.granted.id}',
        '        - name: free', '          job:', '            id: ${resources.jobs.open.id}',
        '        - name: other', '          app:', '            id: ${resources.apps.app2.id}',
        '  jobs:',
        '    j:', '      name: j', '      permissions:', '        - level: CAN_VIEW', '          group_name: users',
        '    granted:', '      name: g', '      permissions:', '        - level: CAN_MANAGE_RUN', '          service_principal_name: ${resources.apps.app.service_principal_client_id}',
        '    open:', '      name: o',
      ),
      'app/app.py': '',
    });
    expect(repo.run('app-permissions-overridden')).toEqual([
      {
        check: 'app-permissions-overridden',
        message: 'app "app" references jobs "j" which has permissions set. To prevent permission override after deploying the app, please add the app service principal to the jobs permissions',
        loc: at(6, 7),
        resources: ['apps.app', 'jobs.j'],
        evidence: 'id: ${resources.jobs.j.id}',
        impact: 'After the next deploy of jobs.j the app loses its access to it.',
        fix: { text: 'Add to resources.jobs.j.permissions: - level: <permission> with service_principal_name: ${resources.apps.app.service_principal_client_id}' },
      },
    ]);
  });
});

describe('resource-reference-invalid', () => {
  it('reports an undeclared type or key, suggesting close names; a declared reference passes', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: r', 'resources:', '  jobs:', '    etl:',
        '      name: ${resources.jobz.etl.name}',
        '      description: "${resources.jobs.elt.id} ${resources.jobs.etl.id} ${resources.jobs.zzzzzz.id}"',
        '      tags:', '        x: ${resources.pipelines.p.id}',
        'variables:', '  v:', '    default: ${resources.jobs}',
      ),
    });
    const impact = '`bundle validate` passes but `bundle deploy` fails when it resolves the reference.';
    const description = 'description: "${resources.jobs.elt.id} ${resources.jobs.etl.id} ${resources.jobs.zzzzzz.id}"';
    const declare = (type: string) => ({ text: `Declare the resource under \`resources.${type}\` for target default, or fix the reference.` });
    expect(repo.run('resource-reference-invalid')).toEqual([
      {
        check: 'resource-reference-invalid',
        message: 'cannot resolve "${resources.jobz.etl.name}": ${resources.jobz.etl.name} names resource type "jobz", which target default does not declare',
        loc: at(6, 13),
        resources: ['jobs.etl'],
        evidence: 'name: ${resources.jobz.etl.name}',
        impact,
        fix: { text: 'Did you mean resources.jobs?' },
      },
      {
        check: 'resource-reference-invalid',
        message: 'cannot resolve "${resources.jobs.elt.id}": ${resources.jobs.elt.id} names jobs.elt, which target default does not declare',
        loc: at(7, 20),
        resources: ['jobs.etl'],
        evidence: description,
        impact,
        fix: { text: 'Did you mean resources.jobs.etl?' },
      },
      {
        check: 'resource-reference-invalid',
        message: 'cannot resolve "${resources.jobs.zzzzzz.id}": ${resources.jobs.zzzzzz.id} names jobs.zzzzzz, which target default does not declare',
        loc: at(7, 20),
        resources: ['jobs.etl'],
        evidence: description,
        impact,
        fix: declare('jobs'),
      },
      {
        check: 'resource-reference-invalid',
        message: 'cannot resolve "${resources.pipelines.p.id}": ${resources.pipelines.p.id} names resource type "pipelines", which target default does not declare',
        loc: at(9, 12),
        resources: ['jobs.etl'],
        evidence: 'x: ${resources.pipelines.p.id}',
        impact,
        fix: declare('pipelines'),
      },
      {
        check: 'resource-reference-invalid',
        message: 'cannot resolve "${resources.jobs}": ${resources.jobs} names jobs., which target default does not declare',
        loc: at(12, 14),
        evidence: 'default: ${resources.jobs}',
        impact,
        fix: declare('jobs'),
      },
    ]);
  });
});

describe('terraform-only-reference', () => {
  it('direct engine: critical, once per line and reference; fields the configuration has and other types pass', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: t', '  engine: direct', 'resources:', '  jobs:',
        '    a:', '      name: a', '      description: "${resources.jobs.b.url} ${resources.jobs.b.url}"',
        '    b:', '      name: "${resources.jobs.a.always_running} ${resources.jobs.a.name} ${resources.pipelines.p.url}"',
      ),
    });
    const message = (ref: string) => `"${ref}": Terraform-only field; cross-resource references to Terraform-only fields are not supported by the direct engine`;
    expect(repo.run('terraform-only-reference')).toEqual([
      {
        check: 'terraform-only-reference',
        message: message('resources.jobs.b.url'),
        loc: at(8, 20),
        resources: ['jobs.b'],
        evidence: 'description: "${resources.jobs.b.url} ${resources.jobs.b.url}"',
        impact: FAILS,
        fix: { text: 'Reference a field of the jobs configuration instead of url.' },
      },
      {
        check: 'terraform-only-reference',
        message: message('resources.jobs.a.always_running'),
        loc: at(10, 13),
        resources: ['jobs.a'],
        evidence: 'name: "${resources.jobs.a.always_running} ${resources.jobs.a.name} ${resources.pipelines.p.url}"',
        impact: FAILS,
        fix: { text: 'Reference a field of the jobs configuration instead of always_running.' },
      },
    ]);
  });

  it('terraform engine (the default here): medium, a warning about the move to direct', () => {
    const repo = loadRepo({ 'databricks.yml': yaml('bundle:', '  name: t', 'resources:', '  jobs:', '    a:', '      name: a', '      description: "${resources.jobs.b.url}"', '    b:', '      name: b') });
    expect(repo.run('terraform-only-reference')).toEqual([
      {
        check: 'terraform-only-reference',
        severity: 'medium',
        message: '"resources.jobs.b.url": Terraform-only field; this reference will not work with the direct engine',
        loc: at(7, 20),
        resources: ['jobs.b'],
        evidence: 'description: "${resources.jobs.b.url}"',
        impact: 'Breaks when the bundle moves to the direct engine (the default for new deployments).',
        fix: { text: 'Reference a field of the jobs configuration instead of url.' },
      },
    ]);
  });
});

describe('lifecycle-invalid', () => {
  it('terraform engine: lifecycle.started and cascade_on_destroy, each with its path and fix', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: l', '  engine: terraform', 'resources:', '  pipelines:', '    p:', '      name: p', '      cascade_on_destroy: true', '  apps:', '    a:', '      name: a', '      source_code_path: ./app', '      lifecycle:', '        started: true'),
      'app/app.py': '',
    });
    expect(repo.run('lifecycle-invalid')).toEqual([
      {
        check: 'lifecycle-invalid',
        message: 'lifecycle.started is only supported in direct deployment mode (resources.apps.a.lifecycle.started)',
        loc: at(14, 18),
        resources: ['apps.a'],
        evidence: 'started: true',
        impact: FAILS,
        fix: { text: 'Use the direct engine (bundle.engine: direct) or remove lifecycle.started.' },
      },
      {
        check: 'lifecycle-invalid',
        message: 'cascade_on_destroy is only supported in direct deployment mode (resources.pipelines.p.cascade_on_destroy)',
        loc: at(8, 27),
        resources: ['pipelines.p'],
        evidence: 'cascade_on_destroy: true',
        impact: FAILS,
        fix: { text: 'Use the direct engine (bundle.engine: direct) or remove cascade_on_destroy.' },
      },
    ]);
  });

  it('job run triggers: each rule with its fix; prevent_destroy false or no lifecycle passes', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: r', 'resources:', '  job_runs:',
        '    r:', '      job_id: 1', '      lifecycle:', '        prevent_destroy: true', '        triggers:', '          - on_bundle_deploy: true', '          - on_bundle_deploy: false', '          - {}',
        '    s:', '      job_id: 2', '      lifecycle:', '        prevent_destroy: false', '        triggers:', '          - on_bundle_deploy: true',
        '    t:', '      job_id: 3',
      ),
    });
    const finding = (message: string, line: number, column: number, evidence: string, fix: string) => ({
      check: 'lifecycle-invalid', message, loc: at(line, column), resources: ['job_runs.r'], evidence, impact: FAILS, fix: { text: fix },
    });
    expect(repo.run('lifecycle-invalid')).toEqual([
      finding('lifecycle.triggers.on_bundle_deploy is incompatible with lifecycle.prevent_destroy', 8, 9, 'prevent_destroy: true', 'Remove prevent_destroy or the on_bundle_deploy trigger.'),
      finding('lifecycle.triggers.on_bundle_deploy must be true when set', 11, 31, '- on_bundle_deploy: false', 'Set on_bundle_deploy: true or remove the trigger.'),
      finding('lifecycle.triggers entry must set on_bundle_deploy: true', 12, 13, '- {}', 'Write the trigger as `- on_bundle_deploy: true`.'),
    ]);
  });
});
