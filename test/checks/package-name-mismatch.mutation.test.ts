// package-name-mismatch on small bundles on disk: the wording for one task and for several, for one
// distribution and for several, the fix with and without a likely distribution, and each way the
// package evidently comes from elsewhere (not judged).
import { describe, expect, test } from 'vitest';
import { packageNameMismatch } from '../../src/checks/package-name-mismatch.js';
import type { RawFinding } from '../../src/model.js';
import { runOnFiles } from './seed-helpers.js';

const pyproject = (name: string) => `[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "${name}"\nversion = "0.1.0"\n`;

/** A wheel task (YAML) running package `pkg`, with the extra task lines given (libraries, cluster). */
const task = (key: string, pkg: string, extra = '          libraries:\n            - whl: ./dist/*.whl\n') =>
  `        - task_key: ${key}\n          python_wheel_task:\n            package_name: ${pkg}\n            entry_point: main\n${extra}`;

function run(tasks: string, files: Record<string, string>): RawFinding[] {
  return runOnFiles(packageNameMismatch, { 'databricks.yml': `bundle:\n  name: pnm\nresources:\n  jobs:\n    j:\n      name: j\n      tasks:\n${tasks}`, ...files });
}

const TWO = { 'a/pyproject.toml': pyproject('alpha-core'), 'a/alpha/__init__.py': '', 'b/pyproject.toml': pyproject('beta'), 'b/beta/__init__.py': '' };

describe('package-name-mismatch: the finding', () => {
  test("one task, the repository's only distribution: at package_name, the patch renames it", () => {
    const [finding, ...rest] = run(task('t', 'my_pkgs'), { 'pyproject.toml': pyproject('my-pkg'), 'my_pkg/__init__.py': '' });
    expect(rest).toEqual([]);
    expect(finding.message).toBe("package_name my_pkgs of task t matches no distribution in the repository (the repository's distribution is my-pkg)");
    expect(finding.loc).toMatchObject({ file: 'databricks.yml', line: 10 });
    expect(finding.resources).toEqual(['jobs.j']);
    expect(finding.impact).toBe('Task t of jobs.j fails at run time: no installed distribution is named my_pkgs.');
    expect(finding.fix).toEqual({
      text: "Use the name of the distribution the task most likely runs (the repository's only distribution) as package_name.",
      patch: 'package_name: my-pkg',
    });
  });

  test('several distributions, none close: "distributions are", and the fix lists them without a patch', () => {
    const [finding] = run(task('t', 'zzz'), TWO);
    expect(finding.message).toBe("package_name zzz of task t matches no distribution in the repository (the repository's distributions are alpha-core, beta)");
    expect(finding.fix).toEqual({ text: "Set package_name to the name of the distribution the task's wheel is built from (one of alpha-core, beta)." });
  });

  test('two tasks with one wrong name: one finding naming both, "in each of them", "These tasks fail"', () => {
    const findings = run(task('a', 'alpha') + task('b', 'alpha'), TWO);
    expect(findings.map((f) => f.message)).toEqual([
      "package_name alpha of tasks a of jobs.j, b of jobs.j matches no distribution in the repository (the repository's distributions are alpha-core, beta); also written at databricks.yml:16",
    ]);
    expect(findings[0].impact).toBe('These tasks fail at run time: no installed distribution is named alpha.');
    expect(findings[0].fix).toEqual({
      text: 'Use the name of the distribution the task most likely runs (it ships the import package of that name) as package_name in each of them.',
      patch: 'package_name: alpha-core',
    });
  });

  test('the right name (PEP 503), or a task without package_name: nothing', () => {
    expect(run(task('t', 'My.Pkg') + task('u', '""'), { 'pyproject.toml': pyproject('my-pkg'), 'my_pkg/__init__.py': '' })).toEqual([]);
  });
});

describe('package-name-mismatch: packages from elsewhere are not judged', () => {
  const files = { 'pyproject.toml': pyproject('my-pkg'), 'my_pkg/__init__.py': '' };

  test('installed by name from PyPI', () => {
    expect(run(task('t', 'requests', '          libraries:\n            - pypi:\n                package: requests==2.32.3\n'), files)).toEqual([]);
  });

  test('remote wheels only', () => {
    expect(run(task('t', 'other', '          libraries:\n            - whl: /Volumes/main/libs/other-1.0-py3-none-any.whl\n'), files)).toEqual([]);
  });

  test('no wheel attached, on an existing cluster', () => {
    expect(run(task('t', 'other', '          existing_cluster_id: 0101-abc\n'), files)).toEqual([]);
  });

  test('no distribution in the repository, or one whose name setup.py computes', () => {
    expect(run(task('t', 'other'), {})).toEqual([]);
    expect(run(task('t', 'other'), { ...files, 'lib/setup.py': 'from setuptools import setup\nsetup(**kwargs)\n' })).toEqual([]);
  });

  test('a project without a name (pyproject.toml without [project]) is no distribution to compare with', () => {
    expect(run(task('t', 'other'), { 'pyproject.toml': '[build-system]\nrequires = ["setuptools"]\n' })).toEqual([]);
    const [finding] = run(task('t', 'other'), { ...files, 'lib/pyproject.toml': '[build-system]\nrequires = ["setuptools"]\n' });
    expect(finding.message).toBe("package_name other of task t matches no distribution in the repository (the repository's distribution is my-pkg)");
  });

  test('a local wheel attached: judged', () => {
    expect(run(task('t', 'other', '          libraries:\n            - whl: ./dist/other-1.0-py3-none-any.whl\n'), files)).toHaveLength(1);
  });
});
