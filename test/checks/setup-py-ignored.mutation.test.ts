// setup-py-ignored on small bundles on disk: the impact and fix for setuptools and for a backend
// that never runs setup.py, severity by what the wheel loses, entry points pyproject.toml replaces,
// and entry points a wheel task runs (entry-point-missing's) left out.
import { describe, expect, test } from 'vitest';
import { setupPyIgnored } from '../../src/checks/setup-py-ignored.js';
import type { RawFinding } from '../../src/model.js';
import { runOnFiles } from './seed-helpers.js';

const SETUPTOOLS = '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n';
const HATCH = '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n';

/** A bundle whose job runs wheel tasks with the entry points given, and a project with this pyproject.toml and setup.py. */
function run(pyproject: string, setupPy: string, entryPoints: string[] = []): RawFinding[] {
  const tasks = entryPoints
    .map((ep) => `        - task_key: ${ep}\n          existing_cluster_id: x\n          python_wheel_task:\n            package_name: tfm\n            entry_point: ${ep}\n          libraries:\n            - whl: ./dist/*.whl\n`)
    .join('');
  return runOnFiles(setupPyIgnored, {
    'databricks.yml': `bundle:\n  name: spi\n${tasks ? `resources:\n  jobs:\n    j:\n      name: j\n      tasks:\n${tasks}` : ''}`,
    'pyproject.toml': pyproject,
    'setup.py': `from setuptools import setup\n\nsetup(${setupPy})\n`,
    'tfm/__init__.py': '',
  });
}

const PROJECT = '\n[project]\nname = "tfm"\nversion = "1.0.0"\n';

describe('setup-py-ignored: setuptools with a [project] table', () => {
  test('only a description ignored: low, "declared twice" impact, and the fix keeps one declaration', () => {
    const findings = run(SETUPTOOLS + PROJECT, 'author="Ann"');
    expect(findings.map((f) => [f.message, f.severity, `${f.loc?.file}:${f.loc?.line}`, f.resources])).toEqual([
      [
        'setup.py passes author that the wheel does not get as written (pyproject.toml has a [project] table, so setuptools takes the metadata from it): author Ann (ignored)',
        'low',
        'setup.py:3',
        [],
      ],
    ]);
    expect(findings[0].evidence).toBe('setup(author="Ann")\n');
    expect(findings[0].impact).toBe(
      'Metadata is declared twice with different values (or only where it is ignored): readers and tools see one value, the wheel another.',
    );
    expect(findings[0].fix?.text).toBe(
      'Keep one declaration: move what setup.py passes into pyproject.toml ([project] fields, [project.scripts] for console scripts) and reduce setup.py to setup(), or list the fields in [project] dynamic.',
    );
  });

  test('install_requires that the wheel loses entirely: high, with the "differs from what setup.py shows" impact', () => {
    const [finding] = run(SETUPTOOLS + PROJECT, 'install_requires=["pandas"]');
    expect(finding.severity).toBe('high');
    expect(finding.impact).toBe(
      'The wheel deploy builds differs from what setup.py shows: its name, entry points, packages or requirements are not the ones a reader expects.',
    );
  });

  test('install_requires that only differ from dependencies: low', () => {
    const [finding] = run(`${SETUPTOOLS + PROJECT}dependencies = ["pandas>=2"]\n`, 'install_requires=["pandas>=1"]');
    expect(finding.severity).toBe('low');
    expect(finding.message).toContain('install_requires pandas>=1 vs dependencies pandas>=2 (dependencies in pyproject.toml wins)');
  });

  test('an entry point pyproject.toml declares too: "pyproject.toml wins", naming both values', () => {
    const pyproject = `${SETUPTOOLS + PROJECT}\n[project.scripts]\ntrain = "tfm.cli:train"\n`;
    const [finding] = run(pyproject, 'entry_points={"console_scripts": ["train=tfm.old:main", "extra=tfm.x:main"]}');
    expect(finding.severity).toBe('high');
    expect(finding.message).toMatch(/: entry_points console_scripts train=tfm\.old:main vs tfm\.cli:train in pyproject\.toml, console_scripts extra=tfm\.x:main \(pyproject\.toml wins\)$/);
  });

  test('entry points that wheel tasks run are left out; when tasks run them all, entry_points is not listed at all', () => {
    const setupPy = 'author="Ann", entry_points={"console_scripts": ["train=tfm.t:main", "evaluate=tfm.e:main"]}';
    const [some] = run(SETUPTOOLS + PROJECT, setupPy, ['train']);
    expect(some.message).toMatch(/: author Ann \(ignored\); entry_points console_scripts evaluate=tfm\.e:main \(ignored\)$/);
    const [all] = run(SETUPTOOLS + PROJECT, setupPy, ['train', 'evaluate']);
    expect(all.message).toBe(
      'setup.py passes author that the wheel does not get as written (pyproject.toml has a [project] table, so setuptools takes the metadata from it): author Ann (ignored)',
    );
    expect(all.severity).toBe('low');
    expect(run(SETUPTOOLS + PROJECT, 'entry_points={"console_scripts": ["train=tfm.t:main"]}', ['train'])).toEqual([]);
  });
});

describe('setup-py-ignored: a backend that never runs setup.py', () => {
  test('the message names the backend, the fix moves everything and deletes setup.py', () => {
    const [finding] = run(HATCH + PROJECT, 'author="Ann"');
    expect(finding.message).toBe(
      'setup.py passes author that the wheel does not get as written (pyproject.toml builds with hatchling.build, which never runs setup.py): author Ann (ignored)',
    );
    expect(finding.fix?.text).toBe('Move what setup.py passes into pyproject.toml (the place hatchling.build reads), then delete setup.py.');
  });

  test('no setup.py facts (pyproject.toml declares all of it): nothing', () => {
    expect(run(HATCH + PROJECT, 'name="tfm"')).toEqual([]);
  });
});
