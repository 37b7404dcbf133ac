// library-deps-inconsistent on small bundles on disk: the %pip finding per compute (cluster,
// environment, serverless notebook, classic and serverless pipeline) with its fix, unpinned job
// libraries, one package at different versions, and the requirement parsing behind them.
import { describe, expect, test } from 'vitest';
import { libraryDepsInconsistent, parseRequirement } from '../../src/checks/library-deps-inconsistent.js';
import type { RawFinding } from '../../src/model.js';
import { runOnFiles } from './seed-helpers.js';

const NB = (pip: string) => `# Databricks notebook source\n${pip}\n\n# COMMAND ----------\nprint(1)\n`;

function run(resources: string, files: Record<string, string>): RawFinding[] {
  return runOnFiles(libraryDepsInconsistent, { 'databricks.yml': `bundle:\n  name: ldi\nresources:\n${resources}`, ...files });
}

/** A job `key` whose notebook tasks (task key, notebook, extra task lines) run as given. */
const job = (key: string, tasks: [string, string, string][]) =>
  `    ${key}:\n      name: ${key}\n      tasks:\n` +
  tasks.map(([t, nb, extra]) => `        - task_key: ${t}\n${extra}          notebook_task:\n            notebook_path: ./${nb}\n`).join('');
const CLUSTER = '          existing_cluster_id: 0101-abc\n';

describe('library-deps-inconsistent: %pip on a cluster', () => {
  test('two tasks running one notebook: one finding naming both ("declare"), the fix declares task libraries', () => {
    const findings = run(`  jobs:\n${job('z', [['b', 'nb.py', CLUSTER], ['a', 'nb.py', CLUSTER]])}`, { 'nb.py': NB('%pip install pandas==2.2.2 -r requirements.txt') });
    expect(findings.map((f) => [f.message, f.severity, `${f.loc?.file}:${f.loc?.line}`])).toEqual([
      ['nb.py installs pandas==2.2.2 -r requirements.txt with %pip install while task z.a, task z.b declare no libraries', 'low', 'nb.py:2'],
    ]);
    expect(findings[0].evidence).toBe('%pip install pandas==2.2.2 -r requirements.txt');
    expect(findings[0].impact).toBe('Libraries are downloaded and installed on every run (slower start, nothing cached) and their versions can drift between runs.');
    expect(findings[0].fix).toEqual({
      text: 'Declare the dependencies on the task (or its job cluster), pinned, and remove the %pip cell.',
      patch: 'libraries:\n  - pypi:\n      package: "pandas==2.2.2"',
    });
  });

  test('a range becomes a pin to the tested version, with a note keeping the range; an unpinned package gets no note', () => {
    const [finding] = run(`  jobs:\n${job('j', [['t', 'nb.py', CLUSTER]])}`, { 'nb.py': NB('%pip install "scikit-learn>=1.4,<2" numpy') });
    expect(finding.message).toBe('nb.py installs scikit-learn>=1.4,<2 numpy with %pip install (none pinned) while task j.t declares no libraries');
    expect(finding.severity).toBe('medium');
    expect(finding.fix?.patch).toBe(
      'libraries:\n  - pypi:\n      package: "scikit-learn==<version>"  # now >=1.4,<2: pin the tested version\n  - pypi:\n      package: "numpy==<version>"',
    );
  });

  test('a task with libraries, or a %pip of the bundle\'s own wheel only, is not a dependency problem', () => {
    const withLibs = `          existing_cluster_id: 0101-abc\n          libraries:\n            - pypi:\n                package: pandas==2.2.2\n`;
    expect(run(`  jobs:\n${job('j', [['t', 'nb.py', withLibs]])}`, { 'nb.py': NB('%pip install requests==2.0') })).toEqual([]);
    expect(run(`  jobs:\n${job('j', [['t', 'nb.py', CLUSTER]])}`, { 'nb.py': NB('%pip install /Workspace/x/dist/pkg-1.0-py3-none-any.whl') })).toEqual([]);
  });
});

