// Issue 11 items 3 and 4 for pipelines and dependencies: the bundle's own wheel installed with %pip
// (bundle D), package code that imports dlt, a broken pipeline path, commented-out files that define
// other resources, %pip judged by where the code runs.
import { describe, expect, test } from 'vitest';
import { at, findingsOf, fixture, only } from './precision-helpers.js';

describe('bundle D: a pipeline notebook installs the bundle wheel and imports package code that imports dlt', () => {
  test('no dlt-pipeline-disabled, no library-deps-inconsistent', () => {
    const findings = findingsOf(fixture('pipeline-own-wheel'));
    expect(only(findings, 'dlt-pipeline-disabled')).toEqual([]);
    expect(only(findings, 'library-deps-inconsistent')).toEqual([]);
    expect(findings.map((f) => f.check)).toEqual(['cli-init-missing']);
  });
});

describe('dlt-pipeline-disabled counts only pipeline sources', () => {
  test('package code and modules pipeline sources import are not sources; a broken pipeline path is path-not-found only', () => {
    const findings = findingsOf(fixture('dlt-sources'));
    expect(only(findings, 'dlt-pipeline-disabled')).toEqual([]);
    // pipelines/silver_pipeline.py is what the misspelt path means: path-not-found there, nothing about the file itself
    expect(only(findings, 'path-not-found').map((f) => [at(f), f.message])).toEqual([['databricks.yml:19', 'notebook pipelines/silver_pipelin.py not found']]);
  });

  test('commented-out files that define jobs, apps and serving endpoints: resource-file-disabled (low), not a DLT pipeline', () => {
    const findings = only(findingsOf(fixture('dlt-sources')), 'resource-file-disabled');
    expect(findings.map((f) => [at(f), f.severity, f.message])).toEqual([
      ['resources/app.yml:1', 'low', 'resources/app.yml is entirely commented out: apps.dashboard, model_serving_endpoints.ranker are not deployed'],
      ['resources/nightly.job.yml:3', 'low', 'resources/nightly.job.yml is entirely commented out: jobs.nightly is not deployed'],
    ]);
  });
});

describe('library-deps-inconsistent: %pip judged by where the code runs', () => {
  const findings = () => only(findingsOf(fixture('library-deps')), 'library-deps-inconsistent');

  test('severity: low when pinned and only misplaced, medium when unpinned; a pinned classic pipeline cell is fine', () => {
    expect(findings().map((f) => [at(f), f.severity])).toEqual([
      ['notebooks/pinned.py:2', 'low'],
      ['notebooks/score.py:2', 'low'],
      ['pipelines/classic_unpinned.py:2', 'medium'],
      ['pipelines/serverless.py:2', 'medium'],
    ]);
  });

  test('messages describe the configuration truthfully', () => {
    const [cluster, environment] = findings();
    expect(cluster.message).toBe('notebooks/pinned.py installs pandas==2.2.2 pyarrow==16.1.0 with %pip install while task features.build declares no libraries');
    // the task has an environment: it is not "no libraries or environment"
    expect(environment.message).toBe('notebooks/score.py installs scikit-learn==1.5.2 with %pip install while the environment default of task features.score lists no dependencies');
    expect(environment.fix?.patch).toContain('environment_key: default');
  });

  test('pipelines are never told to use `libraries: - pypi:`', () => {
    const [, , classic, serverless] = findings();
    expect(classic.message).toBe(
      'pipelines/classic_unpinned.py installs great-expectations with %pip install (none pinned) for pipeline classic_unpinned (a classic pipeline, where the %pip cell is the place for dependencies)',
    );
    expect(classic.fix?.patch).toBe('%pip install great-expectations==<version>');
    expect(serverless.fix?.patch).toBe('environment:\n  dependencies:\n    - "rapidfuzz==<version>"  # now >=3.0: pin the tested version');
    for (const f of [classic, serverless]) expect(`${f.fix?.text} ${f.fix?.patch}`).not.toMatch(/pypi|libraries:/);
  });
});
