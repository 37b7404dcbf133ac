// checks/lib/wheel-tasks: entry point values, artifact outputs and build output folders, wheel
// glob overlap, relative library paths, and - through package-name-mismatch and wheel-not-built on
// bundles on disk - the likely distribution, attached wheels and packages from elsewhere.
import { describe, expect, test } from 'vitest';
import { packageNameMismatch } from '../../src/checks/package-name-mismatch.js';
import { wheelNotBuilt } from '../../src/checks/wheel-not-built.js';
import { buildOutputDir, parseEntryPointValue, relativeFrom, wheelPatternsOverlap } from '../../src/checks/lib/wheel-tasks.js';
import { loadRepo } from '../fixtures/validate/harness.js';
import { runOnFiles } from './seed-helpers.js';

describe('parseEntryPointValue', () => {
  test('module and attribute path, extras dropped, spaces trimmed', () => {
    expect(parseEntryPointValue('pkg.mod:main')).toEqual({ module: 'pkg.mod', attr: 'main' });
    expect(parseEntryPointValue(' pkg.mod : App.run [extra1,extra2] ')).toEqual({ module: 'pkg.mod', attr: 'App.run' });
    expect(parseEntryPointValue('pkg')).toEqual({ module: 'pkg', attr: undefined });
    expect(parseEntryPointValue('pkg:')).toEqual({ module: 'pkg', attr: undefined });
  });

  test('no module, or one that is no dotted Python name: undefined', () => {
    for (const value of ['', ':main', '1pkg:main', 'my-pkg:main', 'pkg/mod:main']) expect(parseEntryPointValue(value), value).toBeUndefined();
  });
});

describe('buildOutputDir', () => {
  test.each([
    ['uv build --out-dir .build/', '.build'],
    ['uv build --out-dir=.build', '.build'],
    ['python -m build --outdir "out dir"', undefined],
    ['python -m build --outdir "out"', 'out'],
    ["python setup.py bdist_wheel --dist-dir 'wheels'", 'wheels'],
    ['pip wheel . --wheel-dir w', 'w'],
    ['pip wheel . -w w && echo done', 'w'],
    ['python -m build -o out', 'out'],
    ['python setup.py bdist_wheel -d out2;ls', 'out2'],
    ['python -m build --wheel', undefined],
    ['python -m build --wheel-o out', undefined],
  ])('%s -> %s', (build, dir) => {
    expect(buildOutputDir(build)).toBe(dir);
  });
});

describe('wheelPatternsOverlap', () => {
  test.each([
    ['dist/*.whl', 'dist/*.whl', true],
    ['./dist/*.whl', 'dist/*.whl', true],
    ['dist/pkg-1.0-py3-none-any.whl', 'dist/*.whl', true],
    ['dist/*.whl', 'dist/pkg-1.0-py3-none-any.whl', true],
    ['dist/my_pkg-*.whl', 'dist/*.whl', true],
    ['dist/pk?-1.0-py3-none-any.whl', 'dist/*.whl', true],
    ['out/*.whl', 'dist/*.whl', false],
    ['dist/a.whl', 'dist/b.whl', false],
    ['dist/*.jar', 'dist/*.whl', false],
  ])('%s and %s: %s', (a, b, overlap) => {
    expect(wheelPatternsOverlap(a, b)).toBe(overlap);
  });
});

describe('relativeFrom', () => {
  test('from the folder of the file, always starting with ./ or ../', () => {
    expect(relativeFrom('resources/jobs.yml', 'dist/*.whl')).toBe('../dist/*.whl');
    expect(relativeFrom('databricks.yml', 'dist/*.whl')).toBe('./dist/*.whl');
    expect(relativeFrom('databricks.yml', '.')).toBe('.');
    expect(relativeFrom('a/b.yml', 'a')).toBe('.');
  });
});