describe('library-deps-inconsistent: %pip on a job environment and on serverless', () => {
  test('an environment: the patch declares its dependencies', () => {
    const env = `          environment_key: default\n`;
    const [finding] = run(`  jobs:\n${job('j', [['t', 'nb.py', env]])}      environments:\n        - environment_key: default\n          spec:\n            client: "2"\n`, {
      'nb.py': NB('%pip install pandas==2.2.2 ==bad'),
    });
    expect(finding.fix).toEqual({
      text: 'Declare the dependencies in the job environment default (environments[].spec.dependencies), pinned, and remove the %pip cell.',
      patch: 'environments:\n  - environment_key: default\n    spec:\n      dependencies:\n        - "pandas==2.2.2"',
    });
  });

  test('a serverless notebook task: pinned is fine; unpinned gets the pin fix and the "newest release" impact', () => {
    expect(run(`  jobs:\n${job('j', [['t', 'nb.py', '']])}`, { 'nb.py': NB('%pip install pandas==2.2.2 polars===1.0.0') })).toEqual([]);
    const [finding] = run(`  jobs:\n${job('j', [['t', 'nb.py', '']])}`, { 'nb.py': NB('%pip install pandas==2.* polars') });
    expect(finding.message).toBe(
      'nb.py installs pandas==2.* polars with %pip install (none pinned) for task j.t (on serverless compute, where the %pip cell is the place for dependencies)',
    );
    expect(finding.impact).toBe(
      'Every run installs the newest release of the unpinned packages: a release can break the run without any change in the repository.',
    );
    expect(finding.fix).toEqual({
      text: 'Pin every package of the %pip cell to the version the notebook is tested with (on serverless notebook tasks the %pip cell is where dependencies belong).',
      patch: '%pip install pandas==<version> polars==<version>',
    });
  });
});

describe('library-deps-inconsistent: %pip in pipeline sources', () => {
  const pipeline = (extra: string, lib: string) => `  pipelines:\n    p:\n      name: p\n      catalog: main\n      schema: s\n${extra}      libraries:\n${lib}`;

  test('a classic pipeline: the pin fix speaks of pipelines', () => {
    const [finding] = run(pipeline('', '        - notebook:\n            path: ./src/flow\n'), { 'src/flow.py': NB('%pip install rapidfuzz') });
    expect(finding.fix?.text).toBe(
      'Pin every package of the %pip cell to the version the pipeline is tested with (on classic pipelines the %pip cell is where dependencies belong).',
    );
  });

  test('a serverless pipeline without environment dependencies: the fix declares them; with dependencies: nothing', () => {
    const lib = '        - glob:\n            include: ./src/**\n';
    const [finding, ...rest] = run(pipeline('      serverless: true\n', lib), { 'src/a.py': NB('%pip install rapidfuzz==3.0.0'), 'src/b.sql': 'select 1\n' });
    expect(rest).toEqual([]);
    expect(finding.message).toBe('src/a.py installs rapidfuzz==3.0.0 with %pip install while pipeline p declares no environment dependencies');
    expect(finding.fix?.text).toBe(
      "Declare the dependencies in the pipeline's environment (serverless pipelines install them before the source runs), pinned, and remove the %pip cell.",
    );
    const withDeps = '      serverless: true\n      environment:\n        dependencies:\n          - rapidfuzz==3.0.0\n';
    expect(run(pipeline(withDeps, lib), { 'src/a.py': NB('%pip install rapidfuzz==3.0.0') })).toEqual([]);
  });

  test('a remote or empty pipeline library is not read', () => {
    const lib = '        - notebook:\n            path: /Workspace/Shared/flow\n        - file:\n            path: ""\n';
    expect(run(pipeline('      serverless: true\n', lib), { 'src/flow.py': NB('%pip install rapidfuzz') })).toEqual([]);
  });
});

describe('library-deps-inconsistent: job libraries', () => {
  test('an unpinned job library: one low finding at it, with a pin patch', () => {
    const libs = '          existing_cluster_id: x\n          libraries:\n            - pypi:\n                package: pandas\n';
    const findings = run(`  jobs:\n${job('j', [['t', 'nb.py', libs]])}`, { 'nb.py': NB('print(1)') });
    expect(findings.map((f) => [f.message, f.severity, f.loc?.line, f.resources])).toEqual([['library pandas is not pinned to a version', 'low', 12, ['jobs.j']]]);
    expect(findings[0].impact).toBe('Every new cluster installs the newest release: a release of the package can break the job without any change in the repository.');
    expect(findings[0].fix).toEqual({ text: 'Pin the version the job is tested with.', patch: 'package: "pandas==<version>"' });
  });

  test('one package at two versions in two tasks: one finding listing each version and place', () => {
    const lib = (v: string) => `          existing_cluster_id: x\n          libraries:\n            - pypi:\n                package: numpy${v}\n`;
    const findings = run(`  jobs:\n${job('j', [['a', 'nb.py', lib('==1.26.4')], ['b', 'nb.py', lib('==2.0.0')], ['c', 'nb.py', lib('==2.0.0')]])}`, { 'nb.py': NB('print(1)') });
    expect(findings.map((f) => [f.message, f.loc?.line, f.resources])).toEqual([
      ['numpy is required at different versions: ==1.26.4 (databricks.yml:12), ==2.0.0 (databricks.yml:19)', 12, ['jobs.j']],
    ]);
    expect(findings[0].fix?.text).toBe("Use one pinned version of numpy everywhere (or ship it as a dependency of the project's wheel).");
  });

  test('a %pip cell and a task library disagree: different versions across both', () => {
    const lib = '          existing_cluster_id: x\n          libraries:\n            - pypi:\n                package: numpy==2.0.0\n';
    const findings = run(`  jobs:\n${job('j', [['a', 'nb.py', lib], ['b', 'other.py', '']])}`, { 'nb.py': NB('print(1)'), 'other.py': NB('%pip install numpy==1.26.4') });
    expect(findings.map((f) => f.message).filter((m) => m.startsWith('numpy'))).toEqual([
      'numpy is required at different versions: ==2.0.0 (databricks.yml:12), ==1.26.4 (other.py:2)',
    ]);
  });

  test('two specifiers in one place are pip\'s business: no finding', () => {
    const findings = run(`  jobs:\n${job('j', [['t', 'nb.py', '']])}`, { 'nb.py': NB('%pip install numpy==2.0.0 numpy==2.0.0 numpy>=1') });
    expect(findings.filter((f) => f.message.includes('different versions'))).toEqual([]);
  });
});

