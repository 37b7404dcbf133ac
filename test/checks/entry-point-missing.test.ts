// entry-point-missing on small repositories written to a temporary folder: which package functions
// stand in for an undeclared entry point (the runtime's `$package.$entryPoint()` fallback) and which
// function the fix suggests.
import { describe, expect, test } from 'vitest';
import { entryPointMissing } from '../../src/checks/entry-point-missing.js';
import type { RawFinding } from '../../src/model.js';
import { runOnFiles } from './seed-helpers.js';

const PYPROJECT = `[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "my-pkg"
version = "0.1.0"

[project.scripts]
other = "my_pkg.main:other"

[tool.setuptools]
packages = ["my_pkg"]
`;

/** A wheel task running `entryPoint` of `packageName` (YAML of one task in a job's task list). */
const wheelTask = (key: string, entryPoint: string | undefined, packageName = 'my_pkg'): string => `        - task_key: ${key}
          existing_cluster_id: 0101-000000-abcdefgh
          python_wheel_task:
            package_name: ${packageName}
${entryPoint === undefined ? '' : `            entry_point: ${entryPoint}\n`}          libraries:
            - whl: ./dist/*.whl
`;

/** The findings on a bundle with one job of the `tasks` given, the package files and pyproject.toml. */
function findingsOf(tasks: string, files: Record<string, string>): RawFinding[] {
  return runOnFiles(entryPointMissing, {
    'databricks.yml': `bundle:
  name: epm
artifacts:
  wheel:
    type: whl
    build: python3 -m build --wheel
    path: .
resources:
  jobs:
    run_pkg:
      name: run pkg
      tasks:
${tasks}targets:
  dev:
    default: true
`,
    'pyproject.toml': PYPROJECT,
    ...files,
  });
}

/** A bundle whose one wheel task runs `entryPoint` of my_pkg, with the package files given. */
const findings = (entryPoint: string, files: Record<string, string>): RawFinding[] => findingsOf(wheelTask('run', entryPoint), files);

const MAIN = 'def main(argv=None):\n    return 0\n\n\ndef other():\n    return 1\n';

describe('entry-point-missing: the runtime fallback $package.$entryPoint()', () => {
  test('a top-level function of that name in the package __init__.py stands in for the undeclared entry point', () => {
    expect(findings('run', { 'my_pkg/__init__.py': 'def run():\n    return 0\n', 'my_pkg/main.py': MAIN })).toEqual([]);
  });

  test('a function of another name in __init__.py does not: the undeclared entry point is reported', () => {
    const found = findings('run', { 'my_pkg/__init__.py': 'def helper():\n    return 0\n', 'my_pkg/main.py': MAIN });
    expect(found.map((f) => f.message)).toEqual([
      'entry point run of package my_pkg is declared nowhere (declared: other (console_scripts)) and my_pkg.run() does not exist',
    ]);
  });

  test('`from .cli import main` in __init__.py binds the name, so the fallback finds it', () => {
    const files = { 'my_pkg/__init__.py': 'from .cli import main\n', 'my_pkg/cli.py': 'def main():\n    return 0\n', 'my_pkg/main.py': MAIN };
    expect(findings('main', files)).toEqual([]);
  });

  test('`main = ...` at the top of __init__.py binds the name too', () => {
    const files = { 'my_pkg/__init__.py': 'from . import cli\nmain = cli.start\n', 'my_pkg/cli.py': 'def start():\n    return 0\n' };
    expect(findings('main', files)).toEqual([]);
  });

  test('an import of another name, or the name inside a longer one, binds nothing', () => {
    const files = { 'my_pkg/__init__.py': 'from .cli import mainly\nmain_entry = 1\n', 'my_pkg/cli.py': 'def mainly():\n    return 0\n' };
    expect(findings('main', files).map((f) => f.message)).toEqual([
      'entry point main of package my_pkg is declared nowhere (declared: other (console_scripts)) and my_pkg.main() does not exist',
    ]);
  });
});

