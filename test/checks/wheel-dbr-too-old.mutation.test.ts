// wheel-dbr-too-old on small bundles on disk: the DBR boundary (13.3), where the cluster comes from
// (new_cluster, job_cluster_key), which libraries count as local wheels, and python_wheel_wrapper.
import { describe, expect, test } from 'vitest';
import { wheelDbrTooOld } from '../../src/checks/wheel-dbr-too-old.js';
import type { RawFinding } from '../../src/model.js';
import { runOnFiles } from './seed-helpers.js';

/** A job whose task `t` runs on a new_cluster of `version` with the libraries given. */
function onCluster(version: string, opts: { whl?: string; top?: string; task?: string } = {}): RawFinding[] {
  return runOnFiles(wheelDbrTooOld, {
    'databricks.yml': `bundle:
  name: dbr
${opts.top ?? ''}variables:
  dbr:
    default: 11.3.x-scala2.12
resources:
  jobs:
    j:
      name: j
      tasks:
        - task_key: t
${opts.task ?? `          new_cluster:
            spark_version: ${version}
            num_workers: 1
`}          python_wheel_task:
            package_name: p
            entry_point: main
          libraries:
            - whl: ${opts.whl ?? './dist/*.whl'}
`,
  });
}

describe('wheel-dbr-too-old: the DBR version', () => {
  test('12.2: critical finding at spark_version with the CLI wording, the target and the fix', () => {
    const [finding, ...rest] = onCluster('12.2.x-scala2.12');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'task t uses cluster with incompatible DBR version 12.2.x-scala2.12: Python wheel tasks require compute with DBR 13.3+ to include local libraries',
    );
    expect(finding.loc).toMatchObject({ file: 'databricks.yml', line: 13 });
    expect(finding.resources).toEqual(['jobs.j']);
    expect(finding.evidence).toBe('spark_version: 12.2.x-scala2.12');
    expect(finding.impact).toBe('`bundle validate` and `bundle deploy` fail for target default.');
    expect(finding.fix?.text).toBe('Use spark_version 13.3.x-scala2.12 or newer (or serverless), or set `experimental.python_wheel_wrapper: true`.');
  });

  test.each([
    ['13.2.x-scala2.12', true],
    [' 9.1.x-scala2.12', true],
    ['13.3.x-scala2.12', false],
    ['13.10.x-scala2.12', false],
    ['14.0.x-scala2.12', false],
    ['15.4.x-cpu-ml-scala2.12', false],
    ['latest', false],
  ])('%s: too old is %s', (version, old) => {
    expect(onCluster(JSON.stringify(version)).length).toBe(old ? 1 : 0);
  });

  test('a version from a variable is judged as interpolated; one that stays unresolved is not judged', () => {
    expect(onCluster('${var.dbr}').map((f) => f.message.split(':')[0])).toEqual(['task t uses cluster with incompatible DBR version 11.3.x-scala2.12']);
    expect(onCluster('${var.missing}')).toEqual([]);
  });
});

describe('wheel-dbr-too-old: which tasks', () => {
  test('the job cluster a task names', () => {
    const task = '          job_cluster_key: small\n';
    const findings = runOnFiles(wheelDbrTooOld, {
      'databricks.yml': `bundle:\n  name: dbr\nresources:\n  jobs:\n    j:\n      name: j\n      job_clusters:\n        - job_cluster_key: small\n          new_cluster:\n            spark_version: 12.2.x-scala2.12\n      tasks:\n        - task_key: t\n${task}          libraries:\n            - whl: ../dist/p.whl\n`,
    });
    expect(findings.map((f) => f.loc?.line)).toEqual([10]);
  });

  test('a remote wheel, or a task without a cluster spec, is not judged', () => {
    expect(onCluster('12.2.x-scala2.12', { whl: '/Volumes/main/libs/p-1.0-py3-none-any.whl' })).toEqual([]);
    expect(onCluster('12.2.x-scala2.12', { task: '          existing_cluster_id: 0101-abc\n' })).toEqual([]);
  });

  test('experimental.python_wheel_wrapper: true makes old clusters fine; false does not', () => {
    expect(onCluster('12.2.x-scala2.12', { top: 'experimental:\n  python_wheel_wrapper: true\n' })).toEqual([]);
    expect(onCluster('12.2.x-scala2.12', { top: 'experimental:\n  python_wheel_wrapper: false\n' })).toHaveLength(1);
  });
});
