// duplicate-library-name on small bundles on disk: literal wheel paths with one file name in two
// folders, wheel globs under <dir>/dist/ of two artifacts building one distribution (named by its
// metadata, else by its only top-level package), and what is not judged.
import { describe, expect, test } from 'vitest';
import { duplicateLibraryName } from '../../src/checks/duplicate-library-name.js';
import type { RawFinding } from '../../src/model.js';
import { runOnFiles } from './seed-helpers.js';

/** A bundle with the artifacts given and job tasks (job key, task key, whl path). */
function run(artifacts: string, tasks: [string, string, string][], files: Record<string, string> = {}): RawFinding[] {
  const jobs = [...new Set(tasks.map(([job]) => job))]
    .map(
      (job) =>
        `    ${job}:\n      name: ${job}\n      tasks:\n` +
        tasks
          .filter(([j]) => j === job)
          .map(([, task, whl]) => `        - task_key: ${task}\n          existing_cluster_id: x\n          spark_python_task:\n            python_file: ./run.py\n          libraries:\n            - whl: ${whl}\n`)
          .join(''),
    )
    .join('');
  return runOnFiles(duplicateLibraryName, {
    'databricks.yml': `bundle:\n  name: dup\n${artifacts ? `artifacts:\n${artifacts}` : ''}resources:\n  jobs:\n${jobs}`,
    'run.py': 'print(1)\n',
    ...files,
  });
}

const project = (name: string) => `[project]\nname = "${name}"\nversion = "0.1"\n`;
const TWO_ARTIFACTS = '  one:\n    type: whl\n    path: ./one\n  two:\n    type: whl\n    path: ./two\n';

describe('duplicate-library-name: literal paths', () => {
  test('one file name in two folders: one finding at the first, naming both folders and the other place', () => {
    const findings = run('', [
      ['z_job', 'a', './libs/a/pkg-1.0-py3-none-any.whl'],
      ['a_job', 'b', './libs/b/pkg-1.0-py3-none-any.whl'],
      ['a_job', 'c', './libs/a/pkg-1.0-py3-none-any.whl'],
    ]);
    expect(findings.map((f) => [f.message, `${f.loc?.file}:${f.loc?.line}`, f.resources])).toEqual([
      [
        'Duplicate local library names: pkg-1.0-py3-none-any.whl is built or found in libs/a and libs/b (same file name); also referenced at databricks.yml:22',
        'databricks.yml:13',
        ['jobs.a_job', 'jobs.z_job'],
      ],
    ]);
    expect(findings[0].impact).toBe('`bundle deploy` fails before uploading the libraries.');
    expect(findings[0].fix?.text).toBe('Give the distributions in libs/a and libs/b different names, or reference only one of them.');
    expect(findings[0].evidence).toBe('- whl: ./libs/a/pkg-1.0-py3-none-any.whl');
  });

  test('the same file referenced twice, or different names, is no duplicate', () => {
    expect(run('', [['j', 'a', './libs/a/x.whl'], ['j', 'b', './libs/a/x.whl'], ['j', 'c', './libs/b/y.whl']])).toEqual([]);
  });

  test('two duplicate names: one finding each, sorted by name', () => {
    const findings = run('', [
      ['j', 'a', './a/zeta.whl'],
      ['j', 'b', './b/zeta.whl'],
      ['j', 'c', './a/alpha.whl'],
      ['j', 'd', './b/alpha.whl'],
    ]);
    expect(findings.map((f) => f.message.split(' is built')[0])).toEqual(['Duplicate local library names: alpha.whl', 'Duplicate local library names: zeta.whl']);
  });
});

describe('duplicate-library-name: wheel globs of artifacts', () => {
  test('two artifacts building one distribution (PEP 503 names): "same distribution name"', () => {
    const findings = run(TWO_ARTIFACTS, [['j', 'a', './one/dist/*.whl'], ['j', 'b', './two/dist/*.whl']], {
      'one/pyproject.toml': project('my-pkg'),
      'two/pyproject.toml': project('My_Pkg'),
    });
    expect(findings.map((f) => f.message)).toEqual([
      'Duplicate local library names: my-pkg wheel is built or found in one and two (same distribution name); also referenced at databricks.yml:26',
    ]);
  });

  test('without distribution metadata: the only top-level package (flat or src layout) names the wheel', () => {
    const findings = run(TWO_ARTIFACTS, [['j', 'a', './one/dist/*.whl'], ['j', 'b', './two/dist/*.whl']], {
      'one/my_pkg/__init__.py': '',
      'one/my_pkg/sub/__init__.py': '',
      'one/README.md': 'x\n',
      'two/src/My-Pkg/__init__.py': '',
    });
    expect(findings.map((f) => f.message)).toEqual([
      'Duplicate local library names: my_pkg wheel is built or found in one and two (same package, distribution metadata not found); also referenced at databricks.yml:26',
    ]);
  });

  test('several top-level packages, a glob outside dist/, or a folder no artifact builds: no name, no finding', () => {
    const files = { 'one/a/__init__.py': '', 'one/b/__init__.py': '', 'two/a/__init__.py': '', 'two/b/__init__.py': '' };
    expect(run(TWO_ARTIFACTS, [['j', 'a', './one/dist/*.whl'], ['j', 'b', './two/dist/*.whl']], files)).toEqual([]);
    const named = { 'one/pyproject.toml': project('p'), 'two/pyproject.toml': project('p') };
    expect(run(TWO_ARTIFACTS, [['j', 'a', './one/out/*.whl'], ['j', 'b', './two/out/*.whl']], named)).toEqual([]);
    expect(run('  one:\n    type: whl\n    path: ./one\n', [['j', 'a', './one/dist/*.whl'], ['j', 'b', './two/dist/*.whl']], named)).toEqual([]);
  });
});