describe('entry-point-missing: the function the fix suggests', () => {
  test('skips a function of the entry point name that needs an argument (following the fix would raise TypeError)', () => {
    const files = {
      'my_pkg/__init__.py': '',
      'my_pkg/cli.py': 'def run(config):\n    return config\n',
      'my_pkg/main.py': MAIN,
    };
    const [finding] = findings('run', files);
    expect(finding.fix?.patch).toBe('# pyproject.toml\n[project.scripts]\nrun = "my_pkg.main:main"');
  });

  test('prefers a zero-argument function of the entry point name, then <name>_cli, then main', () => {
    const base = { 'my_pkg/__init__.py': '', 'my_pkg/main.py': MAIN };
    expect(findings('run', { ...base, 'my_pkg/jobs.py': 'def run():\n    pass\n' })[0].fix?.patch).toBe('# pyproject.toml\n[project.scripts]\nrun = "my_pkg.jobs:run"');
    expect(findings('run', { ...base, 'my_pkg/jobs.py': 'def run_cli(argv=None):\n    pass\n' })[0].fix?.patch).toBe(
      '# pyproject.toml\n[project.scripts]\nrun = "my_pkg.jobs:run_cli"',
    );
  });

  test('a main of an unrelated module is another program: a new cli module is suggested instead', () => {
    const [finding] = findings('run', { 'my_pkg/__init__.py': '', 'my_pkg/report.py': 'def main():\n    pass\n' });
    expect(finding.fix?.patch).toContain('run = "my_pkg.cli:main"\n\n# my_pkg/cli.py (new)\nimport argparse');
  });
});

describe('entry-point-missing: messages', () => {
  test('a wheel task without entry_point: the run has nothing to call', () => {
    const found = findingsOf(wheelTask('bare', undefined), { 'my_pkg/__init__.py': '' });
    expect(found.map((f) => f.message)).toEqual(['task bare of jobs.run_pkg is a python_wheel_task without entry_point: the run has nothing to call']);
    expect(found[0].impact).toBe('`bundle validate` warns `required field "entry_point" is not set`; the job run of run_pkg fails.');
    expect(found[0].fix?.patch).toBe('python_wheel_task:\n  package_name: my_pkg\n  entry_point: main');
    expect(found[0].loc).toMatchObject({ file: 'databricks.yml', line: 16 });
  });

  test('tasks running one undeclared entry point share one finding that names each task', () => {
    const found = findingsOf(wheelTask('b', 'run') + wheelTask('a', 'run'), { 'my_pkg/__init__.py': '' });
    expect(found).toHaveLength(1);
    expect(found[0].resources).toEqual(['jobs.run_pkg']);
    expect(found[0].loc).toMatchObject({ file: 'databricks.yml', line: 17 });
    expect(found[0].impact).toBe(
      'Tasks b of jobs.run_pkg, a of jobs.run_pkg fail at run time: the runtime finds no entry point run in the wheel and no function my_pkg.run.',
    );
  });

  test('one task: "Task ... fails", and the fix names the metadata file and the packages to keep the function in', () => {
    const [finding] = findings('run', { 'my_pkg/__init__.py': '' });
    expect(finding.impact).toBe('Task run of jobs.run_pkg fails at run time: the runtime finds no entry point run in the wheel and no function my_pkg.run.');
    expect(finding.fix?.text).toBe(
      'Declare the entry point in pyproject.toml, pointing at a function that the wheel contains and that takes no required arguments (task parameters arrive in sys.argv). Keep the function inside a packaged module (my_pkg).',
    );
  });

  test('a package_name that is no Python name has no fallback function, even when __init__.py defines one', () => {
    const found = findingsOf(wheelTask('run', 'run', 'my-pkg'), { 'my_pkg/__init__.py': 'def run():\n    return 0\n' });
    expect(found.map((f) => f.message)).toEqual([
      'entry point run of package my-pkg is declared nowhere (declared: other (console_scripts)) and my-pkg.run() does not exist',
    ]);
  });
});