const pyproject = (name: string) => `[project]\nname = "${name}"\nversion = "0.1.0"\n`;
const wheelTask = (pkg: string, libraries = '          libraries:\n            - whl: ./dist/*.whl\n') =>
  `bundle:\n  name: w\nresources:\n  jobs:\n    j:\n      name: j\n      tasks:\n        - task_key: t\n          python_wheel_task:\n            package_name: ${pkg}\n            entry_point: main\n${libraries}`;

describe('the distribution a wrong package_name most likely means (package-name-mismatch patch)', () => {
  const patch = (pkg: string, files: Record<string, string>) => runOnFiles(packageNameMismatch, { 'databricks.yml': wheelTask(pkg), ...files }).map((f) => f.fix?.patch);

  test('the closest name, when unique and close enough (at most 2 edits, or a third of the name)', () => {
    const files = { 'a/pyproject.toml': pyproject('feature-store'), 'b/pyproject.toml': pyproject('reporting') };
    expect(patch('feature-stor', files)).toEqual(['package_name: feature-store']);
    expect(patch('featurestorexyz', files)).toEqual(['package_name: feature-store']);
    expect(patch('featurexxxxxxxx', files)).toEqual([undefined]);
  });

  test('two names equally close: no guess', () => {
    expect(patch('pkg-c', { 'a/pyproject.toml': pyproject('pkg-a'), 'b/pyproject.toml': pyproject('pkg-b') })).toEqual([undefined]);
  });

  test('the one distribution shipping an import package of that name wins over a closer name', () => {
    const files = { 'a/pyproject.toml': pyproject('acme-core'), 'a/acme/__init__.py': '', 'b/pyproject.toml': pyproject('acmf') };
    expect(patch('acme', files)).toEqual(['package_name: acme-core']);
  });
});

