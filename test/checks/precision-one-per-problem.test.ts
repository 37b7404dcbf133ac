// Issue 11 item 2, applied to every check: one root cause (one file, one include, one variable, one
// undeclared entry point) gives one finding, however many places or targets it touches.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { at, findingsOf, fixture, inRepository, only } from './precision-helpers.js';

describe('one finding per problem', () => {
  test('include-non-yaml: one finding per include entry, listing the files it matches', () => {
    const findings = only(findingsOf(fixture('one-per-problem/include-non-yaml')), 'include-non-yaml');
    expect(findings.map((f) => [at(f), f.message])).toEqual([
      ['databricks.yml:6', `Files in the 'include' configuration section must be YAML or JSON files. a.py, b.py (matched by "*.py") are not`],
    ]);
  });

  test('variable-required-unset: one finding per variable, listing the targets', () => {
    const findings = only(findingsOf(fixture('one-per-problem/variables')), 'variable-required-unset');
    expect(findings.map((f) => [at(f), f.targets])).toEqual([['databricks.yml:8', ['dev', 'prod', 'broken']]]);
    expect(findings[0].message).toContain('or .databricks/bundle/<target>/variable-overrides.json');
  });

  test('an unreadable variable-overrides.json is the problem of its target, not each variable it may hold', () => {
    const repo = inRepository('one-per-problem/variables');
    fs.mkdirSync(path.join(repo, '.databricks/bundle/broken'), { recursive: true });
    fs.writeFileSync(path.join(repo, '.databricks/bundle/broken/variable-overrides.json'), '{"catalog": "main",\n');
    const findings = findingsOf(repo);
    expect(only(findings, 'variable-file-invalid').map((f) => [at(f), f.targets])).toEqual([['.databricks/bundle/broken/variable-overrides.json:1', ['broken']]]);
    expect(only(findings, 'variable-required-unset').map((f) => f.targets)).toEqual([['dev', 'prod']]);
  });

  test('undefined-variable: one finding per reference that names nothing, at its first use, listing the others', () => {
    const findings = only(findingsOf(fixture('one-per-problem/variables')), 'undefined-variable');
    expect(findings.map((f) => [at(f), f.resources])).toEqual([['databricks.yml:14', ['jobs.refresh']]]);
    expect(findings[0].message).toBe('reference does not exist: ${var.warehouse} (also used at databricks.yml:18, databricks.yml:20)');
  });

  test('entry-point-missing: one finding for the tasks that run the same undeclared entry point', () => {
    const findings = only(findingsOf(fixture('one-per-problem/entry-point')), 'entry-point-missing');
    expect(findings.map((f) => [at(f), f.resources])).toEqual([['databricks.yml:20', ['jobs.nightly', 'jobs.weekly']]]);
    expect(findings[0].impact).toMatch(/^Tasks train of jobs\.nightly, train of jobs\.weekly fail at run time/);
  });

  test('wheel-not-built: one finding for the tasks that get no wheel of a package nothing builds', () => {
    const findings = only(findingsOf(fixture('one-per-problem/no-wheel')), 'wheel-not-built');
    expect(findings.map((f) => [at(f), f.resources])).toEqual([['databricks.yml:13', ['jobs.nightly', 'jobs.weekly']]]);
    expect(findings[0].message).toBe(
      'no wheel of trainer is built or attached for tasks train of jobs.nightly, retrain of jobs.weekly: no artifacts, no whl library',
    );
  });
});
