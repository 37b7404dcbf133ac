// entry-point-missing's wording and fix for the metadata a distribution has (setup.py only,
// setup.cfg only, a backend that never runs setup.py, a package_name that names another
// distribution), and how tasks of several jobs share one finding. Small bundles on disk.
import { describe, expect, test } from 'vitest';
import { entryPointMissing } from '../../src/checks/entry-point-missing.js';
import type { RawFinding } from '../../src/model.js';
import { runOnFiles } from './seed-helpers.js';

/** A job `key` whose tasks (name, package_name, entry_point) each attach the local wheel. */
const job = (key: string, tasks: [string, string, string][]): string =>
  `    ${key}:
      name: ${key}
      tasks:
${tasks
  .map(
    ([task, pkg, ep]) => `        - task_key: ${task}
          python_wheel_task:
            package_name: ${pkg}
            entry_point: ${ep}
          libraries:
            - whl: ./dist/*.whl
`,
  )
  .join('')}`;

function findingsOf(jobs: string, files: Record<string, string>): RawFinding[] {
  return runOnFiles(entryPointMissing, {
    'databricks.yml': `bundle:\n  name: epm\nresources:\n  jobs:\n${jobs}targets:\n  dev:\n    default: true\n`,
    ...files,
  });
}

const SETUP_PY = 'from setuptools import setup\n\nsetup(name="my-pkg", version="0.1", packages=["my_pkg"])\n';
const PYPROJECT = '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "my-pkg"\nversion = "0.1.0"\n';

describe('entry-point-missing: a distribution without pyproject.toml', () => {
  test('setup.py (and setup.cfg) only: the patch declares console_scripts in setup.py, and both files "declare no entry points"', () => {
    const found = findingsOf(job('run_pkg', [['run', 'my_pkg', 'run']]), {
      'setup.py': SETUP_PY,
      'setup.cfg': '[metadata]\nname = my-pkg\n',
      'my_pkg/__init__.py': '',
    });
    expect(found.map((f) => f.message)).toEqual([
      'entry point run of package my_pkg is declared nowhere (setup.cfg, setup.py declare no entry points) and my_pkg.run() does not exist',
    ]);
    expect(found[0].fix?.text).toMatch(/^Declare the entry point in setup\.cfg, setup\.py, pointing at a function/);
    expect(found[0].fix?.patch).toBe(
      '# setup.py\nentry_points={\n    "console_scripts": [\n        "run=my_pkg.cli:main",\n    ],\n},\n\n' +
        '# my_pkg/cli.py (new)\nimport argparse\nimport sys\n\n\ndef main(argv=None):\n    parser = argparse.ArgumentParser(prog="run")\n' +
        '    args = parser.parse_args(sys.argv[1:] if argv is None else argv)\n    ...',
    );
  });

  test('setup.py in a sub-folder: the patch names that folder\'s setup.py and the function found there', () => {
    const found = findingsOf(job('run_pkg', [['run', 'my_pkg', 'run']]), {
      'lib/setup.py': SETUP_PY,
      'lib/my_pkg/__init__.py': '',
      'lib/my_pkg/jobs.py': 'def run_cli():\n    return 0\n',
    });
    expect(found.map((f) => f.message)).toEqual([
      'entry point run of package my_pkg is declared nowhere (lib/setup.py declares no entry points) and my_pkg.run() does not exist',
    ]);
    expect(found[0].fix?.patch).toBe('# lib/setup.py\nentry_points={\n    "console_scripts": [\n        "run=my_pkg.jobs:run_cli",\n    ],\n},');
  });

  test('setup.cfg only (no setup.py): the patch creates [project.scripts] in the folder\'s pyproject.toml', () => {
    const found = findingsOf(job('run_other', [['go', 'other', 'go']]), {
      'lib/setup.cfg': '[metadata]\nname = other\n',
      'lib/other/__init__.py': '',
    });
    expect(found.map((f) => f.message)).toEqual([
      'entry point go of package other is declared nowhere (lib/setup.cfg declares no entry points) and other.go() does not exist',
    ]);
    expect(found[0].fix?.text).toMatch(/^Declare the entry point in lib\/setup\.cfg, pointing at a function .* Keep the function inside a packaged module \(other\)\.$/);
    expect(found[0].fix?.patch).toMatch(/^# lib\/pyproject\.toml\n\[project\.scripts\]\ngo = "other\.cli:main"\n\n# lib\/other\/cli\.py \(new\)\n/);
  });

  test('a src layout: the new cli module goes into src/<package>/', () => {
    const found = findingsOf(job('run_pkg', [['run', 'my_pkg', 'run']]), {
      'pyproject.toml': PYPROJECT,
      'src/my_pkg/__init__.py': '',
    });
    expect(found[0].message).toBe('entry point run of package my_pkg is declared nowhere (pyproject.toml declares no entry points) and my_pkg.run() does not exist');
    expect(found[0].fix?.patch).toMatch(/^# pyproject\.toml\n\[project\.scripts\]\nrun = "my_pkg\.cli:main"\n\n# src\/my_pkg\/cli\.py \(new\)\n/);
  });
});

describe('entry-point-missing: an entry point only setup.py declares', () => {
  test('a backend that never runs setup.py: "hatchling.build never runs setup.py", and the fix moves the entry point', () => {
    const found = findingsOf(job('train_job', [['train', 'tfm', 'train']]), {
      'pyproject.toml': '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n[project]\nname = "tfm"\nversion = "1.0.0"\n',
      'setup.py': 'from setuptools import setup\n\nsetup(name="tfm", entry_points={"console_scripts": ["train=tfm.train:main"]})\n',
      'src/tfm/__init__.py': '',
    });
    expect(found.map((f) => f.message)).toEqual([
      'entry point train of package tfm is not in the wheel (setup.py:3 declares it, but hatchling.build never runs setup.py) and tfm.train() does not exist',
    ]);
    expect(found[0].fix?.text).toMatch(/^Move the entry point from setup\.py into pyproject\.toml, pointing at a function/);
    expect(found[0].fix?.patch).toMatch(/^# pyproject\.toml\n\[project\.scripts\]\ntrain = "tfm\.cli:main"\n/);
  });
});

describe('entry-point-missing: a package_name that names another distribution', () => {
  test('the impact names the wheel of the distribution it most likely means, and the fix renames package_name too', () => {
    const found = findingsOf(job('run_pkg', [['run', 'my_pkgs', 'run']]), { 'pyproject.toml': PYPROJECT, 'my_pkg/__init__.py': '' });
    expect(found.map((f) => f.message)).toEqual([
      "entry point run is not declared by my-pkg either, the distribution package_name my_pkgs most likely means (the repository's only distribution; pyproject.toml declares no entry points): fixing package_name alone will not make the run work",
    ]);
    expect(found[0].impact).toBe(
      'Task run of jobs.run_pkg fails at run time: the runtime finds no entry point run in the wheel of my-pkg and no function my_pkgs.run.',
    );
    expect(found[0].fix?.text).toMatch(/^Besides setting package_name to my-pkg, declare the entry point in pyproject\.toml, pointing/);
  });
});

describe('entry-point-missing: one finding for the tasks of several jobs', () => {
  test('names each task, lists each job once, sorted, at the first task', () => {
    const jobs = job('z_job', [['first', 'my_pkg', 'run'], ['second', 'my_pkg', 'run']]) + job('a_job', [['third', 'my_pkg', 'run']]);
    const found = findingsOf(jobs, { 'pyproject.toml': PYPROJECT, 'my_pkg/__init__.py': '' });
    expect(found).toHaveLength(1);
    expect(found[0].resources).toEqual(['jobs.a_job', 'jobs.z_job']);
    expect(found[0].loc).toMatchObject({ file: 'databricks.yml', line: 11 });
    expect(found[0].impact).toBe(
      'Tasks first of jobs.z_job, second of jobs.z_job, third of jobs.a_job fail at run time: the runtime finds no entry point run in the wheel and no function my_pkg.run.',
    );
  });

  test('another entry point, or another package, is another finding', () => {
    const jobs = job('j', [['a', 'my_pkg', 'run'], ['b', 'my_pkg', 'other'], ['c', 'my_pkg', 'run']]);
    const found = findingsOf(jobs, { 'pyproject.toml': PYPROJECT, 'my_pkg/__init__.py': '' });
    expect(found.map((f) => [f.loc?.line, f.message.split(' (')[0]])).toEqual([
      [11, 'entry point run of package my_pkg is declared nowhere'],
      [17, 'entry point other of package my_pkg is declared nowhere'],
    ]);
  });
});

describe('entry-point-missing: what binds the name in the package for the runtime fallback', () => {
  const PYPROJECT_ONLY = { 'pyproject.toml': PYPROJECT };
  const findings = (pkg: string, files: Record<string, string>) => findingsOf(job('j', [['t', pkg, 'main']]), { ...PYPROJECT_ONLY, ...files });

  test('a folder named like a package_name that is no Python name is not importable: the finding stays', () => {
    const found = findings('my-pkg', { 'my_pkg/__init__.py': '', 'my-pkg/__init__.py': 'def main():\n    pass\n' });
    expect(found.map((f) => f.message)).toEqual(['entry point main of package my-pkg is declared nowhere (pyproject.toml declares no entry points) and my-pkg.main() does not exist']);
  });

  test('an assignment inside a function, or a from-import inside one, binds nothing at the top level', () => {
    const code = 'def setup():\n    main = 1\n    from .cli import main\n    return main\n';
    expect(findings('my_pkg', { 'my_pkg/__init__.py': code, 'my_pkg/cli.py': 'def main():\n    pass\n' })).toHaveLength(1);
  });

  test('`main=...` without spaces and an import of several names bind it', () => {
    expect(findings('my_pkg', { 'my_pkg/__init__.py': 'from . import cli\nmain=cli.start\n', 'my_pkg/cli.py': 'def start():\n    pass\n' })).toEqual([]);
    expect(findings('my_pkg', { 'my_pkg/__init__.py': 'from my_pkg.cli import start, main\n', 'my_pkg/cli.py': 'def main():\n    pass\n' })).toEqual([]);
  });

  test('the suggested target in a package __init__.py is the package itself', () => {
    const [finding] = findings('my_pkg', { 'my_pkg/__init__.py': 'def main_cli(argv=None):\n    pass\n' });
    expect(finding.fix?.patch).toBe('# pyproject.toml\n[project.scripts]\nmain = "my_pkg:main_cli"');
  });
});

describe('entry-point-missing: a distribution whose packages cannot be read', () => {
  test('no package found: the new cli module is named after the distribution, the fix says "a package of the wheel"', () => {
    const [finding] = findingsOf(job('j', [['t', 'my_pkg', 'run']]), { 'pyproject.toml': PYPROJECT });
    expect(finding.fix?.text).toMatch(/Keep the function inside a packaged module \(a package of the wheel\)\.$/);
    expect(finding.fix?.patch).toMatch(/^# pyproject\.toml\n\[project\.scripts\]\nrun = "my_pkg\.cli:main"\n\n# my_pkg\/cli\.py \(new\)\n/);
  });
});

describe('entry-point-missing: more wording', () => {
  test('a task with neither package_name nor entry_point: the patch writes <package>', () => {
    const found = findingsOf('    j:\n      name: j\n      tasks:\n        - task_key: t\n          python_wheel_task: {}\n', { 'pyproject.toml': PYPROJECT });
    expect(found.map((f) => f.fix?.patch)).toEqual(['python_wheel_task:\n  package_name: <package>\n  entry_point: main']);
  });

  test('setup.py losing another entry point does not make this one "not in the wheel"; several declared entry points are listed', () => {
    const pyproject = `${PYPROJECT}\n[project.scripts]\na = "my_pkg.x:a"\nb = "my_pkg.x:b"\n`;
    const setupPy = 'from setuptools import setup\n\nsetup(entry_points={"console_scripts": ["other=my_pkg.o:main"]})\n';
    const found = findingsOf(job('j', [['t', 'my_pkg', 'train']]), { 'pyproject.toml': pyproject, 'setup.py': setupPy, 'my_pkg/__init__.py': '' });
    expect(found.map((f) => f.message)).toEqual([
      'entry point train of package my_pkg is declared nowhere (declared: a (console_scripts), b (console_scripts)) and my_pkg.train() does not exist',
    ]);
  });

  test.each(['cli', '__main__'])('a zero-argument main in %s.py is suggested', (module) => {
    const [finding] = findingsOf(job('j', [['t', 'my_pkg', 'run']]), { 'pyproject.toml': PYPROJECT, 'my_pkg/__init__.py': '', [`my_pkg/${module}.py`]: 'def main():\n    pass\n' });
    expect(finding.fix?.patch).toBe(`# pyproject.toml\n[project.scripts]\nrun = "my_pkg.${module}:main"`);
  });
});
