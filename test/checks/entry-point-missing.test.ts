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

/** A bundle whose one wheel task runs `entryPoint` of my_pkg, with the package files given. */
function findings(entryPoint: string, files: Record<string, string>): RawFinding[] {
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
        - task_key: run
          existing_cluster_id: 0101-000000-abcdefgh
          python_wheel_task:
            package_name: my_pkg
            entry_point: ${entryPoint}
          libraries:
            - whl: ./dist/*.whl
targets:
  dev:
    default: true
`,
    'pyproject.toml': PYPROJECT,
    ...files,
  });
}

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
