// entry-point-unresolvable on small repositories on disk: each message (not module:function, module
// outside the wheel, module missing, function missing, required positionals), each name binding that
// makes the attribute exist, and one finding per entry point for the jobs that run it.
import { describe, expect, test } from 'vitest';
import { entryPointUnresolvable } from '../../src/checks/entry-point-unresolvable.js';
import type { RawFinding } from '../../src/model.js';
import { runOnFiles } from './seed-helpers.js';

const PYPROJECT = (scripts: string) =>
  `[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "my-pkg"\nversion = "0.1.0"\n\n[project.scripts]\n${scripts}\n[tool.setuptools]\npackages = ["my_pkg"]\n`;

/** Jobs (key -> entry points their wheel tasks run) over my_pkg with these [project.scripts] and files. */
function run(jobs: Record<string, string[]>, scripts: string, files: Record<string, string>): RawFinding[] {
  const yaml = Object.entries(jobs)
    .map(
      ([job, eps]) =>
        `    ${job}:\n      name: ${job}\n      tasks:\n` +
        eps
          .map((ep, i) => `        - task_key: t${i}\n          existing_cluster_id: x\n          python_wheel_task:\n            package_name: my_pkg\n            entry_point: ${ep}\n          libraries:\n            - whl: ./dist/*.whl\n`)
          .join(''),
    )
    .join('');
  return runOnFiles(entryPointUnresolvable, {
    'databricks.yml': `bundle:\n  name: epu\nresources:\n  jobs:\n${yaml}`,
    'pyproject.toml': PYPROJECT(scripts),
    'my_pkg/__init__.py': '',
    ...files,
  });
}

const one = (scripts: string, files: Record<string, string>, ep = 'run'): RawFinding[] => run({ j: [ep] }, scripts, files);

describe('entry-point-unresolvable: messages', () => {
  test('not of the form module:function: at the entry point, with the fix to write it so', () => {
    const [finding, ...rest] = one('run = "my-pkg.cli:main"', {});
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      message: 'entry point run = "my-pkg.cli:main" is not of the form module:function',
      loc: { file: 'pyproject.toml', line: 10 },
      resources: ['jobs.j'],
      evidence: '[project.scripts]\nrun = "my-pkg.cli:main"\n[tool.setuptools]',
      impact: 'The wheel cannot load it: the run fails before the code starts. (jobs.j)',
      fix: { text: 'Write it as "package.module:function".' },
    });
    expect(finding.fix?.patch).toBeUndefined();
  });

  test('a module that does not exist in the sources: Create <module path>.py', () => {
    const [finding] = one('run = "my_pkg.daily:main"', {});
    expect(finding.message).toBe('entry point run = "my_pkg.daily:main" names module my_pkg.daily, which does not exist in the sources of my-pkg');
    expect(finding.impact).toBe("The run fails with ModuleNotFoundError: No module named 'my_pkg.daily'. (jobs.j)");
    expect(finding.fix).toEqual({ text: 'Create my_pkg/daily.py with the function, or correct the module path.' });
  });

  test('a module outside the wheel without attribute: the patch points at <package>.cli:main', () => {
    const [finding] = one('run = "scripts.go"', { 'scripts/go.py': 'def main():\n    pass\n' });
    expect(finding.message).toBe('entry point run = "scripts.go" names module scripts.go, which the wheel of my-pkg does not contain (it packages my_pkg)');
    expect(finding.fix).toEqual({
      text: "Move the function into a packaged module (my_pkg) and point the entry point at it, or add scripts to the wheel's packages.",
      patch: '[project.scripts]\nrun = "my_pkg.cli:main"',
    });
  });

  test('a missing function: AttributeError, and the patch defines it to parse sys.argv', () => {
    const [finding] = one('run = "my_pkg.cli:start"', { 'my_pkg/cli.py': 'import sys\n\ndef other():\n    pass\n' });
    expect(finding.message).toBe('entry point run = "my_pkg.cli:start": my_pkg/cli.py defines no top-level start');
    expect(finding.impact).toBe("The run fails with AttributeError: module 'my_pkg.cli' has no attribute 'start'. (jobs.j)");
    expect(finding.fix).toEqual({
      text: 'Define `def start(argv=None)` in my_pkg/cli.py (parse the task parameters from sys.argv), or point the entry point at an existing function.',
      patch:
        'def start(argv=None):\n    parser = argparse.ArgumentParser(prog="start")\n    # parser.add_argument("--epochs", type=int, default=10)\n' +
        '    args = parser.parse_args(sys.argv[1:] if argv is None else argv)\n    ...',
    });
  });

  test('required positionals: "1 positional argument" / "2 positional arguments"', () => {
    const [oneArg] = one('run = "my_pkg.cli:main"', { 'my_pkg/cli.py': 'def main(config):\n    pass\n' });
    expect(oneArg.message).toBe('entry point run = "my_pkg.cli:main": main() requires 1 positional argument, but the runtime calls it with none');
    expect(oneArg.impact).toBe('The run fails with TypeError: main() missing 1 required positional argument. (jobs.j)');
    expect(oneArg.fix?.text).toBe('Give every parameter of main a default and read the task parameters from sys.argv (argparse).');
    expect(oneArg.fix?.patch).toMatch(/^def main\(argv=None\):\n/);
    const [two] = one('run = "my_pkg.cli:main"', { 'my_pkg/cli.py': 'def main(a, b, c=1):\n    pass\n' });
    expect(two.message).toBe('entry point run = "my_pkg.cli:main": main() requires 2 positional arguments, but the runtime calls it with none');
    expect(two.impact).toBe('The run fails with TypeError: main() missing 2 required positional arguments. (jobs.j)');
  });
});

