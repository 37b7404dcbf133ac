// The small helpers of src/checks/lib the checks share: paths (remote / local library / relative /
// glob), suggestions (edit distance, the CLI's "did you mean"), evidence lines, the deployment engine
// and a task's cluster (own, job cluster, bundle cluster, Docker image), on bundles loaded from disk.
import { describe, expect, test } from 'vitest';
import { taskClusterSpec, runsDockerImage } from '../../src/checks/lib/compute.js';
import { engineOf } from '../../src/checks/lib/engine.js';
import { evidenceAt } from '../../src/checks/lib/evidence.js';
import { hasGlob, isLocalLibraryPath, isRemotePath, resolveRelative } from '../../src/checks/lib/paths.js';
import { closeMatches, didYouMean, editDistance } from '../../src/checks/lib/suggest.js';
import type { Bundle, TargetView } from '../../src/model.js';
import { loadProject } from '../../src/project/load.js';
import { writeRepo } from '../project/loader-helpers.js';

function load(files: Record<string, string>, env: Record<string, string> = {}): { bundle: Bundle; target: TargetView } {
  const bundle = loadProject(writeRepo(files), { env, vars: {} }).bundles[0];
  return { bundle, target: bundle.targets.get(bundle.defaultTarget)! };
}

describe('paths', () => {
  test.each([
    ['/Workspace/x', true],
    ['dbfs:/x', true],
    ['s3://b/x', true],
    ['${workspace.file_path}/x', true],
    ['~/x', true],
    ['./x', false],
    ['x/y.py', false],
    ['${var.dir}/x', false],
    ['1abc:x', false],
  ])('isRemotePath(%s) is %s', (value, remote) => {
    expect(isRemotePath(value)).toBe(remote);
  });

  test.each([
    ['./dist/x.whl', true],
    ['.hidden', true],
    ['dist/x.whl', true],
    ['x.whl', true],
    ['lib.JAR', true],
    ['x.egg', true],
    ['dist\\x.whl', true],
    ['dist/x.whl[extra]', true],
    ['pkg/noext', false],
    ['requests==2.0', false],
    ['pandas', false],
    ['/Volumes/x.whl', false],
    ['dbfs:/x.whl', false],
  ])('isLocalLibraryPath(%s) is %s', (value, local) => {
    expect(isLocalLibraryPath(value)).toBe(local);
  });

  test('resolveRelative joins with the folder of the file that writes the path, normalised', () => {
    expect(resolveRelative({ file: 'resources/jobs.yml', line: 1, column: 1 }, '../src/./a.py')).toBe('src/a.py');
    expect(resolveRelative({ file: 'databricks.yml', line: 1, column: 1 }, './dist/*.whl')).toBe('dist/*.whl');
  });

  test('hasGlob: *, ? and [ make a glob', () => {
    expect(['a*', 'a?', 'a[0]', 'a'].map(hasGlob)).toEqual([true, true, true, false]);
  });
});

describe('suggest', () => {
  test('editDistance counts insertions, deletions and substitutions', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('ab', 'ba')).toBe(2);
  });

  test('closeMatches: other candidates within the distance, once each, sorted', () => {
    expect(closeMatches('job', ['jobs', 'job', 'jb', 'jobs', 'alerts', 'bob', 'joblist'])).toEqual(['bob', 'jb', 'jobs']);
    expect(closeMatches('job', ['jobs', 'joblist'], 4)).toEqual(['joblist', 'jobs']);
    expect(closeMatches('job', ['joblis'], 2)).toEqual([]);
  });

  test("didYouMean: the CLI's wording for none, one and several suggestions", () => {
    expect(didYouMean([])).toBe('');
    expect(didYouMean(['a'])).toBe('\n\ndid you mean:\n  a');
    expect(didYouMean(['a', 'b'])).toBe('\n\ndid you mean one of:\n  a\n  b');
  });
});

