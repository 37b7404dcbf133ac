// package-discovery-failed on small bundles on disk: a flat layout setuptools refuses is reported
// only for a project something builds (an artifact on its folder, or a local wheel library under its
// folder / its dist/), with the evidence of the metadata file.
import { describe, expect, test } from 'vitest';
import { packageDiscoveryFailed } from '../../src/checks/package-discovery-failed.js';
import type { RawFinding } from '../../src/model.js';
import { runOnFiles } from './seed-helpers.js';

const PYPROJECT = '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "flat"\nversion = "1.0.0"\n';

/** A flat project with two top-level packages in `dir`, a bundle with the artifacts and whl paths given. */
function run(dir: string, artifacts: string, whl: string[]): RawFinding[] {
  const prefix = dir === '.' ? '' : `${dir}/`;
  const libraries = whl.map((w) => `            - whl: ${w}\n`).join('');
  return runOnFiles(packageDiscoveryFailed, {
    'databricks.yml': `bundle:\n  name: pdf\n${artifacts ? `artifacts:\n${artifacts}` : ''}resources:\n  jobs:\n    j:\n      name: j\n      tasks:\n        - task_key: t\n          existing_cluster_id: x\n          spark_python_task:\n            python_file: ./run.py\n${libraries ? `          libraries:\n${libraries}` : ''}`,
    'run.py': 'print(1)\n',
    [`${prefix}pyproject.toml`]: PYPROJECT,
    [`${prefix}features/__init__.py`]: '',
    [`${prefix}pipelines/__init__.py`]: '',
  });
}

const MESSAGE = (where: string) =>
  `setuptools finds several top-level packages in the flat layout of ${where} (features, pipelines) and refuses to build ("Multiple top-level packages discovered in a flat-layout")`;

describe('package-discovery-failed: built by an artifact', () => {
  test('an artifact on the project folder (type whl or no type): the finding with the first lines of pyproject.toml as evidence', () => {
    const findings = run('lib', '  w:\n    type: whl\n    path: ./lib/\n', []);
    expect(findings.map((f) => [f.message, `${f.loc?.file}:${f.loc?.line}`, f.severity])).toEqual([[MESSAGE('lib'), 'lib/pyproject.toml:1', 'high']]);
    expect(findings[0].evidence).toBe('[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"');
    expect(run('lib', '  w:\n    path: lib\n', []).map((f) => f.message)).toEqual([MESSAGE('lib')]);
  });

  test('an artifact without path builds the bundle root', () => {
    expect(run('.', '  w:\n    type: whl\n    build: python3 -m build --wheel\n', []).map((f) => f.message)).toEqual([MESSAGE('the bundle root')]);
  });

  test('a jar artifact, or an artifact on another folder, builds nothing of the project', () => {
    expect(run('lib', '  w:\n    type: jar\n    path: ./lib\n', [])).toEqual([]);
    expect(run('lib', '  w:\n    type: whl\n    path: ./other\n', [])).toEqual([]);
  });
});

describe('package-discovery-failed: built because a task references its wheel', () => {
  test('a local wheel under the project folder, or under dist/ for a project at the root', () => {
    expect(run('lib', '', ['./lib/dist/*.whl']).map((f) => f.message)).toEqual([MESSAGE('lib')]);
    expect(run('lib', '', ['./lib/wheels/flat-1.0-py3-none-any.WHL']).map((f) => f.message)).toEqual([MESSAGE('lib')]);
    expect(run('.', '', ['./dist/*.whl']).map((f) => f.message)).toEqual([MESSAGE('the bundle root')]);
  });

  test('a wheel elsewhere, a remote wheel, a jar, or a root project with a wheel outside dist/: not built', () => {
    expect(run('lib', '', ['./other/dist/*.whl'])).toEqual([]);
    expect(run('lib', '', ['/Volumes/main/libs/lib/dist/flat-1.0-py3-none-any.whl'])).toEqual([]);
    expect(run('lib', '', ['./lib/target/flat.jar'])).toEqual([]);
    expect(run('.', '', ['./wheels/flat-1.0-py3-none-any.whl'])).toEqual([]);
  });
});