describe('parseRequirement', () => {
  test('names (PEP 503), extras, markers, URLs, and what is no requirement', () => {
    expect(parseRequirement('My_Pkg [extra] == 1.0 ; python_version > "3"')).toEqual({ name: 'my-pkg', display: 'My_Pkg', spec: '==1.0' });
    expect(parseRequirement('pkg @ https://example.com/pkg.tar.gz')).toBeUndefined();
    expect(parseRequirement('pkg @ git+ssh://git@example.com/pkg')).toBeUndefined();
    expect(parseRequirement('pkg @ file:pkg')).toEqual({ name: 'pkg', display: 'pkg', spec: '@ file:pkg' });
    for (const text of ['', '  ', '-e .', './lib', '/abs/x', 'x-1.0.whl', 'x.jar', 'x.egg', 'x.tar.gz', 'x.ZIP', '(bad)']) expect(parseRequirement(text), text).toBeUndefined();
  });
});

describe('library-deps-inconsistent: which tasks and cells count', () => {
  test('a %pip cell that only installs a requirements file is reported', () => {
    expect(run(`  jobs:\n${job('j', [['t', 'nb.py', CLUSTER]])}`, { 'nb.py': NB('%pip install -r requirements.txt') }).map((f) => f.message)).toEqual([
      'nb.py installs -r requirements.txt with %pip install while task j.t declares no libraries',
    ]);
  });

  test('a spark_python_task file with a %pip line is read like a notebook; a wheel task\'s entry module is not', () => {
    const python = `    j:\n      name: j\n      tasks:\n        - task_key: t\n${CLUSTER}          spark_python_task:\n            python_file: ./run.py\n`;
    expect(run(`  jobs:\n${python}`, { 'run.py': NB('%pip install pandas==2.2.2') }).map((f) => f.message)).toEqual([
      'run.py installs pandas==2.2.2 with %pip install while task j.t declares no libraries',
    ]);
    const wheel =
      `    j:\n      name: j\n      tasks:\n        - task_key: t\n${CLUSTER}          python_wheel_task:\n            package_name: pkg\n            entry_point: main\n`;
    const files = {
      'pyproject.toml': '[project]\nname = "pkg"\nversion = "1"\n\n[project.scripts]\nmain = "pkg.cli:main"\n',
      'pkg/__init__.py': '',
      'pkg/cli.py': NB('%pip install pandas==2.2.2') + 'def main():\n    pass\n',
    };
    expect(run(`  jobs:\n${wheel}`, files)).toEqual([]);
  });

  test('a task whose job environment lists dependencies is not reported for its %pip cell', () => {
    const env = '      environments:\n        - environment_key: default\n          spec:\n            client: "2"\n            dependencies:\n              - pandas==2.2.2\n';
    expect(run(`  jobs:\n${job('j', [['t', 'nb.py', '          environment_key: default\n']])}${env}`, { 'nb.py': NB('%pip install requests==2.0') })).toEqual([]);
  });

  test('an environment without dependencies: the message names the environment and who runs it; two packages, two patch lines', () => {
    const env = '      environments:\n        - environment_key: default\n          spec:\n            client: "2"\n';
    const [finding] = run(`  jobs:\n${job('j', [['t', 'nb.py', '          environment_key: default\n']])}${env}`, { 'nb.py': NB('%pip install pandas==2.2.2 numpy==2.0.0') });
    expect(finding.message).toBe('nb.py installs pandas==2.2.2 numpy==2.0.0 with %pip install while the environment default of task j.t lists no dependencies');
    expect(finding.fix?.patch).toBe('environments:\n  - environment_key: default\n    spec:\n      dependencies:\n        - "pandas==2.2.2"\n        - "numpy==2.0.0"');
  });

  test('a task on a job cluster is on a cluster', () => {
    const [finding] = run(`  jobs:\n${job('j', [['t', 'nb.py', '          job_cluster_key: main\n']])}`, { 'nb.py': NB('%pip install pandas==2.2.2') });
    expect(finding.message).toBe('nb.py installs pandas==2.2.2 with %pip install while task j.t declares no libraries');
  });

  test('some pinned, some not: the message lists the unpinned ones', () => {
    const [finding] = run(`  jobs:\n${job('j', [['t', 'nb.py', CLUSTER]])}`, { 'nb.py': NB('%pip install pandas==2.2.2 numpy polars>=1') });
    expect(finding.message).toBe('nb.py installs pandas==2.2.2 numpy polars>=1 with %pip install (not pinned: numpy, polars>=1) while task j.t declares no libraries');
    expect(finding.severity).toBe('medium');
  });

  test('one notebook run by two jobs: the resources are sorted', () => {
    const findings = run(`  jobs:\n${job('z', [['t', 'nb.py', CLUSTER]])}${job('a', [['t', 'nb.py', CLUSTER]])}`, { 'nb.py': NB('%pip install pandas==2.2.2') });
    expect(findings.map((f) => [f.message, f.resources])).toEqual([
      ['nb.py installs pandas==2.2.2 with %pip install while task a.t, task z.t declare no libraries', ['jobs.a', 'jobs.z']],
    ]);
  });

  test('a range that ends in an exact pin is not an exact pin', () => {
    const [finding] = run(`  jobs:\n${job('j', [['t', 'nb.py', '']])}`, { 'nb.py': NB('%pip install "pandas>=1,==2.2.2"') });
    expect(finding.message).toBe(
      'nb.py installs pandas>=1,==2.2.2 with %pip install (none pinned) for task j.t (on serverless compute, where the %pip cell is the place for dependencies)',
    );
  });
});