describe('entry-point-unresolvable: what resolves', () => {
  test.each([
    ['a zero-argument function', 'def main(argv=None):\n    pass\n'],
    ['a class', 'class main:\n    pass\n'],
    ['an assignment', 'main = lambda: 0\n'],
    ['an annotated assignment', 'main: object = None\n'],
    ['a from-import', 'from my_pkg.impl import start, main\n'],
    ['an import with alias', 'import my_pkg.impl as main\n'],
    ['a module of comments only (nothing to judge)', '# main() comes later\n\n'],
  ])('%s named like the attribute', (_, code) => {
    expect(one('run = "my_pkg.cli:main"', { 'my_pkg/cli.py': code })).toEqual([]);
  });

  test('an entry point with only a module, or naming a method (attr.path), is not judged for arguments', () => {
    expect(one('run = "my_pkg.cli"', { 'my_pkg/cli.py': 'x = 1\n' })).toEqual([]);
    expect(one('run = "my_pkg.cli:App.main"', { 'my_pkg/cli.py': 'def App(a):\n    pass\n' })).toEqual([]);
  });

  test('a name only inside a longer one does not bind it', () => {
    const findings = one('run = "my_pkg.cli:main"', { 'my_pkg/cli.py': 'main_loop = 1\nclass mainly:\n    pass\nfrom x import domain\n' });
    expect(findings.map((f) => f.message)).toEqual(['entry point run = "my_pkg.cli:main": my_pkg/cli.py defines no top-level main']);
  });

  test('a binding inside a function or class body is not top-level', () => {
    const code = 'def setup():\n    main = 1\n    from x import main\n    import y as main\n\nclass C:\n    class main:\n        pass\n';
    expect(one('run = "my_pkg.cli:main"', { 'my_pkg/cli.py': code }).map((f) => f.message)).toEqual([
      'entry point run = "my_pkg.cli:main": my_pkg/cli.py defines no top-level main',
    ]);
  });

  test('an entry point no task runs is not judged', () => {
    expect(one('other = "nowhere:main"\nrun = "my_pkg.cli:main"', { 'my_pkg/cli.py': 'def main():\n    pass\n' })).toEqual([]);
  });
});

describe('entry-point-unresolvable: one finding per entry point', () => {
  test('the jobs that run it, each once, sorted, in the finding and the impact', () => {
    const findings = run({ z_job: ['run', 'run'], a_job: ['run'] }, 'run = "my_pkg.cli:start"', { 'my_pkg/cli.py': 'x = 1\n' });
    expect(findings.map((f) => [f.resources, f.impact])).toEqual([
      [['jobs.a_job', 'jobs.z_job'], "The run fails with AttributeError: module 'my_pkg.cli' has no attribute 'start'. (jobs.a_job, jobs.z_job)"],
    ]);
  });
});
