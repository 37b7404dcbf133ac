import { describe, expect, it } from 'vitest';
import { NOTEBOOK, PLAIN, at, loadRepo } from '../fixtures/validate/harness.js';

const bundleYml = (body: string) => `bundle:\n  name: paths\n${body}`;

describe('path-not-found', () => {
  it('resolves task paths relative to the file that writes them and reports the missing ones in CLI wording', () => {
    const repo = loadRepo({
      'databricks.yml': bundleYml('include:\n  - resources/*.yml\n'),
      'resources/job.yml': [
        'resources:',
        '  jobs:',
        '    etl:',
        '      name: etl',
        '      tasks:',
        '        - task_key: ok_notebook',
        '          notebook_task:',
        '            notebook_path: ../src/ingest.py',
        '        - task_key: missing_notebook',
        '          notebook_task:',
        '            notebook_path: ../src/missing.py',
        '        - task_key: no_extension',
        '          notebook_task:',
        '            notebook_path: ../src/ingest',
        '        - task_key: missing_file',
        '          spark_python_task:',
        '            python_file: ./main.py',
        '        - task_key: remote',
        '          notebook_task:',
        '            notebook_path: /Workspace/Shared/other',
        '',
      ].join('\n'),
      'src/ingest.py': NOTEBOOK,
      'main.py': PLAIN, // exists at the root, but the path is written in resources/
    });
    const findings = repo.run('path-not-found');
    expect(at(findings)).toEqual(['resources/job.yml:11', 'resources/job.yml:14', 'resources/job.yml:17']);
    const messages = findings.map((f) => f.message);
    expect(messages).toContain('notebook src/missing.py not found');
    expect(messages.find((m) => m.startsWith('notebook "src/ingest" not found. Did you mean "src/ingest.py"?'))).toBeDefined();
    expect(messages).toContain('file resources/main.py not found');
    expect(findings.every((f) => f.resources?.[0] === 'jobs.etl' && f.evidence && f.fix?.text)).toBe(true);
  });

  it('resolves a path coming from ${var.x} relative to where the variable is used', () => {
    const repo = loadRepo({
      'databricks.yml': bundleYml('variables:\n  nb:\n    default: ../src/ingest.py\ninclude:\n  - resources/*.yml\n'),
      'resources/job.yml': 'resources:\n  jobs:\n    a:\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ${var.nb}\n',
      'src/ingest.py': NOTEBOOK,
    });
    expect(repo.run('path-not-found')).toEqual([]);
  });

  it('reports a notebook under ${workspace.file_path} that keeps its extension, but not remote or git paths', () => {
    const repo = loadRepo({
      'databricks.yml': bundleYml(
        [
          'resources:',
          '  jobs:',
          '    a:',
          '      tasks:',
          '        - task_key: ext',
          '          notebook_task:',
          '            notebook_path: ${workspace.file_path}/src/nb.py',
          '        - task_key: noext',
          '          notebook_task:',
          '            notebook_path: ${workspace.file_path}/src/nb',
          '        - task_key: abs',
          '          notebook_task:',
          '            notebook_path: /Users/me/nb',
          '    from_git:',
          '      git_source:',
          '        git_url: https://example.com/repo',
          '        git_provider: gitHub',
          '        git_branch: main',
          '      tasks:',
          '        - task_key: t',
          '          notebook_task:',
          '            notebook_path: notebooks/missing',
          '',
        ].join('\n'),
      ),
    });
    const findings = repo.run('path-not-found');
    expect(at(findings)).toEqual(['databricks.yml:9']);
    // The task can never run, exactly as with a missing local notebook: critical, not a lesser severity.
    expect(findings[0].severity).toBeUndefined(); // the check's own severity: critical
    expect(findings[0].fix?.text).toContain('${workspace.file_path}/src/nb');
  });

  it('expands pipeline notebook globs, skips glob.include, and names the fallback layout', () => {
    const repo = loadRepo({
      'databricks.yml': bundleYml('include:\n  - resources/*.yml\n'),
      'resources/p.yml': [
        'resources:',
        '  pipelines:',
        '    p:',
        '      libraries:',
        '        - notebook:',
        '            path: ../nb/*.ipynb',
        '        - glob:',
        '            include: ../transformations/**',
        '        - file:',
        '            path: ../src/t.py',
        '',
      ].join('\n'),
      'src/t.py': PLAIN,
      'targets.yml': 'targets:\n  dev:\n    default: true\n',
    });
    expect(repo.run('path-not-found').map((f) => f.message)).toEqual(['notebook nb/*.ipynb not found']);
  });

  it('names the pre-0.216 layout when the path exists relative to the resource file', () => {
    const repo = loadRepo({
      'databricks.yml': bundleYml('include:\n  - resources/*.yml\n  - override.yml\n'),
      'resources/job.yml': 'resources:\n  jobs:\n    a:\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: placeholder\n',
      'override.yml': 'resources:\n  jobs:\n    a:\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ../src/nb.py\n',
      'src/nb.py': NOTEBOOK,
    });
    const findings = repo.run('path-not-found');
    expect(at(findings)).toEqual(['override.yml:7']);
    expect(findings[0].message).toContain('path ../src/nb.py is defined relative to the resources directory');
    expect(findings[0].fix?.text).toContain('./src/nb.py');
    expect(repo.run('path-outside-sync-root')).toEqual([]);
  });

  it('reports a missing local wheel only when no artifact could build it, and checks artifact files without build', () => {
    const job = 'resources:\n  jobs:\n    a:\n      tasks:\n        - task_key: t\n          libraries:\n            - whl: ./dist/pkg-1.0-py3-none-any.whl\n            - whl: ./dist/*.whl\n';
    const none = loadRepo({ 'databricks.yml': bundleYml(job) });
    expect(none.run('path-not-found').map((f) => f.message)).toEqual(["file doesn't exist dist/pkg-1.0-py3-none-any.whl"]);
    const built = loadRepo({ 'databricks.yml': bundleYml(`${job}artifacts:\n  pkg:\n    type: whl\n    build: uv build --wheel\n    path: .\n`) });
    expect(built.run('path-not-found')).toEqual([]);
    const files = loadRepo({ 'databricks.yml': bundleYml('artifacts:\n  prebuilt:\n    files:\n      - source: out/*.jar\n') });
    expect(files.run('path-not-found').map((f) => f.message)).toEqual(['out/*.jar: no matching files']);
  });

  it('checks requirements and -r/-e environment dependencies but not package specs or remote paths', () => {
    const repo = loadRepo({
      'databricks.yml': bundleYml(
        [
          'resources:',
          '  jobs:',
          '    a:',
          '      tasks:',
          '        - task_key: t',
          '          environment_key: e',
          '          spark_python_task:',
          '            python_file: ./main.py',
          '          libraries:',
          '            - requirements: ./requirements.txt',
          '      environments:',
          '        - environment_key: e',
          '          spec:',
          '            client: "2"',
          '            dependencies:',
          '              - -r ./req-missing.txt',
          '              - -e ./lib',
          '              - pandas==2.0',
          '              - -r ${workspace.file_path}/requirements.txt',
          '              - --index-url https://pypi.example.com/simple',
          '',
        ].join('\n'),
      ),
      'main.py': PLAIN,
      'lib/pyproject.toml': '[project]\nname = "lib"\n',
    });
    expect(repo.run('path-not-found').map((f) => `${f.loc?.line} ${f.message}`)).toEqual([
      '12 file requirements.txt not found',
      '18 file req-missing.txt not found',
    ]);
  });
});

