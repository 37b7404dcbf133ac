// wheel-not-built on small bundles on disk: a wheel task that gets no wheel (with and without
// artifacts, with and without the distribution in the repository, one task or several), a task on a
// Docker image, and local libraries nothing builds (whl and jar, with and without a distribution to
// build them from), each with its message, impact and fix.
import { describe, expect, test } from 'vitest';
import { wheelNotBuilt } from '../../src/checks/wheel-not-built.js';
import type { RawFinding } from '../../src/model.js';
import { runOnFiles } from './seed-helpers.js';

const pyproject = (name: string) => `[project]\nname = "${name}"\nversion = "0.1.0"\n`;
const wheelTask = (key: string, pkg: string, extra = '') =>
  `        - task_key: ${key}\n${extra}          python_wheel_task:\n            package_name: ${pkg}\n            entry_point: main\n`;
const jobs = (...list: [string, string][]) => list.map(([key, tasks]) => `    ${key}:\n      name: ${key}\n      tasks:\n${tasks}`).join('');

function run(top: string, jobsYaml: string, files: Record<string, string> = {}): RawFinding[] {
  return runOnFiles(wheelNotBuilt, { 'databricks.yml': `bundle:\n  name: wnb\n${top}resources:\n  jobs:\n${jobsYaml}`, ...files });
}

const ARTIFACT = 'artifacts:\n  w:\n    type: whl\n    build: uv build --wheel --out-dir out\n    path: ./lib\n';

describe('wheel-not-built: a wheel task that gets no wheel', () => {
  test('artifacts are built but the task attaches none: the patch attaches the artifact output', () => {
    const [finding, ...rest] = run(ARTIFACT, jobs(['j', wheelTask('t', 'my_pkg')]), { 'lib/pyproject.toml': pyproject('my-pkg') });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      message: 'task t attaches no wheel: artifacts are built, but deploy uploads only wheels a task references, so my_pkg is never installed',
      loc: { file: 'databricks.yml', line: 14 },
      resources: ['jobs.j'],
      breaksDeploy: false,
      impact: 'Deploy succeeds but task t of jobs.j fails at run time: package my_pkg is not installed on their compute.',
      fix: { text: "Attach the artifact's wheel to the task (paths are relative to databricks.yml).", patch: 'libraries:\n  - whl: ./lib/out/*.whl' },
    });
    expect(finding.evidence).toBe('python_wheel_task:\n  package_name: my_pkg\n  entry_point: main');
  });

  test('with artifacts, each task is its own finding', () => {
    expect(run(ARTIFACT, jobs(['j', wheelTask('a', 'my_pkg') + wheelTask('b', 'my_pkg')])).map((f) => f.message.split(':')[0])).toEqual([
      'task a attaches no wheel',
      'task b attaches no wheel',
    ]);
  });

  test('without artifacts, tasks of one package share a finding: "tasks ... of ...", "these tasks fail", "each task"', () => {
    const findings = run('', jobs(['z', wheelTask('a', 'my_pkg')], ['y', wheelTask('b', 'my_pkg')]), { 'lib/pyproject.toml': pyproject('my-pkg') });
    expect(findings.map((f) => [f.message, f.resources])).toEqual([
      ['no wheel of my_pkg is built or attached for tasks a of jobs.z, b of jobs.y: no artifacts, no whl library', ['jobs.y', 'jobs.z']],
    ]);
    expect(findings[0].impact).toBe('Deploy succeeds but these tasks fail at run time: package my_pkg is not installed on their compute.');
    expect(findings[0].fix).toEqual({
      text: 'Declare an artifact that builds the wheel from lib and attach its output to each task (paths are relative to the file that writes them).',
      patch: '# databricks.yml\nartifacts:\n  my_pkg_wheel:\n    type: whl\n    build: python3 -m build --wheel\n    path: lib\n\n# databricks.yml, task a\nlibraries:\n  - whl: ./lib/dist/*.whl',
    });
  });

  test('no distribution of that name in the repository: said so, and the patch builds the bundle root', () => {
    const [finding] = run('', jobs(['j', wheelTask('t', 'some.pkg')]));
    expect(finding.message).toBe('no wheel of some.pkg is built or attached for task t: no artifacts, no whl library and no distribution of that name in the repository');
    expect(finding.fix?.text).toBe('Declare an artifact that builds the wheel and attach its output to the task (paths are relative to the file that writes them).');
    expect(finding.fix?.patch).toMatch(/^# databricks\.yml\nartifacts:\n  some_pkg_wheel:\n    type: whl\n    build: python3 -m build --wheel\n    path: \.\n/);
  });

  test('a distribution at the bundle root: "from the bundle root"', () => {
    const [finding] = run('', jobs(['j', wheelTask('t', 'my_pkg')]), { 'pyproject.toml': pyproject('my-pkg') });
    expect(finding.fix?.text).toMatch(/^Declare an artifact that builds the wheel from the bundle root and attach its output to the task /);
  });

  test('without package_name: "the package"; on an existing cluster without a distribution: installed there, presumably', () => {
    const [finding] = run('', jobs(['j', '        - task_key: t\n          python_wheel_task:\n            entry_point: main\n']));
    expect(finding.message).toBe('no wheel of the package is built or attached for task t: no artifacts, no whl library and no distribution of that name in the repository');
    expect(run('', jobs(['j', wheelTask('t', 'other', '          existing_cluster_id: 0101-abc\n')]))).toEqual([]);
  });

  test('a task on a custom Docker image: info, the image may provide the package', () => {
    const cluster = '          new_cluster:\n            spark_version: 15.4.x-scala2.12\n            docker_image:\n              url: repo/img:1\n';
    const [finding] = run('', jobs(['j', wheelTask('t', 'my_pkg', cluster)]));
    expect(finding).toMatchObject({
      severity: 'info',
      breaksDeploy: false,
      message: 'task t of jobs.j attaches no wheel of my_pkg; cannot verify: the cluster image (docker_image) may provide it',
      resources: ['jobs.j'],
      impact: 'If the image does not contain my_pkg, task t of jobs.j fails at run time.',
      fix: { text: 'Make sure the image installs my_pkg (at the version this repository builds), or attach the wheel to the task.' },
    });
  });
});