describe('wheels attached to a task (wheel-not-built)', () => {
  const run = (libraries: string, extra: Record<string, string> = {}) =>
    runOnFiles(wheelNotBuilt, { 'databricks.yml': wheelTask('my_pkg', libraries), 'pyproject.toml': pyproject('my-pkg'), ...extra }).map((f) => f.message);

  test('no wheel at all: reported, on an existing cluster too when the repository has the distribution', () => {
    const message = 'no wheel of my_pkg is built or attached for task t: no artifacts, no whl library';
    expect(run('')).toEqual([message]);
    expect(run('          existing_cluster_id: x\n          libraries:\n            - pypi:\n                package: other\n')).toEqual([message]);
  });

  test('a wheel among the environment dependencies (with extras, from a variable) is attached', () => {
    const env = (dep: string) =>
      `          environment_key: default\n      environments:\n        - environment_key: default\n          spec:\n            client: "2"\n            dependencies:\n              - ${dep}\n`;
    expect(run(env('/Volumes/main/libs/my_pkg-1.0-py3-none-any.whl[extra]'))).toEqual([]);
    expect(run(env('my_pkg==1.0'))).toEqual([]); // installed by name
    expect(run(env('other==1.0'))).toEqual(['no wheel of my_pkg is built or attached for task t: no artifacts, no whl library']);
    expect(run(env('-r /Workspace/req.whl'))).toEqual(['no wheel of my_pkg is built or attached for task t: no artifacts, no whl library']);
  });

  test('libraries from a complex variable cannot be read: not judged', () => {
    const libs = '          libraries: ${var.libs}\n';
    const files = { 'databricks.yml': `variables:\n  libs:\n    type: complex\n    default:\n      - whl: ./x.whl\n${wheelTask('my_pkg', libs)}` };
    expect(runOnFiles(wheelNotBuilt, { ...files, 'pyproject.toml': pyproject('my-pkg') })).toEqual([]);
  });
});

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('local libraries no artifact builds (wheel-not-built, through a loaded bundle)', () => {
  const messages = (repo: ReturnType<typeof loadRepo>) => repo.run('wheel-not-built').map((f) => `${f.loc?.line}: ${f.message}`);

  test('a library list shared by two tasks through a YAML alias is one finding, at the place written', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: s', 'artifacts:', '  w:', '    type: whl', '    path: ./pkg', 'resources:', '  jobs:', '    j:', '      tasks:',
        '        - task_key: a', '          spark_python_task:', '            python_file: ./run.py', '          libraries: &libs', '            - whl: ./other/*.whl',
        '        - task_key: b', '          spark_python_task:', '            python_file: ./run.py', '          libraries: *libs',
      ),
      'run.py': '',
    });
    expect(messages(repo)).toEqual([
      '15: whl ./other/*.whl of task a of jobs.j names other/*.whl, which none of the artifacts produce (pkg/dist/*.whl) and no file matches: deploy fails with "no files match pattern: other/*.whl"',
    ]);
  });

  test('a wheel one of an artifact\'s files produces, or one above the bundle root: not reported; a wheel nothing produces is', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: s', 'artifacts:', '  w:', '    type: whl', '    build: make', '    files:', '      - source: ./out/*.tar.gz', '      - source: ./out/*.whl',
        'resources:', '  jobs:', '    j:', '      tasks:',
        '        - task_key: a', '          spark_python_task:', '            python_file: ./run.py', '          libraries:',
        '            - whl: ./out/*.whl', '            - whl: ../../elsewhere/x.whl', '            - whl: ./missing/*.whl',
      ),
      'run.py': '',
    });
    expect(messages(repo)).toEqual([
      '20: whl ./missing/*.whl of task a of jobs.j names missing/*.whl, which none of the artifacts produce (out/*.whl) and no file matches: deploy fails with "no files match pattern: missing/*.whl"',
    ]);
  });

  test('a build of another type may produce anything: its jar library is not reported', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: s', 'artifacts:', '  j:', '    type: jar', '    path: ./java', '    build: mvn package', 'resources:', '  jobs:', '    j:', '      tasks:',
        '        - task_key: a', '          spark_python_task:', '            python_file: ./run.py', '          libraries:', '            - jar: ./java/target/*.jar',
      ),
      'run.py': '',
    });
    expect(messages(repo)).toEqual([]);
  });

  test('a jar artifact builds no wheel: the patch for a wheel task points at the distribution\'s dist/', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: s', 'artifacts:', '  j:', '    type: jar', '    path: ./java', '    build: mvn package', 'resources:', '  jobs:', '    j:', '      tasks:',
        '        - task_key: t', '          python_wheel_task:', '            package_name: my_pkg', '            entry_point: main',
      ),
      'pyproject.toml': pyproject('my-pkg'),
    });
    expect(repo.run('wheel-not-built').map((f) => [f.loc?.line, f.message, f.fix?.patch])).toEqual([
      [13, 'task t attaches no wheel: artifacts are built, but deploy uploads only wheels a task references, so my_pkg is never installed', 'libraries:\n  - whl: ./dist/*.whl'],
    ]);
  });
});

describe('where a task\'s package comes from (package-name-mismatch, wheel-not-built)', () => {
  const task = (key: string, extra: string[]) => [`        - task_key: ${key}`, '          python_wheel_task:', '            package_name: my_pkgg', '            entry_point: main', ...extra];

  test('libraries or environment dependencies a complex variable supplies at deploy time cannot be read: those tasks are not judged', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: s', 'variables:', '  deps:', '    type: complex', '  libs:', '    type: complex', 'resources:', '  jobs:', '    j:',
        '      environments:',
        '        - environment_key: fromvar', '          spec:', '            client: "2"', '            dependencies: ${var.deps}',
        '        - environment_key: plain', '          spec:', '            client: "2"', '            dependencies:', '              - other==1',
        '      tasks:',
        ...task('envvar', ['          environment_key: fromvar']),
        ...task('envplain', ['          environment_key: plain']),
        ...task('libvar', ['          libraries: ${var.libs}']),
        ...task('bare', []),
      ),
      'pyproject.toml': pyproject('my-pkg'),
    });
    expect(repo.run('package-name-mismatch').map((f) => `${f.loc?.line}: ${f.message}`)).toEqual([
      "29: package_name my_pkgg of tasks envplain of jobs.j, bare of jobs.j matches no distribution in the repository (the repository's distribution is my-pkg); also written at databricks.yml:39",
    ]);
    expect(repo.run('wheel-not-built').map((f) => `${f.loc?.line}: ${f.message}`)).toEqual([
      '28: no wheel of my_pkgg is built or attached for tasks envplain of jobs.j, bare of jobs.j: no artifacts, no whl library and no distribution of that name in the repository',
    ]);
  });

  test('remote wheels only, or an existing cluster without wheels: from elsewhere; a local wheel among remote ones, or nothing at all: a misspelt distribution', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: s', 'resources:', '  jobs:', '    j:', '      tasks:',
        ...task('remote', ['          libraries:', '            - whl: /Volumes/a/b/c/my_pkgg-1-py3-none-any.whl']),
        ...task('mixed', ['          libraries:', '            - whl: /Volumes/a/b/c/x.whl', '            - whl: ./dist/*.whl']),
        ...task('cluster', ['          existing_cluster_id: abc']),
        ...task('bare', []),
      ),
      'pyproject.toml': pyproject('my-pkg'),
    });
    expect(repo.run('package-name-mismatch').map((f) => `${f.loc?.line}: ${f.message}`)).toEqual([
      "15: package_name my_pkgg of tasks mixed of jobs.j, bare of jobs.j matches no distribution in the repository (the repository's distribution is my-pkg); also written at databricks.yml:27",
    ]);
  });

  test('a local wheel file with extras among the environment dependencies is the repository\'s own: a misspelt package_name is reported', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: s', 'resources:', '  jobs:', '    j:',
        '      environments:', '        - environment_key: default', '          spec:', '            client: "2"', '            dependencies:', '              - my_pkgg-1.0-py3-none-any.whl[extra]',
        '      tasks:', ...task('t', ['          environment_key: default']),
      ),
      'pyproject.toml': pyproject('my-pkg'),
    });
    expect(repo.run('package-name-mismatch').map((f) => `${f.loc?.line}: ${f.message}`)).toEqual([
      "15: package_name my_pkgg of task t matches no distribution in the repository (the repository's distribution is my-pkg)",
    ]);
  });

  test('an empty package_name and entry_point: the task is judged without a name', () => {
    const repo = loadRepo({
      'databricks.yml': yaml('bundle:', '  name: s', 'resources:', '  jobs:', '    j:', '      tasks:', '        - task_key: t', '          python_wheel_task:', '            package_name:', '            entry_point: ~'),
      'pyproject.toml': pyproject('my-pkg'),
    });
    expect(repo.run('wheel-not-built').map((f) => `${f.loc?.line}: ${f.message}`)).toEqual([
      '8: no wheel of the package is built or attached for task t: no artifacts, no whl library and no distribution of that name in the repository',
    ]);
    expect(repo.run('package-name-mismatch')).toEqual([]);
  });
});

describe('the closest distribution name (package-name-mismatch fix)', () => {
  const fixOf = (pkg: string, files: Record<string, string>) => runOnFiles(packageNameMismatch, { 'databricks.yml': wheelTask(pkg), ...files }).map((f) => [f.fix?.text, f.fix?.patch]);
  const closest = ['Use the name of the distribution the task most likely runs (the closest name) as package_name.', 'package_name: feature-store'];

  test('the closest of several, wherever it is listed', () => {
    expect(fixOf('feature-stor', { 'a/pyproject.toml': pyproject('reporting'), 'b/pyproject.toml': pyproject('feature-store') })).toEqual([closest]);
  });

  test('exactly a third of the name away is still close; one edit more is not', () => {
    const files = { 'a/pyproject.toml': pyproject('reporting'), 'b/pyproject.toml': pyproject('feature-store') };
    expect(fixOf('featurestoreabcd', files)).toEqual([closest]); // 5 edits, 16 characters
    expect(fixOf('featurestoreabcde', files)).toEqual([['Set package_name to the name of the distribution the task\'s wheel is built from (one of reporting, feature-store).', undefined]]);
  });
});