describe('evidenceAt', () => {
  const { bundle } = load({
    'databricks.yml': 'bundle:\n  name: e\nresources:\n  jobs:\n    j:\n      name: j\n\n      tasks: []\n',
    'src/code.py': 'def f():\n    return 1\n',
  });

  test('the lines around a location, without their common indentation', () => {
    expect(evidenceAt(bundle, { file: 'databricks.yml', line: 5, column: 5 }, 1, 1)).toBe('jobs:\n  j:\n    name: j');
    expect(evidenceAt(bundle, { file: 'databricks.yml', line: 5, column: 5 })).toBe('j:\n  name: j\n');
    expect(evidenceAt(bundle, { file: 'databricks.yml', line: 6, column: 1 }, 0, 2)).toBe('name: j\n\ntasks: []');
  });

  test('at the first and last line the window is cut at the file', () => {
    expect(evidenceAt(bundle, { file: 'databricks.yml', line: 1, column: 1 }, 3, 0)).toBe('bundle:');
    expect(evidenceAt(bundle, { file: 'databricks.yml', line: 8, column: 7 }, 0, 5)).toBe('tasks: []\n');
  });

  test('a source file that is not configuration', () => {
    expect(evidenceAt(bundle, { file: 'src/code.py', line: 2, column: 1 }, 1, 0)).toBe('def f():\n    return 1');
  });

  test('no location, a line out of range, or an unknown file: no evidence', () => {
    expect(evidenceAt(bundle, undefined)).toBeUndefined();
    expect(evidenceAt(bundle, { file: 'databricks.yml', line: 0, column: 1 })).toBeUndefined();
    expect(evidenceAt(bundle, { file: 'databricks.yml', line: 10, column: 1 })).toBeUndefined();
    expect(evidenceAt(bundle, { file: 'missing.yml', line: 1, column: 1 })).toBeUndefined();
  });
});

describe('engineOf', () => {
  test('bundle.engine wins over DATABRICKS_BUNDLE_ENGINE, with where it is written', () => {
    const { bundle, target } = load({ 'databricks.yml': 'bundle:\n  name: e\n  engine: direct\n' }, { DATABRICKS_BUNDLE_ENGINE: 'terraform' });
    expect(engineOf(bundle, target)).toEqual({ name: 'direct', loc: expect.objectContaining({ file: 'databricks.yml', line: 3 }), from: 'config' });
  });

  test('the environment when the configuration does not set it; nothing when neither does', () => {
    const env = load({ 'databricks.yml': 'bundle:\n  name: e\n' }, { DATABRICKS_BUNDLE_ENGINE: 'terraform' });
    expect(engineOf(env.bundle, env.target)).toEqual({ name: 'terraform', from: 'env' });
    const none = load({ 'databricks.yml': 'bundle:\n  name: e\n  engine: ""\n' });
    expect(engineOf(none.bundle, none.target)).toEqual({});
  });
});

describe('taskClusterSpec and runsDockerImage', () => {
  const { target } = load({
    'databricks.yml': `bundle:
  name: c
resources:
  clusters:
    shared:
      spark_version: 13.3.x-scala2.12
      docker_image:
        url: repo/image:1
  jobs:
    j:
      name: j
      job_clusters:
        - job_cluster_key: small
          new_cluster:
            spark_version: 14.3.x-scala2.12
            docker_image: ""
      tasks:
        - task_key: own
          new_cluster:
            spark_version: 15.4.x-scala2.12
            docker_image: ~
        - task_key: jc
          job_cluster_key: small
        - task_key: jc_missing
          job_cluster_key: nowhere
        - task_key: ref
          existing_cluster_id: " \${resources.clusters.shared.cluster_id} "
        - task_key: ref_id
          existing_cluster_id: \${resources.clusters.shared.id}
        - task_key: literal
          existing_cluster_id: 0101-abc
        - task_key: ref_other
          existing_cluster_id: \${resources.clusters.shared.name}
`,
  });
  const job = target.jobs[0];
  const task = (key: string) => job.tasks.find((t) => t.key === key)!;
  const version = (key: string) => {
    const spec = taskClusterSpec(target, job, task(key));
    const v = spec?.entries.get('spark_version');
    return v?.kind === 'scalar' ? v.value : spec;
  };

  test('the task cluster, the job cluster it names, or the bundle cluster it references by id', () => {
    expect(['own', 'jc', 'jc_missing', 'ref', 'ref_id', 'literal', 'ref_other'].map(version)).toEqual([
      '15.4.x-scala2.12',
      '14.3.x-scala2.12',
      undefined,
      '13.3.x-scala2.12',
      '13.3.x-scala2.12',
      undefined,
      undefined,
    ]);
  });

  test('a Docker image counts when set to anything but null or the empty string', () => {
    expect(['own', 'jc', 'ref', 'literal'].map((k) => runsDockerImage(target, job, task(k)))).toEqual([false, false, true, false]);
  });
});