describe('wheel-not-built: a local library nothing builds', () => {
  const libraryTask = (libs: string, key = '          task_key: t\n') =>
    `        -${key.slice(9)}          existing_cluster_id: x\n          spark_python_task:\n            python_file: ./run.py\n          libraries:\n${libs}`;

  test('a jar glob: the jar wording and fix', () => {
    const [finding] = run(ARTIFACT, jobs(['j', libraryTask('            - jar: ./target/*.jar\n')]), { 'run.py': '' });
    expect(finding.message).toBe('jar ./target/*.jar of task t of jobs.j names target/*.jar, but no artifact builds it and no file matches it: deploy fails with "no files match pattern: target/*.jar"');
    expect(finding.impact).toBe('`databricks bundle deploy` fails: the library path of jobs.j matches no file after the build.');
    expect(finding.breaksDeploy).toBe(true);
    expect(finding.fix).toEqual({
      text: 'Declare an artifact (type: jar) that builds target/*.jar, or commit the jar, or fetch it into target in a step that runs before every deploy (CI included).',
    });
  });

  test('a missing wheel file named after a distribution of the repository: the fix declares its artifact', () => {
    const [finding] = run(ARTIFACT, jobs(['j', libraryTask('            - whl: ./wheels/my_pkg-1.0-py3-none-any.whl\n')]), {
      'run.py': '',
      'lib/pyproject.toml': pyproject('my-pkg'),
    });
    expect(finding.message).toBe(
      'whl ./wheels/my_pkg-1.0-py3-none-any.whl of task t of jobs.j names wheels/my_pkg-1.0-py3-none-any.whl, which none of the artifacts produce (lib/out/*.whl) and no file matches: deploy fails with "file doesn\'t exist wheels/my_pkg-1.0-py3-none-any.whl"',
    );
    expect(finding.fix).toEqual({ text: "Point the library at the artifact's output (relative to databricks.yml).", patch: '- whl: ./lib/out/*.whl' });
  });

  test('no artifact output to point at: the artifact block for the distribution the file name names', () => {
    const jarArtifact = 'artifacts:\n  app:\n    type: jar\n    build: make\n    path: ./app\n    files:\n      - source: ./app/out/app.jar\n';
    const [finding] = run(jarArtifact, jobs(['j', libraryTask('            - whl: ./wheels/my_pkg-1.0-*.whl\n')]), { 'run.py': '', 'lib/pyproject.toml': pyproject('my-pkg') });
    expect(finding.fix).toEqual({
      text: 'Declare an artifact that builds the wheel (a pyproject-only project is never built implicitly), or place the prebuilt wheel in wheels before every deploy.',
      patch: '# databricks.yml\nartifacts:\n  my_pkg_wheel:\n    type: whl\n    build: python3 -m build --wheel\n    path: lib',
    });
  });

  test('a wheel of no known distribution: fetch it before every deploy, or commit it', () => {
    const jarOnly = 'artifacts:\n  app:\n    type: jar\n    build: make\n    files:\n      - source: ./app.jar\n';
    const [none] = run(jarOnly, jobs(['j', libraryTask('            - whl: ./wheels/cowsay-6.1-*.whl\n')]), { 'run.py': '' });
    expect(none.fix).toEqual({
      text:
        'Declare an artifact that builds the wheel, or fetch the prebuilt wheel into wheels in a step that runs before every deploy, CI included (e.g. `pip download --no-deps -d wheels <package>==<version>`), or commit it.',
    });
  });

  test('a task without task_key is named by its position', () => {
    const [finding] = run(ARTIFACT, jobs(['j', '        - existing_cluster_id: x\n          libraries:\n            - jar: ./target/*.jar\n']));
    expect(finding.message).toMatch(/^jar \.\/target\/\*\.jar of task #1 of jobs\.j names/);
  });

  test('an environment without environment_key is named by its position', () => {
    const env = '          environment_key: e\n          spark_python_task:\n            python_file: ./run.py\n      environments:\n        - spec:\n            dependencies:\n              - ./wheels/*.whl\n';
    const [finding] = run(ARTIFACT, jobs(['j', `        - task_key: t\n${env}`]), { 'run.py': '' });
    expect(finding.message).toMatch(/^whl \.\/wheels\/\*\.whl of environment #1 of jobs\.j names wheels\/\*\.whl/);
  });
});

describe('wheel-not-built: the artifact name in the patch', () => {
  test('runs of other characters in the package name become one underscore', () => {
    const [finding] = run('', jobs(['j', wheelTask('t', 'some..pkg')]));
    expect(finding.fix?.patch).toMatch(/^# databricks\.yml\nartifacts:\n  some_pkg_wheel:\n/);
  });
});

describe('wheel-not-built: grouping, variables and places', () => {
  const libraryTask = (key: string, libs: string) =>
    `        - task_key: ${key}\n          existing_cluster_id: x\n          spark_python_task:\n            python_file: ./run.py\n          libraries:\n${libs}`;

  test('without artifacts, tasks of two packages are two findings', () => {
    const findings = run('', jobs(['j', wheelTask('a', 'pkg_a') + wheelTask('b', 'pkg_b')]));
    expect(findings.map((f) => f.message)).toEqual([
      'no wheel of pkg_a is built or attached for task a: no artifacts, no whl library and no distribution of that name in the repository',
      'no wheel of pkg_b is built or attached for task b: no artifacts, no whl library and no distribution of that name in the repository',
    ]);
  });

  test('libraries from a complex variable cannot be read: nothing', () => {
    const top = 'variables:\n  libs:\n    type: complex\n    default:\n      - whl: /Volumes/main/x/pkg.whl\n';
    expect(run(top, jobs(['j', wheelTask('t', 'my_pkg', '          libraries: ${var.libs}\n')]))).toEqual([]);
  });

  test('the Docker-image finding is at the python_wheel_task key', () => {
    const cluster = '          new_cluster:\n            spark_version: 15.4.x-scala2.12\n            docker_image:\n              url: repo/img:1\n';
    const [finding] = run('', jobs(['j', wheelTask('t', 'my_pkg', cluster)]));
    expect(finding.loc).toEqual({ file: 'databricks.yml', line: 13, column: 11 });
  });

  test('the task that attaches the missing wheel gives the package for the artifact, not another task that attaches a wheel', () => {
    const remote = '        - task_key: a\n          existing_cluster_id: x\n          python_wheel_task:\n            package_name: pkg_a\n            entry_point: main\n          libraries:\n            - whl: /Volumes/main/x/pkg_a.whl\n';
    const local = '        - task_key: b\n          existing_cluster_id: x\n          python_wheel_task:\n            package_name: pkg_b\n            entry_point: main\n          libraries:\n            - whl: ./dist/*.whl\n';
    const [finding, ...rest] = run('', jobs(['j', remote + local]));
    expect(rest).toEqual([]);
    expect(finding.message).toBe('whl ./dist/*.whl of task b of jobs.j names dist/*.whl, but no artifact builds it and no file matches it: deploy fails with "no files match pattern: dist/*.whl"');
    expect(finding.fix?.patch).toBe('# databricks.yml\nartifacts:\n  pkg_b_wheel:\n    type: whl\n    build: python3 -m build --wheel\n    path: .');
  });

  test('a whl artifact whose files are no wheels produces none', () => {
    const sdist = 'artifacts:\n  w:\n    type: whl\n    build: python3 -m build\n    files:\n      - source: ./dist/pkg.tar.gz\n';
    const [finding] = run(sdist, jobs(['j', libraryTask('t', '            - whl: ./wheels/*.whl\n')]), { 'run.py': '' });
    expect(finding.message).toBe('whl ./wheels/*.whl of task t of jobs.j names wheels/*.whl, but no artifact builds it and no file matches it: deploy fails with "no files match pattern: wheels/*.whl"');
  });

  test('two artifact outputs are both listed', () => {
    const two = `${ARTIFACT}  v:\n    type: whl\n    build: python3 -m build --wheel\n    path: ./other\n`;
    const [finding] = run(two, jobs(['j', libraryTask('t', '            - whl: ./wheels/*.whl\n')]), { 'run.py': '' });
    expect(finding.message).toMatch(/, which none of the artifacts produce \(lib\/out\/\*\.whl, other\/dist\/\*\.whl\) and no file matches:/);
  });

  test('a library of the second of two jobs is named by its task in that job', () => {
    const findings = run(ARTIFACT, jobs(['first', libraryTask('t', '            - whl: /Volumes/main/x/pkg.whl\n')], ['second_job', libraryTask('u', '            - jar: ./target/*.jar\n')]), { 'run.py': '' });
    expect(findings.map((f) => f.message.split(' names ')[0])).toEqual(['jar ./target/*.jar of task u of jobs.second_job']);
  });

  test('the eleventh task is found by its two-digit index', () => {
    const tasks = Array.from({ length: 10 }, (_, i) => libraryTask(`t${i}`, '            - whl: /Volumes/main/x/pkg.whl\n')).join('') + libraryTask('last', '            - jar: ./target/*.jar\n');
    const [finding] = run(ARTIFACT, jobs(['j', tasks]), { 'run.py': '' });
    expect(finding.message.split(' names ')[0]).toBe('jar ./target/*.jar of task last of jobs.j');
  });

  test('an environment with a key is named by it', () => {
    const env = '          environment_key: e\n          spark_python_task:\n            python_file: ./run.py\n      environments:\n        - environment_key: e\n          spec:\n            dependencies:\n              - ./wheels/*.whl\n';
    const [finding] = run(ARTIFACT, jobs(['j', `        - task_key: t\n${env}`]), { 'run.py': '' });
    expect(finding.message.split(' names ')[0]).toBe('whl ./wheels/*.whl of environment e of jobs.j');
  });

  test('a jar glob without extension is still a jar', () => {
    const [finding] = run(ARTIFACT, jobs(['j', libraryTask('t', '            - jar: ./target/app-*\n')]), { 'run.py': '' });
    expect(finding.message).toMatch(/^jar \.\/target\/app-\* of task t of jobs\.j names target\/app-\*, but no artifact builds it/);
  });

  test('a wheel task without a distribution in the repository: the artifact is named after its package', () => {
    const local = '        - task_key: t\n          existing_cluster_id: x\n          python_wheel_task:\n            package_name: my_pkg\n            entry_point: main\n          libraries:\n            - whl: ./dist/*.whl\n';
    const [finding] = run('', jobs(['j', local]));
    expect(finding.fix?.patch).toMatch(/^# databricks\.yml\nartifacts:\n  my_pkg_wheel:\n/);
  });
});
