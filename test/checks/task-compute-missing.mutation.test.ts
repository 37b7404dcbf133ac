// task-compute-missing and single-node-cluster on small bundles on disk: the full finding, each
// compute field and task type, and for single-node clusters each setting that makes num_workers: 0
// valid and each place a cluster spec is written (the CLI's job_task_cluster_spec.go and
// single_node_cluster.go).
import { describe, expect, test } from 'vitest';
import { singleNodeCluster } from '../../src/checks/single-node-cluster.js';
import { taskComputeMissing } from '../../src/checks/task-compute-missing.js';
import { runOnFiles } from './seed-helpers.js';

describe('task-compute-missing', () => {
  const run = (task: string, top = '') =>
    runOnFiles(taskComputeMissing, { 'databricks.yml': `bundle:\n  name: c\n${top}resources:\n  jobs:\n    j:\n      name: j\n      tasks:\n        - task_key: t\n${task}` });

  test('a spark_python_task without compute: the CLI message with the config path, at the task', () => {
    expect(run('          spark_python_task:\n            python_file: ./a.py\n')).toEqual([
      {
        check: 'task-compute-missing',
        message: 'Missing required cluster or environment settings: task "t" requires a cluster or an environment to run (resources.jobs.j.tasks[0])',
        loc: expect.objectContaining({ file: 'databricks.yml', line: 8 }),
        resources: ['jobs.j'],
        evidence: '- task_key: t\n  spark_python_task:\n    python_file: ./a.py\n',
        impact: '`bundle validate` and `bundle deploy` fail.',
        fix: { text: 'Specify one of the following fields: job_cluster_key, environment_key, existing_cluster_id, new_cluster.' },
      },
    ]);
  });

  test.each(['python_wheel_task', 'dbt_task', 'spark_jar_task', 'spark_submit_task'])('a %s without compute is reported', (type) => {
    expect(run(`          ${type}: {}\n`)).toHaveLength(1);
  });

  test.each([
    '          job_cluster_key: c\n',
    '          environment_key: default\n',
    '          existing_cluster_id: 0101-abc\n',
    '          new_cluster:\n            num_workers: 1\n',
  ])('one compute field is enough: %s', (field) => {
    expect(run(`${field}          spark_python_task:\n            python_file: ./a.py\n`)).toEqual([]);
  });

  test('an empty compute field counts as missing', () => {
    expect(run('          existing_cluster_id: ""\n          spark_python_task:\n            python_file: ./a.py\n')).toHaveLength(1);
  });

  test('a task of another type, or bundle.cluster_id set: nothing; a null bundle.cluster_id fills nothing in', () => {
    const py = '          spark_python_task:\n            python_file: ./a.py\n';
    expect(run('          sql_task:\n            warehouse_id: w\n')).toEqual([]);
    expect(run(py, '  cluster_id: 0101-abc\n')).toEqual([]);
    expect(run(py, '  cluster_id:\n')).toHaveLength(1);
  });

  test('a for_each_task inner task without compute, at the inner task, without a task_key', () => {
    const findings = run('          existing_cluster_id: x\n          for_each_task:\n            inputs: "[1]"\n            task:\n              spark_python_task:\n                python_file: ./a.py\n');
    expect(findings.map((f) => [f.message, f.loc?.line])).toEqual([
      ['Missing required cluster or environment settings: task "" requires a cluster or an environment to run (resources.jobs.j.tasks[0].for_each_task.task)', 13],
    ]);
  });
});

describe('single-node-cluster', () => {
  const cluster = (spec: string) => runOnFiles(singleNodeCluster, { 'databricks.yml': `bundle:\n  name: s\nresources:\n  clusters:\n    c:\n${spec}` });
  const SINGLE_CONF = '      spark_conf:\n        spark.databricks.cluster.profile: singleNode\n        spark.master: local[4]\n';
  const TAG = '      custom_tags:\n        ResourceClass: SingleNode\n';

  test('num_workers: 0 alone: the CLI warning with the config path, at the cluster', () => {
    expect(cluster('      num_workers: 0\n      spark_version: 15.4.x-scala2.12\n')).toEqual([
      {
        check: 'single-node-cluster',
        message: 'Single node cluster is not correctly configured (resources.clusters.c): num_workers should be 0 only for single-node clusters',
        loc: expect.objectContaining({ file: 'databricks.yml', line: 6 }),
        resources: ['clusters.c'],
        evidence: 'num_workers: 0\nspark_version: 15.4.x-scala2.12\n',
        impact: 'The cluster starts without workers: Spark work waits for executors that never come.',
        fix: {
          text: 'Set `is_single_node: true`, or spark_conf spark.databricks.cluster.profile: singleNode and spark.master: local[*] with custom_tags ResourceClass: SingleNode.',
        },
      },
    ]);
  });

  test.each([
    ['workers', '      num_workers: 1\n'],
    ['no num_workers (autoscale)', '      autoscale:\n        min_workers: 1\n'],
    ['num_workers from a variable', '      num_workers: ${var.n}\n'],
    ['is_single_node: true', '      num_workers: 0\n      is_single_node: true\n'],
    ['a policy', '      num_workers: 0\n      policy_id: ABC\n'],
    ['the spark_conf and the tag', `      num_workers: 0\n${SINGLE_CONF}${TAG}`],
  ])('%s: nothing', (_, spec) => {
    expect(cluster(spec)).toEqual([]);
  });

  test.each([
    ['is_single_node: false', '      num_workers: 0\n      is_single_node: false\n'],
    ['an empty policy_id', '      num_workers: 0\n      policy_id: ""\n'],
    ['the spark_conf without the tag', `      num_workers: 0\n${SINGLE_CONF}`],
    ['the tag without the spark_conf', `      num_workers: 0\n${TAG}`],
    ['another profile', `      num_workers: 0\n${SINGLE_CONF.replace('singleNode', 'serverless')}${TAG}`],
    ['a master that is not local', `      num_workers: 0\n${SINGLE_CONF.replace('local[4]', 'yarn')}${TAG}`],
    ['another tag value', `      num_workers: 0\n${SINGLE_CONF}${TAG.replace('SingleNode', 'Default')}`],
  ])('%s: the warning', (_, spec) => {
    expect(cluster(spec)).toHaveLength(1);
  });

  test('every place a cluster spec is written: job clusters, task clusters, for_each inner tasks, pipeline clusters', () => {
    const findings = runOnFiles(singleNodeCluster, {
      'databricks.yml': `bundle:
  name: s
resources:
  jobs:
    j:
      name: j
      job_clusters:
        - job_cluster_key: a
          new_cluster:
            num_workers: 0
      tasks:
        - task_key: t
          new_cluster:
            num_workers: 0
        - task_key: loop
          for_each_task:
            inputs: "[1]"
            task:
              task_key: inner
              new_cluster:
                num_workers: 0
  pipelines:
    p:
      name: p
      clusters:
        - label: default
          num_workers: 0
`,
    });
    expect(findings.map((f) => [f.message.split('(')[1].split(')')[0], f.loc?.line, f.resources])).toEqual([
      ['resources.jobs.j.job_clusters[0].new_cluster', 10, ['jobs.j']],
      ['resources.jobs.j.tasks[0].new_cluster', 14, ['jobs.j']],
      ['resources.jobs.j.tasks[1].for_each_task.task.new_cluster', 21, ['jobs.j']],
      ['resources.pipelines.p.clusters[0]', 26, ['pipelines.p']],
    ]);
  });
});