describe('library-deps-inconsistent: pipelines and environment dependencies', () => {
  const pipeline = (extra: string, lib: string) => `  pipelines:\n    p:\n      name: p\n      catalog: main\n      schema: s\n${extra}      libraries:\n${lib}`;

  test('a classic pipeline: the message says the %pip cell is the place, for the pipeline', () => {
    const [finding] = run(pipeline('', '        - notebook:\n            path: ./src/flow\n'), { 'src/flow.py': NB('%pip install rapidfuzz') });
    expect(finding.message).toBe('src/flow.py installs rapidfuzz with %pip install (none pinned) for pipeline p (a classic pipeline, where the %pip cell is the place for dependencies)');
  });

  test('a serverless pipeline: one patch line per package', () => {
    const [finding] = run(pipeline('      serverless: true\n', '        - file:\n            path: ./src/flow.py\n'), { 'src/flow.py': NB('%pip install rapidfuzz==3.0.0 numpy') });
    expect(finding.fix?.patch).toBe('environment:\n  dependencies:\n    - "rapidfuzz==3.0.0"\n    - "numpy==<version>"');
  });

  test('an unpinned dependency of a job environment is reported at it', () => {
    const env = '      environments:\n        - environment_key: default\n          spec:\n            client: "2"\n            dependencies:\n              - pandas\n';
    const findings = run(`  jobs:\n${job('j', [['t', 'nb.py', '          environment_key: default\n']])}${env}`, { 'nb.py': NB('print(1)') });
    expect(findings.map((f) => [f.message, f.loc?.line])).toEqual([['library pandas is not pinned to a version', 17]]);
  });

  test('an environment dependency and a task library at different versions', () => {
    const env = '      environments:\n        - environment_key: default\n          spec:\n            client: "2"\n            dependencies:\n              - numpy==1.26.4\n';
    const lib = '          existing_cluster_id: x\n          libraries:\n            - pypi:\n                package: numpy==2.0.0\n';
    const findings = run(`  jobs:\n${job('j', [['a', 'nb.py', '          environment_key: default\n'], ['b', 'nb.py', lib]])}${env}`, { 'nb.py': NB('print(1)') });
    expect(findings.map((f) => f.message)).toEqual(['numpy is required at different versions: ==1.26.4 (databricks.yml:24), ==2.0.0 (databricks.yml:16)']);
  });
});

describe('parseRequirement: surrounding space and look-alike names', () => {
  test('spaces around a requirement and before a marker are not part of it', () => {
    expect(parseRequirement('  pandas == 2.2.2  ')).toEqual({ name: 'pandas', display: 'pandas', spec: '==2.2.2' });
    expect(parseRequirement('pkg @ file:pkg ; python_version > "3"')).toEqual({ name: 'pkg', display: 'pkg', spec: '@ file:pkg' });
  });

  test('a name that only contains an archive extension is a requirement', () => {
    expect(parseRequirement('my.zipper==1.0')).toEqual({ name: 'my-zipper', display: 'my.zipper', spec: '==1.0' });
  });
});
