// Issue 11 items 1 (a finding never hides another), 2 (one finding per setup.py, severity by
// consequence), 4 (no false alarms: the wheel in the cluster image, a project nothing builds) and
// the bad inputs setup(**kwargs), a pyproject without [project], docker_image from ${var.image}.
import { describe, expect, test } from 'vitest';
import { at, findingsOf, fixture, only } from './precision-helpers.js';

describe('a package_name that names no distribution still gets its entry point checked', () => {
  test("against the repository's only distribution: entry-point-missing too when it does not declare the entry point", () => {
    const findings = findingsOf(fixture('likely-distribution'));
    const mismatch = only(findings, 'package-name-mismatch');
    // One wrong name written in two tasks: one finding, at the first, naming the other place.
    expect(mismatch.map((f) => [at(f), f.resources, f.fix?.patch])).toEqual([
      ['databricks.yml:21', ['jobs.typo_and_missing', 'jobs.typo_only'], 'package_name: acme-pipeline'],
    ]);
    expect(mismatch[0].message).toBe(
      "package_name acme_pipelines of tasks run of jobs.typo_and_missing, main of jobs.typo_only matches no distribution in the repository (the repository's distribution is acme-pipeline); also written at databricks.yml:35",
    );
    const missing = only(findings, 'entry-point-missing');
    expect(missing.map((f) => [at(f), f.resources, f.severity])).toEqual([['databricks.yml:22', ['jobs.typo_and_missing'], 'critical']]);
    expect(missing[0].message).toBe(
      "entry point run is not declared by acme-pipeline either, the distribution package_name acme_pipelines most likely means (the repository's only distribution; declared: main (console_scripts)): fixing package_name alone will not make the run work",
    );
    expect(missing[0].fix?.text).toMatch(/^Besides setting package_name to acme-pipeline, declare the entry point in pyproject\.toml/);
  });

  test('a package installed from PyPI is another distribution: neither a mismatch nor a missing entry point', () => {
    const findings = findingsOf(fixture('likely-distribution'));
    expect(findings.filter((f) => f.resources?.includes('jobs.from_pypi'))).toEqual([]);
  });

  test('against the distribution whose import package is package_name; a name close to none gets no guess', () => {
    const findings = findingsOf(fixture('likely-import-package'));
    const missing = only(findings, 'entry-point-missing');
    expect(missing.map(at)).toEqual(['databricks.yml:26']);
    expect(missing[0].message).toContain('entry point train is not declared by acme-core either, the distribution package_name acme most likely means (it ships the import package of that name;');
    // The fix names the distribution's own metadata file, and no unrelated `main` (serve.py's) as the target.
    expect(missing[0].fix?.patch).toMatch(/^# libs\/core\/pyproject\.toml\n\[project\.scripts\]\ntrain = "acme\.cli:main"/);
    const mismatch = only(findings, 'package-name-mismatch');
    expect(mismatch.map((f) => [at(f), f.fix?.patch])).toEqual([
      ['databricks.yml:25', 'package_name: acme-core'],
      ['databricks.yml:32', undefined],
    ]);
  });
});

describe('setup-py-ignored: one finding per setup.py, severity by consequence', () => {
  test('high when the wheel loses an entry point; every field concerned is listed in that one finding', () => {
    const findings = only(findingsOf(fixture('setup-py/lost-and-differs')), 'setup-py-ignored');
    expect(findings.map((f) => [at(f), f.severity])).toEqual([['setup.py:3', 'high']]);
    expect(findings[0].message).toBe(
      'setup.py passes author, install_requires, entry_points that the wheel does not get as written (pyproject.toml has a [project] table, so setuptools takes the metadata from it): ' +
        'author "Ann Analyst" (ignored); install_requires transformers>=4.40.0 vs dependencies transformers>=4.30.0 (dependencies in pyproject.toml wins); ' +
        'entry_points console_scripts train=tfm.train:main (ignored)',
    );
  });

  test('low when values are only declared twice and differ, saying which', () => {
    const findings = only(findingsOf(fixture('setup-py/differs-only')), 'setup-py-ignored');
    expect(findings.map((f) => [at(f), f.severity])).toEqual([['setup.py:3', 'low']]);
    expect(findings[0].message).toContain('install_requires transformers>=4.40.0 vs dependencies transformers>=4.30.0');
    expect(findings[0].message).toContain('description "Transformer features for the ranking job" vs description "Transformer features"');
  });

  test('nothing when both files agree, nor for a backend that never runs setup.py when pyproject.toml declares it all', () => {
    expect(only(findingsOf(fixture('setup-py/agree')), 'setup-py-ignored')).toEqual([]);
    expect(only(findingsOf(fixture('setup-py/hatch-complete')), 'setup-py-ignored')).toEqual([]);
  });

  test('a backend that never runs setup.py: high when setup.py declares entry points pyproject.toml lacks', () => {
    const findings = only(findingsOf(fixture('setup-py/hatch-lacks')), 'setup-py-ignored');
    expect(findings.map((f) => [at(f), f.severity])).toEqual([['setup.py:3', 'high']]);
    expect(findings[0].message).toContain('pyproject.toml builds with hatchling.build, which never runs setup.py');
  });

  test('the entry point a task runs is entry-point-missing\'s, at the task, naming setup.py; setup-py-ignored lists the rest', () => {
    const findings = findingsOf(fixture('setup-py/task-entry-point'));
    const missing = only(findings, 'entry-point-missing');
    expect(missing.map(at)).toEqual(['databricks.yml:21']);
    expect(missing[0].message).toBe(
      'entry point train of package tfm is not in the wheel (setup.py:6 declares it, but setuptools takes the entry points from the [project] table of pyproject.toml) and tfm.train() does not exist',
    );
    expect(missing[0].fix?.text).toMatch(/^Move the entry point from setup\.py into pyproject\.toml/);
    const ignored = only(findings, 'setup-py-ignored');
    expect(ignored.map((f) => [at(f), f.severity])).toEqual([['setup.py:3', 'high']]);
    expect(ignored[0].message).toContain('entry_points console_scripts evaluate=tfm.evaluate:main (ignored)');
    expect(ignored[0].message).not.toContain('train=');
  });

  test('bad input: setup(**kwargs) - the name cannot be read, so no package_name is called a mismatch; nothing crashes', () => {
    const findings = findingsOf(fixture('setup-py/setup-kwargs'));
    expect(findings.map((f) => f.check).sort()).toEqual(['cli-init-missing']);
  });

  test('bad input: a pyproject.toml without [project] - setup.py is the metadata, nothing is ignored', () => {
    const findings = findingsOf(fixture('setup-py/no-project-table'));
    expect(findings.map((f) => f.check).sort()).toEqual(['cli-init-missing']);
  });
});

describe('wheel-not-built: a wheel baked into the cluster image (bundle A)', () => {
  test('info "cannot verify" for a job cluster, a task cluster and an image from ${var.image}; critical without an image', () => {
    const findings = only(findingsOf(fixture('wheel-in-image')), 'wheel-not-built');
    expect(findings.map((f) => [at(f), f.resources![0], f.severity])).toEqual([
      ['databricks.yml:29', 'jobs.j', 'info'],
      ['databricks.yml:50', 'jobs.own_cluster', 'info'],
      ['databricks.yml:70', 'jobs.image_from_variable', 'info'],
      ['databricks.yml:81', 'jobs.no_image', 'critical'],
    ]);
    expect(findings[0].message).toBe('task t of jobs.j attaches no wheel of pkg; cannot verify: the cluster image (docker_image) may provide it');
    expect(findings[0].breaksDeploy).toBe(false);
  });

  test('nothing else about the image tasks: the package is not claimed to be missing from the repository', () => {
    const findings = findingsOf(fixture('wheel-in-image'));
    const imageJobs = ['jobs.j', 'jobs.own_cluster', 'jobs.on_shared', 'jobs.image_from_variable'];
    expect(findings.filter((f) => f.severity !== 'info' && f.resources?.some((r) => imageJobs.includes(r)))).toEqual([]);
  });
});

describe('package-discovery-failed only for a project something builds', () => {
  test('silent when no artifact, local wheel or implicit build builds the project', () => {
    expect(only(findingsOf(fixture('package-discovery/unbuilt')), 'package-discovery-failed')).toEqual([]);
  });

  test('reported when an artifact builds it', () => {
    const findings = only(findingsOf(fixture('package-discovery/built')), 'package-discovery-failed');
    expect(findings.map((f) => [at(f), f.severity])).toEqual([['pyproject.toml:1', 'high']]);
    expect(findings[0].message).toContain('(features, pipelines)');
  });
});