describe('paths above the analysed directory', () => {
  it('does not report files it could not read as missing', () => {
    const files = {
      'bundle/databricks.yml': bundleYml(
        'sync:\n  paths:\n    - .\n    - ../src\nresources:\n  jobs:\n    a:\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ../src/nb.py\n          libraries:\n            - whl: ../lib/pkg-1.0-py3-none-any.whl\n',
      ),
      'src/nb.py': NOTEBOOK,
      'lib/pkg-1.0-py3-none-any.whl': '',
    };
    const whole = loadRepo(files, { bundleDir: 'bundle' });
    expect(whole.run('path-not-found')).toEqual([]);
    const bundleOnly = loadRepo(files, { analyse: 'bundle' });
    expect(bundleOnly.run('path-not-found')).toEqual([]);
    expect(bundleOnly.run('path-kind-mismatch')).toEqual([]);
    const withoutWheel = Object.fromEntries(Object.entries(files).filter(([rel]) => !rel.endsWith('.whl')));
    const missing = loadRepo(withoutWheel, { bundleDir: 'bundle' });
    expect(missing.run('path-not-found').map((f) => f.message)).toEqual(["file doesn't exist ../lib/pkg-1.0-py3-none-any.whl"]);
  });
});

describe('path-kind-mismatch', () => {
  it('tells notebooks from files by header, in both directions, in CLI wording', () => {
    const repo = loadRepo({
      'databricks.yml': bundleYml(
        [
          'resources:',
          '  jobs:',
          '    a:',
          '      tasks:',
          '        - task_key: nb_as_file',
          '          spark_python_task:',
          '            python_file: ./nb.py',
          '        - task_key: file_as_nb',
          '          notebook_task:',
          '            notebook_path: ./plain.py',
          '        - task_key: sql_nb',
          '          notebook_task:',
          '            notebook_path: ./q.sql',
          '  pipelines:',
          '    p:',
          '      libraries:',
          '        - file:',
          '            path: ./*.py',
          '',
        ].join('\n'),
      ),
      'nb.py': NOTEBOOK,
      'plain.py': PLAIN,
      'q.sql': '-- Databricks notebook source\nselect 1\n',
    });
    const findings = repo.run('path-kind-mismatch');
    expect(findings.map((f) => `${f.loc?.line} ${f.message.split(':')[0]}`)).toEqual([
      '9 expected a file for "resources.jobs.a.tasks[0].spark_python_task.python_file" but got a notebook',
      '12 expected a notebook for "resources.jobs.a.tasks[1].notebook_task.notebook_path" but got a file',
      '20 expected a file for "resources.pipelines.p.libraries[0].file.path" but got a notebook',
    ]);
    expect(repo.run('path-not-found')).toEqual([]);
  });
});

describe('path-outside-sync-root', () => {
  const job = 'resources:\n  jobs:\n    a:\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ../src/nb.py\n';
  it('reports a path outside the bundle root unless sync.paths widens the sync root', () => {
    const outside = loadRepo({ 'bundle/databricks.yml': bundleYml(job), 'src/nb.py': NOTEBOOK }, { bundleDir: 'bundle' });
    const findings = outside.run('path-outside-sync-root');
    expect(at(findings)).toEqual(['databricks.yml:9']);
    // Relative to the bundle root, never an absolute path of this machine.
    expect(findings[0].message).toBe('path ../src/nb.py is not contained in sync root path . (the bundle root)');
    expect(outside.run('path-not-found')).toEqual([]);

    const widened = loadRepo({ 'bundle/databricks.yml': bundleYml(`${job}sync:\n  paths:\n    - .\n    - ../src\n`), 'src/nb.py': NOTEBOOK }, { bundleDir: 'bundle' });
    expect(widened.run('path-outside-sync-root')).toEqual([]);
    expect(widened.run('path-not-found')).toEqual([]);
  });
});
