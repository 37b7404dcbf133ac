// path-not-found findings pinned whole: each kind of missing path with its message, impact
// (validate, or deploy for a library) and fix, next to the paths an artifact build may create.
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../fixtures/validate/harness.js';

const yaml = (...rows: string[]) => `${rows.join('\n')}\n`;
const NOTEBOOK_HINT = 'Local notebook references are expected to contain one of the following file extensions: [.py, .r, .scala, .sql, .ipynb]';

const finding = (line: number, column: number, resource: string, evidence: string, field: string, message: string, fix: string, verb = 'validate') => ({
  check: 'path-not-found',
  message,
  loc: { file: 'databricks.yml', line, column },
  resources: [resource],
  evidence,
  impact: `\`bundle ${verb}\` fails at ${field}.`,
  fix: { text: fix },
});
const fixPath = (p: string, what = 'file') => `Fix the path relative to databricks.yml (it resolves to ${p}) or add the missing ${what}.`;

describe('path-not-found', () => {
  it('each kind of missing notebook, file, directory and glob; with an artifact build, libraries and app folders are left alone', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: p', 'resources:', '  jobs:', '    j:', '      tasks:',
        '        - task_key: a', '          notebook_task:', '            notebook_path: ${workspace.file_path}/src/nb.py',
        '        - task_key: b', '          notebook_task:', '            notebook_path: ./src/gone.py',
        '        - task_key: c', '          notebook_task:', '            notebook_path: ./src/nb',
        '        - task_key: d', '          notebook_task:', '            notebook_path: ./src/none',
        '        - task_key: e', '          spark_python_task:', '            python_file: ./src/missing.py',
        '          libraries:', '            - whl: ./dist/missing.whl',
        '  pipelines:', '    p:', '      name: p', '      root_path: ./nodir', '      libraries:', '        - file:', '            path: ./src/*.sql',
        '  apps:', '    a:', '      name: a', '      source_code_path: ./app',
        'artifacts:', '  x:', '    files:', '      - source: ./dist/*.jar',
      ),
      'src/nb.ipynb': '{}',
    });
    const task = (i: number, kind: string) => `resources.jobs.j.tasks[${i}].${kind}`;
    expect(repo.run('path-not-found')).toEqual([
      finding(9, 28, 'jobs.j', 'notebook_path: ${workspace.file_path}/src/nb.py', task(0, 'notebook_task.notebook_path'),
        'notebook ${workspace.file_path}/src/nb.py does not exist in the workspace: notebooks synced with the bundle lose their extension',
        'Drop the extension: ${workspace.file_path}/src/nb, or use the local relative path so the CLI translates it.'),
      finding(12, 28, 'jobs.j', 'notebook_path: ./src/gone.py', task(1, 'notebook_task.notebook_path'), 'notebook src/gone.py not found', fixPath('src/gone.py')),
      finding(15, 28, 'jobs.j', 'notebook_path: ./src/nb', task(2, 'notebook_task.notebook_path'), `notebook "src/nb" not found. Did you mean "src/nb.ipynb"? ${NOTEBOOK_HINT}`, 'Write the extension: ./src/nb.ipynb'),
      finding(18, 28, 'jobs.j', 'notebook_path: ./src/none', task(3, 'notebook_task.notebook_path'), `notebook "src/none" not found. ${NOTEBOOK_HINT}`, fixPath('src/none')),
      finding(21, 26, 'jobs.j', 'python_file: ./src/missing.py', task(4, 'spark_python_task.python_file'), 'file src/missing.py not found', fixPath('src/missing.py')),
      finding(30, 19, 'pipelines.p', 'path: ./src/*.sql', 'resources.pipelines.p.libraries[0].file.path', 'file src/*.sql not found', 'No file matches src/*.sql; fix the pattern relative to databricks.yml.'),
      finding(27, 18, 'pipelines.p', 'root_path: ./nodir', 'resources.pipelines.p.root_path', 'directory nodir not found', fixPath('nodir', 'directory')),
      finding(38, 17, 'artifacts.x', '- source: ./dist/*.jar', 'artifacts.x.files[0].source', './dist/*.jar: no matching files', 'No file matches dist/*.jar; fix the pattern relative to databricks.yml.'),
    ]);
  });

  it('without an artifact build: a missing library fails deploy, a missing app folder validate; a library glob and existing files pass', () => {
    const repo = loadRepo({
      'databricks.yml': yaml(
        'bundle:', '  name: p', 'resources:', '  jobs:', '    j:', '      tasks:',
        '        - task_key: e', '          spark_python_task:', '            python_file: ./src/a.py',
        '          libraries:', '            - whl: ./dist/missing.whl', '            - whl: ./dist/*.whl', '            - requirements: ./req.txt',
        '  apps:', '    a:', '      name: a', '      source_code_path: ./app',
      ),
      'src/a.py': '',
    });
    expect(repo.run('path-not-found')).toEqual([
      finding(11, 20, 'jobs.j', '- whl: ./dist/missing.whl', 'resources.jobs.j.tasks[0].libraries[0].whl', "file doesn't exist dist/missing.whl",
        'Build or commit dist/missing.whl before deploy (an `artifacts:` entry that builds it), or fix the path relative to databricks.yml.', 'deploy'),
      finding(13, 29, 'jobs.j', '- requirements: ./req.txt', 'resources.jobs.j.tasks[0].libraries[2].requirements', 'file req.txt not found', fixPath('req.txt')),
      finding(17, 25, 'apps.a', 'source_code_path: ./app', 'resources.apps.a.source_code_path', 'directory app not found', fixPath('app', 'directory')),
    ]);
  });
});
